package io.knobwright.app.workload;

import io.knobwright.model.fleet.Instance;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.TopOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An instance's queries as imported logs gave them, in the form the workload profile and the Workload screen read. */
public final class ImportedQueries {

    /** The profile weighs the queries that take the most time; past these the rest change nothing it says. */
    static final int PROFILED = 200;

    private ImportedQueries() {
    }

    public static Function<Instance, List<QuerySummary>> of(KnobwrightStore store) {
        return instance -> store.queries().top(instance.id(), TopOrder.TOTAL, PROFILED).stream()
                .map(ImportedQueries::summary).toList();
    }

    /** The instance's N+1 patterns, the largest first, with the text of the query each repeated. */
    public static Function<Instance, List<QueryBurst>> bursts(KnobwrightStore store) {
        return instance -> {
            java.util.Map<Long, String> texts = new java.util.HashMap<>();
            for (FingerprintSummary s : store.queries().top(instance.id(), TopOrder.CALLS, PROFILED)) {
                texts.put(s.id(), s.normalized());
            }
            return store.queries().bursts(instance.id(), 20).stream()
                    .map(b -> new QueryBurst(b, texts.getOrDefault(b.fingerprint(), ""))).toList();
        };
    }

    /** Calls per hour of the day (all weekdays together) make the sparkline; temp bytes are not in a log. */
    static QuerySummary summary(FingerprintSummary s) {
        List<Long> perHour = new ArrayList<>(24);
        for (long calls : s.hours().byHourOfDay()) {
            perHour.add(calls);
        }
        return new QuerySummary(Fingerprint.hex(s.id()), s.normalized(), s.calls(), s.totalMs(), s.meanMs(), s.p95Ms(),
                s.rows(), 0, perHour);
    }
}
