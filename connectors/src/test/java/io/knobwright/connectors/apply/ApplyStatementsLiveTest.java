package io.knobwright.connectors.apply;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.apply.ApplyPlanner;
import io.knobwright.model.apply.ApplyStatement;
import io.knobwright.model.apply.ApplyStep;
import io.knobwright.model.apply.PriorValue;
import io.knobwright.model.apply.SqlLiterals;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.value.Values;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements ApplyPlanner writes, read by real servers: an embedded PostgreSQL 16 (changed and thrown away)
 * and the local MariaDB service (only SELECTs: nothing on it changes). Hostile values must come back exactly.
 */
class ApplyStatementsLiveTest {

    private static final List<String> HOSTILE = List.of(
            "x'; DROP TABLE t; --",
            "a\\'; SELECT 1; /* */ --",
            "\\\\server\\share\\",
            "*/ ALTER ROLE postgres NOSUPERUSER; /*",
            "\u2019\u2018\u201c\u201d \u02bc; \uff07 caf\u00e9 \t tab",
            "it''s 'quoted' '",
            "$$ $tag$ \" \"\" `");
    private static final String MARIADB_URL = System.getProperty("knobwright.mariadb.url",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");

    private static final CatalogRepository SHIPPED = new CatalogRepository();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new EmbeddedPostgresMajors().start(16);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static Connection pg() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Test
    void postgresStatementTextIsWhatFormatWithQuoteIdentAndQuoteLiteralWrites() throws Exception {
        ApplyPlanner planner = new ApplyPlanner(SHIPPED.require(Engine.POSTGRESQL, "16"));
        try (Connection c = pg(); PreparedStatement format = c.prepareStatement("SELECT format('ALTER SYSTEM SET %I = %L', ?, ?)")) {
            for (String value : HOSTILE) {
                ApplyStep step = planner.plan("log_line_prefix", value, PriorValue.notPersisted("%m [%p] "));
                format.setString(1, "log_line_prefix");
                format.setString(2, step.value());
                assertThat(step.apply().getFirst().sql()).as(value).isEqualTo(scalar(format));
            }
        }
    }

    @Test
    void everyShippedPostgresNameIsQuotedAsQuoteIdentQuotesIt() throws Exception {
        List<String> differing = new ArrayList<>();
        try (Connection c = pg(); PreparedStatement quote = c.prepareStatement("SELECT quote_ident(?)")) {
            for (String major : Engine.POSTGRESQL.supportedVersions()) {
                for (ParameterSpec spec : SHIPPED.require(Engine.POSTGRESQL, major).parameters()) {
                    quote.setString(1, spec.name());
                    if (!scalar(quote).equals(SqlLiterals.postgresIdentifier(spec.name()))) {
                        differing.add(major + ": " + spec.name());
                    }
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void postgresReadsHostileValuesBackExactlyAndCompensationRestoresTheOldValue() throws Exception {
        ApplyPlanner planner = new ApplyPlanner(SHIPPED.require(Engine.POSTGRESQL, "16"));
        try (Connection c = pg()) {
            String before = scalar(c, "SELECT setting FROM pg_settings WHERE name = 'log_line_prefix'");
            for (String value : HOSTILE) {
                ApplyStep step = planner.plan("log_line_prefix", value, PriorValue.notPersisted(before));
                run(c, step.apply());
                assertThat(awaitSetting(c, step.verify(), step.value())).as(value).isEqualTo(value);
                run(c, step.compensation());
                assertThat(awaitSetting(c, step.verify(), before)).isEqualTo(before);
            }
            assertThat(scalar(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'postgres' AND rolsuper")).isEqualTo("1");
        }
    }

    @Test
    void postgresRestartOnlyChangeIsWrittenPendingRestartAndVerifiedFromTheFile() throws Exception {
        ApplyPlanner planner = new ApplyPlanner(SHIPPED.require(Engine.POSTGRESQL, "16"));
        try (Connection c = pg()) {
            ParameterSpec spec = SHIPPED.require(Engine.POSTGRESQL, "16").find("shared_buffers").orElseThrow();
            ApplyStep step = planner.plan("shared_buffers", "48MB", PriorValue.notPersisted(
                    scalar(c, "SELECT setting FROM pg_settings WHERE name = 'shared_buffers'")));
            run(c, step.apply());
            try {
                awaitTrue(c, "SELECT pending_restart FROM pg_settings WHERE name = 'shared_buffers'");
                assertThat(Values.same(spec, query(c, step.verify()), "48MB")).isTrue();
            } finally {
                run(c, step.compensation());
            }
            awaitTrue(c, "SELECT NOT pending_restart FROM pg_settings WHERE name = 'shared_buffers'");
        }
    }

    @Test
    void mariadbReadsTheShownLiteralsBackExactly() throws Exception {
        ApplyPlanner planner = new ApplyPlanner(SHIPPED.require(Engine.MARIADB, "10.11"));
        try (Connection c = DriverManager.getConnection(MARIADB_URL)) {
            for (String value : HOSTILE) {
                ApplyStatement set = planner.plan("init_connect", value, PriorValue.notPersisted("")).apply().getFirst();
                String literal = set.sql().substring("SET GLOBAL init_connect = ".length());
                assertThat(scalar(c, "SELECT " + literal)).as(value).isEqualTo(value);
                assertThat(set.binds()).containsExactly(value);
            }
        }
    }

    @Test
    void mariadbVerifyQueryReadsTheGlobalValue() throws Exception {
        ApplyPlanner planner = new ApplyPlanner(SHIPPED.require(Engine.MARIADB, "10.11"));
        ApplyStep step = planner.plan("max_connections", "200", PriorValue.notPersisted("151"));
        try (Connection c = DriverManager.getConnection(MARIADB_URL)) {
            assertThat(scalar(c, step.verify().sql())).isEqualTo(scalar(c, "SHOW GLOBAL VARIABLES LIKE 'max_connections'", 2));
        }
    }

    private static void run(Connection c, List<ApplyStatement> statements) throws SQLException {
        for (ApplyStatement s : statements) {
            if (s.isBound()) {
                try (PreparedStatement ps = c.prepareStatement(s.executable())) {
                    bind(ps, s);
                    ps.execute();
                }
            } else {
                try (Statement st = c.createStatement()) {
                    st.execute(s.sql());
                }
            }
        }
    }

    private static String query(Connection c, ApplyStatement s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(s.executable())) {
            bind(ps, s);
            return scalar(ps);
        }
    }

    private static void bind(PreparedStatement ps, ApplyStatement s) throws SQLException {
        for (int i = 0; i < s.binds().size(); i++) {
            ps.setObject(i + 1, s.binds().get(i));
        }
    }

    /** pg_reload_conf() only signals: the session sees the new value a moment later. */
    private static String awaitSetting(Connection c, ApplyStatement verify, String expected) throws Exception {
        String seen = null;
        for (int i = 0; i < 100; i++) {
            seen = query(c, verify);
            if (expected.equals(seen)) {
                return seen;
            }
            Thread.sleep(50);
        }
        return seen;
    }

    private static void awaitTrue(Connection c, String sql) throws Exception {
        for (int i = 0; i < 100 && !"t".equals(scalar(c, sql)); i++) {
            Thread.sleep(50);
        }
        assertThat(scalar(c, sql)).as(sql).isEqualTo("t");
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        return scalar(c, sql, 1);
    }

    private static String scalar(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(column);
        }
    }

    private static String scalar(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
