package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals the shared MariaDB service cannot be made to give without disturbing everyone else (a full server, a
 * blocked host, MySQL 8's RSA key exchange): the translation of the driver's error is checked on its own.
 */
class MySqlFailuresTest {

    private static final JdbcUrl URL = JdbcUrl.parse("jdbc:mysql://db1:3306/shop", 3306);
    private static final ConnectionTarget TARGET = new ConnectionTarget("jdbc:mysql://db1:3306/shop", "app", "s3cret-pw");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1130|Host '10.1.2.3' is not allowed to connect to this MySQL server|MySQL at db1:3306 does not accept connections from this workstation's host: ask for an account ('app'@'your host') on the server.",
            "1129|Host '10.1.2.3' is blocked because of many connection errors|MySQL at db1:3306 blocks this host after too many failed connections: run FLUSH HOSTS on the server.",
            "1040|Too many connections|MySQL at db1:3306 has no free connection (max_connections is reached): try again later.",
            "3159|Connections using insecure transport are prohibited while --require_secure_transport=ON.|MySQL at db1:3306 accepts only encrypted connections: add sslMode=verify-full (or sslMode=trust for a self-signed certificate) to the JDBC URL.",
            "0|RSA public key is not available client side (option serverRsaPublicKeyFile not set)|MySQL at db1:3306 wants the password sent under TLS or RSA (caching_sha2_password): add sslMode=verify-full (or sslMode=trust) to the JDBC URL, or allowPublicKeyRetrieval=true on a network you trust.",
            "0|Socket timeout reading the greeting|MySQL at db1:3306 did not answer within 5 s: check that this port belongs to MySQL and that the server is not overloaded; a firewall that silently drops packets looks the same.",
            "1227|Access denied; you need the SUPER privilege for this operation (s3cret-pw)|MySQL at db1:3306 failed: Access denied; you need the SUPER privilege for this operation (***) (SQLState 42000)."})
    void serverErrorBecomesWhatToDo(int code, String serverSaid, String expected) {
        SQLException failure = new SQLException(serverSaid, code == 1227 ? "42000" : null, code);

        assertThat(MySqlFailures.translate(failure, "MySQL", URL, TARGET, TARGET, ConnectorTimeouts.DEFAULT).getMessage()).isEqualTo(expected);
    }
}
