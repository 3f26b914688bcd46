package io.knobwright.app.apply;

import io.knobwright.app.Main;
import io.knobwright.model.apply.journal.ApplyRun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A separate Knobwright process for the tests that kill one: it opens the store a test prepared in a data directory
 * and applies or recovers with the real services and the real PostgreSQL session, stopping at a point the parent
 * waits for on stdout (so a kill -9 lands at a known step, not after a guessed sleep).
 * <ul>
 *   <li>{@code apply DIR PLAN K}: applies the plan as alice; once steps 1..K are set and verified it prints
 *       {@code STEP K VERIFIED} and waits for ever (for the kill).</li>
 *   <li>{@code recover DIR}: what every command does first; inside its first putting back it prints
 *       {@code RECOVERING} and waits for a line on stdin, then prints {@code RECOVERED <states>}.</li>
 *   <li>{@code cli ARGS...}: one {@code knobwright} command line, ended as the CLI ends.</li>
 * </ul>
 */
public final class ApplyChildProcess {

    private ApplyChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "apply" -> apply(Path.of(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "recover" -> recover(Path.of(args[1]));
            case "cli" -> System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length)));
            default -> throw new IllegalArgumentException("apply, recover or cli, not " + args[0]);
        }
        System.exit(0);
    }

    private static void apply(Path dataDir, long planId, int verifiedSteps) throws InterruptedException {
        ApplyFixture fixture = ApplyFixture.reopened(dataDir);
        int[] sets = {0};
        fixture.applyOver(real -> new ForwardingSession(real) {
            @Override
            public void set(String parameter, String value) {
                // The run asks for step K+1 only after it journaled step K as VERIFIED.
                if (++sets[0] == verifiedSteps + 1) {
                    say("STEP " + verifiedSteps + " VERIFIED");
                    awaitForever();
                }
                super.set(parameter, value);
            }
        }).apply("alice", planId);
        say("FINISHED");
    }

    private static void recover(Path dataDir) {
        ApplyFixture fixture = ApplyFixture.reopened(dataDir);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean[] held = {false};
        List<ApplyRun> runs = fixture.applyOver(real -> new ForwardingSession(real) {
            @Override
            public void restore(String parameter, String prior) {
                if (!held[0]) {
                    held[0] = true;
                    say("RECOVERING");
                    readLine(stdin);
                }
                super.restore(parameter, prior);
            }
        }).recover();
        List<String> states = new ArrayList<>();
        runs.forEach(r -> states.add(r.state().name()));
        fixture.close();
        say("RECOVERED " + states);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readLine(BufferedReader in) {
        try {
            in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts this class in a new JVM, the same java and the test's class path; stderr goes to {@code stderr}. */
    static Process start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ApplyChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }
}
