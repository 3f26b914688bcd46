package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.DriverPropertyGuard;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Refused;

import java.util.List;
import java.util.Properties;

/**
 * What Knobwright tells MariaDB Connector/J, which serves both MariaDB and MySQL, and which URL properties
 * it refuses to pass on (decision 0050).
 */
final class MySqlDriverProperties {

    static final String MARIADB_SCHEME = "jdbc:mariadb:";
    static final String MYSQL_SCHEME = "jdbc:mysql:";

    static final DriverPropertyGuard GUARD = new DriverPropertyGuard("MariaDB", List.of(
            new Refused("socketFactory", "make the driver instantiate a class named in the URL", false),
            new Refused("tlsSocketType", "make the driver load a TLS socket plugin named in the URL", false),
            new Refused("credentialType", "replace the stored credential with one from a plugin (environment, AWS IAM, ...)", false),
            new Refused("allowLocalInfile", "let the server read any file on this workstation (LOAD DATA LOCAL INFILE)", true),
            new Refused("initSql", "run SQL from the URL on every connection", false),
            new Refused("sessionVariables", "run a SET from the URL on connect, which can also change GLOBAL variables", false),
            new Refused("createDatabaseIfNotExist", "create a database on the server", true),
            new Refused("pool", "keep a pool of connections open after Knobwright is done", true),
            new Refused("registerJmxPool", "register a connection pool with JMX", true)));

    private MySqlDriverProperties() {
    }

    /**
     * The URL the MariaDB driver is given. Connector/J 3 accepts jdbc:mysql: only when the URL also carries
     * permitMysqlScheme, so the scheme is rewritten to jdbc:mariadb: instead: same parsing, no marker needed.
     */
    static String driverUrl(String jdbcUrl) {
        return jdbcUrl.startsWith(MYSQL_SCHEME) ? MARIADB_SCHEME + jdbcUrl.substring(MYSQL_SCHEME.length()) : jdbcUrl;
    }

    static Properties of(ConnectionTarget target, ConnectorTimeouts timeouts) {
        Properties properties = new Properties();
        if (target.user() != null && !target.user().isBlank()) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("connectTimeout", Long.toString(timeouts.connect().toMillis()));
        properties.setProperty("socketTimeout", Long.toString(timeouts.query().toMillis()));
        // On by default in Connector/J: a hostile or compromised server could ask for any local file
        properties.setProperty("allowLocalInfile", "false");
        properties.setProperty("connectionAttributes", "program_name:Knobwright");
        return properties;
    }
}
