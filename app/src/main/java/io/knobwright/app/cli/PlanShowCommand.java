package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.model.plan.ChangePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows one plan's changes and its governance: ticket, risk and why, locks, the approval chain and its progress.")
final class PlanShowCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID")
    private long id;

    @Option(names = "--json", description = "Print the plan as JSON.")
    private boolean json;

    PlanShowCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.context().governance().sweep();
        PlanReview review = session.context().governance().review(id);
        ChangePlan plan = review.plan();
        Optional<ParameterCatalog> catalog = Optional.ofNullable(
                session.context().plans().catalogsOf(List.of(plan.instanceId())).get(plan.instanceId()));
        if (json) {
            Json.print(session.out(), ReviewJson.of(review, catalog));
        } else {
            print(session.out(), plan, catalog);
            PlanDecisionText.print(session.out(), review);
        }
        return ExitCodes.OK;
    }

    /** Values as a DBA writes them ("16GB", not 2097152 8kB); --json also has them in the base unit. */
    static void print(PrintWriter out, ChangePlan plan, Optional<ParameterCatalog> catalog) {
        out.println("Plan " + plan.id() + " for " + plan.instanceName() + ": " + plan.template() + " v" + plan.templateVersion()
                + ", " + plan.state().name().toLowerCase(Locale.ROOT) + ", baseline " + plan.baseline());
        if (!plan.hasBaseline()) {
            out.println("No baseline: no settings were read from " + plan.instanceName() + " before planning, so every FROM"
                    + " is unknown and every value the template sets is listed. Read them with `knobwright fleet refresh "
                    + plan.instanceName() + "` and create the plan again.");
        }
        if (plan.changes().isEmpty()) {
            out.println("Nothing to change: the instance already matches the template.");
            return;
        }
        Table table = new Table("PARAMETER", "FROM", "TO", "APPLY", "PROVENANCE", "NOTE");
        plan.changes().forEach(c -> {
            TemplateJson.ChangeJson shown = TemplateJson.ChangeJson.of(c, catalog);
            table.row(c.parameter(), Table.clip(shown.fromDisplay(), 30), Table.clip(shown.toDisplay(), 30),
                    c.applyMode().label(), Table.clip(c.provenance(), 50), c.note());
        });
        table.print(out);
        out.println(plan.changes().size() + " change" + (plan.changes().size() == 1 ? "" : "s")
                + (plan.restartNeeded() ? "; a restart is needed." : "; no restart needed."));
    }
}
