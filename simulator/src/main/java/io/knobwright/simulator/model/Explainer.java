package io.knobwright.simulator.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the built-in model's last pass into a {@link Prediction}: each metric with its interval, a sentence per
 * mechanism that says which inputs made the number, and the warnings a DBA must see whatever the numbers say.
 */
final class Explainer {

    static final double OOM_WARNING = 0.05;
    private static final double Z95 = 1.6448536269514722;

    private Explainer() {
    }

    static Prediction prediction(Scenario scenario, Settings s, ModelParameters theta, int connections,
                                 BuiltInModel.Pass p) {
        Map<Metric, Estimate> m = new EnumMap<>(Metric.class);
        List<Explanation> why = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        WorkloadShape w = scenario.workload();
        Machine machine = scenario.machine();
        QueueingModel.Result q = p.queue();

        m.put(Metric.THROUGHPUT_TPS, Estimate.relative(q.tps(), BuiltInModel.THROUGHPUT_WIDTH));
        double sigma = theta.get("tailSigma");
        double median = q.responseMs() * Math.exp(-sigma * sigma / 2);
        m.put(Metric.LATENCY_P50_MS, Estimate.relative(median, BuiltInModel.LATENCY_WIDTH));
        m.put(Metric.LATENCY_P95_MS, Estimate.relative(median * Math.exp(Z95 * sigma), BuiltInModel.TAIL_WIDTH));
        m.put(Metric.BUFFER_HIT_RATIO, hitEstimate(p.cache().hitRatio()));
        m.put(Metric.OS_CACHE_HIT_RATIO, hitEstimate(p.cache().osHitRatio()));
        m.put(Metric.TEMP_BYTES_PER_SEC, Estimate.relative(q.tps() * p.spill().tempBytesPerTx(), BuiltInModel.VOLUME_WIDTH));
        m.put(Metric.CHECKPOINT_WRITE_BYTES_PER_SEC, Estimate.relative(p.wal().writeBytesPerSec(), BuiltInModel.VOLUME_WIDTH));
        m.put(Metric.WAL_BYTES_PER_SEC, Estimate.relative(p.wal().walBytesPerSec(), BuiltInModel.VOLUME_WIDTH));
        MemoryModel.Result mem = p.memory();
        m.put(Metric.PEAK_MEMORY_BYTES, new Estimate(mem.typicalPeak(), Math.min(mem.fixedBytes(), mem.typicalPeak()),
                mem.worstPeak()));
        double risk = negligible(mem.oomRisk());
        m.put(Metric.OUT_OF_MEMORY_RISK, new Estimate(risk, Math.min(negligible(mem.oomRiskLow()), risk),
                Math.max(negligible(mem.oomRiskHigh()), risk)));
        double saturation = BuiltInModel.saturation(p, w.clients());
        m.put(Metric.CONNECTION_SATURATION, Estimate.relative(saturation, BuiltInModel.THROUGHPUT_WIDTH));

        throughput(why, p, s, w, machine, connections, theta);
        latency(why, p, sigma);
        cache(why, p, s, w);
        spill(why, p, s, theta);
        checkpoints(why, p, s);
        memory(why, p, s, connections);
        saturation(why, p, w, saturation);
        planner(why, scenario);

        if (w.clients() > s.maxConnections()) {
            warnings.add(w.clients() + " clients but max_connections = " + s.maxConnections() + ": the other "
                    + (w.clients() - s.maxConnections()) + " are refused; the numbers are for " + connections + ".");
        }
        if (mem.oomRisk() > OOM_WARNING) {
            warnings.add("Out-of-memory risk " + Text.percent(mem.oomRisk()) + ": at busy moments sorts and hashes may "
                    + "take more than the " + Text.bytes(mem.room() - mem.fixedBytes()) + " left beside shared_buffers "
                    + "and the backends; lower work_mem or hash_mem_multiplier, or cap connections with a pooler.");
        }
        if (saturation > 1) {
            warnings.add(clientsAre(w.clients()) + " beyond the knee at about " + Text.fmt(q.knee())
                    + " where throughput stops growing: more clients only queue (a pooler with about "
                    + Math.max(1, (int) Math.floor(q.knee())) + " connections keeps latency down).");
        }
        if (p.wal().requested()) {
            warnings.add("Checkpoints are requested by WAL volume every " + Text.seconds(p.wal().cycleSeconds())
                    + ", before checkpoint_timeout (" + Text.seconds(s.checkpointTimeout()) + "): raise max_wal_size "
                    + "above " + Text.bytes(s.maxWalSize()) + " to space them out and write fewer full-page images.");
        }
        return new Prediction(scenario.name(), m, why, warnings, BuiltInModel.NAME, BuiltInModel.features(p, w));
    }

