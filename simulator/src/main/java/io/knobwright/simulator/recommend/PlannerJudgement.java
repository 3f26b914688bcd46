package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Objects;

/**
 * What the server's planner said about one planner setting changed from today's value to another, query by query.
 * The app's planner probe makes these (it asks the instance's own planner); the recommender only weighs them.
 *
 * @param setting a planner setting (random_page_cost, effective_cache_size, enable_*, jit, parallel settings)
 * @param to      the value that was tried, as the server spells it
 */
public record PlannerJudgement(String setting, String to, List<QueryTiming> queries, String untimed) {

    /**
     * @param untimed why no query was timed (a production instance is only planned, EXPLAIN without ANALYZE), said
     *                where the setting is set aside; blank when the queries were timed
     */
    public PlannerJudgement {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("A planner judgement names its setting");
        }
        Objects.requireNonNull(to, "to");
        queries = List.copyOf(queries);
        untimed = untimed == null ? "" : untimed.strip();
    }

    public PlannerJudgement(String setting, String to, List<QueryTiming> queries) {
        this(setting, to, queries, "");
    }
}
