package io.knobwright.simulator.recommend;

import java.util.List;
import java.util.Optional;

/**
 * The memory a MySQL or MariaDB server may take must fit in RAM (decision 0153):
 * <pre>
 *   innodb_buffer_pool_size
 * + (sort_buffer_size + join_buffer_size + read_buffer_size + read_rnd_buffer_size
 *    + min(tmp_table_size, max_heap_table_size)) x active connections
 * + key_buffer_size + innodb_log_buffer_size (+ aria_pagecache_buffer_size, query_cache_size where the server has them)
 * + OS headroom (5% of RAM, at least 256MB, at most a quarter, as for PostgreSQL)
 * <= RAM,   active connections = min(max_connections, the workload's clients or the measured peak, whichever is more)
 * </pre>
 * Per-connection buffers are allocated per session as a statement needs them (MySQL Reference Manual, "How MySQL
 * Uses Memory": "each connection thread ... join buffer, sort buffer, read buffers ... allocated as needed"), and an
 * internal temporary table is kept in memory up to the smaller of tmp_table_size and max_heap_table_size. Counting
 * each once per active connection is a budget, not a measurement: a join can take several join buffers, and MySQL
 * 8's TempTable engine caps all in-memory temporary tables together with temptable_max_ram instead.
 */
public final class MySqlMemoryBudget implements Constraint {

    static final List<String> PER_CONNECTION = List.of("sort_buffer_size", "join_buffer_size", "read_buffer_size",
            "read_rnd_buffer_size");
    static final List<String> GLOBAL = List.of("key_buffer_size", "innodb_log_buffer_size",
            "aria_pagecache_buffer_size", "query_cache_size");

    /** Each term in bytes, for the message and the tests. */
    public record Breakdown(double bufferPool, double perConnection, double tmpTable, int activeConnections,
                            double globalBuffers, double headroom, double ram) {

        public double total() {
            return bufferPool + (perConnection + tmpTable) * activeConnections + globalBuffers + headroom;
        }

        public double overshoot() {
            return Math.max(0, total() - ram);
        }

        public boolean fits() {
            return total() <= ram;
        }

        public String describe() {
            return "innodb_buffer_pool_size " + Texts.bytes(bufferPool) + " + (session buffers "
                    + Texts.bytes(perConnection) + " + in-memory temporary table " + Texts.bytes(tmpTable) + ") x "
                    + activeConnections + " active connections + global buffers " + Texts.bytes(globalBuffers)
                    + " + OS headroom " + Texts.bytes(headroom) + " = " + Texts.bytes(total()) + " of "
                    + Texts.bytes(ram) + " RAM";
        }
    }

    @Override
    public String name() {
        return "memory budget";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        Breakdown b = of(candidate.request(), candidate.proposed());
        return b.fits() ? Optional.empty()
                : Optional.of("The settings need more memory than the machine has: " + b.describe() + ".");
    }

    public static Breakdown of(RecommendationRequest request, Configuration c) {
        double ram = request.machine().memoryBytes();
        double perConnection = PER_CONNECTION.stream().mapToDouble(p -> bytes(c, p)).sum();
        double tmp = Math.min(orInfinity(c, "tmp_table_size"), orInfinity(c, "max_heap_table_size"));
        double globals = GLOBAL.stream().mapToDouble(p -> bytes(c, p)).sum();
        double maxConnections = c.value("max_connections");
        double need = Math.max(request.workload().clients(), MySqlEvidence.of(request).peakConnections());
        int active = (int) Math.max(1, Double.isNaN(maxConnections) ? need : Math.min(need, maxConnections));
        return new Breakdown(bytes(c, "innodb_buffer_pool_size"), perConnection, Double.isInfinite(tmp) ? 0 : tmp,
                active, globals, MemoryBudget.headroom(ram), ram);
    }

    /** A setting's bytes; 0 for one this server does not have (MySQL has no aria_pagecache_buffer_size). */
    static double bytes(Configuration c, String parameter) {
        if (c.text(parameter) == null) {
            return 0;
        }
        double v = c.value(parameter);
        return Double.isNaN(v) ? 0 : v;
    }

    private static double orInfinity(Configuration c, String parameter) {
        return c.text(parameter) == null ? Double.POSITIVE_INFINITY : bytes(c, parameter);
    }
}
