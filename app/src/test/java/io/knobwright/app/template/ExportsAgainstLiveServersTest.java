package io.knobwright.app.template;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL exports run against real servers: every statement an export for an embedded PostgreSQL holds is executed
 * there (so this never touches the shared service), and for the machine's MariaDB 10.11 (read only) every
 * SET GLOBAL must name a variable the server lets SET GLOBAL change.
 */
class ExportsAgainstLiveServersTest {

    private static EmbeddedPostgres postgres;
    private static KnobwrightStore store;
    private static AppContext context;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = KnobwrightStore.inMemory("live-exports-" + System.nanoTime(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        postgres.close();
    }

    private static Instance register(String name, String url, String user) {
        return context.fleet().register(new Registration(name, url, user, null, null, Tier.TEST, null, null, Map.of()));
    }

    private static String export(Instance instance, Engine engine, Map<String, String> entries) {
        List<TemplateEntry> list = new ArrayList<>();
        entries.forEach((k, v) -> list.add(TemplateEntry.literal(k, v, "")));
        String name = "everything-" + engine.id();
        context.templates().save(new Template(name, engine, List.of(), null, list, false, ""), "test");
        return context.templates().export(name, instance.name(), ConfigFormat.SQL);
    }

    private static List<String> statements(String script) {
        return script.lines().filter(l -> !l.isBlank() && !l.startsWith("--"))
                .map(l -> l.substring(0, l.indexOf(';') + 1)).toList();
    }

    @Test
    void everyStatementOfAPostgresqlExportIsAcceptedAndNothingNamesTheServersOwnFiles() throws Exception {
        Instance pg = register("embedded-pg", postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        String sql = export(pg, Engine.POSTGRESQL, Map.of("data_directory", "/srv/pg/data", "hba_file", "/srv/pg/pg_hba.conf",
                "port", "5499", "shared_buffers", "256MB", "work_mem", "8MB", "log_line_prefix", "%m it's "));
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);   // a refused statement fails the test here
            }
            List<String> written = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'")) {
                while (rs.next()) {
                    written.add(rs.getString(1));
                }
            }
            assertThat(written).containsExactlyInAnyOrder("shared_buffers", "work_mem", "log_line_prefix");
            s.execute("ALTER SYSTEM RESET ALL");
        }
        assertThat(sql).contains("-- Restart the server for these to take effect: shared_buffers");
    }

    @Test
    void aMariaDbExportSetsGlobalOnlyWhatTheServerLetsChangeAndPutsTheRestInAMyCnfSection() throws Exception {
        Instance maria = register("local-mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
        String sql = export(maria, Engine.MARIADB, Map.of("max_connections", "151", "character_set_server", "utf8mb4",
                "skip_name_resolve", "ON", "performance_schema", "OFF", "socket", "/run/mysqld/mysqld.sock"));
        List<String> setGlobal = names(sql, Pattern.compile("(?m)^SET GLOBAL (\\w+) ="));
        List<String> inMyCnf = names(sql, Pattern.compile("(?m)^-- (\\w+) = "));
        assertThat(setGlobal).containsExactlyInAnyOrder("max_connections", "character_set_server");
        assertThat(inMyCnf).containsExactlyInAnyOrder("skip_name_resolve", "performance_schema");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
             PreparedStatement readOnly = c.prepareStatement(
                     "SELECT READ_ONLY FROM information_schema.SYSTEM_VARIABLES WHERE VARIABLE_NAME = UPPER(?)")) {
            for (String name : setGlobal) {
                assertThat(readOnly(readOnly, name)).as(name).isEqualTo("NO");
            }
            for (String name : inMyCnf) {
                assertThat(readOnly(readOnly, name)).as(name).isEqualTo("YES");
            }
        }
    }

    private static List<String> names(String sql, Pattern pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String readOnly(PreparedStatement query, String name) throws Exception {
        query.setString(1, name);
        try (ResultSet rs = query.executeQuery()) {
            assertThat(rs.next()).as(name + " is a variable of the server").isTrue();
            return rs.getString(1);
        }
    }
}
