package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.override.Restoration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An override applied and restored, again and again, against a real server: what an operator waits for once the
 * workbench (or daemon) is running. Each apply reads the value, journals the override, sets, reloads and reads back;
 * each restore claims it, checks the server still holds it, puts the old value back and reads back. The server ends
 * as it was: every override is restored (and work_mem goes back exactly as it was set before).
 */
public final class OverrideBench {

    static final double P99_TARGET_MS = 250;
    static final double REQUIREMENT_MS = 1000;
    private static final int WARMUP = 20;

    public record Result(int runs, double applyP50, double applyP99, double restoreP50, double restoreP99) {
        public boolean meetsTarget() {
            return applyP99 < P99_TARGET_MS && restoreP99 < P99_TARGET_MS;
        }
    }

    private OverrideBench() {
    }

    public static Result run(String jdbcUrl, String user, int runs, PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("knobwright-override-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "Override bench: %d overrides of work_mem applied and restored (+%d warm-up) on %s, store in %s%n",
                runs, WARMUP, jdbcUrl, dir);
        out.println(Targets.machine());
        try (KnobwrightStore store = KnobwrightStore.open(dir);
             AppContext context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(),
                     name -> null, "bench-operator")) {
            context.policy().addUser("bench", "bench-admin", Set.of(Role.ADMIN));
            context.policy().addUser("bench-admin", "bench-operator", Set.of(Role.OPERATOR));
            Instance target = context.fleet().register(new Registration("bench-target", jdbcUrl, user, null, null, Tier.TEST,
                    null, null, Map.of()));
            double[] apply = new double[runs + WARMUP];
            double[] restore = new double[runs + WARMUP];
            for (int i = 0; i < apply.length; i++) {
                String value = (64 + (i % 4) * 16) + "MB";
                long t = System.nanoTime();
                OverrideResult r = context.overrides().apply("bench-operator", new OverrideRequest(List.of(target.name()),
                        Map.of("work_mem", value), Duration.ofHours(1), "override bench run " + i, false));
                apply[i] = (System.nanoTime() - t) / 1e6;
                if (!r.allApplied()) {
                    throw new IllegalStateException("Override " + i + " failed: " + r.instances().getFirst().error());
                }
                long id = r.instances().getFirst().overrides().getFirst().id();
                t = System.nanoTime();
                Restoration back = context.overrides().restoreNow("bench-operator", id, "bench");
                restore[i] = (System.nanoTime() - t) / 1e6;
                if (!back.restored()) {
                    throw new IllegalStateException("Restoring override " + id + " failed: " + back.message());
                }
            }
            double[] a = Arrays.copyOfRange(apply, WARMUP, apply.length);
            double[] b = Arrays.copyOfRange(restore, WARMUP, restore.length);
            Result result = new Result(runs, GovernanceBench.percentile(a, 50), GovernanceBench.percentile(a, 99),
                    GovernanceBench.percentile(b, 50), GovernanceBench.percentile(b, 99));
            out.printf(Locale.ROOT, "  apply   (check, read, journal, ALTER SYSTEM, reload, read back, audit): p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms%n", result.applyP50(), result.applyP99(), max(a));
            out.printf(Locale.ROOT, "  restore (claim, check, put back, reload, read back, audit):           p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms%n", result.restoreP50(), result.restoreP99(), max(b));
            out.printf(Locale.ROOT, "  target p99 < %.0f ms (requirement < %.0f ms): %s%n", P99_TARGET_MS, REQUIREMENT_MS,
                    Targets.verdict(result.meetsTarget()));
            return result;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
