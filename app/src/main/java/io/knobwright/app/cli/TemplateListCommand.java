package io.knobwright.app.cli;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.template.TemplateVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists built-in and your own templates (newest versions).")
final class TemplateListCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--engine", description = "Only templates of this engine.")
    private String engine;

    @Option(names = "--json", description = "Print a JSON array of {name, engine, parent, version, builtIn, ...}.")
    private boolean json;

    TemplateListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<TemplateVersion> templates = session.context().templates().list();
        if (engine != null) {
            Engine e = Engine.require(engine);
            templates = templates.stream().filter(t -> t.template().engine() == e).toList();
        }
        if (json) {
            Json.print(session.out(), templates.stream().map(TemplateJson.TemplateSummary::of).toList());
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "ENGINE", "PARENT", "VERSION", "KIND", "DESCRIPTION");
        templates.forEach(t -> table.row(t.name(), t.template().engine().displayName(),
                t.template().parent() == null ? "" : t.template().parent(), "v" + t.version(),
                t.template().builtIn() ? "built-in" : "yours", Table.clip(t.template().description(), 60)));
        table.print(session.out());
        return ExitCodes.OK;
    }
}
