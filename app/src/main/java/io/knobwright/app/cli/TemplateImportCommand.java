package io.knobwright.app.cli;

import io.knobwright.app.template.ImportOptions;
import io.knobwright.app.template.ImportReport;
import io.knobwright.model.config.SkippedSetting;
import io.knobwright.model.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

// No mixinStandardHelpOptions: here --version is the server's version, so only --help is declared.
@Command(name = "import",
        description = {"Imports a template from postgresql.conf (*.conf), my.cnf (*.cnf), YAML or JSON.",
                "The whole file is checked first; on any problem nothing is stored and every bad line is named.",
                "Values are checked against the version given (--version), else the",
                "instance's (--instance), else the one a my.cnf's groups name ([mariadb-10.11]),",
                "else the newest catalog (and the output says so). Settings of one server",
                "(data directory, port, socket, server_id...) and startup options that are no",
                "settings (user) are skipped and listed."})
final class TemplateImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--file", required = true, description = "The file to import.")
    private Path file;

    @Option(names = "--name", description = "Name of the new template (required for .conf/.cnf; YAML/JSON carry one).")
    private String name;

    @Option(names = "--engine", description = "postgresql, mysql, mariadb, ... (my.cnf: mariadb when it has MariaDB-only groups, else mysql).")
    private String engine;

    @Option(names = "--version", paramLabel = "V",
            description = "The server's version (10.11, 8.4, 16; 10.11.9 is reduced to 10.11) to check values against.")
    private String version;

    @Option(names = "--instance", description = "Check against this instance's engine and version (id or name).")
    private String instance;

    @Option(names = "--parent", description = "Parent template to inherit from.")
    private String parent;

    @Option(names = "--json", description = "Print the stored template as JSON, with what was checked against and skipped.")
    private boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    TemplateImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ImportReport report = session.context().templates().importFile(new ImportOptions(file, name,
                engine == null ? null : Engine.require(engine), version, instance, parent));
        if (json) {
            Json.print(session.out(), TemplateJson.ImportJson.of(report));
            return ExitCodes.OK;
        }
        var saved = report.saved();
        session.out().println("Imported " + saved.template().entries().size() + " entries as " + saved.name()
                + " v" + saved.version() + (report.checkedAgainst() == null ? "" : ", checked against "
                + report.checkedAgainst().describe()) + ".");
        if (report.checkedAgainst() != null && report.checkedAgainst().guessed()) {
            session.out().println("Give --version or --instance to check against the version the server runs.");
        }
        if (!report.skipped().isEmpty()) {
            session.out().println("Skipped " + report.skipped().size() + " (not part of a template):");
            for (SkippedSetting s : report.skipped()) {
                session.out().println("  " + Table.cell(s.name()) + " (" + Table.cell(s.where()) + "): " + s.reason());
            }
        }
        return ExitCodes.OK;
    }
}
