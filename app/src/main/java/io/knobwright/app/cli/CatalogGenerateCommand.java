package io.knobwright.app.cli;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.catalog.CatalogReader;
import io.knobwright.model.catalog.CatalogFile;
import io.knobwright.model.catalog.ParameterCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reads the full parameter catalog of a live server from its own system views and writes it",
                "as a catalog JSON file. The file is replaced only when the whole catalog was read."})
final class CatalogGenerateCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "e.g. jdbc:postgresql://127.0.0.1:5432/postgres")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable that holds the password.")
    private String passwordEnv;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Catalog JSON to write.")
    private Path out;

    CatalogGenerateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        CatalogReader reader = session.catalogReaders().stream()
                .filter(r -> r.accepts(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot generate a catalog from '" + jdbcUrl
                        + "'. Supported: jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db."));
        String password = null;
        if (passwordEnv != null) {
            password = session.environment().get(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("Environment variable " + passwordEnv + " is not set. Export it with the password.");
            }
        }
        ParameterCatalog catalog;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            catalog = reader.read(connection);
        } catch (SQLException e) {
            throw new ConnectorException("Cannot read the catalog from " + jdbcUrl + ": " + e.getMessage(), e);
        }
        writeAtomically(catalog);
        session.out().println("Wrote " + catalog.size() + " parameters of " + catalog.engineVersion() + " to " + out + ".");
        return ExitCodes.OK;
    }

    private void writeAtomically(ParameterCatalog catalog) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(temp)) {
                CatalogFile.write(catalog, os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
