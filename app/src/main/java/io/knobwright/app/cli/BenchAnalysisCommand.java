package io.knobwright.app.cli;

import io.knobwright.app.bench.AnalysisBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "analysis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Times the analysis of a month of 1-minute monitor samples (issue #14: 30 days for 100 instances in",
                "< 5 minutes). Generates the samples of PostgreSQL instances into a fresh store in a temporary directory",
                "(deleted afterwards; your data directory is not touched), stored as `monitor collect` stores them, then",
                "analyses every instance as recommendations do: its workload profile over the whole stretch and its",
                "recommendation. Progress on stderr; prints samples, generation time, analysis time in all and per",
                "instance, and peak heap. Exits 0 when the analysis meets the target (scaled to the instances and days",
                "asked for), 1 otherwise."})
final class BenchAnalysisCommand implements Callable<Integer> {

    /** 5 minutes for 100 instances x 30 days of minutes. */
    private static final double TARGET_SECONDS = 300;

    private final CliSession session;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "100",
            description = "PostgreSQL instances generated (default: ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "Days of 1-minute samples per instance (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--parallel", paramLabel = "N", description = "Instances analysed at once (default: the CPU count).")
    private Integer parallel;

    BenchAnalysisCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instances < 1 || instances > 10_000) {
            throw UserError.input("--instances takes 1 to 10000, not " + instances + ".");
        }
        if (days < 1 || days > 400) {
            throw UserError.input("--days takes 1 to 400, not " + days + ".");
        }
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (threads < 1 || threads > 256) {
            throw UserError.input("--parallel takes 1 to 256, not " + threads + ".");
        }
        AnalysisBench.Figures f = AnalysisBench.run(instances, days, threads, line -> {
            session.err().println(line);
            session.err().flush();
        });
        double target = TARGET_SECONDS * instances / 100.0 * days / 30.0;
        double seconds = f.analysis().toNanos() / 1e9;
        var out = session.out();
        out.printf(Locale.ROOT, "samples:         %,d (%d instances x %d days of 1-minute polls, 23 metrics each)%n",
                f.samples(), f.instances(), f.days());
        out.printf(Locale.ROOT, "generation:      %.1f s (%,.0f samples/s), store on disk %,d MB%n",
                f.generation().toNanos() / 1e9, f.samples() / Math.max(1e-9, f.generation().toNanos() / 1e9),
                f.storeBytes() >> 20);
        out.printf(Locale.ROOT, "analysis:        %.1f s on %d threads (target < %.0f s): %s%n", seconds, f.threads(),
                target, seconds < target ? "met" : "MISSED");
        out.printf(Locale.ROOT, "per instance:    %.2f s wall; profile %.2f s + recommendation %.2f s each (thread time),"
                        + " slowest %.2f s%n", f.perInstance().toNanos() / 1e9,
                f.profileTime().toNanos() / 1e9 / f.instances(), f.recommendTime().toNanos() / 1e9 / f.instances(),
                f.slowestInstance().toNanos() / 1e9);
        out.printf(Locale.ROOT, "peak heap:       %,d MB analysing, %,d MB generating (max heap %,d MB)%n",
                f.peakHeapAnalysis() >> 20, f.peakHeapGeneration() >> 20, f.maxHeap() >> 20);
        out.printf(Locale.ROOT, "answers:         %d with changes, %d no change, %d could not be answered%n",
                f.withChanges(), f.noChange(), f.failures().size());
        f.failures().stream().limit(5).forEach(line -> session.err().println("  " + line));
        return seconds < target && f.failures().isEmpty() ? ExitCodes.OK : ExitCodes.USER_ERROR;
    }
}
