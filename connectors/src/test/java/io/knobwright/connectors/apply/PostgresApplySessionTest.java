package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL apply session against a real server: set, read back, put back, refusals, a lost connection. */
class PostgresApplySessionTest {

    private static EmbeddedPostgres postgres;
    private static final ParameterCatalog CATALOG = new CatalogRepository().require(Engine.POSTGRESQL, "16");
    private PostgresApplySession session;

    @BeforeAll
    static void start() throws Exception {
        postgres = new EmbeddedPostgresMajors().start(16);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @AfterEach
    void reset() throws Exception {
        if (session != null) {
            session.close();
        }
        sql("ALTER SYSTEM RESET ALL");
        sql("SELECT pg_reload_conf()");
    }

    private PostgresApplySession open() {
        session = new PostgresApplySession(new ConnectionTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null),
                ConnectorTimeouts.DEFAULT, CATALOG);
        return session;
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aValueIsSetReadBackAndPutBack() {
        PostgresApplySession s = open();
        assertThat(s.read("work_mem")).isEqualTo("4096");
        s.set("work_mem", "8192");
        assertThat(s.read("work_mem")).isEqualTo("8192");
        assertThat(s.same("work_mem", "8MB", s.read("work_mem"))).isTrue();
        s.restore("work_mem", "4096");
        assertThat(s.read("work_mem")).isEqualTo("4096");
    }

    @Test
    void aRestartOnlyValueWaitsForARestartAndIsResetBack() {
        PostgresApplySession s = open();
        s.set("shared_buffers", "32768");
        assertThat(s.pendingRestart("shared_buffers")).isTrue();
        assertThat(s.read("shared_buffers")).isEqualTo("16384");
        s.restore("shared_buffers", null);
        assertThat(s.pendingRestart("shared_buffers")).isFalse();
    }

    private static String autoConf() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_read_file('postgresql.auto.conf')")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void puttingBackAValueThatCameFromTheDefaultsLeavesNoEntryBehind() throws Exception {
        String before = autoConf();
        PostgresApplySession s = open();
        s.set("work_mem", "8192");
        s.set("shared_buffers", "32768");
        assertThat(autoConf()).contains("work_mem").contains("shared_buffers");
        s.restore("shared_buffers", "16384");
        s.restore("work_mem", "4096");
        assertThat(s.read("work_mem")).isEqualTo("4096");
        assertThat(s.pendingRestart("shared_buffers")).isFalse();
        assertThat(autoConf()).as("postgresql.auto.conf as before the run, no value pinned").isEqualTo(before);
    }

    @Test
    void puttingBackAValueAnEarlierAlterSystemSetWritesItBack() throws Exception {
        sql("ALTER SYSTEM SET work_mem = '6MB'");
        sql("SELECT pg_reload_conf()");
        PostgresApplySession s = open();
        s.set("work_mem", "8192");
        s.restore("work_mem", "6144");
        assertThat(s.read("work_mem")).isEqualTo("6144");
        assertThat(autoConf()).contains("work_mem");
    }

    @Test
    void anUnknownParameterOrABadValueIsRefusedBeforeAnythingIsSent() {
        PostgresApplySession s = open();
        assertThatThrownBy(() -> s.set("no_such_parameter", "1")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("no parameter no_such_parameter")
                .satisfies(e -> assertThat(((ServerStepException) e).unreachable()).isFalse());
        assertThatThrownBy(() -> s.set("work_mem", "-5")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("refused before it is sent");
        assertThat(s.read("work_mem")).isEqualTo("4096");
    }

    @Test
    void aValueTheServerRefusesIsAStepRefusalNotALostConnection() {
        PostgresApplySession s = open();
        assertThatThrownBy(() -> s.set("TimeZone", "Mars/Olympus_Mons")).isInstanceOf(ServerStepException.class)
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(((ServerStepException) e).unreachable()).isFalse());
    }

    @Test
    void aTerminatedConnectionIsOpenedAgainForTheNextStep() throws Exception {
        PostgresApplySession s = open();
        s.set("work_mem", "8192");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE pid <> pg_backend_pid() AND application_name = 'Knobwright'")) {
            r.next();
            assertThat(r.getInt(1)).isPositive();
        }
        s.set("random_page_cost", "1.1");
        assertThat(s.read("random_page_cost")).isEqualTo("1.1");
    }

    @Test
    void anUnreachableServerIsReportedAsSuch() {
        PostgresApplySession s = new PostgresApplySession(new ConnectionTarget("jdbc:postgresql://127.0.0.1:9/postgres",
                "postgres", null), ConnectorTimeouts.DEFAULT, CATALOG);
        assertThatThrownBy(() -> s.read("work_mem")).isInstanceOf(ServerStepException.class)
                .satisfies(e -> assertThat(((ServerStepException) e).unreachable()).isTrue());
        s.close();
    }
}
