package io.knobwright.app.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.knobwright.app.simulation.ProfiledShapes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Profiles each statement of a workload on the baseline server with EXPLAIN (ANALYZE, BUFFERS, WAL, TIMING OFF,
 * FORMAT JSON), a few executions each with drawn parameters, inside a transaction that is rolled back. It runs with
 * work_mem raised for the session, so a sort or hash reports the memory it needs rather than what it spilled.
 */
final class BenchProfiler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchProfiler() {
    }

    private static List<JsonNode> explain(Connection c, BenchWorkload workload, BenchWorkload.Step step, int samples,
                                          SplittableRandom random, boolean checkpointFirst) throws SQLException {
        List<JsonNode> plans = new ArrayList<>();
        // the first runs warm the statement's pages; only the later ones are kept
        for (int i = 0; i < samples + 2; i++) {
            Map<BenchWorkload.Draw, Integer> drawn = workload.draw(random);
            if (checkpointFirst) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("CHECKPOINT");
                }
                c.setAutoCommit(false);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL work_mem = '1GB'");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "EXPLAIN (ANALYZE, BUFFERS, WAL, TIMING OFF, FORMAT JSON) " + step.sql())) {
                Object[] params = BenchWorkload.bind(step, random, drawn);
                for (int p = 0; p < params.length; p++) {
                    ps.setObject(p + 1, params[p]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (i >= 2) {
                        plans.add(JSON.readTree(rs.getString(1)).get(0));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException("EXPLAIN answered JSON the profiler cannot read", e);
                }
            }
            c.rollback();
        }
        return plans;
    }

    static List<ProfiledShapes.StatementProfile> profile(Connection c, BenchWorkload workload, int samples, long seed)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        List<ProfiledShapes.StatementProfile> out = new ArrayList<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (BenchWorkload.Step step : workload.statements()) {
                List<JsonNode> plans = explain(c, workload, step, samples, random, false);
                ProfiledShapes.StatementProfile warm = ProfiledShapes.fromPlans(step.label(), plans);
                if (warm.walBytes() > 0) {
                    // a writer: the pages it modifies show as "dirtied" only when they were clean, so count them
                    // again right after a CHECKPOINT (the time and WAL figures stay those of the warm pass)
                    List<JsonNode> cold = explain(c, workload, step, samples, random, true);
                    warm = warm.withPagesDirtied(ProfiledShapes.fromPlans(step.label(), cold).pagesDirtied());
                }
                out.add(warm);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
        return out;
    }
}