    /** A probability below one in a billion is shown as none (the tail of a Poisson law, not a real chance). */
    private static double negligible(double p) {
        return p < 1e-9 ? 0 : p;
    }

    /** A hit ratio's interval: its miss ratio times or divided by 1 + MISS_WIDTH (the skew is the uncertain input). */
    private static Estimate hitEstimate(double hit) {
        double miss = 1 - hit;
        return new Estimate(hit, Math.max(0, 1 - miss * (1 + BuiltInModel.MISS_WIDTH)),
                Math.min(1, 1 - miss / (1 + BuiltInModel.MISS_WIDTH)));
    }

    private static void throughput(List<Explanation> why, BuiltInModel.Pass p, Settings s, WorkloadShape w, Machine machine,
                                   int connections, ModelParameters theta) {
        QueueingModel.Result q = p.queue();
        String bottleneck = q.cpuUtilisation() >= q.diskUtilisation()
                ? "the CPU is " + Text.percent(q.cpuUtilisation()) + " busy"
                : "the device is " + Text.percent(q.diskUtilisation()) + " busy";
        StringBuilder text = new StringBuilder();
        text.append(connections).append(connections == 1 ? " client" : " clients")
                .append(w.thinkMs() > 0 ? " (think time " + Text.ms(w.thinkMs()) + ")" : "")
                .append(" on ").append(machine.cpus()).append(machine.cpus() == 1 ? " core" : " cores")
                .append(": each transaction needs ").append(Text.ms(p.cpuMs())).append(" of CPU");
        List<String> parts = new ArrayList<>();
        if (p.copyMs() > 0.005 * p.cpuMs()) {
            parts.add(Text.ms(p.copyMs()) + " copying pages from the OS cache");
        }
        if (p.spill().penaltyMsPerTx() > 0.005 * p.cpuMs()) {
            parts.add(Text.ms(p.spill().penaltyMsPerTx()) + " of sort cache misses");
        }
        if (p.spill().cpuMs() - p.spill().penaltyMsPerTx() > 0.005 * p.cpuMs()) {
            parts.add(Text.ms(p.spill().cpuMs() - p.spill().penaltyMsPerTx()) + " of temporary files in the page cache");
        }
        if (!parts.isEmpty()) {
            text.append(" (").append(String.join(", ", parts)).append(")");
        }
        if (p.clientCpuMs() > 0) {
            text.append(", and its client on the same host ").append(Text.ms(p.clientCpuMs())).append(" of the same cores");
            if (connections > machine.cpus()) {
                text.append(" (more clients than cores also cost CPU switching between them)");
            }
        }
        text.append(", ").append(Text.ms(p.diskMs())).append(" of the device");
        if (p.commitMs() > 0) {
            // the flush as the queue was given it: CPU that queues with the statements, and what is left a wait
            double flushCpu = BuiltInModel.flushCpuMs(p.commitMs(), theta);
            double flushWait = BuiltInModel.flushWaitMs(p.commitMs(), theta);
            text.append("; its synchronous commit ").append(Text.ms(flushCpu)).append(" of CPU (the WAL flush's system"
                    + " calls, its completion, waking the backends that wait for it)");
            if (flushWait > 0) {
                text.append(" and ").append(Text.ms(flushWait)).append(" waiting for the device");
            }
        }
        if (q.lockWaitMs() > 0.01 * q.responseMs()) {
            HotRows fewest = w.hotRows().stream().min(java.util.Comparator.comparingDouble(HotRows::rows)).orElseThrow();
            text.append("; ").append(Text.ms(q.lockWaitMs())).append(" waiting for rows other transactions hold until"
                    + " they commit (").append(Text.fmt(fewest.rows())).append(" hot rows: ").append(fewest.name())
                    .append(")");
        }
        text.append("; ").append(bottleneck).append(", so about ").append(Text.fmt(q.tps())).append(" tps. ")
                .append("Interval ±25% until runs of this workload calibrate it: about the run-to-run noise measured"
                        + " on a 2-vCPU test host.");
        String station = machine.cpus() == 1 ? "1 core" : machine.cpus() + " cores as one station";
        why.add(new Explanation(Metric.THROUGHPUT_TPS, "queueing (exact MVA, " + station + ")",
                text.toString(), inputs("clients", connections, "cpus", machine.cpus(), "cpuMsPerTx", p.cpuMs(),
                        "diskMsPerTx", p.diskMs(), "commitMsPerTx", p.commitMs(), "thinkMs", w.thinkMs(),
                        "clientCpuMsPerTx", p.clientCpuMs(), "lockWaitMsPerTx", q.lockWaitMs(),
                        "cpuUtilisation", q.cpuUtilisation(), "diskUtilisation", q.diskUtilisation())));
        for (SpillModel.ClassSpill c : p.spill().classes()) {
            if (c.inMemorySortBytes() > 0 && c.penaltyMs() > 0.05 * c.query().cpuMs() * theta.get("cpuScale")) {
                double run = c.inMemorySortBytes();
                double slower = theta.get("sortCachePenalty") * run / (run + theta.get("sortCacheBytes"));
                why.add(new Explanation(Metric.THROUGHPUT_TPS, "sort CPU-cache penalty",
                        "work_mem " + Text.bytes(s.workMem()) + " keeps the " + Text.bytes(run) + " sort of \"" + c.query().name() + "\" in memory "
                                + "(no spill), but an in-memory sort that large costs ~" + Text.percent(slower)
                                + " more sorting CPU per row than one that fits in the CPU caches, while an external merge "
                                + "from the page cache is cheap on this host: +" + Text.ms(c.penaltyMs()) + " per call.",
                        inputs("sortInputBytes", run, "sortCachePenalty", theta.get("sortCachePenalty"),
                                "sortCacheBytes", theta.get("sortCacheBytes"), "penaltyMs", c.penaltyMs())));
            }
        }
    }

