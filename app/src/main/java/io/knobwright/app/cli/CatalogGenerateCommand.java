package io.knobwright.app.cli;

import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.model.UserError;
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
        String password = null;
        if (passwordEnv != null) {
            password = session.environment().get(passwordEnv);
            if (password == null) {
                throw UserError.input("Environment variable " + passwordEnv
                        + " is not set. Export it with the password, then run the command again.");
            }
        }
        CatalogGenerator generator = CatalogGenerator.withReaders(session.catalogReaders());
        ParameterCatalog catalog = generator.generate(jdbcUrl, user, password);
        generator.writeTo(catalog, out);
        session.out().println("Wrote " + catalog.size() + " parameters of " + catalog.engineVersion() + " to " + out + ".");
        return ExitCodes.OK;
    }
}
