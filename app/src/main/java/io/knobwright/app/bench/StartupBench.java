package io.knobwright.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long a CLI command takes as a fresh process, JVM start and opening the store included (issue #10's
 * target: under 1 s). Starts the same jar with the same java, with the AOT cache next to it when there is one,
 * on a temporary data directory whose store the warm-up creates and seeds (decision 0118). Wall time of the
 * whole process, as a shell sees it.
 */
public final class StartupBench {

    static final long TARGET_MS = 1_000;
    static final List<List<String>> COMMANDS = List.of(List.of("--version"), List.of("fleet", "list"),
            List.of("plan", "list"), List.of("policy", "list"), List.of("user", "list"), List.of("audit", "verify"));

    /** Median and p90 of one command's runs, in milliseconds. */
    public record Figure(String command, long medianMs, long p90Ms) {
        boolean met() {
            return medianMs < TARGET_MS;
        }
    }

    public record Result(List<Figure> figures) {
        public Result {
            figures = List.copyOf(figures);
        }

        public boolean meetsTargets() {
            return figures.stream().allMatch(Figure::met);
        }
    }

    private StartupBench() {
    }

    /** What installer/knobwright adds for a CLI command (C1 only, serial GC: a 1 s process has no use for C2 or G1). */
    static final List<String> CLI_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    public static Result run(PrintStream out, int runs) throws IOException, InterruptedException {
        return run(out, runs, null, null);
    }

    /**
     * @param jdbcUrl when not null, also times `override apply` and `override restore` against this server (its
     *                {@code user} needs ALTER SYSTEM): work_mem is overridden and restored each round
     */
    public static Result run(PrintStream out, int runs, String jdbcUrl, String user) throws IOException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("The bench needs at least one run per command.");
        }
        Path jar = ownJar();
        // the CLI's own cache, as installer/knobwright starts commands (the workbench's when there is no CLI one)
        Optional<Path> cache = Optional.of(jar.resolveSibling("knobwright-cli.aot")).filter(Files::isRegularFile)
                .or(() -> Optional.of(jar.resolveSibling("knobwright.aot")).filter(Files::isRegularFile));
        Path dataDir = Files.createTempDirectory("knobwright-startup-bench");
        try {
            List<String> launch = launchCommand(jar, cache, dataDir);
            long createMs = timeOnce(launch, List.of("fleet", "list"));
            // One untimed run of each: the store's first close after the demo seed compacts the file.
            for (List<String> command : COMMANDS) {
                timeOnce(launch, command);
            }
            if (jdbcUrl != null) {
                prepareOverrides(launch, jdbcUrl, user);
            }
            // Round by round rather than command by command, so a burst of load elsewhere spreads over all commands.
            long[][] times = new long[COMMANDS.size()][runs];
            long[][] overrides = new long[2][runs];
            for (int i = 0; i < runs; i++) {
                for (int c = 0; c < COMMANDS.size(); c++) {
                    times[c][i] = timeOnce(launch, COMMANDS.get(c));
                }
                if (jdbcUrl != null) {
                    long start = System.nanoTime();
                    String applied = output(launch, List.of("--as", "bench-operator", "override", "apply", "--instance",
                            "bench-target", "--set", "work_mem=" + (64 + i % 4) + "MB", "--for", "1h", "--reason", "startup bench",
                            "--json"));
                    overrides[0][i] = (System.nanoTime() - start) / 1_000_000;
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(applied);
                    if (!id.find()) {
                        throw new IllegalStateException("override apply printed no override id: " + applied);
                    }
                    overrides[1][i] = timeOnce(launch, List.of("--as", "bench-operator", "override", "restore", id.group(1)));
                }
            }
            out.printf(Locale.ROOT, "Fresh processes of %s, %s, %d runs per command after creating the store (%d ms)"
                    + " and one untimed run of each, with the CLI flags of installer/knobwright (" + String.join(" ", CLI_FLAGS)
                    + ")%n", jar.getFileName(), cache.map(c -> "with the AOT cache "
                    + c.getFileName()).orElse("WITHOUT an AOT cache (build with mvn package to train one)"), runs, createMs);
            out.println(Targets.machine());
            out.printf(Locale.ROOT, "  %-14s %8s %8s  target < %d ms%n", "command", "median", "p90", TARGET_MS);
            List<Figure> figures = new ArrayList<>();
            for (int c = 0; c < COMMANDS.size(); c++) {
                Figure figure = figure(String.join(" ", COMMANDS.get(c)), times[c]);
                figures.add(figure);
                out.printf(Locale.ROOT, "  %-14s %5d ms %5d ms  %s%n", figure.command(), figure.medianMs(), figure.p90Ms(),
                        Targets.verdict(figure.met()));
            }
            if (jdbcUrl != null) {
                for (int k = 0; k < 2; k++) {
                    Figure figure = figure(k == 0 ? "override apply" : "override restore", overrides[k]);
                    figures.add(figure);
                    out.printf(Locale.ROOT, "  %-14s %5d ms %5d ms  %s  (against %s)%n", figure.command(), figure.medianMs(),
                            figure.p90Ms(), Targets.verdict(figure.met()), jdbcUrl);
                }
            } else {
                out.println("  override apply / restore: not measured (give --jdbc-url jdbc:postgresql://127.0.0.1:5432/postgres)");
            }
            return new Result(figures);
        } finally {
            deleteTree(dataDir);
        }
    }

    static Figure figure(String command, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long p90 = sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
        return new Figure(command, median, p90);
    }

    private static List<String> launchCommand(Path jar, Optional<Path> cache, Path dataDir) {
        List<String> launch = new ArrayList<>();
        launch.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cache.ifPresent(c -> launch.add("-XX:AOTCache=" + c));
        launch.addAll(CLI_FLAGS);
        launch.addAll(List.of("-jar", jar.toString(), "--data-dir", dataDir.toString()));
        return launch;
    }

    /** An operator and the server as an instance, in the bench's store, as a DBA would set them up. */
    private static void prepareOverrides(List<String> launch, String jdbcUrl, String user) throws IOException, InterruptedException {
        timeOnce(launch, List.of("user", "add", "--name", "bench-admin", "--role", "admin"));
        timeOnce(launch, List.of("--as", "bench-admin", "user", "add", "--name", "bench-operator", "--role", "operator"));
        timeOnce(launch, List.of("fleet", "add", "--name", "bench-target", "--jdbc-url", jdbcUrl, "--user", user));
    }

    /** One fresh process's standard output (the command must succeed). */
    private static String output(List<String> launch, List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(launch);
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("knobwright " + String.join(" ", command) + " failed in the bench's fresh process: " + out);
        }
        return out;
    }

    /** One fresh process, its output thrown away; a failing command fails the bench rather than yield a figure. */
    private static long timeOnce(List<String> launch, List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(launch);
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        int code = builder.start().waitFor();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException("knobwright " + String.join(" ", command) + " exited with " + code
                    + " in the bench's fresh process; run it yourself to see why.");
        }
        return elapsedMs;
    }

    private static Path ownJar() {
        try {
            Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("bench startup times fresh processes of knobwright.jar; run it from the"
                        + " jar (java -jar app/target/knobwright.jar bench startup), not from " + jar + ".");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
