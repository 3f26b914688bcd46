package io.knobwright.app.cli;

import io.knobwright.app.simulation.bench.EffectBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "recommend-effect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"What Knobwright's recommendations do on a real PostgreSQL (issue #14, decisions 0155, 0157).",
                "Starts an embedded PostgreSQL and per workload (read-mostly larger than shared_buffers, write-heavy,",
                "reporting sorts/hashes that spill, a lookup join the planner prices as disk seeks, and one with no",
                "configuration bottleneck) observes it at the defaults and probes its planner, asks the recommender",
                "(restart allowed, durability kept), computes PGTune's configuration for the declared machine, then",
                "runs defaults / PGTune / Knobwright, and the textbook remedy for each named bottleneck, interleaved in",
                "rounds and prints medians, noise and verdicts. About 20 minutes with the defaults; --quick is a smoke",
                "run. Exits 0 when Knobwright is never worse than the defaults or PGTune beyond noise and clearly better",
                "than the defaults wherever the remedy or PGTune shows a configuration bottleneck, 1 otherwise."})
final class BenchRecommendEffectCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--replicates", defaultValue = "3", description = "Interleaved runs per configuration (default ${DEFAULT-VALUE}).")
    private int replicates;

    @Option(names = "--duration", defaultValue = "8", description = "Seconds measured per run (default ${DEFAULT-VALUE}).")
    private int duration;

    @Option(names = "--warm-up", defaultValue = "2", description = "Seconds of warm-up discarded before each run (default ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(names = "--clients", defaultValue = "4", description = "Client connections driving each workload (default ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--ram", defaultValue = "4GB", description = "The machine's RAM as declared to both tuners (default ${DEFAULT-VALUE}:"
            + " an honest share of a shared host).")
    private String ram;

    @Option(names = "--workloads", split = ",", description = "Only these: read-mostly, write-heavy, reporting, lookup-join, no-bottleneck.")
    private List<String> workloads = List.of();

    @Option(names = "--allow-durability-trade", description = "Let the recommender propose synchronous_commit=off"
            + " (a crash can lose the last commits; PGTune never proposes it, so the comparison is then not like for like).")
    private boolean allowDurabilityTrade;

    @Option(names = "--quick", description = "Smaller data, 2 replicates of 3 s: a smoke run.")
    private boolean quick;

    @Option(names = "--data", description = "Keep the sandbox's data here and reuse it on the next run (default: a temporary directory, removed).")
    private Path data;

    BenchRecommendEffectCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        Path directory = data;
        boolean temporary = directory == null;
        EffectBench.Options options;
        try {
            long ramBytes = ramBytes();
            if (temporary) {
                directory = Files.createTempDirectory("knobwright-bench-effect");
            } else {
                Files.createDirectories(directory);
            }
            options = quick
                    ? new EffectBench.Options(directory, Math.min(replicates, 2), Duration.ofSeconds(1),
                    Duration.ofSeconds(3), clients, ramBytes, true, workloads, allowDurabilityTrade)
                    : new EffectBench.Options(directory, replicates, Duration.ofSeconds(warmUp),
                    Duration.ofSeconds(duration), clients, ramBytes, false, workloads, allowDurabilityTrade);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        try {
            EffectBench.Result result = new EffectBench(options, session.out()).run();
            if (EffectBench.missedTargets(result).isEmpty()) {
                return ExitCodes.OK;
            }
            session.err().println("knobwright: the recommendations missed a target (figures above).");
            return ExitCodes.USER_ERROR;
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        } finally {
            if (temporary) {
                try (var paths = Files.walk(directory)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private long ramBytes() {
        String text = ram.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(MB|GB)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--ram takes a size like 4GB or 3072MB, not '" + ram + "'.");
        }
        long n = Long.parseLong(m.group(1));
        return n << (m.group(2).equals("GB") ? 30 : 20);
    }
}
