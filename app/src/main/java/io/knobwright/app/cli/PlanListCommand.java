package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.plan.ChangePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists stored plans, newest first.")
final class PlanListCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--json", description = "Print a JSON array of plans with their changes.")
    private boolean json;

    PlanListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<ChangePlan> plans = session.context().plans().plans();
        if (json) {
            Map<Long, ParameterCatalog> catalogs = session.context().plans()
                    .catalogsOf(plans.stream().map(ChangePlan::instanceId).distinct().toList());
            Json.print(session.out(), plans.stream()
                    .map(p -> TemplateJson.PlanJson.of(p, Optional.ofNullable(catalogs.get(p.instanceId())))).toList());
            return ExitCodes.OK;
        }
        Table table = new Table("ID", "INSTANCE", "TEMPLATE", "CREATED", "STATE", "CHANGES", "RESTART");
        plans.forEach(p -> table.row(p.id(), p.instanceName(), p.template() + " v" + p.templateVersion(), p.createdAt(),
                p.state().name().toLowerCase(Locale.ROOT), p.changes().size(), p.restartNeeded() ? "yes" : ""));
        table.print(session.out());
        return ExitCodes.OK;
    }
}
