package io.knobwright.app.health;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.postgres.index.PostgresIndexAdvisor;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.index.AdviceQuery;
import io.knobwright.model.index.IndexAdvice;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.StatementCounters;
import io.knobwright.model.workload.TopOrder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Index advice for an instance (decision 0132): its frequent and slow queries, from the statements the monitor
 * collected over the last day (pg_stat_statements) and the fingerprints of its imported logs, go to the PostgreSQL
 * advisor together with a live read of the server's catalog. Blocking; callers run it off the UI thread.
 */
public final class IndexAdviceService {

    /** Queries taken from each ranking (by calls and by total time) of each source. */
    static final int TOP = 25;
    private static final Duration COLLECTED_OVER = Duration.ofDays(1);

    private final KnobwrightStore store;
    private final Clock clock;
    private final PostgresIndexAdvisor advisor;

    public IndexAdviceService(KnobwrightStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.advisor = new PostgresIndexAdvisor(clock);
    }

    /**
     * @throws UserError when there is no such instance, it is not a PostgreSQL with a connection, or it cannot be read
     */
    public IndexAdvice advise(String instanceName) {
        Instance instance = store.instances().findByName(instanceName).orElseThrow(() -> UserError.input("No instance '"
                + instanceName + "' in the fleet (see `knobwright fleet list`)."));
        return advise(instance);
    }

    public IndexAdvice advise(Instance instance) {
        if (instance.engine() != Engine.POSTGRESQL || !instance.connectable()) {
            throw UserError.input("Index advice reads PostgreSQL instances with a connection; " + instance.name()
                    + " is " + (instance.connectable() ? instance.engine().id() : "inventory only") + ".");
        }
        List<AdviceQuery> queries = queries(instance);
        ConnectionSpec spec = instance.connection();
        String password = store.vault().open(spec.credential(), instance.name()).orElse(null);
        IndexAdvice advice = advisor.advise(new ConnectionTarget(spec.jdbcUrl(), spec.user(), password),
                ConnectorTimeouts.DEFAULT, queries);
        if (queries.isEmpty()) {
            List<String> notes = new ArrayList<>(advice.notes());
            notes.add("No queries are known for " + instance.name() + ": import a log (`knobwright workload import-log`)"
                    + " or collect pg_stat_statements (`knobwright monitor collect`) for index candidates; the hygiene"
                    + " lists need none.");
            return new IndexAdvice(advice.database(), advice.candidates(), advice.unused(), advice.duplicate(),
                    advice.redundant(), advice.statsSince(), notes);
        }
        return advice;
    }

    /** The instance's frequent and slow queries, one per fingerprint; collected counters win over a log's. */
    List<AdviceQuery> queries(Instance instance) {
        Map<String, AdviceQuery> byFingerprint = new LinkedHashMap<>();
        Instant now = clock.instant();
        List<StatementCounters> collected = store.workloadSeries().statements(instance.id(), now.minus(COLLECTED_OVER), now);
        for (Comparator<StatementCounters> order : List.of(Comparator.comparingLong(StatementCounters::calls),
                Comparator.comparingDouble(StatementCounters::totalMs))) {
            collected.stream().sorted(order.reversed()).limit(TOP).forEach(s -> {
                String key = Fingerprinter.POSTGRESQL.fingerprint(s.query()).hex();
                byFingerprint.putIfAbsent(key, new AdviceQuery(key, s.query(), s.calls(), s.calls()));
            });
        }
        for (TopOrder order : List.of(TopOrder.CALLS, TopOrder.TOTAL)) {
            for (FingerprintSummary s : store.queries().top(instance.id(), order, TOP)) {
                String key = io.knobwright.model.workload.Fingerprint.hex(s.id());
                byFingerprint.putIfAbsent(key, new AdviceQuery(key, s.example(), s.calls(), perDay(s)));
            }
        }
        return List.copyOf(byFingerprint.values());
    }

    /** A log covering less than a day counts as one day: its calls are not stretched to a day they may not fill. */
    static double perDay(FingerprintSummary s) {
        double days = Math.max(1, Duration.between(s.firstSeen(), s.lastSeen()).toSeconds() / 86_400.0);
        return s.calls() / days;
    }
}
