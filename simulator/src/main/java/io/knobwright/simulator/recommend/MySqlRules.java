package io.knobwright.simulator.recommend;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.simulator.model.Estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * MySQL and MariaDB settings that are sized to a measured need rather than priced by {@link MySqlObjective}: redo
 * capacity (an hour of the measured redo), max_connections (room above the measured peak), MariaDB's thread pool
 * (many more connections than cores) and innodb_flush_method (no double caching). Each proposal goes through the same
 * constraints as the search's changes; one that fails goes to {@code considered} with the constraint's message.
 * Their effect on throughput is not predicted, and their confidence says so (decision 0153).
 */
final class MySqlRules {

    private static final double MB = 1024 * 1024;
    private static final double GB = 1024 * MB;
    /** An hour of redo: Percona's long-standing rule of thumb, not the vendor's (the MySQL manual says "big"). */
    static final double REDO_HOURS = 1;
    /** Connections per core above which MariaDB's thread pool is proposed. */
    static final int POOL_CONNECTIONS_PER_CORE = 8;

    private MySqlRules() {
    }

    static List<RuleProposal> propose(RecommendationRequest request, Configuration today, Configuration searched,
                                  MySqlEvidence e) {
        List<RuleProposal> out = new ArrayList<>();
        redo(request, today, e).ifPresent(out::add);
        connections(request, today, searched, e).ifPresent(out::add);
        threadPool(request, today, e).ifPresent(out::add);
        flushMethod(request, today, searched).ifPresent(out::add);
        return out;
    }

    /** innodb_redo_log_capacity (MySQL 8.0.30 on) or innodb_log_file_size: about an hour of the measured redo. */
    static Optional<RuleProposal> redo(RecommendationRequest request, Configuration today, MySqlEvidence e) {
        String p = today.text("innodb_redo_log_capacity") != null ? "innodb_redo_log_capacity" : "innodb_log_file_size";
        Optional<ParameterSpec> spec = request.catalog().find(p);
        if (spec.isEmpty() || today.text(p) == null || Double.isNaN(e.redoBytesPerSec()) || e.redoBytesPerSec() <= 0) {
            return Optional.empty();
        }
        double now = today.value(p);
        double hour = e.redoBytesPerSec() * 3600 * REDO_HOURS;
        double ceiling = request.diskBytes() > 0 ? Math.min(128 * GB, request.diskBytes() / 10.0) : 128 * GB;
        double target;
        Confidence confidence;
        String why;
        if (now < hour / 2) {
            target = Math.min(firstAtLeast(hour), ceiling);
            confidence = Confidence.MEDIUM;
            why = "The redo log holds " + minutes(now, e) + " of the measured redo (p95 " + Texts.bytes(e.redoBytesPerSec())
                    + "/s): when it fills, InnoDB must flush dirty pages to advance the checkpoint, in bursts. About an "
                    + "hour of redo lets checkpoints follow the page cleaners instead (MySQL manual, Optimizing InnoDB "
                    + "Redo Logging: small redo logs \"cause many unnecessary disk writes\").";
        } else if (now > 8 * hour && now > 2 * GB) {
            target = Math.max(firstAtLeast(2 * hour), GB);
            confidence = Confidence.LOW;
            why = "The redo log holds " + minutes(now, e) + " of the measured redo: more than needed, and crash recovery "
                    + "may have to read all of it. Two hours of the measured rate keeps checkpoints relaxed.";
        } else {
            return Optional.empty();
        }
        Optional<String> text = CatalogValues.text(spec.get(), target);
        if (text.isEmpty() || CatalogValues.same(spec.get(), today.text(p), text.get())) {
            return Optional.empty();
        }
        List<Evidence> ev = List.of(new Evidence(Evidence.Kind.MEASURED, Measurements.WAL_RATE_P95,
                Texts.bytes(e.redoBytesPerSec()) + "/s", "InnoDB redo generated (LSN advance), busiest polls"),
                new Evidence(Evidence.Kind.PREDICTED, "redoHoursCovered", hours(now, e) + " -> "
                        + hours(CatalogValues.toModel(spec.get(), text.get()), e), "hours of the measured redo the log holds"));
        return Optional.of(new RuleProposal(p, text.get(), Recommendation.Reason.SIZED_TO_MEASURED, confidence, ev, why,
                List.of(new MetricChange("redoHoursCovered", "h", Estimate.exact(now / e.redoBytesPerSec() / 3600),
                        Estimate.exact(CatalogValues.toModel(spec.get(), text.get()) / e.redoBytesPerSec() / 3600)))));
    }

