package io.knobwright.app.cli;

import io.knobwright.app.template.ConfigFormat;
import io.knobwright.model.file.UserFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    @Option(names = "--out", paramLabel = "FILE",
            description = "File to write (a regular file, not a link or a device); standard output when left out.")
    private Path out;

    @Option(names = "--force", description = "Replace FILE if it exists, keeping its permissions.")
    private boolean force;

    TemplateExportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        UserFileWriter.Existing existing = force ? UserFileWriter.Existing.REPLACE : UserFileWriter.Existing.REFUSE;
        if (out != null) {
            UserFileWriter.check(out, existing);
        }
        String text = session.context().templates().export(template, instance, ConfigFormat.parse(format));
        if (out == null) {
            session.out().print(text);
            session.out().flush();
            return ExitCodes.OK;
        }
        UserFileWriter.writeString(out, existing, text);
        session.out().println("Wrote " + out.toAbsolutePath().normalize());
        return ExitCodes.OK;
    }
}
