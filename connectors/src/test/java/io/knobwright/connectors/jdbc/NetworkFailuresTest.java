package io.knobwright.connectors.jdbc;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The network causes a driver wraps, found wherever they sit in the cause chain. */
class NetworkFailuresTest {

    @Test
    void noRouteDeepInTheCauseChainPointsAtVpnAndFirewall() {
        SQLException failure = new SQLException("Could not connect", "08001",
                new RuntimeException("socket", new NoRouteToHostException("No route to host")));

        assertThat(NetworkFailures.describe(failure, "MariaDB", "10.9.8.7:3306", ConnectorTimeouts.DEFAULT))
                .contains("There is no network route to 10.9.8.7:3306: check the address, and the VPN or firewall"
                        + " between this workstation and the server.");
    }

    @Test
    void protocolErrorsAreNotNetworkFailures() {
        assertThat(NetworkFailures.describe(new SQLException("Access denied", "28000", 1045), "MariaDB", "h:3306",
                ConnectorTimeouts.DEFAULT)).isEmpty();
    }

    @Test
    void passwordsAreBlankedOutOfDriverTextWhetherGivenOrInTheQuotedUrl() {
        String url = "jdbc:postgresql://h/db?password=in-url";

        assertThat(NetworkFailures.withoutSecrets("bad login p4ss for p4ss at " + url + " (99999)", url, "p4ss"))
                .isEqualTo("bad login *** for *** at jdbc:postgresql://h/db?password=*** (99999)");
        assertThat(NetworkFailures.withoutSecrets("nothing secret", url, "")).isEqualTo("nothing secret");
    }

    @Test
    void handshakeFailureNamesTheEngineAndTheCause() {
        SQLException failure = new SQLException("SSL error", new SSLHandshakeException("PKIX path building failed"));

        assertThat(NetworkFailures.describe(failure, "PostgreSQL", "db1:5432", ConnectorTimeouts.DEFAULT))
                .contains("The TLS handshake with PostgreSQL at db1:5432 failed (PKIX path building failed): check the URL's"
                        + " SSL settings and the server's certificate.");
    }

    @Test
    void timeoutsBelowAMillisecondAreRefused() {
        assertThatThrownBy(() -> new ConnectorTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("Timeouts must be at least one millisecond: connect PT0S, query PT1S");
    }
}
