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

/**
 * MariaDB Connector/J, which serves both jdbc:mariadb: and jdbc:mysql: URLs (decision 0052): what Knobwright
 * tells it, and which URL properties it refuses to pass on (decisions 0050, 0054). Properties of MySQL
 * Connector/J's dialect are judged as if that driver read them: a jdbc:mysql: URL is written for it, and the
 * MariaDB driver ignoring a property today is no reason to store a URL that asks for deserialisation.
 */
public final class MariaDbDialect implements DriverDialect {

    public static final MariaDbDialect INSTANCE = new MariaDbDialect();

    static final String MARIADB_SCHEME = "jdbc:mariadb:";
    static final String MYSQL_SCHEME = "jdbc:mysql:";

    private static final String LOADS_CLASS = "make the driver instantiate a class named in the URL";

    private static final DriverPropertyGuard GUARD = new DriverPropertyGuard("MariaDB/MySQL", List.of(
            // MariaDB Connector/J
            new Refused("socketFactory", LOADS_CLASS, false),
            new Refused("tlsSocketType", "make the driver load a TLS socket plugin named in the URL", false),
            new Refused("credentialType", "replace the stored credential with one from a plugin (environment, AWS IAM, ...)", false),
            new Refused("allowLocalInfile", "let the server read any file on this workstation (LOAD DATA LOCAL INFILE)", true),
            new Refused("initSql", "run SQL from the URL on every connection", false),
            new Refused("sessionVariables", "run a SET from the URL on connect, which can also change GLOBAL variables", false),
            new Refused("createDatabaseIfNotExist", "create a database on the server", true),
            new Refused("pool", "keep a pool of connections open after Knobwright is done", true),
            new Refused("registerJmxPool", "register a connection pool with JMX", true),
            // MySQL Connector/J's spelling of the same dangers, and its own
            new Refused("allowLoadLocalInfile", "let the server read any file on this workstation (LOAD DATA LOCAL INFILE)", true),
            new Refused("allowLoadLocalInfileInPath", "let the server read files on this workstation below a path", false),
            new Refused("allowUrlInLocalInfile", "let the server make this workstation fetch URLs (LOAD DATA LOCAL INFILE)", true),
            new Refused("autoDeserialize", "deserialize Java objects sent by the server, which can run code", true),
            new Refused("queryInterceptors", LOADS_CLASS, false),
            new Refused("statementInterceptors", LOADS_CLASS, false),
            new Refused("exceptionInterceptors", LOADS_CLASS, false),
            new Refused("connectionLifecycleInterceptors", LOADS_CLASS, false),
            new Refused("propertiesTransform", LOADS_CLASS, false),
            new Refused("clientInfoProvider", LOADS_CLASS, false),
            new Refused("authenticationPlugins", LOADS_CLASS, false),
            new Refused("defaultAuthenticationPlugin", LOADS_CLASS, false),
            new Refused("loadBalanceExceptionChecker", LOADS_CLASS, false),
            new Refused("loadBalanceStrategy", LOADS_CLASS, false),
            new Refused("serverConfigCacheFactory", LOADS_CLASS, false),
            new Refused("logger", LOADS_CLASS, false),
            new Refused("profilerEventHandler", LOADS_CLASS, false),
            new Refused("ha.enableJMX", "register the connection with JMX", true),
            new Refused("loadBalanceEnableJMX", "register the connection with JMX", true)),
            List.of(new Timeout("connectTimeout", ChronoUnit.MILLIS, Phase.CONNECT),
                    new Timeout("socketTimeout", ChronoUnit.MILLIS, Phase.QUERY)));

    private MariaDbDialect() {
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith(MARIADB_SCHEME) || jdbcUrl.startsWith(MYSQL_SCHEME));
    }

    @Override
    public String engine(String jdbcUrl) {
        return jdbcUrl.startsWith(MYSQL_SCHEME) ? "MySQL" : "MariaDB";
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String exampleUrl() {
        return "jdbc:mariadb://host:3306/mysql";
    }

    @Override
    public DriverPropertyGuard guard() {
        return GUARD;
    }

    /**
     * Connector/J 3 accepts jdbc:mysql: only when the URL also carries permitMysqlScheme, so the scheme is
     * rewritten to jdbc:mariadb: instead: same parsing, no marker needed.
     */
    @Override
    public String driverUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(MYSQL_SCHEME) ? MARIADB_SCHEME + jdbcUrl.substring(MYSQL_SCHEME.length()) : jdbcUrl;
    }

    @Override
    public Properties properties(String user, String password, ConnectorTimeouts timeouts) {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Long.toString(timeouts.connect().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(timeouts.query().toMillis()));
        // On by default in Connector/J: a hostile or compromised server could ask for any local file
        properties.setProperty("allowLocalInfile", "false");
        properties.setProperty("connectionAttributes", "program_name:Knobwright");
        return properties;
    }

    @Override
    public Optional<String> unreadable(String driverUrl, Properties properties) {
        try {
            org.mariadb.jdbc.Configuration.parse(driverUrl, properties);
            return Optional.empty();
        } catch (SQLException cannotRead) {
            return Optional.of(String.valueOf(cannotRead.getMessage()));
        }
    }

    @Override
    public Connection connect(String driverUrl, Properties properties) throws SQLException {
        return new org.mariadb.jdbc.Driver().connect(driverUrl, properties);
    }
}
