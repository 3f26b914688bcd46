package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for tests that need a real other process on the same store (the CLI next to the workbench,
 * or a foreign program holding the file). Run through {@link #start}.
 */
public final class StoreChildProcess {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "add" -> {
                try (KnobwrightStore store = KnobwrightStore.open(dir)) {
                    store.instances().save(new Instance(0, args[2], Engine.POSTGRESQL, "16", null, null, null,
                            null, null, null, null, false));
                    System.out.println("count=" + store.instances().count());
                }
            }
            case "serve" -> {
                // opens first, so this process owns the file and serves later openers, then exits
                try (KnobwrightStore store = KnobwrightStore.open(dir)) {
                    System.out.println("ready " + store.instances().count());
                    System.out.flush();
                    Thread.sleep(Long.parseLong(args[2]) * 1000);
                }
            }
            case "hold-exclusive" -> {
                // what an H2 console or another tool does: open the file without AUTO_SERVER
                try (Connection ignored = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("knobwright"), "sa", "")) {
                    System.out.println("ready");
                    System.out.flush();
                    Thread.sleep(Long.parseLong(args[2]) * 1000);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Starts this class in a new JVM with the test class path; stdout and stderr merged. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StoreChildProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static String runToEnd(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish in 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException("child JVM failed: " + output);
        }
        return output;
    }
}
