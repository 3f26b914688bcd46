package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statement-executing session for the engines that do not run on this machine (MySQL 8, SQL Server, Oracle),
 * with a server faked at the JDBC boundary only: which statements reach the driver, with which binds, how the value
 * is read back, when it waits for a restart, and which failures are refusals or a lost connection. MariaDB, which
 * shares the MySQL family's code, is tested live in MariaDbApplySessionTest.
 */
class StatementApplySessionTest {

    private static final CatalogRepository CATALOGS = new CatalogRepository();
    private final FakeJdbc server = new FakeJdbc();

    private StatementApplySession session(ApplyEngine engine, ParameterCatalog catalog) {
        return new StatementApplySession(engine, server::connect, catalog);
    }

    private StatementApplySession mysql() {
        return session(ApplyEngine.MYSQL, CATALOGS.require(Engine.MYSQL, "8.0"));
    }

    private void answer(Map<String, String> bySqlAndFirstBind) {
        server.answers = q -> bySqlAndFirstBind.get(q.binds().isEmpty() ? q.sql() : q.sql() + " | " + q.binds().getFirst());
    }

    private static final String PERSISTED = "SELECT VARIABLE_VALUE FROM performance_schema.persisted_variables WHERE VARIABLE_NAME = ?";

    @Test
    void mysqlSetsADynamicVariableWithSetPersistAndReadsItBackFromGlobal() {
        answer(Map.of("SELECT @@GLOBAL.max_connections", "500"));
        StatementApplySession s = mysql();
        s.set("max_connections", "500");
        assertThat(server.changes()).containsExactly(new FakeJdbc.Sent("SET PERSIST max_connections = 500", List.of()));
        assertThat(s.read("max_connections")).isEqualTo("500");
    }

    @Test
    void mysqlWritesARestartOnlyVariableWithPersistOnlyVerifiesItInPersistedVariablesAndWaitsForTheRestart() {
        answer(Map.of(PERSISTED + " | back_log", "300", "SELECT @@GLOBAL.back_log", "151"));
        StatementApplySession s = mysql();
        assertThat(s.handOver("back_log", "300")).isEmpty();
        s.set("back_log", "300");
        assertThat(server.changes()).extracting(FakeJdbc.Sent::sql).containsExactly("SET PERSIST_ONLY back_log = 300");
        assertThat(s.read("back_log")).isEqualTo("151");
        assertThat(s.pendingRestart("back_log")).isTrue();
    }

    @Test
    void mysqlPersistOnlyThatIsNotFoundInPersistedVariablesIsARefusal() {
        answer(Map.of("SELECT @@GLOBAL.back_log", "151"));
        assertThatThrownBy(() -> mysql().set("back_log", "300")).isInstanceOfSatisfying(ServerStepException.class, e -> {
            assertThat(e.unreachable()).isFalse();
            assertThat(e.getMessage()).contains("back_log reads back nothing after setting 300");
        });
    }

    @Test
    void mysqlTextValuesReachTheDriverAsOneBindNeverInTheStatementText() {
        String hostile = "x'; DROP TABLE t; -- /* \\ */";
        answer(Map.of("SELECT @@GLOBAL.authentication_policy", hostile));
        mysql().set("authentication_policy", hostile);
        assertThat(server.changes()).containsExactly(new FakeJdbc.Sent("SET PERSIST authentication_policy = ?", List.of(hostile)));
    }

    @Test
    void mysqlPutsAValueTheServerDidNotReportBackWithResetPersist() {
        mysql().restore("back_log", null);
        assertThat(server.changes()).extracting(FakeJdbc.Sent::sql).containsExactly("RESET PERSIST IF EXISTS back_log");
    }

    @Test
    void aServerErrorIsARefusalOfTheStep() {
        server.failures.put("SET PERSIST", new SQLException("Variable 'max_connections' can't be set to the value of 'x'", "42000", 1231));
        assertThatThrownBy(() -> mysql().set("max_connections", "500")).isInstanceOfSatisfying(ServerStepException.class, e -> {
            assertThat(e.unreachable()).isFalse();
            assertThat(e.getMessage()).startsWith("MySQL refused setting max_connections: Variable");
        });
    }

