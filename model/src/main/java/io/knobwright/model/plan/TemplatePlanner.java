package io.knobwright.model.plan;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diff.ValueEquivalence;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From template to change plan: resolves a template for an instance (its facts, its engine version's
 * catalog) and compares the result with the instance's current settings.
 */
public final class TemplatePlanner {

    private final TemplateResolver resolver;
    private final CatalogRepository catalogs;
    private final PlanBuilder builder;

    /** @param templates where a template's parents are looked up (the library's newest versions) */
    public TemplatePlanner(TemplateResolver.TemplateSource templates, CatalogRepository catalogs,
                           ValueEquivalence equivalence) {
        this.resolver = new TemplateResolver(templates);
        this.catalogs = catalogs;
        this.builder = new PlanBuilder(equivalence);
    }

    /** The template's resolved configuration for this instance, with provenance per parameter. */
    public List<ResolvedParameter> resolve(TemplateVersion template, Instance instance) {
        if (template.template().engine() != instance.engine()) {
            throw new TemplateException("Template '" + template.name() + "' is for " + template.template().engine().displayName()
                    + "; '" + instance.name() + "' runs " + instance.engine().displayName());
        }
        ParameterCatalog catalog = catalogs.require(instance.engine(), instance.version());
        return resolver.resolve(template, instance.hardware(), catalog);
    }

    /**
     * The settings a plan or the drift of this template looks at on an instance: its entries in force, inherited ones
     * included, spelled as written and as each catalog of its engine spells them (as servers report them). The rest
     * of a snapshot does not change the result.
     */
    public Set<String> parameters(TemplateVersion template) {
        Engine engine = template.template().engine();
        List<ParameterCatalog> engineCatalogs = engine.supportedVersions().stream()
                .flatMap(v -> catalogs.find(new EngineVersion(engine, v)).stream()).toList();
        Set<String> names = new HashSet<>();
        for (TemplateResolver.EffectiveEntry e : resolver.effectiveEntries(template)) {
            String written = e.entry().parameter();
            names.add(written);
            engineCatalogs.forEach(c -> c.find(written).ifPresent(spec -> names.add(spec.name())));
        }
        return names;
    }

    /**
     * A draft plan for one instance.
     *
     * @param snapshot the current settings: just read from the live server, or the newest stored snapshot
     * @param live     whether {@code snapshot} was read just now (shown to reviewers as the plan's baseline)
     */
    public ChangePlan plan(TemplateVersion template, Instance instance, SettingsSnapshot snapshot, boolean live,
                           String author, Instant now) {
        List<ResolvedParameter> resolved = resolve(template, instance);
        ParameterCatalog catalog = catalogs.require(instance.engine(), instance.version());
        String baseline = snapshot == null ? "no settings read yet"
                : live ? "live at " + snapshot.takenAt() : "snapshot of " + snapshot.takenAt();
        return builder.build(instance, template.name(), template.version(), resolved, current(snapshot), baseline,
                catalog, author, now);
    }

    /** How many parameters differ between the template's resolved configuration and the snapshot. */
    public int drift(TemplateVersion template, Instance instance, SettingsSnapshot snapshot) {
        return plan(template, instance, snapshot, false, "", Instant.EPOCH).changes().size();
    }

    private static Map<String, String> current(SettingsSnapshot snapshot) {
        Map<String, String> current = new LinkedHashMap<>();
        if (snapshot != null) {
            for (LiveSetting s : snapshot.settings()) {
                if (s.value() != null) {
                    current.put(s.name(), s.value());
                }
            }
        }
        return current;
    }
}
