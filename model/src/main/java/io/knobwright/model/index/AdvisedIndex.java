package io.knobwright.model.index;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A candidate index with what it would win and cost.
 *
 * @param index              the index
 * @param queries            the queries it serves, with their plan costs per call before and after
 * @param costBefore         the planner's cost per call today, mean over the queries weighted by calls per day
 * @param costAfter          the same with the index
 * @param benefit            (costBefore - costAfter) x calls per day of all its queries: planner cost units a day
 * @param estimatedSizeBytes its estimated size at the table's full row count
 * @param writeCost          index entries written per day: the table's inserts, non-HOT updates and deletes per day
 * @param evaluatedWith      how the "after" cost was found
 */
public record AdvisedIndex(CandidateIndex index, List<QueryCost> queries, double costBefore, double costAfter,
                           double benefit, long estimatedSizeBytes, double writeCost, Evaluation evaluatedWith) {

    /** How a candidate was evaluated: hypothetically on the server, on a sandbox copy, or not at all. */
    public enum Evaluation {
        HYPOPG, SANDBOX, NONE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One query's plan cost per call without and with the index. */
    public record QueryCost(AdviceQuery query, double costBefore, double costAfter) {
        public QueryCost {
            Objects.requireNonNull(query, "query");
        }
    }

    public AdvisedIndex {
        Objects.requireNonNull(index, "index");
        queries = List.copyOf(queries);
        Objects.requireNonNull(evaluatedWith, "evaluatedWith");
    }

    /**
     * The advice for one index from its queries' costs: call-weighted costs per call, and the saving per day.
     *
     * @param sizeBytes estimated size; 0 when unknown
     */
    public static AdvisedIndex of(CandidateIndex index, List<QueryCost> costs, long sizeBytes, double writeCost,
                                  Evaluation evaluatedWith) {
        double calls = 0;
        double before = 0;
        double after = 0;
        for (QueryCost c : costs) {
            double weight = Math.max(c.query().callsPerDay(), 0);
            calls += weight;
            before += weight * c.costBefore();
            after += weight * c.costAfter();
        }
        double meanBefore = calls == 0 ? 0 : before / calls;
        double meanAfter = calls == 0 ? 0 : after / calls;
        return new AdvisedIndex(index, costs, meanBefore, meanAfter, Math.max(0, before - after), sizeBytes, writeCost,
                evaluatedWith);
    }
}
