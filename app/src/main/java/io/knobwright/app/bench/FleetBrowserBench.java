package io.knobwright.app.bench;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.workbench.WorkbenchGovernance;
import com.sun.management.HotSpotDiagnosticMXBean;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures the fleet browser at fleet scale: time until the main window is usable, the cost of one
 * search keystroke, and the heap it holds. Not a test: run it by hand or via {@code knobwright bench}.
 *
 * <pre>
 * java -XX:AOTCache=app/target/knobwright.aot -jar app/target/knobwright.jar bench fleet-ui
 * </pre>
 * Without a display it uses JavaFX's headless platform; with one, the real pipeline is measured. The workbench runs
 * on the app's real services over an in-memory store holding a generated fleet ({@link BenchFleet}); the clock
 * starts with the toolkit, after the store is seeded, as the app opens its store before its window.
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
        String aot = aotCacheInUse();
        out.println(aot == null
                ? "  AOT cache: none; the workbench is started with -XX:AOTCache=app/target/knobwright.aot (README), which opens it about twice as fast"
                : "  AOT cache: " + aot);
        // Built before the clock starts, as the app's AppContext is built before its window.
        try (AppContext app = BenchFleet.open("fleet-ui", instances, false)) {
            long t0 = System.nanoTime();
            FxThread.startToolkit();
            long startupMs = millisSince(t0);
            AtomicReference<Workbench> workbench = new AtomicReference<>();
            FxThread.call(() -> {
                Workbench w = new Workbench(app.fleet(), app.templates(), app.plans(), app.catalogService(),
                        WorkbenchGovernance.of(app), app.tasks());
                Stage stage = new Stage();
                stage.setWidth(1000);
                stage.setHeight(1000);
                w.start(stage);
                workbench.set(w);
                return null;
            });
            long shownMs = millisSince(t0);
            FxThread.waitUntil("Filling the fleet table", () -> populated(workbench.get(), instances), 30_000);
            long openMs = millisSince(t0);
            out.printf(Locale.ROOT, "  phases: toolkit %d ms, window shown %d ms, table filled and laid out %d ms%n",
                    startupMs, shownMs, openMs);

            List<double[]> keystrokes = typeQueries(workbench.get(), out);
            List<Double> wall = keystrokes.stream().map(k -> k[0]).toList();
            List<Double> cpu = keystrokes.stream().map(k -> k[1]).toList();

            FxThread.call(() -> {
                workbench.get().viewModel().browser().clearFilters();
                return null;
            });
            long heapMb = heapAfterGc();
            Result r = new Result(instances, startupMs, openMs, percentile(wall, 50), percentile(wall, 95),
                    percentile(cpu, 50), keystrokes.size(), heapMb,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            print(r, out);
            FxThread.call(() -> {
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
                times.add(FxThread.call(() -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    w.view().fleetView().searchField().setText(text);
                    layout(w.view());
                    return new double[]{(System.nanoTime() - start) / 1e6,
                            (threads.getCurrentThreadCpuTime() - cpu) / 1e6};
                }));
            }
            FxThread.call(() -> {
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
                OPEN_TARGET_MS, Targets.verdict(r.openMs() < OPEN_TARGET_MS));
        out.printf(Locale.ROOT, "  filter keystroke median    %6.1f ms    target < %.0f ms     %s%n", r.filterMedianMs(),
                FILTER_TARGET_MS, Targets.verdict(r.filterMedianMs() < FILTER_TARGET_MS));
        out.printf(Locale.ROOT, "  filter keystroke p95       %6.1f ms    target < %.0f ms     %s   (%d keystrokes)%n",
                r.filterP95Ms(), FILTER_TARGET_MS, Targets.verdict(r.filterP95Ms() < FILTER_TARGET_MS), r.keystrokes());
        out.printf(Locale.ROOT, "  filter keystroke CPU median%6.1f ms    (FX-thread CPU time, insensitive to other load)%n",
                r.filterCpuMedianMs());
        out.printf(Locale.ROOT, "  heap used after GC         %6d MB    target < %d MB    %s%n", r.heapMb(),
                HEAP_TARGET_MB, Targets.verdict(r.heapMb() < HEAP_TARGET_MB));
    }

    /**
     * The AOT cache this JVM runs with, or null. A cache given with -XX:AOTCache that does not match the jar or
     * the JVM is not mapped, and class sharing is then off, which java.vm.info tells ("mixed mode, sharing").
     */
    static String aotCacheInUse() {
        String cache = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("AOTCache").getValue();
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        return cache.isEmpty() || !sharing ? null : cache;
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

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
