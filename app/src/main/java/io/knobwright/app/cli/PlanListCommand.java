package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.approval.Submission;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists stored plans, newest first, with their state, risk and ticket.")
final class PlanListCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--json", description = "Print a JSON array of plans with their changes.")
    private boolean json;

    @Option(names = "--state", paramLabel = "STATE", description = "Only plans in this state: ${COMPLETION-CANDIDATES}.")
    private PlanState state;

    @Option(names = "--awaiting-me", description = "Only submitted plans the acting user (--as) can decide now.")
    private boolean awaitingMe;

    PlanListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.context().governance().sweep();
        List<ChangePlan> plans = awaitingMe
                ? session.context().governance().awaiting(session.actor()).stream().map(r -> r.plan()).toList()
                : session.context().plans().plans();
        if (state != null) {
            plans = plans.stream().filter(p -> p.state() == state).toList();
        }
        if (json) {
            Map<Long, ParameterCatalog> catalogs = session.context().plans()
                    .catalogsOf(plans.stream().map(ChangePlan::instanceId).distinct().toList());
            Json.print(session.out(), plans.stream()
                    .map(p -> TemplateJson.PlanJson.of(p, Optional.ofNullable(catalogs.get(p.instanceId())))).toList());
            return ExitCodes.OK;
        }
        Map<Long, Submission> submissions = session.context().governance().submissions(plans);
        Table table = new Table("ID", "INSTANCE", "TEMPLATE", "CREATED", "STATE", "CHANGES", "RESTART", "RISK", "TICKET");
        plans.forEach(p -> {
            Submission s = p.state() == PlanState.DRAFT ? null : submissions.get(p.id());
            table.row(p.id(), p.instanceName(), p.template() + " v" + p.templateVersion(), p.createdAt(),
                    p.state().name().toLowerCase(Locale.ROOT), p.changes().size(), p.restartNeeded() ? "yes" : "",
                    s == null ? "" : s.risk().level().name().toLowerCase(Locale.ROOT), p.ticket());
        });
        table.print(session.out());
        return ExitCodes.OK;
    }
}
