package io.knobwright.app.cli;

import io.knobwright.model.template.ResolvedParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Resolves a template for an instance's facts: one value per parameter, with where it came from.")
final class TemplateResolveCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--template", required = true, description = "NAME or NAME@VERSION.")
    private String template;

    @Option(names = "--instance", required = true, description = "Instance id or name.")
    private String instance;

    @Option(names = "--json", description = "Print a JSON array of {name, value, unit, source, expression, note}.")
    private boolean json;

    TemplateResolveCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ResolvedParameter> resolved = session.context().templates().resolve(template, instance);
        if (json) {
            Json.print(session.out(), resolved.stream().map(TemplateJson.ResolvedJson::of).toList());
            return ExitCodes.OK;
        }
        Table table = new Table("PARAMETER", "VALUE", "UNIT", "SOURCE", "EXPRESSION", "NOTE");
        resolved.forEach(p -> table.row(p.name(), p.value(), p.unit(), p.template() + " v" + p.templateVersion(),
                p.expression(), p.note()));
        table.print(session.out());
        return ExitCodes.OK;
    }
}
