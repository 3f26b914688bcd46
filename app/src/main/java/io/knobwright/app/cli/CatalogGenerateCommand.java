package io.knobwright.app.cli;

import io.knobwright.connectors.catalog.CatalogGenerator;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.file.UserFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Reads the full parameter catalog of a live server from its own system views and writes it",
                "as a catalog JSON file. The file appears only once the whole catalog was read and written;",
                "an existing file is replaced only with --force, keeping its permissions."})
final class CatalogGenerateCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "e.g. jdbc:postgresql://127.0.0.1:5432/postgres")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable that holds the password.")
    private String passwordEnv;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Catalog JSON to write: a regular file (not a link or a device); missing folders are created.")
    private Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    private boolean force;

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
        UserFileWriter.Existing existing = force ? UserFileWriter.Existing.REPLACE : UserFileWriter.Existing.REFUSE;
        UserFileWriter.check(out, existing); // before the server is asked: reading a catalog takes a while
        CatalogGenerator generator = CatalogGenerator.withReaders(session.catalogReaders());
        ParameterCatalog catalog = generator.generate(jdbcUrl, user, password);
        generator.writeTo(catalog, out, existing);
        session.out().println("Wrote " + catalog.size() + " parameters of " + catalog.engineVersion() + " to " + out + ".");
        return ExitCodes.OK;
    }
}