    @Test
    void aLostConnectionMayHaveDoneTheStepAndTheNextCallConnectsAgain() {
        StatementApplySession s = mysql();
        server.failures.put("SET PERSIST", new SQLNonTransientConnectionException("Connection reset", "08S01"));
        assertThatThrownBy(() -> s.set("max_connections", "500")).isInstanceOfSatisfying(ServerStepException.class,
                e -> assertThat(e.unreachable()).isTrue());
        server.closed = true; // what the driver does with a connection it lost
        server.failures.clear();
        answer(Map.of("SELECT @@GLOBAL.max_connections", "151"));
        s.restore("max_connections", "151");
        assertThat(server.connections).isEqualTo(2);
        assertThat(server.changes()).extracting(FakeJdbc.Sent::sql).containsExactly("SET PERSIST max_connections = 151");
    }

    @Test
    void serverGoneAwayErrorCodesCountAsALostConnectionWhateverTheirSqlState() {
        server.failures.put("SET PERSIST", new SQLException("Lost connection to server during query", "HY000", 2013));
        assertThatThrownBy(() -> mysql().set("max_connections", "500")).isInstanceOfSatisfying(ServerStepException.class,
                e -> assertThat(e.unreachable()).isTrue());
    }

    @Test
    void sqlServerConfiguresWithSpConfigureAndReadsBackFromSysConfigurations() {
        answer(Map.of("SELECT value_in_use FROM sys.configurations WHERE name = ? | cost threshold for parallelism", "50"));
        session(ApplyEngine.SQLSERVER, CATALOGS.require(Engine.SQLSERVER, "2022")).set("cost threshold for parallelism", "50");
        assertThat(server.changes()).singleElement().satisfies(sent -> assertThat(sent.sql())
                .contains("EXEC sp_configure N'cost threshold for parallelism', 50; RECONFIGURE;"));
    }

    @Test
    void oracleWritesAStaticParameterToTheSpfileAndItWaitsForTheRestart() {
        answer(Map.of("SELECT value FROM v$spparameter WHERE name = ? | processes", "300",
                "SELECT value FROM v$parameter WHERE name = ? | processes", "150"));
        StatementApplySession s = session(ApplyEngine.ORACLE, CATALOGS.require(Engine.ORACLE, "19c"));
        s.set("processes", "300");
        assertThat(server.changes()).extracting(FakeJdbc.Sent::sql).containsExactly("ALTER SYSTEM SET processes = 300 SCOPE=SPFILE");
        assertThat(s.read("processes")).isEqualTo("150");
        assertThat(s.pendingRestart("processes")).isTrue();
    }

    @Test
    void withoutAJdbcDriverForSqlServerOrOracleNothingIsContactedAndTheUserIsTold() {
        ConnectionTarget sqlServer = new ConnectionTarget("jdbc:sqlserver://db1:1433;databaseName=shop", "sa", "secret");
        assertThatThrownBy(() -> ApplySessions.open(Engine.SQLSERVER, sqlServer, ConnectorTimeouts.DEFAULT,
                CATALOGS.require(Engine.SQLSERVER, "2022"))).isInstanceOf(UserError.class)
                .hasMessageStartingWith("No JDBC driver for SQL Server in this build; nothing was changed.");
        ConnectionTarget oracle = new ConnectionTarget("jdbc:oracle:thin:@//db2:1521/ORCL", "system", "secret");
        assertThatThrownBy(() -> ApplySessions.open(Engine.ORACLE, oracle, ConnectorTimeouts.DEFAULT,
                CATALOGS.require(Engine.ORACLE, "19c"))).isInstanceOf(UserError.class)
                .hasMessageStartingWith("No JDBC driver for Oracle in this build; nothing was changed.");
    }
}
