package io.knobwright.app.cli;

import io.knobwright.app.bench.CollectorBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "collectors", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"(a) Scale: --instances simulated servers polled every 60 s of a clock sped up --speed times, into a store",
                "in a temporary directory: polls/s, lateness p99, peak heap, store growth a day. (b) Overhead: pgbench tps on a",
                "scratch database of the PostgreSQL at --host/--port (created and dropped) without and with polling every 10 s;",
                "target ratio >= 0.99. Exits 0 when both meet their targets, 1 otherwise."})
final class BenchCollectorsCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instances", defaultValue = "1000", description = "Simulated instances (default ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--speed", defaultValue = "10", description = "Simulated clock speed-up (default ${DEFAULT-VALUE}).")
    private int speed;

    @Option(names = "--minutes", defaultValue = "10", description = "Simulated minutes of polling (default ${DEFAULT-VALUE}).")
    private int minutes;

    @Option(names = "--threads", defaultValue = "8", description = "Polling threads (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--skip-scale", description = "Run the overhead bench only.")
    private boolean skipScale;

    @Option(names = "--skip-overhead", description = "Run the scale bench only.")
    private boolean skipOverhead;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "5432", description = "Default ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--user", defaultValue = "postgres", description = "A user who may create databases (default ${DEFAULT-VALUE}).")
    private String user;

    @Option(names = "--pgbench", defaultValue = "/usr/bin/pgbench", description = "Default ${DEFAULT-VALUE}.")
    private String pgbench;

    @Option(names = "--pairs", defaultValue = "5", description = "pgbench runs without and with polling (default ${DEFAULT-VALUE}).")
    private int pairs;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds per pgbench run (default ${DEFAULT-VALUE}).")
    private int seconds;

    BenchCollectorsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instances < 1 || instances > 100_000 || speed < 1 || speed > 100 || minutes < 1 || threads < 1 || threads > 256
                || pairs < 1 || seconds < 5) {
            throw UserError.input("Out of range: --instances 1..100000, --speed 1..100, --minutes >= 1, --threads 1..256,"
                    + " --pairs >= 1, --seconds >= 5.");
        }
        boolean ok = true;
        try (PrintStream out = WriterStream.of(session.out())) {
            if (!skipScale) {
                ok &= CollectorBench.scale(instances, Duration.ofSeconds(60), speed, Duration.ofMinutes(minutes), threads,
                        Duration.ofMillis(20), out).meetsTarget(Duration.ofSeconds(60).dividedBy(speed));
            }
            if (!skipOverhead) {
                ok &= CollectorBench.overhead(host, port, user, pgbench, pairs, Duration.ofSeconds(seconds), 4,
                        Duration.ofSeconds(10), out).meetsTarget();
            }
        }
        if (ok) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: the collector benches missed a target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
