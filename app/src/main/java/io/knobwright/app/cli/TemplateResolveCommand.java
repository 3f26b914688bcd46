package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.fleet.Instance;
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

    @Option(names = "--json", description = "Print a JSON array of {name, value, unit, source, expression, note, display}.")
    private boolean json;

    TemplateResolveCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ResolvedParameter> resolved = session.context().templates().resolve(template, instance);
        Instance target = session.context().fleet().require(instance);
        ParameterCatalog catalog = session.catalogs().require(target.engine(), target.version());
        List<TemplateJson.ResolvedJson> shown = resolved.stream().map(p -> TemplateJson.ResolvedJson.of(p, catalog)).toList();
        if (json) {
            Json.print(session.out(), shown);
            return ExitCodes.OK;
        }
        // values as a DBA writes them ("16GB"); --json also has them in the base unit
        Table table = new Table("PARAMETER", "VALUE", "SOURCE", "EXPRESSION", "NOTE");
        shown.forEach(p -> table.row(p.name(), p.display(), p.source(), p.expression(), p.note()));
        table.print(session.out());
        return ExitCodes.OK;
    }
}
