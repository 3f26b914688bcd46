package io.knobwright.model.plan;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.InstanceCatalogs;
import io.knobwright.model.catalog.NoCatalogException;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diff.ValueEquivalence;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.template.MissingFactException;
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
    private final CatalogRepository shipped;
    private final InstanceCatalogs catalogs;
    private final PlanBuilder builder;
    private final ValueEquivalence equivalence;

    /**
     * A planner that judges every instance by the shipped catalog of its version.
     *
     * @param templates where a template's parents are looked up (the library's newest versions)
     */
    public TemplatePlanner(TemplateResolver.TemplateSource templates, CatalogRepository shipped,
                           ValueEquivalence equivalence) {
        this(templates, shipped, InstanceCatalogs.shippedOnly(shipped), equivalence);
    }

    /** @param catalogs the catalog in force per instance: its server's own description once it was read */
    public TemplatePlanner(TemplateResolver.TemplateSource templates, CatalogRepository shipped,
                           InstanceCatalogs catalogs, ValueEquivalence equivalence) {
        this.resolver = new TemplateResolver(templates);
        this.shipped = shipped;
        this.catalogs = catalogs;
        this.builder = new PlanBuilder(equivalence);
        this.equivalence = equivalence;
    }

    /**
     * The catalog in force for the instance (its server's own description once read, else the shipped one);
     * a template cannot be resolved for a version without one.
     */
    public ParameterCatalog catalogFor(Instance instance) {
        try {
            return catalogs.forInstance(instance.id(), new EngineVersion(instance.engine(), instance.version()));
        } catch (NoCatalogException noCatalog) {
            throw new TemplateException("No template can be resolved for '" + instance.name() + "': "
                    + noCatalog.getMessage(), noCatalog);
        }
    }

    /** The template's resolved configuration for this instance, with provenance per parameter. */
    public List<ResolvedParameter> resolve(TemplateVersion template, Instance instance) {
        return resolve(template, instance, catalogFor(instance));
    }

    private List<ResolvedParameter> resolve(TemplateVersion template, Instance instance, ParameterCatalog catalog) {
        if (template.template().engine() != instance.engine()) {
            throw new TemplateException("Template '" + template.name() + "' is for " + template.template().engine().displayName()
                    + "; '" + instance.name() + "' runs " + instance.engine().displayName());
        }
        return MissingFactException.explained(instance,
                () -> resolver.resolve(template, instance.hardware(), catalog));
    }

    /**
     * The settings a plan or the drift of this template looks at on an instance: its entries in force, inherited ones
     * included, spelled as written and as each catalog of its engine spells them (as servers report them). The rest
     * of a snapshot does not change the result.
     */
    public Set<String> parameters(TemplateVersion template) {
        Engine engine = template.template().engine();
        List<ParameterCatalog> engineCatalogs = engine.supportedVersions().stream()
                .flatMap(v -> shipped.find(new EngineVersion(engine, v)).stream()).toList();
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
        ParameterCatalog catalog = catalogFor(instance);
        List<ResolvedParameter> resolved = resolve(template, instance, catalog);
        String baseline = snapshot == null ? ChangePlan.NO_BASELINE
                : live ? "live at " + snapshot.takenAt() : "snapshot of " + snapshot.takenAt();
        return builder.build(instance, template.name(), template.version(), resolved, current(snapshot, catalog), baseline,
                catalog, author, now);
    }

    /** How many parameters differ between the template's resolved configuration and the snapshot. */
    public int drift(TemplateVersion template, Instance instance, SettingsSnapshot snapshot) {
        return plan(template, instance, snapshot, false, "", Instant.EPOCH).changes().size();
    }

    /** The snapshot's settings as configuration: a value the server picked for a sentinel stands for the sentinel. */
    private Map<String, String> current(SettingsSnapshot snapshot, ParameterCatalog catalog) {
        Map<String, String> current = new LinkedHashMap<>();
        if (snapshot != null) {
            for (LiveSetting s : snapshot.settings()) {
                if (s.value() != null) {
                    current.put(s.name(), equivalence.configured(catalog.find(s.name()).orElse(null), s));
                }
            }
        }
        return current;
    }
}
