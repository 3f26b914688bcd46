package io.knobwright.app.bench;

import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.Workbench;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Measures the fleet browser at fleet scale: time until the main window is usable, the cost of one
 * search keystroke, and the heap it holds. Not a test: run it by hand or via {@code knobwright bench}.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -q -o -pl app -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
 * $JAVA_HOME/bin/java -Dglass.platform=Headless -Dprism.order=sw --enable-native-access=ALL-UNNAMED \
 *     -cp app/target/classes:$(cat app/target/cp.txt) io.knobwright.app.bench.FleetBrowserBench 5000
 * </pre>
 * With a display, leave out the two -D flags to measure the real pipeline instead of the headless one.
 * The window is 1000 x 1000, the largest the headless platform's fixed screen can show (about as many
 * table rows as a 1080-pixel screen). "Usable" means: stage shown, every instance in the table, one CSS
 * and layout pass done. A keystroke is timed from setting the search field's text to the table laid out
 * again; the first round of queries warms the JIT and is reported separately. Wall times grow with
 * whatever else runs on the machine; the FX-thread CPU time does not, so both are printed.
 * Exit status 0 when every target is met.
 */
public final class FleetBrowserBench {

    static final long OPEN_TARGET_MS = 2000;
    static final double FILTER_TARGET_MS = 50;
    static final long HEAP_TARGET_MB = 512;

    /** What one run measured. */
    public record Result(int instances, long startupMs, long openMs, double filterMedianMs, double filterP95Ms,
                         double filterCpuMedianMs, int keystrokes, long heapMb, double loadAverage) {

        public boolean meetsTargets() {
            return openMs < OPEN_TARGET_MS && filterP95Ms < FILTER_TARGET_MS && heapMb < HEAP_TARGET_MB;
        }
    }

