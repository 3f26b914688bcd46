package io.knobwright.connectors.catalog;

import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.DriverDialect;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.NetworkFailures;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.file.UserFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Generates a parameter catalog from a live server ({@code knobwright catalog generate}): connects, lets the
 * reader for the URL's engine read the server's own parameter view, and writes the catalog file.
 * Blocks on JDBC: call it off the FX thread.
 */
public final class CatalogGenerator {

    /** Long enough for a slow VPN, short enough that a wrong host or port fails while the user still waits. */
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final ConnectorTimeouts TIMEOUTS = new ConnectorTimeouts(LOGIN_TIMEOUT, ConnectorTimeouts.DEFAULT.query());

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

    /**
     * Reads the full catalog of the server at {@code jdbcUrl}; user and password may be null (trust/peer auth, or
     * given in the URL). The URL passes the same gate as every other connection (decision 0054).
     */
    public ParameterCatalog generate(String jdbcUrl, String user, String password) {
        CatalogReader reader = readerFor(jdbcUrl);
        DriverDialect dialect = JdbcGate.dialectFor(jdbcUrl).orElseThrow(() -> noReader(jdbcUrl));
        JdbcGate.Admitted admitted = JdbcGate.admit(dialect, new ConnectionTarget(jdbcUrl, user, password), TIMEOUTS);
        try (Connection connection = connect(admitted, jdbcUrl)) {
            return reader.read(connection);
        } catch (SQLException e) {
            throw new ConnectorException("Reading the parameters of " + JdbcUrlSecrets.mask(jdbcUrl) + " failed: "
                    + NetworkFailures.withoutSecrets(e.getMessage(), jdbcUrl, admitted.target().password())
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
                .orElseThrow(() -> noReader(jdbcUrl));
    }

    private static ConnectorException noReader(String jdbcUrl) {
        return ConnectorException.badInput("Cannot generate a catalog from '" + JdbcUrlSecrets.mask(jdbcUrl)
                + "': no catalog reader understands that URL. Use jdbc:postgresql://host:port/db"
                + " or jdbc:mariadb://host:port/db.", null);
    }

    private static Connection connect(JdbcGate.Admitted admitted, String jdbcUrl) {
        try {
            return admitted.connect();
        } catch (SQLException e) {
            throw new ConnectorException(explain(jdbcUrl, admitted.target().user(), admitted.target().password(), e), e);
        }
    }

    /** Turns the driver's SQLState into what the user should check; the driver's own words follow. */
    static String explain(String jdbcUrl, String user, String password, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String who = user == null ? "the default user" : "user '" + user + "'";
        String hint;
        if (state.startsWith("28")) {
            hint = "The server refused " + who + ": check the user name and the password (--user, --password-env)"
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
        return "Cannot connect to " + JdbcUrlSecrets.mask(jdbcUrl) + ". " + hint + " ("
                + NetworkFailures.withoutSecrets(e.getMessage(), jdbcUrl, password) + ")";
    }
}
