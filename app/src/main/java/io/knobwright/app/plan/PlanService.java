package io.knobwright.app.plan;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.EffectiveCatalogs;
import io.knobwright.model.catalog.InstanceCatalogs;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.plan.TemplatePlanner;
import io.knobwright.model.store.UnitOfWork;
import io.knobwright.model.template.TemplateException;
import io.knobwright.model.template.TemplateLibrary;
import io.knobwright.model.template.TemplateVersion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Change plans and drift: what a template would change on the instances that follow it or are chosen for it.
 * A batch reads its instances and their newest snapshots in a few queries however large the fleet, and looks
 * each template up once. Every method blocks (store, possibly servers): UIs call it through the TaskRunner.
 */
public final class PlanService {

    /** Keeps one slice's read within one IN list and its snapshots a small part of the heap. */
    private static final int DRIFT_SLICE = 1000;

    private final TemplateLibrary library;
    private final UnitOfWork store;
    private final EffectiveCatalogs catalogs;
    private final FleetService fleet;
    private final CatalogValueEquivalence equivalence = new CatalogValueEquivalence();
    private final Clock clock;
    private final String author;

    /**
     * @param catalogs the catalog in force per instance: its server's own description once read
     * @param author   who makes plans, as a change board would want them signed
     */
    public PlanService(TemplateLibrary library, UnitOfWork store, EffectiveCatalogs catalogs, FleetService fleet,
                       Clock clock, String author) {
        this.library = Objects.requireNonNull(library, "library");
        this.store = Objects.requireNonNull(store, "store");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.author = Objects.requireNonNull(author, "author");
    }

    /**
     * A stored draft plan per instance. With {@code live}, connected instances are read from their servers
     * first (the plan's baseline says so); otherwise, and when a server cannot be reached, the newest
     * snapshot is used. Instances that get no plan are reported with the reason; the others are stored in
     * one transaction.
     */
    public PlanBatch createPlans(String reference, List<Long> instanceIds, boolean live, IntConsumer progress) {
        TemplateVersion template = library.require(reference);
        Map<Long, Instance> instances = fleet.findAll(instanceIds);
        // a live read may bring a new description of the server's parameters: those are looked up after it
        List<Instance> fromStore = instances.values().stream().filter(i -> !live || !i.connectable()).toList();
        TemplatePlanner planner = plannerForOneBatch(fromStore);
        Map<Long, SettingsSnapshot> stored = fleet.latestSnapshots(fromStore.stream().map(Instance::id).toList(),
                parametersOrNone(planner, template));
        List<ChangePlan> made = new ArrayList<>();
        List<PlanBatch.Failure> failures = new ArrayList<>();
        int done = 0;
        for (long id : instanceIds) {
            Instance instance = instances.get(id);
            if (instance == null) {
                failures.add(new PlanBatch.Failure(id, "#" + id, "no such instance"));
            } else {
                try {
                    made.add(live && instance.connectable() ? planLive(planner, template, instance)
                            : planner.plan(template, instance, stored.get(id), false, author, clock.instant()));
                } catch (UserError | IllegalArgumentException e) {
                    failures.add(new PlanBatch.Failure(id, instance.name(), e.getMessage()));
                }
            }
            progress.accept(++done);
        }
        return new PlanBatch(store.plans().saveAll(made), failures);
    }

    /** Reads the server first; an unreachable one is planned against its newest snapshot instead. */
    private ChangePlan planLive(TemplatePlanner planner, TemplateVersion template, Instance instance) {
        SettingsSnapshot current;
        boolean fromServer;
        try {
            current = fleet.refresh(instance.id());
            fromServer = true;
        } catch (ConnectorException unreachable) {
            current = fleet.latestSnapshot(instance.id()).orElse(null);
            fromServer = false;
        }
        return planner.plan(template, instance, current, fromServer, author, clock.instant());
    }

    public ChangePlan createPlan(String reference, String instance, boolean live) {
        Instance target = fleet.require(instance);
        PlanBatch batch = createPlans(reference, List.of(target.id()), live, n -> { });
        if (!batch.failures().isEmpty()) {
            throw new TemplateException(batch.failures().getFirst().reason());
        }
        return batch.plans().getFirst();
    }

    /**
     * A stored draft plan of changes no template made (accepted recommendations, decision 0151; the revert a measured
     * regression proposes, 0152), governed like a template's: submitted, approved and applied the same way. Stored in
     * one transaction: either the whole plan or nothing.
     *
     * @param source   what made it, shown where a template's name is ("recommendations", "revert of plan 12")
     * @param baseline where the from-values came from ("snapshot of ...", "applied by plan 12 at ..."): apply compares
     *                 them with the server
     */
    public ChangePlan createDraft(long instanceId, String source, String baseline, List<PlannedChange> changes) {
        Instance instance = fleet.find(instanceId).orElseThrow(() -> UserError.input("Instance #" + instanceId
                + " is no longer in the fleet, so no plan was made for it. See `knobwright fleet list`."));
        if (changes.isEmpty()) {
            throw UserError.input("A plan for " + instance.name() + " needs at least one change: nothing was stored.");
        }
        return store.plans().save(new ChangePlan(0, instance.id(), instance.name(), source, 0, clock.instant(), author,
                PlanState.DRAFT, baseline, changes));
    }