    private static void latency(List<Explanation> why, BuiltInModel.Pass p, double sigma) {
        QueueingModel.Result q = p.queue();
        String text = "Mean transaction time " + Text.ms(q.responseMs()) + " (CPU with its queue "
                + Text.ms(q.cpuResponseMs()) + ", device " + Text.ms(q.diskResponseMs()) + ", WAL flush share "
                + Text.percent(BuiltInModel.flushShare(p))
                + (q.lockWaitMs() > 0 ? ", waits for hot rows " + Text.ms(q.lockWaitMs()) : "")
                + "); latencies taken as log-normal with σ = " + Text.fmt(sigma)
                + " around it.";
        Map<String, Double> in = inputs("responseMs", q.responseMs(), "tailSigma", sigma);
        why.add(new Explanation(Metric.LATENCY_P50_MS, "queueing + log-normal tail", text, in));
        why.add(new Explanation(Metric.LATENCY_P95_MS, "queueing + log-normal tail", text
                + " The 95th percentile is e^(1.645σ) times the median.", in));
    }

    private static void cache(List<Explanation> why, BuiltInModel.Pass p, Settings s, WorkloadShape w) {
        CacheModel.Result c = p.cache();
        Map<String, Double> in = inputs("dataBytes", w.dataBytes(), "accessSkew", w.accessSkew(),
                "sharedBuffersBytes", s.sharedBuffers(), "osCacheBytes", p.osCacheBytes());
        String l1 = c.sharedPages() >= c.dataPages()
                ? "shared_buffers " + Text.bytes(s.sharedBuffers()) + " holds all " + Text.bytes(w.dataBytes())
                + " the workload touches: every read is a hit once warm."
                : "shared_buffers " + Text.bytes(s.sharedBuffers()) + " holds " + Text.percent(c.sharedPages() / c.dataPages())
                + " of the " + Text.bytes(w.dataBytes()) + " the workload touches; with access skew "
                + Text.fmt(w.accessSkew()) + " (Zipf) the hottest pages stay and " + Text.percent(c.hitRatio())
                + " of reads hit (Che's approximation of the clock sweep).";
        why.add(new Explanation(Metric.BUFFER_HIT_RATIO, "cache (Che, shared_buffers)", l1, in));
        String l2 = "The OS page cache has about " + Text.bytes(p.osCacheBytes()) + " left (RAM less shared_buffers, "
                + Text.bytes(p.memory().privateBytes()) + " of backend memory and the kernel's reserve); it sees only "
                + "the misses of shared_buffers and serves " + Text.percent(c.osHitRatio()) + " of them, so "
                + Text.fmt(p.pagesReadPerTx() * c.deviceShare()) + " device reads per transaction.";
        why.add(new Explanation(Metric.OS_CACHE_HIT_RATIO, "cache (Che, OS page cache after shared_buffers)", l2, in));
    }