    /** Room above the measured peak; lowered where the worst case (every allowed connection busy) exceeds RAM. */
    static Optional<RuleProposal> connections(RecommendationRequest request, Configuration today, Configuration searched,
                                          MySqlEvidence e) {
        Optional<ParameterSpec> spec = request.catalog().find("max_connections");
        if (spec.isEmpty() || today.text("max_connections") == null || e.peakConnections() <= 0) {
            return Optional.empty();
        }
        double now = today.value("max_connections");
        double need = Math.max(e.peakConnections(), request.workload().clients());
        MySqlMemoryBudget.Breakdown b = MySqlMemoryBudget.of(request, searched);
        double worstCase = b.total() + (b.perConnection() + b.tmpTable()) * (now - b.activeConnections());
        double target;
        Confidence confidence;
        String why;
        if (e.peakConnections() >= 0.9 * now) {
            target = Math.ceil(need * 1.5 / 10) * 10;
            confidence = Confidence.MEDIUM;
            why = "The measured peak of " + (long) e.peakConnections() + " connections reached "
                    + Texts.percent(e.peakConnections() / now) + " of max_connections " + (long) now + ": clients "
                    + "beyond it are refused (\"Too many connections\"). Half again above the peak leaves room.";
        } else if (now > 8 * need && worstCase > b.ram()) {
            target = Math.ceil(need * 2 / 10) * 10 + 10;
            confidence = Confidence.LOW;
            why = "max_connections " + (long) now + " is " + Texts.number(now / need) + " times the measured peak of "
                    + (long) need + ", and if that many sessions used their buffers at once the server would need "
                    + Texts.bytes(worstCase) + " of " + Texts.bytes(b.ram()) + " RAM. Twice the peak keeps room.";
        } else {
            return Optional.empty();
        }
        Optional<String> text = CatalogValues.text(spec.get(), target);
        if (text.isEmpty() || CatalogValues.same(spec.get(), today.text("max_connections"), text.get())) {
            return Optional.empty();
        }
        return Optional.of(new RuleProposal("max_connections", text.get(), Recommendation.Reason.SIZED_TO_MEASURED,
                confidence, List.of(new Evidence(Evidence.Kind.MEASURED, Measurements.PEAK_CONNECTIONS,
                        Texts.number(e.peakConnections()), "most client connections at once (Threads_connected)")), why,
                List.of(new MetricChange("peakConnectionUse", "ratio", Estimate.exact(e.peakConnections() / now),
                        Estimate.exact(e.peakConnections() / CatalogValues.toModel(spec.get(), text.get()))))));
    }

    /** MariaDB's thread pool when connections far outnumber the cores (MariaDB KB, Thread Pool in MariaDB). */
    static Optional<RuleProposal> threadPool(RecommendationRequest request, Configuration today, MySqlEvidence e) {
        Optional<ParameterSpec> spec = request.catalog().find("thread_handling");
        String now = today.text("thread_handling");
        int cpus = request.machine().cpus();
        if (spec.isEmpty() || now == null || !spec.get().enumValues().contains("pool-of-threads")
                || !now.toLowerCase(Locale.ROOT).equals("one-thread-per-connection")
                || e.peakConnections() < POOL_CONNECTIONS_PER_CORE * cpus) {
            return Optional.empty();
        }
        String why = "The measured peak of " + (long) e.peakConnections() + " connections is "
                + Texts.number(e.peakConnections() / cpus) + " per core on " + cpus + " cores. With one thread per "
                + "connection they all compete for the CPUs; MariaDB's thread pool runs about one statement per core "
                + "at a time (thread_pool_size defaults to the core count), which the MariaDB Knowledge Base "
                + "describes as most effective for many concurrent short statements. Not predicted: test it.";
        return Optional.of(new RuleProposal("thread_handling", "pool-of-threads", Recommendation.Reason.SIZED_TO_MEASURED,
                Confidence.LOW, List.of(new Evidence(Evidence.Kind.MEASURED, Measurements.PEAK_CONNECTIONS,
                        Texts.number(e.peakConnections()), "most client connections at once"),
                new Evidence(Evidence.Kind.FACT, "cpus", String.valueOf(cpus), "CPUs of the host")), why, List.of()));
    }

    /** O_DIRECT where InnoDB's pool is large and the data files still go through the OS cache (MySQL 8.0's fsync). */
    static Optional<RuleProposal> flushMethod(RecommendationRequest request, Configuration today, Configuration searched) {
        Optional<ParameterSpec> spec = request.catalog().find("innodb_flush_method");
        String now = today.text("innodb_flush_method");
        double pool = MySqlMemoryBudget.bytes(searched, "innodb_buffer_pool_size");
        double ram = request.machine().memoryBytes();
        if (spec.isEmpty() || now == null || !now.equalsIgnoreCase("fsync") || pool < 0.25 * ram
                || !spec.get().enumValues().contains("O_DIRECT")) {
            return Optional.empty();
        }
        String why = "The buffer pool (" + Texts.bytes(pool) + ") holds " + Texts.percent(pool / ram) + " of RAM, and "
                + "with fsync the same pages are cached again by the operating system. O_DIRECT avoids the double "
                + "buffering (MySQL manual, innodb_flush_method). Not measured from this server (the OS cache is not "
                + "visible over SQL); check the file system supports O_DIRECT.";
        return Optional.of(new RuleProposal("innodb_flush_method", "O_DIRECT", Recommendation.Reason.VENDOR_GUIDANCE,
                Confidence.LOW, List.of(new Evidence(Evidence.Kind.FACT, "innodb_buffer_pool_size", Texts.bytes(pool),
                "share of RAM " + Texts.percent(pool / ram))), why, List.of()));
    }

    private static double firstAtLeast(double bytes) {
        return SearchSpace.ladder(Math.max(bytes, 32 * MB), Math.max(bytes, 32 * MB) * 2).getFirst();
    }

    private static String minutes(double capacity, MySqlEvidence e) {
        return Texts.number(capacity / e.redoBytesPerSec() / 60) + " minutes";
    }

    private static String hours(double capacity, MySqlEvidence e) {
        return Texts.number(capacity / e.redoBytesPerSec() / 3600) + " h";
    }
}
