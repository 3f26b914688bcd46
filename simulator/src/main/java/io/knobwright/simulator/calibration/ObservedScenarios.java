package io.knobwright.simulator.calibration;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario a stored observation ran, rebuilt from what the observation keeps, for pooling other workloads' fits
 * (decision 0137). An observation stores its hardware class, settings, clients and per-transaction counters, not the
 * workload shape its run had, so the shape is a coarse stand-in, the same for every run of one workload:
 * <ul>
 * <li>one "observed transaction" class reading the median shared pages per transaction (hits + reads);</li>
 * <li>its CPU time a fixed price of those counters ({@value #TX_CPU_MS} ms per transaction, {@value #PAGE_CPU_MS} ms
 *     per page, {@value #TUPLE_CPU_MS} ms per tuple), not the measured throughput: a CPU time derived from the
 *     throughput would make every workload fit cpuScale 1 by construction;</li>
 * <li>sort input the most temp bytes any run spilled, WAL records the WAL bytes less full-page images, two dirtied
 *     pages per written tuple, one flushed commit when it writes;</li>
 * <li>data size from a "dataBytes" feature when present, else 1 GiB, with the skew (0.9) the other shapes assume.</li>
 * </ul>
 * The error of that stand-in lands in the workload's own fitted constants; pooling then sees it as disagreement
 * between workloads and keeps the prior wide. An observation whose hardware class or settings cannot be read has no
 * scenario (old or hostile rows are skipped, never fatal).
 */
public final class ObservedScenarios {

    static final double TX_CPU_MS = 0.03;
    static final double PAGE_CPU_MS = 0.003;
    static final double TUPLE_CPU_MS = 0.0005;
    static final double PAGE = 8192;
    static final double DEFAULT_DATA_BYTES = 1L << 30;
    private static final Pattern CLASS = Pattern.compile("(\\d{1,4})cpu-(\\d{1,6})GiB-([a-z]{1,16})");
    private static final String[] WRITTEN = {"tuplesInsertedPerTx", "tuplesUpdatedPerTx", "tuplesDeletedPerTx"};
    private static final String[] TUPLES = {"tuplesReturnedPerTx", "tuplesFetchedPerTx", "tuplesInsertedPerTx",
            "tuplesUpdatedPerTx", "tuplesDeletedPerTx"};

    private final Map<String, WorkloadShape> shapes;

    private ObservedScenarios(Map<String, WorkloadShape> shapes) {
        this.shapes = Map.copyOf(shapes);
    }

    /** One coarse shape per workload of {@code observations}; workloads whose runs counted no pages get none. */
    public static ObservedScenarios of(List<Observation> observations) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        observations.forEach(o -> groups.computeIfAbsent(o.workloadKey(), k -> new ArrayList<>()).add(o));
        Map<String, WorkloadShape> shapes = new LinkedHashMap<>();
        groups.forEach((key, runs) -> shape(key, runs).ifPresent(s -> shapes.put(key, s)));
        return new ObservedScenarios(shapes);
    }

    /** The scenario of {@code o}, empty when its hardware class, settings or workload's counters cannot be read. */
    public Optional<Scenario> scenario(Observation o) {
        WorkloadShape shape = shapes.get(o.workloadKey());
        Optional<Machine> machine = machine(o.hardwareClass());
        if (shape == null || machine.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            o.settings().forEach((k, v) -> values.put(k, Knobs.parse(k, v)));
            return Optional.of(new Scenario("observation " + o.id(), machine.get(),
                    shape.withClients(o.clients()).withClientsOnHost(loadOnServerHost(o)), new Knobs(values)));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // a setting written by an older version, or text only an external engine reads
        }
    }

    /**
     * Whether the run's load shared the server's CPUs: Knobwright's load driver runs on the machine it is started on,
     * and a sandbox ("sandbox:NAME") is a server Knobwright started on that same machine. An instance may be anywhere,
     * so its runs count as remote.
     */
    public static boolean loadOnServerHost(Observation o) {
        return o.target().startsWith("sandbox:");
    }

    /** "2cpu-24GiB-ssd" as a machine; empty for "?cpu-...", other text, or sizes no machine has. */
    public static Optional<Machine> machine(String hardwareClass) {
        Matcher m = CLASS.matcher(hardwareClass == null ? "" : hardwareClass);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            DiskType disk = DiskType.valueOf(m.group(3).toUpperCase(Locale.ROOT));
            return Optional.of(new Machine(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)) << 30,
                    DeviceProfile.of(disk)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The coarse shape of one workload from its runs' counters (see the class comment); empty without page counts. */
    static Optional<WorkloadShape> shape(String workloadKey, List<Observation> runs) {
        double pages = median(runs, o -> sum(o, "pagesHitPerTx", "pagesReadPerTx"));
        if (!(pages >= 0)) {
            return Optional.empty();
        }
        double tuples = orZero(median(runs, o -> sum(o, TUPLES)));
        double written = orZero(median(runs, o -> sum(o, WRITTEN)));
        double walRecords = orZero(median(runs, o -> {
            double wal = get(o, "walBytesPerTx");
            return Double.isFinite(wal) ? Math.max(0, wal - orZero(get(o, "fpiPerTx")) * PAGE) : Double.NaN;
        }));
        double sortBytes = runs.stream().mapToDouble(o -> orZero(get(o, "tempBytesPerTx"))).max().orElse(0);
        double data = median(runs, o -> get(o, "dataBytes"));
        double cpuMs = TX_CPU_MS + pages * PAGE_CPU_MS + tuples * TUPLE_CPU_MS;
        boolean writes = written > 0 || walRecords > 0;
        QueryClass tx = new QueryClass("observed transaction", 1, cpuMs, pages, sortBytes, 0,
                Math.min(pages, 2 * written), walRecords, false);
        return Optional.of(new WorkloadShape("observed workload " + abbreviated(workloadKey), List.of(tx),
                data > 0 ? data : DEFAULT_DATA_BYTES, WorkloadShape.TYPICAL_SKEW, 1, 0, writes ? 1 : 0));
    }

    private static String abbreviated(String key) {
        return key.length() <= 24 ? key : key.substring(0, 21) + "...";
    }

    /** A finite, non-negative feature, NaN when absent or not so. */
    private static double get(Observation o, String name) {
        Double v = o.features().get(name);
        return v != null && v >= 0 && Double.isFinite(v) ? v : Double.NaN;
    }

    /** The sum of the features, NaN when none is there. */
    private static double sum(Observation o, String... names) {
        double s = 0;
        boolean any = false;
        for (String n : names) {
            double v = get(o, n);
            if (!Double.isNaN(v)) {
                s += v;
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }

    private static double median(List<Observation> runs, java.util.function.ToDoubleFunction<Observation> f) {
        double[] v = runs.stream().mapToDouble(f).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