    private static void spill(List<Explanation> why, BuiltInModel.Pass p, Settings s, ModelParameters theta) {
        SpillModel.Result r = p.spill();
        boolean any = false;
        for (SpillModel.ClassSpill c : r.classes()) {
            QueryClass q = c.query();
            if (q.sortInputBytes() > 0 && c.runs() > 1) {
                any = true;
                why.add(new Explanation(Metric.TEMP_BYTES_PER_SEC, "sort spill (tuplesort merge)",
                        "\"" + q.name() + "\" sorts " + Text.bytes(q.sortInputBytes()) + " with work_mem "
                                + Text.bytes(s.workMem()) + ": " + Text.fmt(c.runs()) + " runs, merged in "
                                + Text.fmt(c.passes()) + (c.passes() == 1 ? " pass" : " passes") + ", about "
                                + Text.bytes(2 * q.sortInputBytes() * c.passes()) + " of temporary files per call.",
                        inputs("sortInputBytes", q.sortInputBytes(), "workMemBytes", s.workMem(), "runs", c.runs(),
                                "passes", c.passes())));
            }
            if (c.nbatch() > 1) {
                any = true;
                why.add(new Explanation(Metric.TEMP_BYTES_PER_SEC, "hash spill (batches)",
                        "\"" + q.name() + "\" hashes " + Text.bytes(q.hashInputBytes()) + " against "
                                + Text.bytes(s.workMem() * s.hashMemMultiplier()) + " (work_mem × hash_mem_multiplier "
                                + Text.fmt(s.hashMemMultiplier()) + "): " + Text.fmt(c.nbatch()) + " batches, about "
                                + Text.bytes(2 * q.hashInputBytes() * (1 - 1 / c.nbatch())) + " of temporary files per call.",
                        inputs("hashInputBytes", q.hashInputBytes(), "workMemBytes", s.workMem(),
                                "hashMemMultiplier", s.hashMemMultiplier(), "nbatch", c.nbatch())));
            }
        }
        if (any) {
            why.add(new Explanation(Metric.TEMP_BYTES_PER_SEC, "temporary files in the page cache",
                    Text.percent(r.memoryShare()) + " of the temporary-file I/O stays in the page cache (about "
                            + Text.bytes(r.footprint()) + " of temporary files at once against "
                            + Text.bytes(p.osCacheBytes()) + " of page cache) and costs memory bandwidth ("
                            + Text.fmt(theta.get("spillMemoryMBps")) + " MB/s); the rest goes to the device.",
                    inputs("footprintBytes", r.footprint(), "osCacheBytes", p.osCacheBytes(),
                            "memoryShare", r.memoryShare())));
        } else {
            why.add(new Explanation(Metric.TEMP_BYTES_PER_SEC, "spill (work_mem)",
                    "Every sort and hash fits in work_mem " + Text.bytes(s.workMem()) + " (hash tables up to "
                            + Text.bytes(s.workMem() * s.hashMemMultiplier()) + "): nothing spills.",
                    inputs("workMemBytes", s.workMem(), "hashMemMultiplier", s.hashMemMultiplier())));
        }
    }

    private static void checkpoints(List<Explanation> why, BuiltInModel.Pass p, Settings s) {
        CheckpointWalModel.Result r = p.wal();
        Map<String, Double> in = inputs("maxWalSizeBytes", s.maxWalSize(), "checkpointTimeoutSec", s.checkpointTimeout(),
                "checkpointCompletionTarget", s.completionTarget(), "cycleSec", r.cycleSeconds(),
                "dirtyPagesPerCycle", r.dirtyPagesPerCycle(), "fpiShare", r.fpiShare());
        String trigger = r.requested()
                ? "WAL reaches max_wal_size/(1+checkpoint_completion_target) = " + Text.bytes(r.distanceBytes())
                + " every " + Text.seconds(r.cycleSeconds()) + ", before checkpoint_timeout"
                : "checkpoint_timeout starts a checkpoint every " + Text.seconds(r.cycleSeconds())
                + " (WAL stays under " + Text.bytes(r.distanceBytes()) + ")";
        if (r.dirtyPagesPerCycle() <= 0) {
            why.add(new Explanation(Metric.CHECKPOINT_WRITE_BYTES_PER_SEC, "checkpoint cycle",
                    "The workload changes no pages: checkpoints have nothing to write.", in));
        } else {
            why.add(new Explanation(Metric.CHECKPOINT_WRITE_BYTES_PER_SEC, "checkpoint cycle",
                trigger + "; each cycle writes the " + Text.fmt(r.dirtyPagesPerCycle()) + " distinct pages dirtied in it ("
                        + Text.bytes(r.dirtyPagesPerCycle() * CacheModel.PAGE_BYTES) + "), spread over "
                        + Text.seconds(s.completionTarget() * r.cycleSeconds()) + ".", in));
        }
        String fpi = s.fullPageWrites()
                ? Text.percent(r.fpiShare()) + " of it is full-page images: the first change to each page after a "
                + "checkpoint logs the whole 8 kB page, so a longer cycle means fewer of them."
                : "full_page_writes is off: no full-page images (a torn page after a crash is then not repairable).";
        why.add(new Explanation(Metric.WAL_BYTES_PER_SEC, "WAL and full-page images (fixed point)",
                "WAL records " + Text.bytes(r.recordBytesPerSec()) + "/s plus full-page images "
                        + Text.bytes(r.fpiBytesPerSec()) + "/s. " + fpi, in));
    }

