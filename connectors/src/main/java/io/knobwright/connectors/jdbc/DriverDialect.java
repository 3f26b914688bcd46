package io.knobwright.connectors.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@link JdbcGate} needs to know about one JDBC driver: which URLs it serves, which of their properties
 * are refused, what Knobwright tells it, and how to ask it whether it can read a URL without connecting.
 */
public interface DriverDialect {

    /** True when this driver serves the URL's scheme. */
    boolean accepts(String jdbcUrl);

    /** The engine as the user calls it, for messages before login ("MySQL" for a jdbc:mysql: URL). */
    String engine(String jdbcUrl);

    int defaultPort();

    /** A URL of this driver's form, for messages. */
    String exampleUrl();

    DriverPropertyGuard guard();

    /** The URL the driver is given. */
    String driverUrl(String jdbcUrl);

    /** Login and timeouts; the timeouts are the ones in force after the guard's check. */
    Properties properties(String user, String password, ConnectorTimeouts timeouts);

    /** The driver's complaint when it cannot read {@code driverUrl}, found without contacting anything. */
    Optional<String> unreadable(String driverUrl, Properties properties);

    /** Opens the connection; the driver is used directly, not through DriverManager, so no other driver can claim the URL. */
    Connection connect(String driverUrl, Properties properties) throws SQLException;
}
