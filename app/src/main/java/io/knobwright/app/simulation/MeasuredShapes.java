package io.knobwright.app.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.WorkloadShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns what was measured on a server into the model's workload shape: per statement, what EXPLAIN (ANALYZE,
 * BUFFERS, WAL, FORMAT JSON) reported of its executions (time, pages, sort and hash memory, dirtied pages, WAL), and
 * per workload the data size and the transactions' commits.
 *
 * <p>Sort and hash sizes are the memory the nodes reported when work_mem did not limit them (the profiler raises it
 * for its session): a sort's "Sort Space Used" in memory, a hash join's and a hash aggregate's "Peak Memory Usage".
 * That is the need the SpillModel prices against each scenario's work_mem.
 */
public final class MeasuredShapes {

    private MeasuredShapes() {
    }

    /**
     * One statement's measured cost per execution, averaged over the profiled executions.
     *
     * @param executionMs EXPLAIN's execution time (timing off: the plan's own work, no per-node clock overhead)
     */
    public record StatementProfile(String label, double executionMs, double pagesRead, double sortBytes,
                                   double hashBytes, double pagesDirtied, double walBytes, double walFpi) {
        public StatementProfile {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Averages a statement's profiled plans (each the first element of EXPLAIN's JSON array). */
    public static StatementProfile fromPlans(String label, List<JsonNode> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("No plan to profile " + label + " from");
        }
        double ms = 0, pages = 0, sort = 0, hash = 0, dirtied = 0, wal = 0, fpi = 0;
        for (JsonNode p : plans) {
            ms += p.path("Execution Time").asDouble();
            JsonNode root = p.path("Plan");
            pages += root.path("Shared Hit Blocks").asDouble() + root.path("Shared Read Blocks").asDouble();
            dirtied += root.path("Shared Dirtied Blocks").asDouble();
            wal += root.path("WAL Bytes").asDouble();
            fpi += root.path("WAL FPI").asDouble();
            double[] mem = new double[2];
            memory(root, mem);
            sort += mem[0];
            hash += mem[1];
        }
        int n = plans.size();
        return new StatementProfile(label, ms / n, pages / n, sort / n, hash / n, dirtied / n, wal / n, fpi / n);
    }

    /** Sums sort memory (index 0) and hash memory (index 1), in bytes, over a plan tree. */
    private static void memory(JsonNode node, double[] acc) {
        String type = node.path("Node Type").asText();
        if (type.equals("Sort") || type.equals("Incremental Sort")) {
            acc[0] += node.path("Sort Space Used").asDouble() * 1024;
        } else if (type.equals("Hash")) {
            acc[1] += node.path("Peak Memory Usage").asDouble() * 1024;
        } else if (type.equals("Aggregate") && node.path("Strategy").asText().equals("Hashed")) {
            acc[1] += node.path("Peak Memory Usage").asDouble() * 1024;
        } else if (type.equals("WindowAgg") || type.equals("Aggregate")) {
            // an ordered-set aggregate's or window's own tuplestore is small here; its input sort is its own node
        }
        for (JsonNode child : node.path("Plans")) {
            memory(child, acc);
        }
    }

    /**
     * The workload's shape from its statements' profiles: each statement one query class, called once per
     * transaction; its CPU time is the execution time measured with its pages in shared_buffers (the profiler warms
     * them first) and its sorts in memory.
     *
     * @param bytesPerFpi an FPI's average size, to take full-page images out of the measured WAL bytes
     */
    public static WorkloadShape shape(String name, List<StatementProfile> statements, double dataBytes,
                                      double accessSkew, int clients, double commitsPerTx, double bytesPerFpi) {
        List<QueryClass> classes = new ArrayList<>();
        for (StatementProfile s : statements) {
            double walRecords = Math.max(0, s.walBytes() - s.walFpi() * bytesPerFpi);
            classes.add(new QueryClass(s.label(), 1, s.executionMs(), s.pagesRead(), s.sortBytes(), s.hashBytes(),
                    s.pagesDirtied(), walRecords, s.sortBytes() + s.hashBytes() > 0));
        }
        return new WorkloadShape(name, classes, dataBytes, accessSkew, clients, 0, commitsPerTx);
    }
}