    private static void memory(List<Explanation> why, BuiltInModel.Pass p, Settings s, int connections) {
        MemoryModel.Result r = p.memory();
        Map<String, Double> in = inputs("sharedBuffersBytes", s.sharedBuffers(), "connections", connections,
                "workMemBytes", s.workMem(), "hashMemMultiplier", s.hashMemMultiplier(),
                "autovacuumWorkers", s.autovacuumWorkers(), "autovacuumWorkMemBytes", s.autovacuumWorkMem(),
                "heavyInFlight", r.heavyInFlight(), "roomBytes", r.room());
        why.add(new Explanation(Metric.PEAK_MEMORY_BYTES, "memory (per-node work_mem, Little's law)",
                "shared_buffers " + Text.bytes(s.sharedBuffers()) + " + " + connections + " backends × "
                        + Text.bytes(MemoryModel.BACKEND_BYTES) + " + " + s.autovacuumWorkers() + " autovacuum workers × "
                        + Text.bytes(s.autovacuumWorkMem()) + " + the sorts and hashes running at a busy moment (95th "
                        + "percentile; up to " + Text.bytes(r.maxNeed()) + " each, " + Text.fmt(r.heavyInFlight())
                        + " in flight on average). The upper end is every one of max_connections = "
                        + s.maxConnections() + " at the largest need.", in));
        why.add(new Explanation(Metric.OUT_OF_MEMORY_RISK, "memory (Poisson concurrency)",
                "Chance that the sorts and hashes in flight at once (Poisson around " + Text.fmt(r.heavyInFlight())
                        + ") need more than the " + Text.bytes(Math.max(0, r.room() - r.fixedBytes()))
                        + " left of " + Text.bytes(r.room()) + " (RAM less the kernel's reserve).", in));
    }

    /** "1 client is", "8 clients are". */
    private static String clientsAre(int clients) {
        return clients == 1 ? "1 client is" : clients + " clients are";
    }

    private static void saturation(List<Explanation> why, BuiltInModel.Pass p, WorkloadShape w, double saturation) {
        QueueingModel.Result q = p.queue();
        why.add(new Explanation(Metric.CONNECTION_SATURATION, "queueing (balanced-demand knee)",
                "Throughput stops growing at about " + Text.fmt(q.knee()) + " clients (total demand plus think time "
                        + "over the bottleneck's demand); " + clientsAre(w.clients()) + " " + Text.fmt(saturation)
                        + " times that.", inputs("knee", q.knee(), "clients", w.clients())));
    }

    private static void planner(List<Explanation> why, Scenario scenario) {
        List<String> sensitive = scenario.workload().classes().stream().filter(QueryClass::planSensitive)
                .map(c -> "\"" + c.name() + "\"").toList();
        if (sensitive.isEmpty()) {
            return;
        }
        List<String> knobs = BuiltInModel.plannerSettingsIn(scenario.knobs());
        why.add(new Explanation(Metric.THROUGHPUT_TPS, "planner (not modelled here)",
                "The plans of " + String.join(", ", sensitive) + " can change with "
                        + (knobs.isEmpty() ? "planner settings" : String.join(", ", knobs))
                        + ": judged by the server's planner (EXPLAIN under both settings); this model keeps their "
                        + "measured cost.", Map.of()));
    }

    private static Map<String, Double> inputs(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            double v = ((Number) pairs[i + 1]).doubleValue();
            m.put((String) pairs[i], Double.isFinite(v) ? v : Double.MAX_VALUE);
        }
        return m;
    }
}
