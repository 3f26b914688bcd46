package io.knobwright.app.cli;

import io.knobwright.app.simulation.bench.AccuracyBench;
import io.knobwright.app.simulation.bench.BenchModels;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The simulator's accuracy on real measurements (decision 0142). Starts an embedded PostgreSQL,",
                "generates three workloads (in-memory tpcb-like, select-only larger than shared_buffers, a sort/hash mix),",
                "and per workload runs 15 configurations over shared_buffers, work_mem, max_wal_size, checkpoint_timeout,",
                "synchronous_commit and clients 1-8, all in the same shuffled rounds (each configuration 5 times by",
                "default). Calibrates the model on the defaults and 4 that reach both ends of every range,",
                "prints its predictions for the 10 others inside them, and only then opens their runs. Prints predicted",
                "[80%% interval] vs measured (median +- noise) per configuration, MAPE, coverage and direction per workload",
                "and overall, and the time of a 1,000-scenario sweep and of one complex scenario, against the targets",
                "(MAPE <= 10%%, coverage >= 80%%, direction >= 90%%, sweep < 1 s, complex well under 30 s). About 36 minutes",
                "with the defaults; --quick is a 2-minute smoke run. Exits 0 when every target is met, 1 otherwise."})
final class BenchSimulatorCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--runs", defaultValue = "5", description = "Interleaved runs of each predicted configuration, whose"
            + " median a prediction is judged against (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--calibration-runs", defaultValue = "5", description = "Interleaved runs of each calibration"
            + " configuration, whose noise goes into every prediction (default ${DEFAULT-VALUE}).")
    private int calibrationRuns;

    @Option(names = "--duration", defaultValue = "6", description = "Seconds measured per run (default ${DEFAULT-VALUE}).")
    private int duration;

    @Option(names = "--warm-up", defaultValue = "2", description = "Seconds of warm-up discarded before each run (default ${DEFAULT-VALUE}).")
    private int warmUp;

    @Option(names = "--quick", description = "Small data, 6 configurations (3 calibrate), 2 runs of 2 s: a smoke run.")
    private boolean quick;

    @Option(names = "--workload", split = ",", description = "Only these workloads: in-memory, larger-than-sb, sort-hash.")
    private List<String> workloads = List.of();

    @Option(names = "--data", description = "Keep the sandbox's data here and reuse it on the next run (default: a temporary directory, removed).")
    private Path data;

    @Option(names = "--rejudge", paramLabel = "FILE", description = "Measure nothing: judge the runs a --save file holds"
            + " with the model as it is now (the same calibration, predictions and figures).")
    private Path rejudge;

    @Option(names = "--save", description = "Write every measured run and the workload shapes to this JSON file.")
    private Path save;

    BenchSimulatorCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        AccuracyBench.Options options;
        Path directory = data;
        boolean temporary = directory == null;
        try {
            if (temporary) {
                directory = Files.createTempDirectory("knobwright-bench-simulator");
            } else {
                Files.createDirectories(directory);
            }
            options = quick
                    ? new AccuracyBench.Options(directory, Math.min(runs, 2), Math.min(calibrationRuns, 2), Duration.ofSeconds(1), Duration.ofSeconds(2), 6, 3,
                    true, workloads, save)
                    : new AccuracyBench.Options(directory, runs, calibrationRuns, Duration.ofSeconds(warmUp), Duration.ofSeconds(duration), 15,
                    5, false, workloads, save);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
        PrintWriter out = session.out();
        try {
            AccuracyBench bench = new AccuracyBench(options, BenchModels.builtIn(), out);
            AccuracyBench.Result result = rejudge != null ? bench.rejudge(rejudge) : bench.run();
            if (AccuracyBench.allTargetsMet(result)) {
                return ExitCodes.OK;
            }
            session.err().println("knobwright: the simulator missed a target (figures above).");
            return ExitCodes.USER_ERROR;
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        } finally {
            if (temporary) {
                deleteTree(directory);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
