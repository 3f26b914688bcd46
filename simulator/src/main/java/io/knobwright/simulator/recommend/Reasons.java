package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Features;
import io.knobwright.simulator.model.QueryClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The evidence and the one or two sentences of reasoning for a searched setting: which measured figures and which of
 * the instance's queries bear on it, and what the model predicts of the mechanism it acts on, before and after.
 */
final class Reasons {

    private static final int TOP_QUERIES = 3;

    /** The measurements each setting cites. */
    private static final Map<String, List<String>> MEASURED = Map.of(
            "shared_buffers", List.of(Measurements.HIT_RATIO, Measurements.WORKING_SET, Measurements.DATABASE_SIZE,
                    Measurements.PHYSICAL_READS),
            "work_mem", List.of(Measurements.TEMP_BYTES, Measurements.TEMP_PER_TX, Measurements.SPILLING_QUERIES,
                    Measurements.SORT_HASH_SHARE, Measurements.ACTIVE_SESSIONS_P95),
            "hash_mem_multiplier", List.of(Measurements.TEMP_BYTES, Measurements.SPILLING_QUERIES,
                    Measurements.SORT_HASH_SHARE),
            "max_wal_size", List.of(Measurements.REQUESTED_CHECKPOINTS, Measurements.CHECKPOINTS_PER_HOUR,
                    Measurements.WAL_RATE),
            "checkpoint_timeout", List.of(Measurements.REQUESTED_CHECKPOINTS, Measurements.CHECKPOINTS_PER_HOUR,
                    Measurements.WAL_RATE),
            "checkpoint_completion_target", List.of(Measurements.CHECKPOINTS_PER_HOUR, Measurements.WAL_RATE),
            "max_connections", List.of(Measurements.PEAK_CONNECTIONS, Measurements.ACTIVE_SESSIONS_P95),
            "synchronous_commit", List.of(Measurements.TPS, Measurements.WRITE_SHARE, Measurements.WAL_RATE));

    private Reasons() {
    }

    static List<Evidence> evidence(RecommendationRequest request, String parameter, Configuration before,
                                   Evaluator.Evaluation atBefore, Evaluator.Evaluation atAfter) {
        List<Evidence> out = new ArrayList<>();
        for (String key : MEASURED.getOrDefault(parameter, List.of())) {
            request.measurements().stream().filter(m -> m.metric().equals(key)).findFirst()
                    .ifPresent(m -> out.add(new Evidence(Evidence.Kind.MEASURED, m.metric(), shown(m.value(), m.unit()),
                            m.meaning())));
        }
        queries(request, parameter, before).forEach(out::add);
        String feature = feature(parameter);
        if (feature != null) {
            out.add(new Evidence(Evidence.Kind.PREDICTED, feature, shownFeature(feature, atBefore.feature(feature))
                    + " -> " + shownFeature(feature, atAfter.feature(feature)),
                    "predicted by the model at today's value and at the recommended one"));
        }
        return out;
    }

    /** The instance's queries that bear on the setting, heaviest first. */
    private static List<Evidence> queries(RecommendationRequest request, String parameter, Configuration before) {
        double workMem = before.value("work_mem");
        ToDoubleFunction<QueryClass> weight = switch (parameter) {
            case "shared_buffers" -> q -> q.callsPerTx() * q.pagesRead();
            case "work_mem" -> q -> q.callsPerTx() * (q.sortInputBytes() + q.hashInputBytes());
            case "hash_mem_multiplier" -> q -> q.callsPerTx() * q.hashInputBytes();
            case "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target" ->
                    q -> q.callsPerTx() * q.pagesDirtied();
            case "synchronous_commit" -> q -> q.callsPerTx() * q.walBytes();
            default -> q -> 0;
        };
        return request.workload().classes().stream().filter(q -> weight.applyAsDouble(q) > 0)
                .sorted(Comparator.comparingDouble(weight).reversed().thenComparing(QueryClass::name))
                .limit(TOP_QUERIES)
                .map(q -> new Evidence(Evidence.Kind.QUERY, q.name(), describe(q), why(parameter, q, workMem)))
                .toList();
    }

    private static String describe(QueryClass q) {
        List<String> parts = new ArrayList<>();
        parts.add(Texts.number(q.callsPerTx()) + " per transaction");
        if (q.pagesRead() > 0) {
            parts.add(Texts.number(q.pagesRead()) + " pages read");
        }
        if (q.sortInputBytes() > 0) {
            parts.add("sorts " + Texts.bytes(q.sortInputBytes()));
        }
        if (q.hashInputBytes() > 0) {
            parts.add("hashes " + Texts.bytes(q.hashInputBytes()));
        }
        if (q.pagesDirtied() > 0) {
            parts.add(Texts.number(q.pagesDirtied()) + " pages dirtied");
        }
        return String.join(", ", parts) + " per execution";
    }

    private static String why(String parameter, QueryClass q, double workMem) {
        return switch (parameter) {
            case "work_mem", "hash_mem_multiplier" -> q.sortInputBytes() > workMem || q.hashInputBytes() > workMem
                    ? "needs more than today's work_mem of " + Texts.bytes(workMem) + ", so it spills"
                    : "fits in today's work_mem of " + Texts.bytes(workMem);
            case "shared_buffers" -> "among the statements that read the most pages";
            case "synchronous_commit" -> "writes WAL that each commit waits to flush";
            default -> "among the statements that dirty the most pages (full-page images after each checkpoint)";
        };
    }

