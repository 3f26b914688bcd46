package io.knobwright.app.recommend;

import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;

import java.util.List;
import java.util.Objects;

/**
 * Which settings to change on an instance, why, and what it will do (issue #14, decision 0149), for the CLI and a
 * view alike. Calls are blocking (store reads and ~0.1-0.5 s of search); call them off the FX thread. Thread-safe:
 * a fleet's instances may be asked about in parallel.
 */
public interface RecommendationService {

    /**
     * @throws io.knobwright.model.UserError when something the search needs is missing (settings, workload, RAM and
     *         CPUs, the catalog of the server's version), saying what to run to supply it
     */
    Outcome recommend(Instance instance, RecommendationOptions options);

    /**
     * Like {@link #recommend}, and first asks the instance's own planner about a few planner settings with its top
     * imported queries (decision 0156): timed where the instance is reachable and not production, planned only on
     * production (then not timed, so set aside with why). Seconds to a minute per instance: for one instance at a time.
     * A service that cannot ask a planner answers as {@link #recommend} does, and its notes say planner settings were
     * not judged.
     */
    default Outcome recommendProbingPlanner(Instance instance, RecommendationOptions options) {
        return recommend(instance, options);
    }

    /**
     * @param set   the recommender's answer; for MySQL, MariaDB, SQL Server and Oracle its first warning says how much
     *              evidence there was (decision 0153)
     * @param notes what the answer assumed or left out, in words (the workload's source, planner settings not probed)
     */
    record Outcome(Instance instance, RecommendationSet set, List<String> notes) {
        public Outcome {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(set, "set");
            notes = List.copyOf(notes);
        }
    }
}
