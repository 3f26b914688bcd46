package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.SilentServer;
import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.connectors.catalog.MariaDbCatalogReader;
import io.knobwright.connectors.catalog.PostgresCatalogReader;
import io.knobwright.connectors.mysql.MySqlConnector;
import io.knobwright.connectors.postgres.PostgresConnector;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every path that opens a connection goes through the gate: what it refuses, and how long a silent server may take. */
class JdbcGateTest {

    private static final ConnectorTimeouts TWO_SECONDS = new ConnectorTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    /** Every way Knobwright opens a connection, by the name a report would use. */
    static Stream<Arguments> paths() {
        PostgresConnector postgres = new PostgresConnector();
        MySqlConnector mysql = new MySqlConnector();
        CatalogGenerator generator = CatalogGenerator.withReaders(List.of(new PostgresCatalogReader(), MariaDbCatalogReader.withCuratedTables()));
        return Stream.of(
                path("postgres probe (fleet add, workbench test)", "postgresql", t -> postgres.probe(t)),
                path("postgres settings (fleet refresh)", "postgresql", t -> postgres.readSettings(t)),
                path("postgres catalog (fleet refresh)", "postgresql", t -> postgres.readCatalog(t)),
                path("postgres catalog generate", "postgresql", t -> generator.generate(t.jdbcUrl(), t.user(), t.password())),
                path("mariadb probe", "mariadb", t -> mysql.probe(t)),
                path("mysql settings", "mysql", t -> mysql.readSettings(t)),
                path("mariadb catalog", "mariadb", t -> mysql.readCatalog(t)),
                path("mariadb catalog generate", "mariadb", t -> generator.generate(t.jdbcUrl(), t.user(), t.password())),
                path("mysql catalog generate", "mysql", t -> generator.generate(t.jdbcUrl(), t.user(), t.password())));
    }

    private static Arguments path(String name, String scheme, Consumer<ConnectionTarget> open) {
        return Arguments.of(name, scheme, open);
    }

