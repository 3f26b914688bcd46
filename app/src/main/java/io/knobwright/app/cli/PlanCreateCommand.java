package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Creates and stores a draft plan: the template resolved for the instance, compared with its",
                "current settings (read live from the server when it is connected, else its newest snapshot)."})
final class PlanCreateCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--template", required = true, description = "NAME or NAME@VERSION.")
    private String template;

    @Option(names = "--instance", required = true, description = "Instance id or name.")
    private String instance;

    @Option(names = "--offline", description = "Do not contact the server; compare with the newest snapshot.")
    private boolean offline;

    @Option(names = "--json", description = "Print the plan as JSON.")
    private boolean json;

    PlanCreateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ChangePlan plan = session.context().plans().createPlan(template, instance, !offline);
        Optional<ParameterCatalog> catalog = Optional.ofNullable(
                session.context().plans().catalogsOf(List.of(plan.instanceId())).get(plan.instanceId()));
        if (json) {
            Json.print(session.out(), TemplateJson.PlanJson.of(plan, catalog));
        } else {
            PlanShowCommand.print(session.out(), plan, catalog);
        }
        return ExitCodes.OK;
    }
}
