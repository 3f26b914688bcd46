package io.knobwright.app.bench;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.diff.ConfigurationDiff;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.ResolvedParameter;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.TemplateResolver;
import io.knobwright.model.template.TemplateValidator;
import io.knobwright.model.template.TemplateVersion;
import io.knobwright.model.template.io.BuiltInTemplates;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures the template path a DBA waits on: resolve + validate + diff for one instance (target p99 < 5 ms),
 * and applying a template to 1,000 instances with the plans stored (target < 2 s). Not a test: timings on a
 * shared 2-core machine vary, so it prints figures next to the targets instead of asserting them.
 */
public final class TemplateBench {

    private static final long GB = 1L << 30;
    private static final int INSTANCES = 1000;
    private static final int SINGLE_RUNS = 2000;

    public static void main(String[] args) {
        new TemplateBench().run(System.out);
    }

    public void run(PrintStream out) {
        try (KnobwrightStore store = KnobwrightStore.inMemory("template-bench-" + System.nanoTime(), false)) {
            CatalogRepository catalogs = new CatalogRepository();
            TemplateLibrary library = new TemplateLibrary(BuiltInTemplates.load(), store.templates());
            CatalogValueEquivalence equivalence = new CatalogValueEquivalence();
            TemplatePlanner planner = new TemplatePlanner(library, catalogs, equivalence);
            TemplateVersion template = library.require("postgresql-oltp");

            out.println("Setting up " + INSTANCES + " PostgreSQL instances with a full settings snapshot each ...");
            List<Instance> fleet = seed(store, catalogs);

            Instance one = fleet.getFirst();
            ParameterCatalog catalog = catalogs.require(one.engine(), one.version());
            SettingsSnapshot snapshot = store.snapshots().latest(one.id()).orElseThrow();
            TemplateResolver resolver = new TemplateResolver(library::latest);
            TemplateValidator validator = new TemplateValidator(resolver, catalogs);
            ConfigurationDiff diff = new ConfigurationDiff(equivalence);
            long[] nanos = new long[SINGLE_RUNS];
            for (int i = -500; i < SINGLE_RUNS; i++) {
                long start = System.nanoTime();
                List<ResolvedParameter> resolved = resolver.resolve(template, one.hardware(), catalog);
                validator.validate(template, List.of(one.version()));
                Map<String, String> left = new LinkedHashMap<>();
                resolved.forEach(p -> left.put(p.name(), p.value()));
                Map<String, String> right = new LinkedHashMap<>();
                snapshot.settings().forEach(s -> right.put(s.name(), s.value()));
                diff.compare(left, right, catalog);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            out.printf("resolve + validate + diff, one instance (%d runs): p50 %.2f ms, p99 %.2f ms   target p99 < 5 ms%n",
                    SINGLE_RUNS, nanos[SINGLE_RUNS / 2] / 1e6, nanos[SINGLE_RUNS * 99 / 100] / 1e6);

            long start = System.nanoTime();
            List<ChangePlan> plans = new ArrayList<>(fleet.size());
            Instant now = Instant.now();
            for (Instance instance : fleet) {
                SettingsSnapshot current = store.snapshots().latest(instance.id()).orElse(null);
                plans.add(planner.plan(template, instance, current, false, "bench", now));
            }
            long planned = System.nanoTime();
            List<ChangePlan> saved = store.plans().saveAll(plans);
            long stored = System.nanoTime();
            int changes = saved.stream().mapToInt(p -> p.changes().size()).sum();
            out.printf("apply %s to %d instances: %d plans, %d changes; planned in %d ms, stored in %d ms, total %d ms   target < 2000 ms%n",
                    template.name(), fleet.size(), saved.size(), changes, (planned - start) / 1_000_000,
                    (stored - planned) / 1_000_000, (stored - start) / 1_000_000);
        }
    }

    /** A PostgreSQL fleet of mixed sizes and majors, each with a snapshot of its catalog defaults plus some drift. */
    private static List<Instance> seed(KnobwrightStore store, CatalogRepository catalogs) {
        Random random = new Random(42);
        List<String> majors = Engine.POSTGRESQL.supportedVersions();
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            int cpus = 2 << random.nextInt(6);
            instances.add(new Instance(0, String.format("bench-pg-%04d", i), Engine.POSTGRESQL, majors.get(i % majors.size()),
                    null, null, Map.of("bench", "true"), Tier.PRODUCTION, Criticality.HIGH, WorkloadKind.OLTP,
                    new HardwareFacts(cpus, cpus * 4 * GB, DiskType.SSD, 500 * GB), false));
        }
        List<Instance> saved = store.instances().saveAll(instances);
        Instant now = Instant.now();
        for (Instance instance : saved) {
            ParameterCatalog catalog = catalogs.require(instance.engine(), instance.version());
            List<LiveSetting> settings = new ArrayList<>(catalog.size());
            for (ParameterSpec spec : catalog.parameters()) {
                String value = spec.defaultValue() == null ? "" : spec.defaultValue();
                if (spec.name().equals("max_connections") && random.nextBoolean()) {
                    value = "300";
                }
                settings.add(new LiveSetting(spec.name(), value, spec.unit(), "default", false));
            }
            store.snapshots().save(new SettingsSnapshot(instance.id(), now, instance.version(), settings));
        }
        return saved;
    }
}