    private static String hostileQuery(String scheme) {
        return scheme.equals("postgresql") ? "socketFactory=com.example.Evil" : "createDatabaseIfNotExist=true&initSql=CREATE%20DATABASE%20kw_evil";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void everyPathRefusesAHostileUrlAsInputWithoutConnecting(String name, String scheme, Consumer<ConnectionTarget> open) throws Exception {
        try (SilentServer witness = new SilentServer()) {
            String hostile = "jdbc:" + scheme + "://127.0.0.1:" + witness.port() + "/db?" + hostileQuery(scheme) + "&password=Gate_Pw_1";

            assertThatThrownBy(() -> open.accept(new ConnectionTarget(hostile, "dba", null)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                    .hasMessageStartingWith("Knobwright did not connect: this JDBC URL sets ")
                    .hasMessageNotContaining("Gate_Pw_1");
            assertThat(witness.anyoneConnected(300)).as("the driver must not have connected").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void everyPathRefusesATimeoutSwitchedOffByTheUrl(String name, String scheme, Consumer<ConnectionTarget> open) throws Exception {
        try (SilentServer witness = new SilentServer().holdingConnections()) {
            String url = "jdbc:" + scheme + "://127.0.0.1:" + witness.port() + "/db?connectTimeout=0&socketTimeout=0";
            long start = System.nanoTime();

            assertThatThrownBy(() -> open.accept(new ConnectionTarget(url, "dba", null)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                    .hasMessageContaining("connectTimeout=0 (it would switch off the time limit for connecting)")
                    .hasMessageContaining("socketTimeout=0 (it would switch off the time limit for each answer)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"allowLoadLocalInfile=true", "autoDeserialize=true", "allowUrlInLocalInfile=true",
            "queryInterceptors=com.example.Evil", "ALLOWLOADLOCALINFILE=1", "allowLoadLocalInfileInPath=/"})
    void mysqlDriverDialectPropertiesAreJudgedLikeTheMariaDbDrivers(String query) throws Exception {
        try (SilentServer witness = new SilentServer()) {
            String url = "jdbc:mysql://127.0.0.1:" + witness.port() + "/shop?" + query;

            assertThatThrownBy(() -> new MySqlConnector().probe(new ConnectionTarget(url, "app", null)))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                    .hasMessageStartingWith("Knobwright did not connect: this JDBC URL sets " + query.substring(0, query.indexOf('=')));
            assertThat(witness.anyoneConnected(300)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb://127.0.0.1:%d/x", "jdbc:mariadb://127.0.0.1:%d/x?connectTimeout=2000",
            "jdbc:mariadb:sequential://127.0.0.1:%1$d,127.0.0.1:%1$d,127.0.0.1:%1$d/x?retriesAllDown=50",
            "jdbc:mariadb:loadbalance://127.0.0.1:%1$d,127.0.0.1:%1$d/x",
            "jdbc:postgresql://127.0.0.1:%d/x", "jdbc:postgresql://127.0.0.1:%d/x?sslmode=require",
            "jdbc:postgresql://127.0.0.1:%1$d,127.0.0.1:%1$d,127.0.0.1:%1$d/x?loginTimeout=2"})
    void aListenerThatNeverAnswersFailsWithinTheStatedTime(String form) throws Exception {
        try (SilentServer silent = new SilentServer().holdingConnections()) {
            String url = form.formatted(silent.port());
            Runnable probe = url.startsWith("jdbc:postgresql:")
                    ? () -> new PostgresConnector(TWO_SECONDS).probe(new ConnectionTarget(url, "dba", null))
                    : () -> new MySqlConnector(TWO_SECONDS).probe(new ConnectionTarget(url, "dba", null));
            long start = System.nanoTime();

            assertThatThrownBy(probe::run)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.UNREACHABLE))
                    .hasMessageContaining("did not answer within 2 s");
            // the stated 2 s, the drivers' head start of 0.5 s and a margin for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
        }
    }

    @Test
    void theDriverGetsThePasswordAsAPropertyNeverInTheUrl() {
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE,
                new ConnectionTarget("jdbc:postgresql://app:Url_Pw_2@127.0.0.1:5432/db?ssl=false", null, null), TWO_SECONDS);

        assertThat(admitted.driverUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db?ssl=false");
        assertThat(admitted.target().user()).isEqualTo("app");
        assertThat(admitted.properties().getProperty("password")).isEqualTo("Url_Pw_2");
        assertThat(admitted.properties().getProperty("user")).isEqualTo("app");
        assertThat(admitted.target().toString()).doesNotContain("Url_Pw_2");
    }

    @Test
    void aShorterTimeoutFromTheUrlIsTheOneStated() {
        JdbcGate.Admitted admitted = JdbcGate.admit(MariaDbDialect.INSTANCE,
                new ConnectionTarget("jdbc:mysql://h/db?connectTimeout=1500", null, null), TWO_SECONDS);

        assertThat(admitted.timeouts().connect()).isEqualTo(Duration.ofMillis(1500));
        assertThat(admitted.properties().getProperty("connectTimeout")).isEqualTo("1500");
        assertThat(admitted.driverUrl()).startsWith("jdbc:mariadb://");
        assertThat(admitted.engine()).isEqualTo("MySQL");
    }

    @Test
    void aPasswordInTheUrlAndAnotherOneGivenAreRefused() {
        assertThatThrownBy(() -> JdbcGate.admit(PostgresDialect.INSTANCE,
                new ConnectionTarget("jdbc:postgresql://h/db?password=One_1", null, "Two_2"), TWO_SECONDS))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(UserError.Kind.INPUT))
                .hasMessage("The JDBC URL 'jdbc:postgresql://h/db?password=***' contains a password and another one is given"
                        + " separately. Give it once: remove it from the URL.");
        assertThatThrownBy(() -> JdbcGate.admit(PostgresDialect.INSTANCE,
                new ConnectionTarget("jdbc:postgresql://a:One_1@h/db?PASSWORD=Two_2", null, null), TWO_SECONDS))
                .hasMessage("The JDBC URL 'jdbc:postgresql://a:***@h/db?PASSWORD=***' gives the password more than once."
                        + " Give it once, preferably not in the URL.");
        assertThatThrownBy(() -> JdbcGate.admit(PostgresDialect.INSTANCE,
                new ConnectionTarget("jdbc:postgresql://a:One_1@h/db", "b", null), TWO_SECONDS))
                .hasMessageContaining("contains a user and another one is given separately");
    }

    @Test
    void theSamePasswordGivenTwiceIsNoConflict() {
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE,
                new ConnectionTarget("jdbc:postgresql://app:Same_3@h/db", "app", "Same_3"), TWO_SECONDS);

        assertThat(admitted.target().password()).isEqualTo("Same_3");
    }

    @Test
    void dialectsAreFoundByScheme() {
        assertThat(JdbcGate.dialectFor("jdbc:postgresql://h/db")).containsSame(PostgresDialect.INSTANCE);
        assertThat(JdbcGate.dialectFor("jdbc:mysql://h/db")).containsSame(MariaDbDialect.INSTANCE);
        assertThat(JdbcGate.dialectFor("jdbc:sqlserver://h")).isEmpty();
    }

    @Test
    void aDriverThatGivesUpOnItsOwnOnceTheTimeIsSpentReadsAsTheTimeout() {
        // pgjdbc's multi-host "Could not find a server" carries no network answer: the silent server it met is a timeout
        JdbcGate.Admitted gate = givingUpAfter(Duration.ofMillis(60), new SQLException("Could not find a server", "08001"));

        assertThatThrownBy(gate::connect).isInstanceOf(SQLTimeoutException.class)
                .hasMessage("PostgreSQL at h:5432 did not answer within 1 s")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .isEqualTo("Could not find a server"));
    }

    @Test
    void aRefusalAfterTheTimeIsSpentStaysARefusal() {
        SQLException refused = new SQLException("Connection to h:5432 refused", "08001", new ConnectException("Connection refused"));
        JdbcGate.Admitted gate = givingUpAfter(Duration.ofMillis(60), refused);

        assertThatThrownBy(gate::connect).isSameAs(refused);
    }

    @Test
    void aDriverThatGivesUpBeforeTheTimeIsSpentIsTakenAtItsWord() {
        SQLException early = new SQLException("Could not find a server", "08001");
        JdbcGate.Admitted gate = givingUpAfter(Duration.ZERO, early, Duration.ofSeconds(1));

        assertThatThrownBy(gate::connect).isSameAs(early);
    }

    private static JdbcGate.Admitted givingUpAfter(Duration wait, SQLException failure) {
        return givingUpAfter(wait, failure, Duration.ofMillis(1));
    }

    /** A gate over a stand-in driver that fails after {@code wait}; the connect time is {@code connect}. */
    private static JdbcGate.Admitted givingUpAfter(Duration wait, SQLException failure, Duration connect) {
        JdbcGate.Admitted real = JdbcGate.admit(PostgresDialect.INSTANCE, new ConnectionTarget("jdbc:postgresql://h/db", "u", null),
                new ConnectorTimeouts(connect, Duration.ofSeconds(1)));
        DriverDialect givingUp = (DriverDialect) Proxy.newProxyInstance(DriverDialect.class.getClassLoader(),
                new Class<?>[]{DriverDialect.class}, (proxy, method, args) -> {
                    if (method.getName().equals("connect")) {
                        Thread.sleep(wait);
                        throw failure;
                    }
                    return method.invoke(PostgresDialect.INSTANCE, args);
                });
        return new JdbcGate.Admitted(givingUp, real.engine(), real.target(), real.url(), real.timeouts(), real.driverUrl(), real.properties());
    }
}
