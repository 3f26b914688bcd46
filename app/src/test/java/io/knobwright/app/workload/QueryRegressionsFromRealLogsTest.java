package io.knobwright.app.workload;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.connectors.logs.ImportControl;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.Fingerprinter;
import io.knobwright.model.workload.QueryDay;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two days of a real PostgreSQL's log (every statement logged): on the second day an index is gone and one query turns
 * into a sequential scan. Both logs imported, the regression is reported for that query and for no other; the
 * collector's pg_stat_statements deltas of the second day, rolled up into the same fingerprints, agree with the log's
 * calls. The server's clock cannot be set back a day, so the first day's log lines get their timestamps moved one day
 * earlier (statements and durations untouched).
 */
class QueryRegressionsFromRealLogsTest {

    private static final String BY_CODE = "SELECT id, name FROM items WHERE code = ?";
    private static final String BY_ID = "SELECT name FROM items WHERE id = ?";
    private static final String TOUCH = "UPDATE items SET hits = hits + 1 WHERE id = ?";
    private static final String MARK = "SELECT 'knobwright: the second day starts'";

    private static EmbeddedPostgres postgres;
    private static Path logs;

    @BeforeAll
    static void startServer() throws Exception {
        logs = Files.createTempDirectory("knobwright-trends");
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr")
                .setServerConfig("log_directory", logs.toString())
                .setServerConfig("log_filename", "server.log")
                .setServerConfig("log_line_prefix", "'%m [%p] %q%u@%d '")
                .setServerConfig("log_min_duration_statement", "0")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pg_stat_statements");
            st.execute("CREATE TABLE items (id int PRIMARY KEY, code int NOT NULL, name text, hits int NOT NULL DEFAULT 0)");
            st.execute("INSERT INTO items (id, code, name) SELECT g, g * 7 % 200000, 'item ' || g"
                    + " FROM generate_series(1, 200000) g");
            st.execute("CREATE INDEX items_code ON items (code)");
            st.execute("ANALYZE items");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        postgres.close();
    }

