package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.jdbc.DriverPropertyGuard.Phase;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Refused;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Timeout;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** pgjdbc: what Knobwright tells it, and which URL properties it refuses to pass on (decisions 0050, 0054). */
public final class PostgresDialect implements DriverDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final String SCHEME = "jdbc:postgresql:";

    private static final DriverPropertyGuard GUARD = new DriverPropertyGuard("PostgreSQL", List.of(
            // CVE-2022-21724: each of these names a class that pgjdbc instantiates
            new Refused("socketFactory", "make the driver instantiate a class named in the URL", false),
            new Refused("socketFactoryArg", "pass an argument to a socket factory class from the URL", false),
            new Refused("sslfactory", "make the driver instantiate an SSL factory class named in the URL", false),
            new Refused("sslfactoryarg", "pass an argument to an SSL factory class from the URL", false),
            new Refused("sslhostnameverifier", "make the driver instantiate a hostname verifier class named in the URL", false),
            new Refused("sslpasswordcallback", "make the driver instantiate a callback class named in the URL", false),
            new Refused("authenticationPluginClassName", "make the driver instantiate an authentication plugin named in the URL", false),
            new Refused("xmlFactoryFactory", "make the driver instantiate an XML factory class named in the URL", false),
            // CVE-2022-26520: ignored since 42.3.3, refused so an older driver on a classpath cannot write files
            new Refused("loggerFile", "write a log file at a path named in the URL", false),
            new Refused("loggerLevel", "switch on driver logging to a file", false)),
            List.of(new Timeout("connectTimeout", ChronoUnit.SECONDS, Phase.CONNECT),
                    new Timeout("loginTimeout", ChronoUnit.SECONDS, Phase.CONNECT),
                    new Timeout("sslResponseTimeout", ChronoUnit.MILLIS, Phase.CONNECT),
                    new Timeout("socketTimeout", ChronoUnit.SECONDS, Phase.QUERY),
                    new Timeout("cancelSignalTimeout", ChronoUnit.SECONDS, Phase.QUERY)));

    private PostgresDialect() {
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(SCHEME);
    }

    @Override
    public String engine(String jdbcUrl) {
        return "PostgreSQL";
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String exampleUrl() {
        return "jdbc:postgresql://host:5432/postgres";
    }

    @Override
    public DriverPropertyGuard guard() {
        return GUARD;
    }

    @Override
    public String driverUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /** The URL may add its own properties, which pgjdbc lets override these: the guard bounds the timeouts. */
    @Override
    public Properties properties(String user, String password, ConnectorTimeouts timeouts) {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(timeouts.querySeconds()));
        properties.setProperty("ApplicationName", "Knobwright");
        return properties;
    }

    @Override
    public Optional<String> unreadable(String driverUrl, Properties properties) {
        return org.postgresql.Driver.parseURL(driverUrl, properties) == null
                ? Optional.of("it names no valid host, port or database")
                : Optional.empty();
    }

    @Override
    public Connection connect(String driverUrl, Properties properties) throws SQLException {
        return new org.postgresql.Driver().connect(driverUrl, properties);
    }
}
