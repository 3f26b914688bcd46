package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.SilentServer;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures that need no MariaDB at all: nothing listening, no such host, a hung server, hostile URLs. */
class MySqlConnectorFailureTest {

    /** A guard against hanging, not a performance goal: the connector's own timeouts are 5 s. */
    private static final long GENEROUS_NANOS = Duration.ofSeconds(10).toNanos();

    private final MySqlConnector connector = new MySqlConnector();

    @Test
    void nothingListeningSaysSoNamingHostAndPort() {
        int port = LocalServices.freePort();
        long start = System.nanoTime();

        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Nothing is listening at 127.0.0.1:" + port + " — is the MariaDB server running, and is the port right?");
        assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
    }

    @Test
    void nothingListeningOnAMysqlUrlCallsItMySql() {
        int port = LocalServices.freePort();

        assertThatThrownBy(() -> connector.readSettings(new ConnectionTarget("jdbc:mysql://127.0.0.1:" + port + "/shop", "app", "pw")))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Nothing is listening at 127.0.0.1:" + port + " — is the MySQL server running, and is the port right?");
    }

    @Test
    void unknownHostSaysTheNameDoesNotResolve() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:mariadb://db.knobwright.invalid:3306/", "root", "pw")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("The host name in db.knobwright.invalid:3306 does not resolve")
                .hasMessageEndingWith("check its spelling, or use the server's IP address.");
        assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
    }

    @Test
    void serverThatNeverAnswersTimesOutWithAMessage() throws Exception {
        MySqlConnector impatient = new MySqlConnector(new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (SilentServer silent = new SilentServer().holdingConnections()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.probe(new ConnectionTarget("jdbc:mariadb://127.0.0.1:" + silent.port() + "/", "root", "")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("MariaDB at 127.0.0.1:" + silent.port() + " did not answer within 1 s");
            assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "socketFactory=com.example.Evil", "tlsSocketType=evil", "credentialType=ENV",
            "allowLocalInfile=true", "allowLocalInfile", "initSql=SET%20GLOBAL%20max_connections%3D1",
            "sessionVariables=global.read_only=1", "createDatabaseIfNotExist=true", "pool=true", "registerJmxPool=true",
            "SocketFactory=com.example.Evil", "init%53ql=DROP%20DATABASE%20test"})
    void hostileUrlIsRefusedBeforeAnyConnection(String query) throws Exception {
        try (SilentServer witness = new SilentServer()) {
            String hostile = "jdbc:mysql://127.0.0.1:" + witness.port() + "/test?" + query;

            assertThatThrownBy(() -> connector.probe(new ConnectionTarget(hostile, "root", "")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("Knobwright did not connect: this JDBC URL sets ")
                    .hasMessageContaining("are refused. Remove");
            assertThat(witness.anyoneConnected(300)).as("the driver must not have connected").isFalse();
        }
    }

    @Test
    void switchingADangerousDefaultOffIsNotRefused() throws Exception {
        MySqlConnector impatient = new MySqlConnector(new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (SilentServer witness = new SilentServer()) {
            String url = "jdbc:mariadb://127.0.0.1:" + witness.port() + "/test?allowLocalInfile=false&pool=false&useCompression=false";

            assertThatThrownBy(() -> impatient.probe(new ConnectionTarget(url, "root", "")))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageNotContaining("Knobwright did not connect");
            assertThat(witness.anyoneConnected(300)).as("the driver got to connect").isTrue();
        }
    }

    @Test
    void urlOfAnotherEngineIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:postgresql://h/db?user=x&password=secret", "x", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Not a MariaDB or MySQL JDBC URL: 'jdbc:postgresql://h/db?user=x&password=***'."
                        + " It should look like jdbc:mariadb://host:3306/ or jdbc:mysql://host:3306/.");
    }
}
