package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.DriverPropertyGuard;
import io.knobwright.connectors.jdbc.DriverPropertyGuard.Refused;

import java.util.List;
import java.util.Properties;

/** What Knobwright tells pgjdbc, and which URL properties it refuses to pass on (decision 0050). */
final class PostgresDriverProperties {

    static final DriverPropertyGuard GUARD = new DriverPropertyGuard("PostgreSQL", List.of(
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
            new Refused("loggerLevel", "switch on driver logging to a file", false)));

    private PostgresDriverProperties() {
    }

    /** Login and timeouts; the URL may add its own properties, which pgjdbc lets override these. */
    static Properties of(ConnectionTarget target, ConnectorTimeouts timeouts) {
        Properties properties = new Properties();
        if (target.user() != null && !target.user().isBlank()) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("loginTimeout", Integer.toString(timeouts.connectSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(timeouts.querySeconds()));
        properties.setProperty("ApplicationName", "Knobwright");
        return properties;
    }
}
