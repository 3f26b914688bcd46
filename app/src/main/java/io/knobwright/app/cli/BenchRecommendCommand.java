package io.knobwright.app.cli;

import io.knobwright.app.AppContext;
import io.knobwright.app.bench.RecommendBenchFleet;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.recommend.RecommendationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Times `recommend --all` over a generated fleet (mixed engines, settings as the demo store has them,",
                "two days of the demo workload's series for every PostgreSQL instance), in memory: your data directory is",
                "not touched. Prints progress on stderr, then the time and the rate. Target (issue #14): 1,000 instances",
                "in < 60 s. Exits 0 when the target is met (for fewer instances: the rate projected to 1,000), 1 otherwise."})
final class BenchRecommendCommand implements Callable<Integer> {

    private static final double TARGET_SECONDS_PER_1000 = 60;

    private final CliSession session;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1000",
            description = "Instances in the generated fleet (default: ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--parallel", paramLabel = "N", description = "Instances searched at once (default: the CPU count).")
    private Integer parallel;

    BenchRecommendCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instances < 1 || instances > 100_000) {
            throw UserError.input("--instances takes 1 to 100000, not " + instances + ".");
        }
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (threads < 1 || threads > 256) {
            throw UserError.input("--parallel takes 1 to 256, not " + threads + ".");
        }
        long seeding = System.nanoTime();
        try (AppContext context = RecommendBenchFleet.open(instances)) {
            List<Instance> fleet = context.fleet().list();
            session.out().printf(Locale.ROOT, "fleet of %d generated and seeded in %.1f s%n", fleet.size(),
                    (System.nanoTime() - seeding) / 1e9);
            FleetRecommendations.Result result = FleetRecommendations.run(fleet,
                    i -> context.recommendations().recommend(i, RecommendationOptions.CONSERVATIVE), threads, line -> {
                        session.err().println(line);
                        session.err().flush();
                    });
            double seconds = result.elapsed().toNanos() / 1e9;
            double per1000 = seconds * 1000 / fleet.size();
            long changed = result.items().stream().filter(i -> i.outcome() != null && !i.outcome().set().noChange())
                    .count();
            long searched = fleet.stream().filter(i -> i.engine() == io.knobwright.model.engine.Engine.POSTGRESQL).count();
            session.out().printf(Locale.ROOT, "recommend --all: %d instances (%d PostgreSQL, searched) in %.1f s on %d"
                            + " threads; %d with changes, %d no change, %d could not be answered%n", fleet.size(), searched,
                    seconds, threads, changed,
                    fleet.size() - changed - result.failed(), result.failed());
            session.out().printf(Locale.ROOT, "per 1,000 instances: %.1f s (target < %.0f s): %s%n", per1000,
                    TARGET_SECONDS_PER_1000, per1000 < TARGET_SECONDS_PER_1000 ? "met" : "MISSED");
            if (result.bug()) {
                session.err().println("knobwright: a recommendation failed with a bug (see the progress lines).");
                return ExitCodes.BUG;
            }
            return per1000 < TARGET_SECONDS_PER_1000 ? ExitCodes.OK : ExitCodes.USER_ERROR;
        }
    }
}