    /** One day of the application: lookups by code (300), by id (1,000) and counter updates (600). */
    private static void oneDay(String url, int seed) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement byCode = c.prepareStatement(BY_CODE);
             PreparedStatement byId = c.prepareStatement(BY_ID);
             PreparedStatement touch = c.prepareStatement(TOUCH)) {
            for (int i = 0; i < 1_000; i++) {
                int id = (i * 7919 + seed) % 200_000 + 1;
                byId.setInt(1, id);
                byId.executeQuery().close();
                if (i % 5 < 3) {
                    touch.setInt(1, id);
                    touch.executeUpdate();
                }
                if (i % 10 < 3) {
                    byCode.setInt(1, id % 200_000);
                    byCode.executeQuery().close();
                }
            }
        }
    }

    @Test
    void theQueryThatLostItsIndexIsTheOneRegressionAndTheCollectorAgreesWithTheLog() throws Exception {
        KnobwrightStore store = KnobwrightStore.inMemory("trends-real-" + UUID.randomUUID(), false);
        try (AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(),
                name -> null, "dba")) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Instance instance = context.fleet().register(new Registration("items-pg", url, "postgres", null, null,
                    Tier.PRODUCTION, null, null, Map.of()));

            oneDay(url, 1);
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute(MARK);
            }
            assertThat(context.monitor().pollNow(List.of(instance))).singleElement()
                    .satisfies(o -> assertThat(o.error()).as(o.error()).isNullOrEmpty());
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP INDEX items_code");
            }
            oneDay(url, 2);
            assertThat(context.monitor().pollNow(List.of(instance))).singleElement()
                    .satisfies(o -> assertThat(o.error()).as(o.error()).isNullOrEmpty());

            // the collector's view of the second day, before any log is imported
            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            context.queryHistory().rollUp(instance, today);
            Map<Long, Long> polled = store.queryHistory().days(instance.id(), today).stream()
                    .filter(d -> d.source() == QueryDay.Source.STATEMENTS)
                    .collect(Collectors.toMap(QueryDay::fingerprint, QueryDay::calls));

            Path[] days = splitAtMark(waitForLog(), logs);
            context.logImports().importLog("dba", instance.name(), days[0], null, null, new ImportControl());
            context.logImports().importLog("dba", instance.name(), days[1], null, null, new ImportControl());

            long byCode = Fingerprinter.POSTGRESQL.id(BY_CODE.replace("?", "$1"));
            long byId = Fingerprinter.POSTGRESQL.id(BY_ID.replace("?", "$1"));
            long touch = Fingerprinter.POSTGRESQL.id(TOUCH.replace("?", "$1"));
            List<QueryDay> history = store.queryHistory().days(instance.id(), today.minusDays(1));
            Map<Long, Long> loggedToday = history.stream().filter(d -> d.day().equals(today))
                    .collect(Collectors.toMap(QueryDay::fingerprint, QueryDay::calls));
            Map<Long, Long> loggedYesterday = history.stream().filter(d -> d.day().equals(today.minusDays(1)))
                    .collect(Collectors.toMap(QueryDay::fingerprint, QueryDay::calls));
            assertThat(loggedYesterday).containsEntry(byCode, 300L).containsEntry(byId, 1_000L).containsEntry(touch, 600L);
            assertThat(loggedToday).containsEntry(byCode, 300L).containsEntry(byId, 1_000L).containsEntry(touch, 600L);
            // pg_stat_statements and the log count the same calls under the same fingerprints
            for (long id : List.of(byCode, byId, touch)) {
                assertThat(polled.get(id)).as(Fingerprint.hex(id)).isEqualTo(loggedToday.get(id));
            }

            QueryTrends trends = context.workload().trends(instance);
            assertThat(trends.lastDay()).isEqualTo(today);
            assertThat(trends.regressions()).as(trends.regressions().toString()).isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.fingerprint()).isEqualTo(Fingerprint.hex(byCode));
                        assertThat(r.query()).isEqualTo("select id, name from items where code = ?");
                        assertThat(r.ratio()).isGreaterThan(3);
                        assertThat(r.since()).isEqualTo(today);
                    });
            assertThat(trends.regressions()).extracting(QueryTrends.Regression::metric).contains("meanMs", "p95Ms");
            assertThat(trends.trend(Fingerprint.hex(byId))).hasValueSatisfying(t ->
                    assertThat(t.callsPerDay()).containsExactly(1_000L, 1_000L));
        }
    }

    /** The server writes its log through the logging collector: wait until the last statement is in it. */
    private static List<String> waitForLog() throws Exception {
        Path log = logs.resolve("server.log");
        for (int attempt = 0; attempt < 200; attempt++) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            long updates = lines.stream().filter(l -> l.contains("UPDATE items SET hits")).count();
            if (updates >= 1_200) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server's log never held both days");
    }

    /** The lines before the mark are the first day (timestamps one day earlier), the rest the second. */
    private static Path[] splitAtMark(List<String> lines, Path dir) throws Exception {
        Pattern stamp = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})( \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\S+ \\[)");
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        boolean secondDay = false;
        for (String line : lines) {
            if (line.contains(MARK)) {
                secondDay = true;
                continue;
            }
            if (secondDay) {
                second.add(line);
            } else {
                Matcher m = stamp.matcher(line);
                first.add(m.find() ? LocalDate.parse(m.group(1)).minusDays(1) + line.substring(10) : line);
            }
        }
        Path day1 = dir.resolve("day1.log");
        Path day2 = dir.resolve("day2.log");
        Files.write(day1, first, StandardCharsets.UTF_8);
        Files.write(day2, second, StandardCharsets.UTF_8);
        return new Path[] {day1, day2};
    }
}
