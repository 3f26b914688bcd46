package io.knobwright.app.ui.recommend;

import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.recommend.Confidence;
import io.knobwright.simulator.recommend.Considered;
import io.knobwright.simulator.recommend.Evidence;
import io.knobwright.simulator.recommend.MetricChange;
import io.knobwright.simulator.recommend.PredictedEffect;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hand-made answers with numbers a reader can check: what the recommender answers is its own tests' business; these
 * are what the screen must show and accept. pg-orders gets three changes, one of them a MAKES_ROOM partner (and with a
 * durability trade allowed a fourth, with its data-loss window); pg-quiet gets "no change"; pg-new fails for lack of a
 * measured workload.
 */
final class RecommendationSamples {

    static final String BASIS = "built-in model, gain interval over 16 draws of its constants";

    private RecommendationSamples() {
    }

    static List<MetricChange> metrics(double tpsBefore, double tpsAfter, double p95Before, double p95After,
                                      double memBefore, double memAfter, double oomBefore, double oomAfter) {
        return List.of(
                new MetricChange("throughputTps", "tps", band(tpsBefore, 0.2), band(tpsAfter, 0.2)),
                new MetricChange("latencyP95Ms", "ms", band(p95Before, 0.25), band(p95After, 0.25)),
                new MetricChange("peakMemoryBytes", "B", band(memBefore, 0.1), band(memAfter, 0.1)),
                new MetricChange("outOfMemoryRisk", "probability", new Estimate(oomBefore, oomBefore / 2, oomBefore * 2),
                        new Estimate(oomAfter, oomAfter / 2, oomAfter * 2)));
    }

    static Estimate band(double mean, double share) {
        return new Estimate(mean, mean * (1 - share), mean * (1 + share));
    }

    static Recommendation sharedBuffers() {
        return new Recommendation("shared_buffers", "128MB", "4GB", Recommendation.Direction.INCREASE,
                Recommendation.Reason.THROUGHPUT, List.of(
                        new Evidence(Evidence.Kind.MEASURED, "shared_buffers hit ratio", "91.2%",
                                "pages read outside shared_buffers come from the OS cache or the disk"),
                        new Evidence(Evidence.Kind.QUERY, "SELECT … FROM orders WHERE customer_id = $1", "41,000 calls/h",
                                "the heaviest statement by total time")),
                "91% of the pages the workload reads are found in shared_buffers; 4GB holds the measured working set"
                        + " of 3.1 GB, so the reads outside it mostly stop.",
                new PredictedEffect(new Estimate(0.18, 0.09, 0.27), metrics(1240, 1460, 18, 15, 6.0e9, 9.9e9, 0.004,
                        0.006), BASIS), Confidence.HIGH, ApplyMode.RESTART, "");
    }

    static Recommendation workMem() {
        return new Recommendation("work_mem", "64MB", "16MB", Recommendation.Direction.DECREASE,
                Recommendation.Reason.MAKES_ROOM, List.of(new Evidence(Evidence.Kind.PREDICTED, "memory budget",
                        "17.1 GB of 16 GB", "200 active connections × 64MB × 2 (hash_mem_multiplier)")),
                "With shared_buffers at 4GB, 200 connections at 64MB of work memory each would exceed the 16 GB of RAM;"
                        + " 16MB keeps the budget and the measured sorts still fit.",
                new PredictedEffect(new Estimate(0.01, -0.01, 0.02), metrics(1460, 1470, 15, 15, 12.1e9, 9.9e9, 0.03,
                        0.006), BASIS), Confidence.LOW, ApplyMode.ONLINE, "");
    }

    static Recommendation maxWalSize() {
        return new Recommendation("max_wal_size", "1GB", "4GB", Recommendation.Direction.INCREASE,
                Recommendation.Reason.THROUGHPUT, List.of(new Evidence(Evidence.Kind.MEASURED, "checkpoints requested",
                        "82% of checkpoints", "WAL fills max_wal_size before checkpoint_timeout")),
                "Most checkpoints are forced by WAL volume; 4GB lets them come on time, with fewer full-page images.",
                new PredictedEffect(new Estimate(0.05, 0.01, 0.09), metrics(1240, 1300, 18, 17, 6.0e9, 6.0e9, 0.004,
                        0.004), BASIS), Confidence.MEDIUM, ApplyMode.RELOAD, "");
    }

    static Recommendation synchronousCommit() {
        return new Recommendation("synchronous_commit", "on", "off", Recommendation.Direction.CHANGE,
                Recommendation.Reason.THROUGHPUT, List.of(new Evidence(Evidence.Kind.MEASURED, "commits", "2,900/s",
                        "each waits for its WAL flush")),
                "Commits wait for the WAL flush on a disk with 0.8 ms fsyncs; not waiting lets the clients go on.",
                new PredictedEffect(new Estimate(0.11, 0.05, 0.17), metrics(1240, 1380, 18, 16, 6.0e9, 6.0e9, 0.004,
                        0.004), BASIS), Confidence.MEDIUM, ApplyMode.RELOAD,
                "A crash of the server or the OS can lose the transactions committed in the last 3 x wal_writer_delay"
                        + " = 600 ms before it, though clients were told they committed; the database stays consistent"
                        + " (nothing is corrupted).");
    }

    static RecommendationSet orders(RecommendationOptions options) {
        List<Recommendation> changes = new ArrayList<>(List.of(sharedBuffers(), workMem(), maxWalSize()));
        if (options.allowDurabilityTrade()) {
            changes.add(synchronousCommit());
        }
        return new RecommendationSet("pg-orders", "PostgreSQL 16", "built-in", changes, "",
                new PredictedEffect(new Estimate(0.24, 0.13, 0.35), metrics(1240, 1540, 18, 14.5, 6.0e9, 9.9e9, 0.004,
                        0.006), BASIS),
                List.of(new Considered("checkpoint_timeout", "5min", "15min", "would gain +1% (80%: −1% to +3%), within"
                        + " its interval"), new Considered("max_connections", "200", "150", "needs a restart, which was"
                        + " not allowed")),
                List.of("Today's settings exceed the memory budget: 17.1 GB of 16 GB (work_mem × connections)."));
    }

    static RecommendationSet quiet() {
        return new RecommendationSet("pg-quiet", "PostgreSQL 15", "built-in", List.of(),
                "The workload is served from memory and no setting's predicted gain clears its interval: nothing to"
                        + " change.", null, List.of(), List.of());
    }

    /** The service over the samples: the options each call was given are kept for the test to check. */
    static final class FakeService implements RecommendationService {
        final List<RecommendationOptions> asked = new CopyOnWriteArrayList<>();

        @Override
        public Outcome recommend(Instance instance, RecommendationOptions options) {
            asked.add(options);
            return switch (instance.name()) {
                case "pg-orders" -> new Outcome(instance, orders(options), List.of("settings as read 2026-12-06T09:00:00Z"));
                case "pg-quiet" -> new Outcome(instance, quiet(), List.of());
                default -> throw UserError.input("No workload measured for " + instance.name() + " in the last 30 days:"
                        + " run `knobwright monitor collect --instance " + instance.name() + "` while the application"
                        + " runs, then ask again.");
            };
        }
    }

    static Map<String, String> toValues(List<io.knobwright.model.plan.PlannedChange> changes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        changes.forEach(c -> out.put(c.parameter(), c.to()));
        return out;
    }
}
