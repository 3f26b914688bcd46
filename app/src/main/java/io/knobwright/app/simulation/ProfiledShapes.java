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
public final class ProfiledShapes {

    private static final double PAGE_BYTES = 8192;

    private ProfiledShapes() {
    }

    /**
     * One statement's measured cost per execution, averaged over the profiled executions.
     *
     * @param executionMs EXPLAIN's execution time (timing off: the plan's own work, no per-node clock overhead)
     */
    public record StatementProfile(String label, double executionMs, double pagesRead, double sortBytes,
                                   double hashBytes, double pagesDirtied, double walBytes, double walFpi) {
        // walBytes: WAL records per execution, full-page images excluded; walFpi: images per execution as profiled
        public StatementProfile {
            Objects.requireNonNull(label, "label");
        }

        public StatementProfile withPagesDirtied(double pages) {
            return new StatementProfile(label, executionMs, pagesRead, sortBytes, hashBytes, pages, walBytes, walFpi);
        }
    }

    /** Averages a statement's profiled plans (each the first element of EXPLAIN's JSON array). */
    public static StatementProfile fromPlans(String label, List<JsonNode> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("No plan to profile " + label + " from");
        }
        double ms = 0, pages = 0, sort = 0, hash = 0, dirtied = 0, fpi = 0;
        double walClean = 0, walEstimated = 0;
        int clean = 0;
        for (JsonNode p : plans) {
            ms += p.path("Execution Time").asDouble();
            JsonNode root = p.path("Plan");
            pages += root.path("Shared Hit Blocks").asDouble() + root.path("Shared Read Blocks").asDouble();
            dirtied += root.path("Shared Dirtied Blocks").asDouble();
            double bytes = root.path("WAL Bytes").asDouble();
            double images = root.path("WAL FPI").asDouble();
            fpi += images;
            if (images == 0) {
                walClean += bytes;
                clean++;
            }
            walEstimated += Math.max(0, bytes - images * PAGE_BYTES);
            double[] mem = new double[2];
            memory(root, mem);
            sort += mem[0];
            hash += mem[1];
        }
        int n = plans.size();
        // WAL records without full-page images: the executions that wrote none tell it exactly; when every one did,
        // a whole page per image is taken off (images are smaller with their hole left out, so this errs low)
        double records = clean > 0 ? walClean / clean : walEstimated / n;
        return new StatementProfile(label, ms / n, pages / n, sort / n, hash / n, dirtied / n, records, fpi / n);
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
        }
        for (JsonNode child : node.path("Plans")) {
            memory(child, acc);
        }
    }

    /**
     * The workload's shape from its statements' profiles: each statement one query class, called {@code callsPerTx}
     * times per transaction; its CPU time is the execution time measured with its pages in shared_buffers (the
     * profiler warms them first) and its sorts in memory. A statement with a sort or hash is plan-sensitive.
     */
    public static WorkloadShape shape(String name, List<StatementProfile> statements, double callsPerTx,
                                      double dataBytes, double accessSkew, int clients, double commitsPerTx) {
        List<QueryClass> classes = new ArrayList<>();
        for (StatementProfile s : statements) {
            classes.add(new QueryClass(s.label(), callsPerTx, s.executionMs(), s.pagesRead(), s.sortBytes(), s.hashBytes(),
                    s.pagesDirtied(), s.walBytes(), s.sortBytes() + s.hashBytes() > 0));
        }
        return new WorkloadShape(name, classes, dataBytes, accessSkew, clients, 0, commitsPerTx);
    }

    /**
     * The access skew at which the model's buffer hit ratio for {@code shape} matches a measured one (bisection over
     * the Zipf exponent in [0, 3]; the model's hit ratio grows with skew). Uniform keys do not make uniform pages: an
     * index's root and inner pages are read by every lookup, so even pgbench's uniform accounts show a skew. With a
     * hit ratio at or below the uniform prediction the skew is 0; where the model's hit ratio hardly changes with the
     * skew (the data fit in shared_buffers), the measurement tells nothing and the skew is
     * {@link WorkloadShape#TYPICAL_SKEW} ({@link SkewFit}).
     *
     * @param hitRatioAt the model's predicted hit ratio of the workload at a given skew, under the measured settings
     */
    public static WorkloadShape fitSkew(WorkloadShape shape, java.util.function.DoubleUnaryOperator hitRatioAt,
                                        double measuredHitRatio) {
        if (!(measuredHitRatio > 0 && measuredHitRatio <= 1) || Double.isNaN(hitRatioAt.applyAsDouble(0))) {
            return shape;
        }
        return withSkew(shape, SkewFit.find(hitRatioAt, measuredHitRatio, 3, 30).skew());
    }

    public static WorkloadShape withSkew(WorkloadShape shape, double skew) {
        return shape.withSkew(skew);
    }
}