    /** The model's feature that shows the mechanism the setting acts on. */
    static String feature(String parameter) {
        return switch (parameter) {
            case "shared_buffers" -> Features.MISS_RATE;
            case "work_mem", "hash_mem_multiplier" -> Features.SPILL_BYTES_PER_TX;
            case "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target" -> Features.FPI_SHARE;
            case "synchronous_commit" -> Features.FSYNC_SHARE;
            case "max_connections" -> Features.CLIENTS_OVER_KNEE;
            default -> null;
        };
    }

    static String reasoning(String parameter, String from, String to, Recommendation.Direction direction,
                            Recommendation.Reason reason,
                            Evaluator.Evaluation atBefore, Evaluator.Evaluation atAfter, Estimate gain,
                            MemoryBudget.Breakdown budgetBefore, MemoryBudget.Breakdown budgetAfter) {
        String mechanism = mechanism(parameter, from, to, direction, atBefore, atAfter, budgetAfter);
        String effect = switch (reason) {
            case THROUGHPUT -> "Throughput is predicted " + Texts.change(gain) + ".";
            case MAKES_ROOM -> "It frees the memory the other recommended changes need to stay within the budget ("
                    + Texts.bytes(budgetAfter.total()) + " of " + Texts.bytes(budgetAfter.ram()) + ").";
            case MEMORY_SAFETY -> budgetBefore.fits()
                    ? "It brings the predicted out-of-memory risk from " + Texts.percent(atBefore.oomRisk()) + " to "
                    + Texts.percent(atAfter.oomRisk()) + "."
                    : "It brings the memory the settings may take within the budget: from "
                    + Texts.bytes(budgetBefore.total()) + " to " + Texts.bytes(budgetAfter.total()) + " of "
                    + Texts.bytes(budgetAfter.ram()) + " RAM.";
            case KEEPS_LATENCY -> "Without it the other recommended changes would raise the 95th percentile "
                    + "latency by more than " + Texts.percent(Evaluator.P95_TOLERANCE) + ".";
            case PLANNER, SIZED_TO_MEASURED, VENDOR_GUIDANCE -> "";
        };
        return (mechanism + " " + effect).strip();
    }

    /**
     * The model's warning that clients beyond max_connections are refused, if it gave one: then the clients' load
     * relative to the knee is the same on both sides, and what the change does is admit them.
     */
    private static java.util.Optional<String> refusedClients(Evaluator.Evaluation today) {
        return today.prediction().warnings().stream().filter(w -> w.contains("are refused")).findFirst();
    }

    private static String mechanism(String parameter, String from, String to, Recommendation.Direction direction,
                                    Evaluator.Evaluation a, Evaluator.Evaluation b,
                                    MemoryBudget.Breakdown budget) {
        if (a.prediction() == null) {
            return "The model cannot run today's settings (they do not fit in the machine's RAM); of the values of "
                    + parameter + " that fit, it predicts the most throughput at " + to + ".";
        }
        String f = feature(parameter);
        double x = f == null ? Double.NaN : a.feature(f);
        double y = f == null ? Double.NaN : b.feature(f);
        return switch (parameter) {
            case "shared_buffers" -> "At " + from + " the model puts " + Texts.percent(x) + " of page reads outside "
                    + "shared_buffers; at " + to + " " + Texts.percent(y) + ", weighed against the OS page cache it "
                    + (direction == Recommendation.Direction.INCREASE ? "takes." : "gives back.");
            case "work_mem", "hash_mem_multiplier" -> "Sorts and hashes spill " + Texts.bytes(x) + " per transaction "
                    + "to temporary files at " + parameter + " " + from + " and " + Texts.bytes(y) + " at " + to
                    + ", where the work areas of " + budget.activeConnections() + " active connections may take "
                    + Texts.bytes(budget.workAreas()) + " within the memory budget (" + Texts.bytes(budget.total())
                    + " of " + Texts.bytes(budget.ram()) + ").";
            case "max_wal_size", "checkpoint_timeout", "checkpoint_completion_target" -> "Full-page images are "
                    + Texts.percent(x) + " of the WAL at " + parameter + " " + from + " and " + Texts.percent(y)
                    + " at " + to + " (fewer checkpoints, fewer first-touch page images).";
            case "synchronous_commit" -> "Commits wait for the WAL flush for " + Texts.percent(x)
                    + " of a transaction's time; with synchronous_commit " + to + " they do not.";
            case "max_connections" -> refusedClients(a).map(refused -> "Today " + refused + " At " + to
                    + " every client is admitted.").orElse("At max_connections " + from + " the workload's clients are "
                    + Texts.number(x) + " times the concurrency at which throughput peaks; at " + to + " "
                    + Texts.number(y) + ".");
            default -> "The model predicts throughput " + Texts.number(a.throughput()) + " tps at " + from + " and "
                    + Texts.number(b.throughput()) + " tps at " + to + ".";
        };
    }

    private static String shown(double value, String unit) {
        return switch (unit) {
            case "ratio" -> Texts.percent(value);
            case "B" -> Texts.bytes(value);
            case "B/s" -> Texts.bytes(value) + "/s";
            default -> Texts.number(value) + " " + unit;
        };
    }

    private static String shownFeature(String feature, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return switch (feature) {
            case Features.SPILL_BYTES_PER_TX -> Texts.bytes(v) + " per transaction";
            case Features.CLIENTS_OVER_KNEE -> Texts.number(v) + "x the knee";
            default -> Texts.percent(v);
        };
    }
}
