package io.knobwright.connectors.load;

import io.knobwright.model.UserError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles on the local PostgreSQL 15, at low and high work_mem. */
class StatementProfilerTest {

    private static final LoadScript MEMORY_HUNGRY = LoadScript.parse("hungry", """
            \\set n 20000
            SELECT g FROM generate_series(1, :n) g ORDER BY g DESC OFFSET 19990;
            SELECT count(*) FROM (SELECT g % 10000 AS k, count(*) FROM generate_series(1, :n) g GROUP BY 1) s;
            SELECT count(*) FROM generate_series(1, :n) a JOIN generate_series(1, :n) b ON a = b;
            """);

    private static LoadTestDatabase database;
    private static StatementProfiler profiler;

    @BeforeAll
    static void createTables() throws Exception {
        database = new LoadTestDatabase();
        try (Connection c = database.connect()) {
            PgbenchSchema.create(c, 1);
        }
        profiler = new StatementProfiler(database::connect);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void aSortPastWorkMemIsExternalAndFitsInMemoryWithMore() {
        List<StatementProfile> low = profiler.profile(MEMORY_HUNGRY, 1, Map.of("work_mem", "64kB",
                "enable_mergejoin", "off"), 1);
        List<StatementProfile> high = profiler.profile(MEMORY_HUNGRY, 1, Map.of("work_mem", "64MB",
                "enable_mergejoin", "off"), 1);

        StatementProfile.Sort spilled = low.get(0).sorts().getFirst();
        assertThat(spilled.method()).isEqualTo("external merge");
        assertThat(spilled.disk()).isTrue();
        assertThat(spilled.spaceKb()).isPositive();
        assertThat(spilled.actualInputBytes()).isEqualTo(20000.0 * 4);
        assertThat(spilled.estimatedInputBytes()).isPositive();
        assertThat(low.get(0).tempWritten()).isPositive();
        assertThat(low.get(0).spilled()).isTrue();
        assertThat(low.get(0).executed()).contains("generate_series(1, 20000)");
        assertThat(low.get(0).statement()).contains(":n");

        StatementProfile.Sort inMemory = high.get(0).sorts().getFirst();
        assertThat(inMemory.method()).isEqualTo("quicksort");
        assertThat(inMemory.disk()).isFalse();
        assertThat(high.get(0).tempWritten()).isZero();
        assertThat(high.get(0).spilled()).isFalse();
        assertThat(high.get(0).executionMs()).isPositive();

        StatementProfile.HashAggregate aggregate = low.get(1).hashAggregates().getFirst();
        assertThat(aggregate.batches()).isGreaterThan(1);
        assertThat(aggregate.diskKb()).isPositive();
        assertThat(aggregate.inputBytes()).isPositive();
        assertThat(high.get(1).hashAggregates().getFirst().batches()).isEqualTo(1);
        assertThat(high.get(1).hashAggregates().getFirst().peakMemoryKb()).isPositive();

        StatementProfile.Hash hash = low.get(2).hashes().getFirst();
        assertThat(hash.batches()).isGreaterThan(1);
        assertThat(hash.inputBytes()).isEqualTo(20000.0 * 4);
        assertThat(high.get(2).hashes().getFirst().batches()).isEqualTo(1);
        assertThat(high.get(2).hashes().getFirst().peakMemoryKb()).isPositive();
    }

    @Test
    void tpcbLikeIsProfiledStatementByStatementAndLeavesNoTrace() throws Exception {
        long historyBefore = count();
        List<StatementProfile> profiles = profiler.profile(LoadScript.tpcbLike(), 1, Map.of(), 7);

        assertThat(profiles).hasSize(7);
        assertThat(profiles.getFirst().profiled()).isFalse();
        assertThat(profiles.getFirst().skipped()).startsWith("transaction control");
        assertThat(profiles.getLast().skipped()).startsWith("transaction control");
        StatementProfile update = profiles.get(1);
        assertThat(update.profiled()).isTrue();
        assertThat(update.transaction()).isEqualTo("tpcb-like");
        assertThat(update.line()).isEqualTo(7);
        assertThat(update.executed()).doesNotContain(":aid").contains("WHERE aid = ");
        assertThat(update.sharedHit() + update.sharedRead()).isPositive();
        assertThat(update.sharedDirtied()).isPositive();
        assertThat(update.walRecords()).isPositive();
        assertThat(update.walBytes()).isPositive();
        assertThat(update.walFpi()).isGreaterThanOrEqualTo(0);
        StatementProfile select = profiles.get(2);
        assertThat(select.rows()).isEqualTo(1);
        assertThat(select.walBytes()).isZero();
        assertThat(profiles.get(5).executed()).startsWith("INSERT INTO pgbench_history");
        assertThat(count()).isEqualTo(historyBefore);
    }

    @Test
    void statementsThatCannotBeExplainedOrFailAreListedWithTheReason() {
        LoadScript script = LoadScript.parse("mixed", """
                SET work_mem = '1MB';
                SELECT 1 / 0;
                SELECT 42;
                """);
        List<StatementProfile> profiles = profiler.profile(script, 1, Map.of(), 1);
        assertThat(profiles.get(0).skipped()).startsWith("not explained: only SELECT");
        assertThat(profiles.get(1).skipped()).startsWith("the server refused it").contains("division by zero");
        assertThat(profiles.get(2).profiled()).isTrue();
        assertThat(profiles.get(2).rows()).isEqualTo(1);
        assertThat(profiles.get(2).walRecords()).isZero();
    }

    @Test
    void aRefusedSettingStopsTheProfile() {
        assertThatThrownBy(() -> profiler.profile(MEMORY_HUNGRY, 1, Map.of("work_mem", "-1"), 1))
                .isInstanceOf(UserError.class).hasMessageContaining("The server refused work_mem = '-1'");
    }

    private static long count() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pgbench_history")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
