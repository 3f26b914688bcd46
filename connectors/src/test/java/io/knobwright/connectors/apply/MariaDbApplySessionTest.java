package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement-executing apply session against the machine's MariaDB 10.11 (SET GLOBAL, read back from @@GLOBAL):
 * set and put back, refusals, hostile text, restart-only variables handed over, a killed connection. Every global a
 * test may change is put back afterwards; the session connects to a database of its own so that only its
 * connections are killed.
 */
class MariaDbApplySessionTest {

    static final String DATABASE = "knobwright_apply_sessions";
    static final String ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root&password=";
    private static final ParameterCatalog CATALOG = new CatalogRepository().require(Engine.MARIADB, "10.11");
    private static final List<String> TOUCHED = List.of("thread_cache_size", "max_heap_table_size", "init_slave", "time_zone");

    private final Map<String, String> before = new LinkedHashMap<>();
    private ServerSession session;

    @BeforeEach
    void remember() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
            for (String name : TOUCHED) {
                try (ResultSet r = s.executeQuery("SELECT @@GLOBAL." + name)) {
                    r.next();
                    before.put(name, r.getString(1));
                }
            }
        }
    }

    @AfterEach
    void putBack() throws Exception {
        if (session instanceof AutoCloseable closeable) {
            closeable.close();
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
            for (Map.Entry<String, String> e : before.entrySet()) {
                setGlobal(c, e.getKey(), e.getValue());
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    /** Numbers must be sent as numbers (the server refuses '256' for an integer variable), text bound. */
    static void setGlobal(Connection c, String name, String value) throws Exception {
        boolean number = value.matches("-?[0-9]+(\\.[0-9]+)?");
        try (var s = c.prepareStatement("SET GLOBAL " + name + " = " + (number ? value : "?"))) {
            if (!number) {
                s.setString(1, value);
            }
            s.execute();
        }
    }

    static String global(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT @@GLOBAL." + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private ServerSession open() {
        session = ApplySessions.open(Engine.MARIADB, new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", null),
                ConnectorTimeouts.DEFAULT, CATALOG);
        return session;
    }

    @Test
    void aDynamicVariableIsSetGlobalReadBackAndPutBack() throws Exception {
        ServerSession s = open();
        String prior = s.read("thread_cache_size");
        assertThat(prior).isEqualTo(before.get("thread_cache_size"));
        String target = prior.equals("77") ? "78" : "77";
        s.set("thread_cache_size", target);
        assertThat(global("thread_cache_size")).isEqualTo(target);
        assertThat(s.same("thread_cache_size", target, s.read("thread_cache_size"))).isTrue();
        assertThat(s.pendingRestart("thread_cache_size")).isFalse();
        s.restore("thread_cache_size", prior);
        assertThat(global("thread_cache_size")).isEqualTo(prior);
    }

    @Test
    void aValueTheServerRefusesIsAStepRefusalAndChangesNothing() throws Exception {
        ServerSession s = open();
        assertThatThrownBy(() -> s.set("time_zone", "Mars/Olympus_Mons")).isInstanceOfSatisfying(ServerStepException.class,
                e -> {
                    assertThat(e.unreachable()).isFalse();
                    assertThat(e.getMessage()).startsWith("MariaDB refused setting time_zone").contains("time zone");
                });
        assertThat(global("time_zone")).isEqualTo(before.get("time_zone"));
    }

    @Test
    void aHostileTextValueReachesTheServerAsOneLiteral() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + DATABASE + ".canary (id int)");
        }
        String hostile = "x'; DROP TABLE " + DATABASE + ".canary; -- /* \\' \\\\ */ \" `";
        ServerSession s = open();
        s.set("init_slave", hostile);
        assertThat(global("init_slave")).isEqualTo(hostile);
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FROM " + DATABASE + ".canary")) {
            assertThat(r.next()).isTrue();
        }
    }

    @Test
    void aRestartOnlyVariableIsHandedOverAsAnOptionFileLineAndNothingIsSent() throws Exception {
        ServerSession s = open();
        String backLog = global("back_log");
        assertThat(s.handOver("back_log", "300")).hasValueSatisfying(what -> assertThat(what)
                .startsWith("write `back_log = 300` under [mariadbd] in the option file and restart the server"));
        assertThat(s.handOver("thread_cache_size", "20")).isEmpty();
        assertThatThrownBy(() -> s.set("back_log", "300")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("cannot be applied live");
        assertThat(global("back_log")).isEqualTo(backLog);
    }

    @Test
    void aNameOrValueTheCatalogRefusesIsNeverSent() {
        ServerSession s = open();
        assertThatThrownBy(() -> s.set("thread_cache_size", "1; SET GLOBAL max_connections = 1")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("refused before it is sent");
        assertThatThrownBy(() -> s.read("no_such_variable; DROP DATABASE x")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("has no parameter");
    }

    @Test
    void aKilledConnectionIsUnreachableAndTheNextCallConnectsAgain() throws Exception {
        ServerSession s = open();
        String prior = s.read("thread_cache_size");
        assertThat(killSessions()).isPositive();
        String target = prior.equals("77") ? "78" : "77";
        // The connection is found dead before the statement: the session reconnects and the change lands.
        s.set("thread_cache_size", target);
        assertThat(global("thread_cache_size")).isEqualTo(target);
        s.restore("thread_cache_size", prior);
        assertThat(global("thread_cache_size")).isEqualTo(prior);
    }

    @Test
    void aConnectionLostDuringAStatementIsReportedAsUnreachable() {
        ServerSession s = ApplySessions.open(Engine.MARIADB, new ConnectionTarget("jdbc:mariadb://127.0.0.1:1/" + DATABASE,
                "root", null), new ConnectorTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)), CATALOG);
        session = s;
        assertThatThrownBy(() -> s.read("thread_cache_size")).isInstanceOfSatisfying(ServerStepException.class,
                e -> assertThat(e.unreachable()).as(e.getMessage()).isTrue());
    }

    /** Kills the connections of the session's own database, as an administrator might. */
    static int killSessions() throws Exception {
        int killed = 0;
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            List<Long> ids = new java.util.ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + DATABASE
                    + "' AND ID <> CONNECTION_ID()")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            for (long id : ids) {
                s.execute("KILL CONNECTION " + id);
                killed++;
            }
        }
        return killed;
    }
}
