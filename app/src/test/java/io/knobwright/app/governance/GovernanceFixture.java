package io.knobwright.app.governance;

import io.knobwright.app.testing.ManualClock;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.policy.Policy;
import io.knobwright.model.policy.PolicyFile;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A store with users, instances and a clock tests move, for governance tests. */
final class GovernanceFixture implements AutoCloseable {

    final KnobwrightStore store = KnobwrightStore.inMemory("governance-" + System.nanoTime(), false);
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    final GovernanceService governance;
    final PolicyService policy;
    final AuditService audit;
    final Instance production;
    final Instance development;

    GovernanceFixture() {
        this(GovernanceEvents.NONE);
    }

    GovernanceFixture(GovernanceEvents events) {
        governance = new GovernanceService(store, clock, events);
        policy = new PolicyService(store, clock);
        audit = new AuditService(store.audit());
        production = store.instances().save(instance("orders-1", Tier.PRODUCTION, Criticality.HIGH));
        development = store.instances().save(instance("scratch-1", Tier.DEVELOPMENT, Criticality.LOW));
    }

    private static Instance instance(String name, Tier tier, Criticality criticality) {
        return new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "payments"), tier, criticality,
                WorkloadKind.OLTP, new HardwareFacts(8, 32L << 30, DiskType.NVME, 500L << 30), false);
    }

    /** Adds users given as "name:role,role"; once an admin exists, that admin adds the rest. */
    void users(String... nameAndRoles) {
        for (String spec : nameAndRoles) {
            String[] parts = spec.split(":");
            Set<Role> roles = Arrays.stream(parts[1].split(",")).map(Role::of).collect(Collectors.toSet());
            String admin = store.governance().users().stream().filter(u -> u.has(Role.ADMIN)).map(u -> u.name())
                    .findFirst().orElse("setup");
            policy.addUser(admin, parts[0], roles);
        }
    }

    /** A draft by {@code author} on {@code instance}. */
    ChangePlan draft(String author, Instance instance, PlannedChange... changes) {
        return store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "postgresql-oltp", 1, clock.instant(),
                author, PlanState.DRAFT, "live at " + clock.instant(), List.of(changes)));
    }

    ChangePlan draft(String author, Instance instance) {
        return draft(author, instance, change("work_mem", "4096", "8192", ApplyMode.ONLINE));
    }

    static PlannedChange change(String parameter, String from, String to, ApplyMode mode) {
        return new PlannedChange(parameter, from, to, "kB", mode, "postgresql-oltp v1", "");
    }

    void policy(String yaml) {
        policy.replace("carol", PolicyFile.readYaml(yaml, "test policy"), "test");
    }

    Policy current() {
        return policy.policy().policy();
    }

    PlanState state(ChangePlan plan) {
        return store.plans().find(plan.id()).orElseThrow().state();
    }

    @Override
    public void close() {
        store.close();
    }
}
