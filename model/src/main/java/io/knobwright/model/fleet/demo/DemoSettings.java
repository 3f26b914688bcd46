package io.knobwright.model.fleet.demo;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.BuiltInTemplates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings snapshots and template assignments for part of the demo fleet, so a new user sees drift,
 * instance settings and template diffs before connecting a server. A demo instance "was configured" from
 * the built-in template of its workload, with some parameters left at their defaults: that is its drift.
 * Deterministic (seeded by the instance name), so every new store shows the same demo.
 */
public final class DemoSettings {

    /** One demo instance in this many gets settings: enough to show drift, few enough for a fast first start. */
    static final int EVERY = 3;
    private static final Instant TAKEN_AT = Instant.parse("2026-11-20T06:00:00Z");

    private final CatalogRepository catalogs;
    private final Map<String, TemplateVersion> builtIns;
    private final TemplateResolver resolver;

    public DemoSettings(CatalogRepository catalogs) {
        this.catalogs = catalogs;
        this.builtIns = BuiltInTemplates.load().stream()
                .map(t -> new TemplateVersion(t, 1, "Knobwright", Instant.EPOCH, "built-in"))
                .collect(Collectors.toMap(TemplateVersion::name, Function.identity()));
        this.resolver = new TemplateResolver(name -> Optional.ofNullable(builtIns.get(name)));
    }

    /** Which of the stored demo instances get settings: every third, in name order, so each engine has some. */
    public static List<Instance> chosen(List<Instance> stored) {
        List<Instance> sorted = stored.stream().sorted(java.util.Comparator.comparing(Instance::name)).toList();
        List<Instance> chosen = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += EVERY) {
            chosen.add(sorted.get(i));
        }
        return chosen;
    }

    public static String templateFor(Instance instance) {
        String profile = instance.workload() == WorkloadKind.DESKTOP ? "small" : instance.workload().label();
        return instance.engine().id() + "-" + profile;
    }

    public TemplateAssignment assignment(Instance instance) {
        return new TemplateAssignment(instance.id(), templateFor(instance), null);
    }

    /** Catalog defaults, with about three quarters of the template's values applied; empty when nothing resolves. */
    public Optional<SettingsSnapshot> snapshot(Instance instance) {
        Optional<ParameterCatalog> catalog = catalogs.find(new io.knobwright.model.engine.EngineVersion(instance.engine(), instance.version()));
        TemplateVersion template = builtIns.get(templateFor(instance));
        if (catalog.isEmpty() || template == null) {
            return Optional.empty();
        }
        Map<String, String> applied = new HashMap<>();
        Random random = new Random(instance.name().hashCode());
        try {
            for (ResolvedParameter p : resolver.resolve(template, instance.hardware(), catalog.get())) {
                if (random.nextInt(4) != 0) {
                    applied.put(p.name(), p.value());
                }
            }
        } catch (TemplateException unresolvable) {
            // facts the template needs are missing: the instance keeps its defaults
        }
        List<LiveSetting> settings = new ArrayList<>(catalog.get().size());
        for (ParameterSpec spec : catalog.get().parameters()) {
            String value = applied.getOrDefault(spec.name(), spec.defaultValue() == null ? "" : spec.defaultValue());
            String source = applied.containsKey(spec.name()) ? "configuration file" : "default";
            settings.add(new LiveSetting(spec.name(), value, spec.unit(), source, false));
        }
        return Optional.of(new SettingsSnapshot(instance.id(), TAKEN_AT, instance.fullVersion(), settings));
    }
}
