package io.knobwright.app.cli;

import io.knobwright.app.template.ConfigFormat;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Exports a template (yaml, json) or its configuration resolved for an instance",
                "(postgresql.conf, my.cnf, sql: ALTER SYSTEM / SET PERSIST / SET GLOBAL, only what the",
                "server accepts; restart-only and one server's own settings are said in comments)."})
final class TemplateExportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--template", required = true, description = "NAME or NAME@VERSION.")
    private String template;

    @Option(names = "--instance", description = "Resolve for this instance (id or name); needed for conf, cnf and sql.")
    private String instance;

    @Option(names = "--format", required = true, description = "postgresql.conf, my.cnf, yaml, json or sql.")
    private String format;

    @Option(names = "--out", description = "File to write; standard output when left out.")
    private Path out;

    TemplateExportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String text = session.context().templates().export(template, instance, ConfigFormat.parse(format));
        if (out == null) {
            session.out().print(text);
            session.out().flush();
            return ExitCodes.OK;
        }
        Path absolute = out.toAbsolutePath();
        try {
            write(absolute, text);
        } catch (IOException e) {
            throw new UserError(UserError.Kind.INPUT, "Cannot write " + absolute + ": " + e.getMessage()
                    + ". Check that the folder exists and is writable; nothing was exported.", e);
        }
        session.out().println("Wrote " + absolute);
        return ExitCodes.OK;
    }

    /** Written next to the target and moved over it: a failed export never leaves half a file. */
    private static void write(Path absolute, String text) throws IOException {
        Path temp = Files.createTempFile(absolute.getParent(), ".knobwright-export", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
