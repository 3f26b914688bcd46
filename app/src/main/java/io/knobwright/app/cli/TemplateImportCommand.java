package io.knobwright.app.cli;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.TemplateVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Imports a template from postgresql.conf (*.conf), my.cnf (*.cnf), YAML or JSON.",
                "The whole file is checked first; on any problem nothing is stored and every bad line is named."})
final class TemplateImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--file", required = true, description = "The file to import.")
    private Path file;

    @Option(names = "--name", description = "Name of the new template (required for .conf/.cnf; YAML/JSON carry one).")
    private String name;

    @Option(names = "--engine", description = "postgresql, mysql, mariadb, ... (my.cnf defaults to mysql).")
    private String engine;

    @Option(names = "--parent", description = "Parent template to inherit from.")
    private String parent;

    @Option(names = "--json", description = "Print the stored template as JSON.")
    private boolean json;

    TemplateImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        TemplateVersion saved = session.context().templates().importFile(file, name,
                engine == null ? null : Engine.require(engine), parent);
        if (json) {
            Json.print(session.out(), TemplateJson.TemplateSummary.of(saved));
        } else {
            session.out().println("Imported " + saved.template().entries().size() + " entries as " + saved.name()
                    + " v" + saved.version() + ".");
        }
        return ExitCodes.OK;
    }
}
