package io.knobwright.app.cli;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.model.catalog.ParameterCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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
    public Integer call() {
        // Checked here because the generator reports it as a ConnectorException, which would mean "unreachable" (exit 3).
        if (session.catalogReaders().stream().noneMatch(r -> r.accepts(jdbcUrl))) {
            throw new IllegalArgumentException("Cannot generate a catalog from '" + jdbcUrl
                    + "'. Supported: jdbc:postgresql://host:port/db, jdbc:mariadb://host:port/db.");
        }
        String password = null;
        if (passwordEnv != null) {
            password = session.environment().get(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("Environment variable " + passwordEnv
                        + " is not set. Export it with the password, then run the command again.");
            }
        }
        CatalogGenerator generator = CatalogGenerator.withReaders(session.catalogReaders());
        ParameterCatalog catalog = generator.generate(jdbcUrl, user, password);
        try {
            generator.writeTo(catalog, out);
        } catch (ConnectorException e) {
            // The server was read fine; the local file is the problem (exit 1, not 3).
            throw new IllegalStateException(e.getMessage(), e);
        }
        session.out().println("Wrote " + catalog.size() + " parameters of " + catalog.engineVersion() + " to " + out + ".");
        return ExitCodes.OK;
    }
}