    /** Newest first, with their changes. */
    public List<ChangePlan> plans() {
        return store.plans().findAll();
    }

    /** Plans in any of these states, newest first (the dashboard's plans being applied and those needing attention). */
    public List<ChangePlan> inStates(Set<PlanState> states) {
        return states.stream().flatMap(state -> store.plans().findByState(state).stream())
                .sorted(Comparator.comparing(ChangePlan::createdAt).reversed()).toList();
    }

    public Optional<ChangePlan> plan(long id) {
        return store.plans().find(id);
    }

    /**
     * The catalog of each instance's engine version, by instance id, so screens can spell plans' values in
     * readable units; instances that are gone or whose version has no catalog are left out.
     */
    public Map<Long, ParameterCatalog> catalogsOf(Collection<Long> instanceIds) {
        return catalogs.forInstances(versions(fleet.findAll(instanceIds).values()));
    }

    /**
     * Differences between each assigned instance's newest snapshot and its template's resolved
     * configuration, by instance id. Instances without a snapshot or whose template no longer resolves are left out.
     */
    public Map<Long, Integer> drift() {
        Map<String, List<Long>> byTemplate = new LinkedHashMap<>();
        store.templateAssignments().findAll().values()
                .forEach(a -> byTemplate.computeIfAbsent(a.reference(), r -> new ArrayList<>()).add(a.instanceId()));
        Map<Long, Instance> instances = fleet.findAll(byTemplate.values().stream().flatMap(List::stream).toList());
        TemplatePlanner planner = plannerForOneBatch(instances.values());
        List<DriftSlice> slices = new ArrayList<>();
        byTemplate.forEach((reference, ids) -> library.find(reference).ifPresent(template -> {
            // Read per template: only its parameters' settings, which is a fraction of each snapshot.
            Set<String> parameters = parametersOrNone(planner, template);
            SlicedWork.slices(ids, SlicedWork.threads(), DRIFT_SLICE)
                    .forEach(slice -> slices.add(new DriftSlice(template, parameters, slice)));
        }));
        return SlicedWork.mergeAll(slices, slice -> drift(planner, slice, instances));
    }

    private record DriftSlice(TemplateVersion template, Set<String> parameters, List<Long> ids) {
    }

    private Map<Long, Integer> drift(TemplatePlanner planner, DriftSlice slice, Map<Long, Instance> instances) {
        Map<Long, SettingsSnapshot> snapshots = fleet.latestSnapshots(slice.ids(), slice.parameters());
        Map<Long, Integer> drift = new HashMap<>();
        for (long id : slice.ids()) {
            Instance instance = instances.get(id);
            SettingsSnapshot snapshot = snapshots.get(id);
            if (instance == null || snapshot == null) {
                continue;
            }
            try {
                drift.put(id, planner.drift(slice.template(), instance, snapshot));
            } catch (UserError | IllegalArgumentException unresolvable) {
                // shown as "template does not resolve" by the caller when it has no number
            }
        }
        return drift;
    }

    /** A template whose chain is broken has no parameters to read; planning it fails for each instance, with the reason. */
    private static Set<String> parametersOrNone(TemplatePlanner planner, TemplateVersion template) {
        try {
            return planner.parameters(template);
        } catch (TemplateException brokenChain) {
            return Set.of();
        }
    }

    /**
     * A planner that looks each parent template up once (a batch resolves the same chain for every instance) and
     * finds the catalogs in force for {@code instances} in a few queries; any other instance is looked up alone.
     */
    private TemplatePlanner plannerForOneBatch(Collection<Instance> instances) {
        // shared by the threads that compute drift
        Map<String, Optional<TemplateVersion>> seen = new ConcurrentHashMap<>();
        Map<Long, ParameterCatalog> known = catalogs.forInstances(versions(instances));
        InstanceCatalogs batch = (id, version) -> {
            ParameterCatalog catalog = known.get(id);
            return catalog != null && catalog.engineVersion().equals(version) ? catalog : catalogs.forInstance(id, version);
        };
        return new TemplatePlanner(name -> seen.computeIfAbsent(name, library::latest), catalogs.shipped(), batch,
                equivalence);
    }

    private static Map<Long, EngineVersion> versions(Collection<Instance> instances) {
        Map<Long, EngineVersion> versions = new HashMap<>();
        instances.forEach(i -> versions.put(i.id(), new EngineVersion(i.engine(), i.version())));
        return versions;
    }
}