    private FleetBrowserBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Result result = run(instances, System.out);
        Platform.exit();
        System.exit(result.meetsTargets() ? 0 : 1);
    }

    /** Runs the whole measurement; starts the JavaFX toolkit if it is not running yet. */
    public static Result run(int instances, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "Fleet browser bench: %d instances, Java %s, glass platform %s%n", instances,
                Runtime.version(), System.getProperty("glass.platform", "default"));
        InMemoryFleetService fleet = InMemoryFleetService.sample(instances, true, Clock.systemUTC());
        // Built before the clock starts, as the app's AppContext is built before its window.
        TemplateService templates = SampleTemplates.over(fleet, Clock.systemUTC());
        try (BenchTaskRunner tasks = new BenchTaskRunner()) {
            long t0 = System.nanoTime();
            startToolkit();
            long startupMs = millisSince(t0);
            AtomicReference<Workbench> workbench = new AtomicReference<>();
            onFx(() -> {
                Workbench w = new Workbench(fleet, templates, new SampleCatalogs(), tasks,
                        Platform::runLater);
                Stage stage = new Stage();
                stage.setWidth(1000);
                stage.setHeight(1000);
                w.start(stage);
                workbench.set(w);
                return null;
            });
            long shownMs = millisSince(t0);
            waitUntil(() -> onFx(() -> populated(workbench.get(), instances)), 30_000);
            long openMs = millisSince(t0);
            out.printf(Locale.ROOT, "  phases: toolkit %d ms, window shown %d ms, table filled and laid out %d ms%n",
                    startupMs, shownMs, openMs);

            List<double[]> keystrokes = typeQueries(workbench.get(), out);
            List<Double> wall = keystrokes.stream().map(k -> k[0]).toList();
            List<Double> cpu = keystrokes.stream().map(k -> k[1]).toList();

            onFx(() -> {
                workbench.get().viewModel().browser().clearFilters();
                return null;
            });
            long heapMb = heapAfterGc();
            Result r = new Result(instances, startupMs, openMs, percentile(wall, 50), percentile(wall, 95),
                    percentile(cpu, 50), keystrokes.size(), heapMb,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            print(r, out);
            onFx(() -> {
                ((Stage) workbench.get().view().getScene().getWindow()).close();
                return null;
            });
            return r;
        }
    }

    /** True once the table holds every instance and has been laid out. */
    private static boolean populated(Workbench w, int instances) {
        if (w.viewModel().browser().totalCountProperty().get() != instances
                || w.view().fleetView().table().getItems().size() != instances) {
            return false;
        }
        layout(w.view());
        return true;
    }

    /**
     * Types queries character by character and times each keystroke as {wall ms, FX-thread CPU ms}.
     * The first pass over the queries is the cold one (the JIT has not compiled the filter yet); the
     * second pass is what a user feels after a few seconds of typing, and is what the targets apply to.
     */
    private static List<double[]> typeQueries(Workbench w, PrintStream out) throws Exception {
        String[] queries = {"payments-ledger", "pg prod", "region=eu-west-1", "16.4", "mariadb", "analytics ware",
                "orders api my"};
        List<double[]> cold = type(w, queries, 60);
        out.printf(Locale.ROOT, "  first keystroke (cold JIT) %6.1f ms, cold median %.1f ms over %d keystrokes%n",
                cold.getFirst()[0], percentile(cold.stream().map(k -> k[0]).toList(), 50), cold.size());
        return type(w, queries, 50);
    }

    private static List<double[]> type(Workbench w, String[] queries, int limit) throws Exception {
        List<double[]> times = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String query : queries) {
            for (int len = 1; len <= query.length() && times.size() < limit; len++) {
                String text = query.substring(0, len);
                times.add(onFx(() -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    w.view().fleetView().searchField().setText(text);
                    layout(w.view());
                    return new double[]{(System.nanoTime() - start) / 1e6,
                            (threads.getCurrentThreadCpuTime() - cpu) / 1e6};
                }));
            }
            onFx(() -> {
                w.view().fleetView().searchField().clear();
                return null;
            });
        }
        return times;
    }

    private static void layout(Parent root) {
        root.applyCss();
        root.layout();
    }

    private static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "  machine: %d cores, load average %.1f (wall times grow with load)%n",
                Runtime.getRuntime().availableProcessors(), r.loadAverage());
        out.printf(Locale.ROOT, "  toolkit startup            %6d ms%n", r.startupMs());
        out.printf(Locale.ROOT, "  open (start -> usable)     %6d ms    target < %d ms    %s%n", r.openMs(),
                OPEN_TARGET_MS, verdict(r.openMs() < OPEN_TARGET_MS));
        out.printf(Locale.ROOT, "  filter keystroke median    %6.1f ms    target < %.0f ms     %s%n", r.filterMedianMs(),
                FILTER_TARGET_MS, verdict(r.filterMedianMs() < FILTER_TARGET_MS));
        out.printf(Locale.ROOT, "  filter keystroke p95       %6.1f ms    target < %.0f ms     %s   (%d keystrokes)%n",
                r.filterP95Ms(), FILTER_TARGET_MS, verdict(r.filterP95Ms() < FILTER_TARGET_MS), r.keystrokes());
        out.printf(Locale.ROOT, "  filter keystroke CPU median%6.1f ms    (FX-thread CPU time, insensitive to other load)%n",
                r.filterCpuMedianMs());
        out.printf(Locale.ROOT, "  heap used after GC         %6d MB    target < %d MB    %s%n", r.heapMb(),
                HEAP_TARGET_MB, verdict(r.heapMb() < HEAP_TARGET_MB));
    }

    private static String verdict(boolean ok) {
        return ok ? "ok" : "MISSED";
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.get());
            } catch (RuntimeException e) {
                error.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The FX thread did not answer within 60 s");
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private static void waitUntil(Callable condition, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The fleet table was not populated within " + timeoutMs + " ms");
            }
            Thread.sleep(2);
        }
    }

    @FunctionalInterface
    private interface Callable {
        boolean call() throws Exception;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
