package io.knobwright.app.cli;

import io.knobwright.model.plan.ChangePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows one plan's changes.")
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
        ChangePlan plan = session.context().plans().plan(id)
                .orElseThrow(() -> new IllegalArgumentException("No plan " + id + ". List them with: knobwright plan list"));
        if (json) {
            Json.print(session.out(), TemplateJson.PlanJson.of(plan));
        } else {
            print(session.out(), plan);
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, ChangePlan plan) {
        out.println("Plan " + plan.id() + " for " + plan.instanceName() + ": " + plan.template() + " v" + plan.templateVersion()
                + ", " + plan.state().name().toLowerCase(Locale.ROOT) + ", baseline " + plan.baseline());
        if (plan.changes().isEmpty()) {
            out.println("Nothing to change: the instance already matches the template.");
            return;
        }
        Table table = new Table("PARAMETER", "FROM", "TO", "UNIT", "APPLY", "PROVENANCE", "NOTE");
        plan.changes().forEach(c -> table.row(c.parameter(), Table.clip(c.from(), 30), Table.clip(c.to(), 30), c.unit(),
                c.applyMode().name().toLowerCase(Locale.ROOT) + (c.restartNeeded() ? " (restart)" : ""),
                Table.clip(c.provenance(), 50), c.note()));
        table.print(out);
        out.println(plan.changes().size() + " change" + (plan.changes().size() == 1 ? "" : "s")
                + (plan.restartNeeded() ? "; a restart is needed." : "; no restart needed."));
    }
}
