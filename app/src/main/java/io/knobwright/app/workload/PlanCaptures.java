package io.knobwright.app.workload;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.postgres.PostgresPlanCapture;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.CapturedPlan;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.PlanChange;
import io.knobwright.model.workload.StatementCounters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans of an instance's top queries, captured on a schedule (the daemon: hourly) and compared with the previous
 * capture of the same query: a changed shape is a plan change, shown with both plans on the Workload screen. The top
 * queries are those pg_stat_statements said took the most time over the last day, as the monitor collected them; the
 * key of a query across captures is its fingerprint. PostgreSQL only (MySQL's EXPLAIN needs literal values).
 */
public final class PlanCaptures {

    /** Queries explained per instance and round. */
    public static final int TOP = 10;
    private static final Duration TOP_OVER = Duration.ofDays(1);

    private final KnobwrightStore store;
    private final CredentialVault vault;
    private final Clock clock;
    private final PostgresPlanCapture capture = new PostgresPlanCapture();

    public PlanCaptures(KnobwrightStore store, CredentialVault vault, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one round did on one instance: plans stored, queries not explained (with why), changes found. */
    public record Round(String instance, int captured, List<String> failures, List<PlanChange> changes) {
    }

    /**
     * Captures the plans of the instance's top queries now.
     *
     * @throws UserError when the instance is not a reachable PostgreSQL with a connection
     */
    public Round capture(Instance instance) {
        if (instance.engine() != Engine.POSTGRESQL || !instance.connectable()) {
            throw UserError.input("Plans are captured on PostgreSQL instances with a connection; " + instance.name()
                    + " is " + (instance.connectable() ? instance.engine().id() : "inventory only") + ".");
        }
        Instant now = clock.instant();
        Map<String, PostgresPlanCapture.Wanted> wanted = new LinkedHashMap<>();
        for (StatementCounters s : store.workloadSeries().statements(instance.id(), now.minus(TOP_OVER), now)) {
            if (wanted.size() == TOP) {
                break;
            }
            String key = Fingerprinter.POSTGRESQL.fingerprint(s.query()).hex();
            wanted.putIfAbsent(key, new PostgresPlanCapture.Wanted(key, s.query()));
        }
        ConnectionSpec spec = instance.connection();
        String password = vault.open(spec.credential(), instance.name()).orElse(null);
        List<PostgresPlanCapture.Captured> results = capture.captureAll(new ConnectionTarget(spec.jdbcUrl(), spec.user(),
                password), ConnectorTimeouts.DEFAULT, instance.id(), List.copyOf(wanted.values()), now);
        List<CapturedPlan> previous = store.queries().plans(instance.id(), Instant.EPOCH);
        int stored = 0;
        List<String> failures = new java.util.ArrayList<>();
        List<CapturedPlan> fresh = new java.util.ArrayList<>();
        for (PostgresPlanCapture.Captured c : results) {
            if (c.plan() == null) {
                failures.add(c.wanted().queryKey() + ": " + c.failure());
            } else {
                store.queries().savePlan(c.plan());
                fresh.add(c.plan());
                stored++;
            }
        }
        List<PlanChange> changes = PlanChange.in(concat(latestPerQuery(previous), fresh));
        return new Round(instance.name(), stored, failures, changes);
    }

    /** The instance's plan changes over the last {@code days}, newest first. */
    public List<PlanChange> changes(long instanceId, Duration window) {
        return PlanChange.in(store.queries().plans(instanceId, clock.instant().minus(window)));
    }

    private static List<CapturedPlan> latestPerQuery(List<CapturedPlan> plans) {
        Map<String, CapturedPlan> latest = new LinkedHashMap<>();
        for (CapturedPlan p : plans) {
            latest.put(p.queryKey(), p);
        }
        return List.copyOf(latest.values());
    }

    private static List<CapturedPlan> concat(List<CapturedPlan> a, List<CapturedPlan> b) {
        List<CapturedPlan> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
