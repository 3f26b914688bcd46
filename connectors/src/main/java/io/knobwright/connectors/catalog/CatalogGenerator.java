package io.knobwright.connectors.catalog;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.JdbcUrl;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.file.UserFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Generates a parameter catalog from a live server ({@code knobwright catalog generate}): connects, lets the
 * reader for the URL's engine read the server's own parameter view, and writes the catalog file.
 * Blocks on JDBC: call it off the FX thread.
 */
public final class CatalogGenerator {

    /** Long enough for a slow VPN, short enough that a wrong host or port fails while the user still waits. */
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

    private final List<CatalogReader> readers;

    public CatalogGenerator(List<CatalogReader> readers) {
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("A catalog generator needs at least one catalog reader");
        }
        this.readers = List.copyOf(readers);
    }

    /** The generator the composition root builds, e.g. over a PostgreSQL and a MariaDB reader. */
    public static CatalogGenerator withReaders(List<CatalogReader> readers) {
        return new CatalogGenerator(readers);
    }

    /** Reads the full catalog of the server at {@code jdbcUrl}; user and password may be null (trust/peer auth). */
    public ParameterCatalog generate(String jdbcUrl, String user, String password) {
        CatalogReader reader = readerFor(jdbcUrl);
        try (Connection connection = connect(jdbcUrl, user, password)) {
            return reader.read(connection);
        } catch (SQLException e) {
            throw new ConnectorException("Reading the parameters of " + JdbcUrl.redact(jdbcUrl) + " failed: " + e.getMessage()
                    + ". The user needs permission to read the server's settings view.", e);
        }
    }

    /**
     * Writes the catalog in the shipped format (sorted by name) with {@link UserFileWriter}: the file appears
     * only once the whole catalog is written, only as a regular file, and an existing one is replaced only when
     * {@code existing} says so. Missing folders are created.
     */
    public void writeTo(ParameterCatalog catalog, Path out, UserFileWriter.Existing existing) {
        Path target = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw ConnectorException.badInput("Cannot write the catalog to " + target + ": cannot create the folder "
                    + target.getParent() + " (" + e.getMessage() + "). Check that the folder exists and is writable.", e);
        }
        UserFileWriter.write(target, existing, stream -> CatalogFile.write(catalog, stream));
    }

    private CatalogReader readerFor(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw ConnectorException.badInput("A JDBC URL is required, e.g. jdbc:postgresql://host:5432/postgres.", null);
        }
        return readers.stream()
                .filter(r -> r.accepts(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> ConnectorException.badInput("Cannot generate a catalog from '" + JdbcUrl.redact(jdbcUrl)
                        + "': no catalog reader understands that URL. Use jdbc:postgresql://host:port/db"
                        + " or jdbc:mariadb://host:port/db.", null));
    }

    private static Connection connect(String jdbcUrl, String user, String password) {
        Properties props = loginTimeout(jdbcUrl);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(jdbcUrl, props);
        } catch (SQLException e) {
            throw new ConnectorException(explain(jdbcUrl, user, e), e);
        }
    }

    /**
     * Per-connection timeouts rather than DriverManager.setLoginTimeout, which would change every JDBC
     * connection in the JVM. The two drivers spell the property differently (seconds vs milliseconds).
     */
    private static Properties loginTimeout(String jdbcUrl) {
        Properties props = new Properties();
        long seconds = LOGIN_TIMEOUT.toSeconds();
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            props.setProperty("loginTimeout", Long.toString(seconds));
            props.setProperty("connectTimeout", Long.toString(seconds));
        } else {
            props.setProperty("connectTimeout", Long.toString(LOGIN_TIMEOUT.toMillis()));
        }
        return props;
    }

    /** Turns the driver's SQLState into what the user should check; the driver's own words follow. */
    static String explain(String jdbcUrl, String user, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String who = user == null ? "the default user" : "user '" + user + "'";
        String hint;
        if (state.startsWith("28")) {
            hint = "The server refused " + who + ": check the user name and password (--user, password prompt)"
                    + " and that the server allows this user to connect from this machine.";
        } else if (state.equals("3D000") || state.equals("42000") && e.getMessage().contains("Unknown database")) {
            hint = "The database named in the URL does not exist on that server: use an existing one,"
                    + " e.g. 'postgres' or 'mysql'.";
        } else if (state.startsWith("08") || state.isEmpty()) {
            hint = "The server could not be reached: check host and port, that it is running and accepts"
                    + " TCP connections from this machine (firewall, listen_addresses / bind-address).";
        } else {
            hint = "Check the URL, user and password.";
        }
        return "Cannot connect to " + JdbcUrl.redact(jdbcUrl) + ". " + hint + " (" + e.getMessage() + ")";
    }
}
