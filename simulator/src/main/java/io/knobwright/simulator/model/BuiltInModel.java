package io.knobwright.simulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in performance model for PostgreSQL, composed of mechanisms (SIMULATOR.md §2, decision 0136): two-level
 * cache hit ratios ({@link CacheModel}), spills against work_mem ({@link SpillModel}), checkpoints and full-page
 * images ({@link CheckpointWalModel}), memory and the risk of running out ({@link MemoryModel}) and a closed queueing
 * network for concurrency ({@link QueueingModel}). θ ({@link ModelParameters}) holds the host constants calibration
 * fits; the prediction is a deterministic function of the scenario and θ.
 * <p>
 * The mechanisms feed each other: the memory the backends take shrinks the page cache, the page cache decides which
 * temporary files stay in memory, and both depend on how many backends work at once, which the queueing model
 * answers. The model therefore solves the chain {@value #PASSES} times, each pass starting from the concurrency and
 * throughput of the one before.
 * <p>
 * Settings that act through the planner (random_page_cost, effective_cache_size, enable_*, jit, parallel settings)
 * are not judged here: a plan-sensitive class keeps its measured cost and is named for the planner probe.
 */
public final class BuiltInModel implements PerformanceModel {

    public static final String NAME = "built-in";

    static final int PASSES = 3;
    /** A transaction costs at least a protocol round trip's CPU, so a workload of free statements has a ceiling. */
    private static final double MIN_CPU_MS = 0.005;
    private static final double MB = 1024 * 1024;

    // Uncalibrated 80% half-widths (log space). Why these: run-to-run noise on this machine kind is about ±25% per
    // run, and the priors of θ are wide; calibration replaces them with posterior intervals.
    static final double THROUGHPUT_WIDTH = 0.25;
    static final double LATENCY_WIDTH = 0.30;
    static final double TAIL_WIDTH = 0.40;
    static final double VOLUME_WIDTH = 0.35;
    static final double MISS_WIDTH = 0.5;

    private final ModelParameters theta;
    private volatile Popularity lastPopularity;

    public BuiltInModel() {
        this(defaultParameters());
    }

    /** @throws IllegalArgumentException when θ lacks a constant the model reads */
    public BuiltInModel(ModelParameters theta) {
        for (String name : defaultParameters().names()) {
            theta.get(name);
        }
        this.theta = theta;
    }

    /** The constants θ with their priors: a typical host of today, and how far (log sd) one may differ. */
    public static ModelParameters defaultParameters() {
        Map<String, ModelParameters.Prior> p = new LinkedHashMap<>();
        put(p, "cpuScale", 1.0, 0.4, "multiplies the measured CPU time of each statement (this host's speed)");
        put(p, "osCacheCopyMs", 0.012, 0.7,
                "CPU ms to bring one 8 kB page from the OS page cache into shared_buffers (pread, copy, buffer eviction)");
        put(p, "deviceReadScale", 1.0, 0.5, "multiplies the device's random read latency");
        put(p, "diskParallelism", 4.0, 0.7, "reads the device serves at once before they queue");
        put(p, "fsyncScale", 1.0, 0.6, "multiplies the device's WAL flush time");
        put(p, "sortCpuMsPerMB", 6.0, 0.7, "CPU ms to sort 1 MB of input when it fits in the CPU caches");
        put(p, "sortCachePenalty", 1.5, 0.7,
                "extra CPU per row of a sort run much larger than the CPU caches, as a share of the sort's cost");
        // a server CPU's last-level cache (16-64 MB), not its L2: on a quiet 2-vCPU host a reporting mix of 9-11 MB
        // sorts and hashes ran 18% faster with work_mem 16MB than 4MB (decision 0157), which 8 MB here denied
        put(p, "sortCacheBytes", 32 * MB, 1.0, "run size at which a sort pays half of the cache penalty");
        // temp files go through the page cache 8 kB at a time, each block a system call and every tuple copied out and
        // back (and, for a sort, through the merge's heap): far below memory bandwidth (0157: about 1 GB/s fits the
        // same measurement; 4 GB/s made spills nearly free)
        put(p, "spillMemoryMBps", 1000.0, 0.7, "MB/s of temporary-file I/O served by the page cache (system calls,"
                + " tuple copies, the merge)");
        put(p, "tailSigma", 0.5, 0.5, "log-normal shape of transaction latency (p95 / median = e^(1.645 σ))");
        put(p, "uslContention", 0.0005, 1.0, "CPU cost growth per other busy backend (locks, snapshots, cache lines)");
        put(p, "roundTripMs", 0.05, 1.2, "a remote client's round trip per statement outside the server (driver,"
                + " network, the client's handling of the answer): a delay each client waits, not server CPU");
        put(p, "clientCpuMs", 0.015, 1.0, "CPU ms a client on the server's own host spends per statement (the driver"
                + " building it and reading the answer), taken from the same cores as the server");
        put(p, "wakeMs", 0.02, 1.0, "delay per hand-off (a statement to its backend, an answer to a client on the"
                + " same host) when the process is woken on an idle core: a halted vCPU's exit from the hypervisor");
        // sort-hash on the quiet 2-vCPU host (0158): 31 tps at 3 clients, 23 at 6-8, with 40 ms statements, where a
        // per-statement switching cost is nothing: the loss is proportional to the work switched out
        put(p, "cacheRefillShare", 0.2, 1.0, "extra share of the server's CPU work when more backends run than cores:"
                + " one switched out mid-statement comes back to caches the others evicted");
        // every host measured charged a synchronous commit more CPU than the probe's flush takes: 0158's 2-vCPU host
        // about 1.4 times the flush (8 clients, 95% CPU-busy, 2,590 tps on and 3,470 off), 0162's about 1.8 times;
        // at 0.4 a fit bought the missing CPU with a flush four times too slow and lost the single client (0162)
        put(p, "flushCpuShare", 1.0, 0.8, "CPU a synchronous commit's WAL flush costs the cores (system calls, the"
                + " I/O's completion, waking the backends that wait for it), as a multiple of the flush's time; what is"
                + " left of the flush, if anything, is a wait for the device");
        put(p, "switchCpuMs", 0.015, 1.0, "extra CPU ms per statement when clients on the server's host over-subscribe"
                + " the cores: a woken process finds its core's caches filled by others");
        put(p, "crossWakeCpuMs", 0.025, 1.0, "CPU ms per hand-off between a client on the server's host and its backend"
                + " when they run on different busy cores: with more local clients than cores and the cores not dividing"
                + " them evenly, the scheduler splits some pairs and their hand-offs interrupt another core");
        return new ModelParameters(p);
    }

    private static void put(Map<String, ModelParameters.Prior> p, String name, double value, double logSd, String meaning) {
        p.put(name, new ModelParameters.Prior(value, value, logSd, meaning));
    }

    /** The settings this model reads; others (the planner's among them) change nothing in its numbers. */
    public static List<String> knobsRead() {
        return Settings.READ;
    }

    /**
     * The bytes a query's sorts take as input when, under work_mem {@code workMem}, it wrote {@code tempBytesWritten}
     * to temporary files (pg_stat_statements' temp_blks_written, pg_stat_database's temp_bytes): the inverse of this
     * model's spill volume, so a shape built from measured temp bytes spills as measured under the settings measured.
     */
    public static double sortInputWriting(double tempBytesWritten, double workMem) {
        return SpillModel.sortInputWriting(tempBytesWritten, workMem);
    }

    public ModelParameters parameters() {
        return theta;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Prediction predict(Scenario scenario) {
        Settings s = Settings.of(scenario.knobs());
        Machine machine = scenario.machine();
        WorkloadShape w = scenario.workload();
        double ram = machine.memoryBytes();
        double reserve = MemoryModel.reserve(ram);
        if (s.sharedBuffers() >= ram - reserve) {
            throw new SimulationException("shared_buffers " + Text.bytes(s.sharedBuffers()) + " does not fit in "
                    + Text.bytes(ram) + " of RAM less the " + Text.bytes(reserve) + " the kernel needs: lower "
                    + "shared_buffers (a quarter of RAM is a common start) or simulate a machine with more memory.");
        }
        int connections = Math.min(w.clients(), s.maxConnections());
        Popularity popularity = popularity(Math.max(1, w.dataBytes() / CacheModel.PAGE_BYTES), w.accessSkew());
        CacheModel.SharedLevel shared = CacheModel.shared(popularity, s.sharedBuffers());
        Pass pass = null;
        for (int i = 0; i < PASSES; i++) {
            pass = pass(scenario, s, shared, connections, pass);
        }
        return Explainer.prediction(scenario, s, theta, connections, pass);
    }

    /** A sweep keeps its workload: the discretised popularity of the last scenario is reused when it matches. */
    private Popularity popularity(double pages, double skew) {
        Popularity last = lastPopularity;
        if (last != null && last.pages == Math.max(1, Math.ceil(pages)) && last.alpha == skew) {
            return last;
        }
        Popularity next = Popularity.zipf(pages, skew);
        lastPopularity = next;
        return next;
    }

    /** Everything one pass of the chain computed; the last one is the prediction. */
    record Pass(MemoryModel.Result memory, double osCacheBytes, CacheModel.Result cache, SpillModel.Result spill,
                CheckpointWalModel.Result wal, QueueingModel.Result queue, double pagesReadPerTx, double cpuMs,
                double copyMs, double diskMs, double readMs, double walDiskMs, double commitMs, double[] classShare,
                double clientCpuMs) {
    }

    private Pass pass(Scenario scenario, Settings s, CacheModel.SharedLevel shared, int connections, Pass before) {
        Popularity popularity = shared.popularity();
        Machine machine = scenario.machine();
        WorkloadShape w = scenario.workload();
        List<QueryClass> classes = w.classes();
        double busy = before == null ? Math.min(connections, machine.cpus()) : before.queue().busy();
        double[] inFlight = new double[classes.size()];
        for (int i = 0; i < inFlight.length; i++) {
            inFlight[i] = busy * (before == null ? 1.0 / inFlight.length : before.classShare()[i]);
        }
        MemoryModel.Result memory = MemoryModel.solve(classes, inFlight, s, machine.memoryBytes(), connections);
        double osCache = Math.max(0, machine.memoryBytes() - MemoryModel.reserve(machine.memoryBytes())
                - s.sharedBuffers() - memory.privateBytes());
        CacheModel.Result cache = CacheModel.solve(shared, osCache);
        SpillModel.Result spill = SpillModel.solve(classes, s.workMem(), s.hashMemMultiplier(), theta,
                machine.device(), osCache, busy);

        double pagesRead = 0;
        double records = 0;
        double dirtied = 0;
        double statementCpu = 0;
        double[] classDemand = new double[classes.size()];
        double copyPerPage = (1 - cache.hitRatio()) * theta.get("osCacheCopyMs");
        double readPerPage = cache.deviceShare() * machine.device().randomReadMs() * theta.get("deviceReadScale");
        for (int i = 0; i < classes.size(); i++) {
            QueryClass q = classes.get(i);
            SpillModel.ClassSpill c = spill.classes().get(i);
            pagesRead += q.callsPerTx() * q.pagesRead();
            records += q.callsPerTx() * q.walBytes();
            dirtied += q.callsPerTx() * q.pagesDirtied();
            statementCpu += q.callsPerTx() * q.cpuMs();
            classDemand[i] = q.callsPerTx() * (q.cpuMs() * theta.get("cpuScale") + q.pagesRead() * (copyPerPage + readPerPage)
                    + c.penaltyMs() + c.tempBytes() / (theta.get("spillMemoryMBps") * MB) * 1000);
        }
        double copyMs = pagesRead * copyPerPage;
        double readMs = pagesRead * readPerPage;
        double cpuMs = Math.max(MIN_CPU_MS, statementCpu * theta.get("cpuScale") + copyMs + spill.cpuMs());
        double commitMs = s.waitsForFlush() ? w.commitsPerTx() * machine.device().fsyncMs() * theta.get("fsyncScale") : 0;
        double seqMsPerByte = 1000 / (machine.device().seqMBps() * MB);

        // WAL and checkpoint writes per transaction depend on throughput: take the previous pass's, or a first
        // answer without them
        double tps = before != null ? before.queue().tps()
                : queue(cpuMs, readMs + spill.diskMs(), commitMs, w, connections, machine).tps();
        CheckpointWalModel.Result wal = CheckpointWalModel.solve(popularity, tps, records, dirtied, s.maxWalSize(),
                s.checkpointTimeout(), s.completionTarget(), s.fullPageWrites());
        double walDiskMs = tps > 0 ? (wal.walBytesPerSec() + wal.writeBytesPerSec()) / tps * seqMsPerByte : 0;
        double diskMs = readMs + spill.diskMs() + walDiskMs;
        QueueingModel.Result queue = queue(cpuMs, diskMs, commitMs, w, connections, machine);

        double total = 0;
        for (double d : classDemand) {
            total += d;
        }
        double[] share = new double[classDemand.length];
        for (int i = 0; i < share.length; i++) {
            share[i] = total > 0 ? classDemand[i] / total : 1.0 / share.length;
        }
        return new Pass(memory, osCache, cache, spill, wal, queue, pagesRead, cpuMs, copyMs, diskMs, readMs, walDiskMs,
                commitMs, share, sharedHost(w).clientCpuMs());
    }

    /**
     * A commit's flush is a wait for the device and also work for a core: the write and fdatasync system calls, the
     * I/O's completion and the wake of the backends waiting on it. The CPU share of it queues with the rest of the
     * CPU work, so on a busy host synchronous commits cost throughput, not only latency (decision 0158: on this
     * project's 2-vCPU machine pgbench at 8 clients ran 95% CPU-busy at 2,590 tps with synchronous_commit on and
     * 3,470 tps off).
     */
    private QueueingModel.Result queue(double cpuMs, double diskMs, double commitMs, WorkloadShape w, int connections,
                                       Machine machine) {
        double flushCpuMs = flushCpuMs(commitMs, theta);
        double flushWaitMs = flushWaitMs(commitMs, theta);
        // a client that sends its next statement only after the answer came back idles for each round trip: with few
        // clients this, not the server, bounds throughput (one client of a 50 us query runs far below the CPU's rate)
        double statements = statements(w);
        // each statement hands work to its backend and, for a client on this host, the answer back to the client
        double wakeMs = statements * (w.clientsOnHost() ? 2 : 1) * theta.get("wakeMs");
        // over a network, a round trip is a delay whatever the server's cores do. On the server's own host it is those
        // two hand-offs and both sides' CPU, nothing more: two clients on two cores pass the work back and forth with
        // no core ever idle, and select-only ran 5.9 times as fast at 2 clients as at 1 (decision 0159)
        double roundTrips = w.clientsOnHost() ? 0 : statements * theta.get("roundTripMs");
        return QueueingModel.solve(cpuMs + flushCpuMs, diskMs, flushWaitMs, w.thinkMs() + roundTrips, connections,
                machine.cpus(), theta.get("diskParallelism"), theta.get("uslContention"), sharedHost(w), wakeMs,
                rowLocks(w, statements, roundTrips), theta.get("cacheRefillShare"));
    }

    /** The CPU a synchronous commit's flush of {@code commitMs} costs the cores: queued with the statements. */
    static double flushCpuMs(double commitMs, ModelParameters theta) {
        return commitMs * theta.get("flushCpuShare");
    }

    /** What is left of the flush after its CPU: a wait for the device, none when the CPU takes all of it (0162). */
    static double flushWaitMs(double commitMs, ModelParameters theta) {
        return Math.max(0, commitMs - flushCpuMs(commitMs, theta));
    }

    /** The shape's hot sets in the order a transaction locks them: the one held longest first. */
    private static QueueingModel.RowLocks rowLocks(WorkloadShape w, double statements, double roundTripsMs) {
        if (w.hotRows().isEmpty() || !(statements > 0)) {
            return QueueingModel.RowLocks.NONE;
        }
        List<HotRows> sets = new ArrayList<>(w.hotRows());
        sets.sort(java.util.Comparator.comparingDouble(HotRows::statementsHeld).reversed());
        double[] rows = new double[sets.size()];
        double[] held = new double[sets.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = sets.get(i).rows();
            held[i] = Math.min(1, sets.get(i).statementsHeld() / statements);
        }
        return new QueueingModel.RowLocks(rows, held, roundTripsMs);
    }

    /** Clients on the server's host take CPU from it per statement; remote ones only cost their round trips. */
    private QueueingModel.SharedHost sharedHost(WorkloadShape w) {
        if (!w.clientsOnHost()) {
            return QueueingModel.SharedHost.REMOTE;
        }
        double statements = statements(w);
        // a split pair interrupts the other core twice per statement: its backend's wake and its client's
        return new QueueingModel.SharedHost(statements * theta.get("clientCpuMs"), statements * theta.get("switchCpuMs"),
                2 * statements * theta.get("crossWakeCpuMs"));
    }

    /** Statements per transaction a client sends and waits for: each statement, and each commit. */
    private static double statements(WorkloadShape w) {
        double statements = w.commitsPerTx();
        for (QueryClass q : w.classes()) {
            statements += q.callsPerTx();
        }
        return statements;
    }

    /** The features of a pass, by {@link Features} name. */
    static Map<String, Double> features(Pass p, WorkloadShape w) {
        Map<String, Double> f = new LinkedHashMap<>();
        double tps = p.queue().tps();
        f.put(Features.MISS_RATE, 1 - p.cache().hitRatio());
        f.put(Features.OS_MISS_RATE, 1 - p.cache().osHitRatio());
        f.put(Features.DEVICE_READS_PER_TX, p.pagesReadPerTx() * p.cache().deviceShare());
        f.put(Features.SPILL_BYTES_PER_TX, p.spill().tempBytesPerTx());
        f.put(Features.IN_MEMORY_SORT_BYTES_PER_TX, p.spill().inMemorySortBytesPerTx());
        f.put(Features.SORT_PENALTY_MS_PER_TX, p.spill().penaltyMsPerTx());
        f.put(Features.FPI_SHARE, p.wal().fpiShare());
        f.put(Features.WAL_BYTES_PER_TX, tps > 0 ? p.wal().walBytesPerSec() / tps : 0);
        f.put(Features.CHECKPOINTS_REQUESTED, p.wal().requested() ? 1.0 : 0.0);
        f.put(Features.CPU_UTILISATION, p.queue().cpuUtilisation());
        f.put(Features.DISK_UTILISATION, p.queue().diskUtilisation());
        f.put(Features.FSYNC_SHARE, flushShare(p));
        f.put(Features.CLIENTS_OVER_KNEE, saturation(p, w.clients()));
        f.put(Features.CPU_MS_PER_TX, p.cpuMs());
        f.put(Features.DISK_MS_PER_TX, p.diskMs());
        f.replaceAll((k, v) -> Double.isFinite(v) ? v : 0.0);
        return f;
    }

    /**
     * The share of a transaction's time its synchronous commit's flush accounts for, its CPU and its wait for the
     * device together: the queue's own commit share counts only the wait, which is none where the flush costs the
     * cores its whole time (decision 0162), and a synchronous commit would then look free to the residual correction
     * and to a recommendation's reasons.
     */
    static double flushShare(Pass p) {
        double r = p.queue().responseMs();
        return r > 0 ? Math.min(1, p.commitMs() / r) : 0;
    }

    static double saturation(Pass p, int clients) {
        double knee = p.queue().knee();
        return Double.isFinite(knee) && knee > 0 ? clients / knee : 0;
    }

    static List<String> plannerSettingsIn(Knobs knobs) {
        List<String> out = new ArrayList<>();
        for (String name : knobs.names()) {
            if (Settings.PLANNER.contains(name) || name.startsWith("enable_")) {
                out.add(name);
            }
        }
        return out;
    }
}
