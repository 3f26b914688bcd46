package io.knobwright.app.cli;

import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Applies an approved (or bypassed) plan to its server, all or nothing: every change is checked against",
                "the server's catalog and the plan's baseline first, then made, read back and journaled; on any failure the",
                "changes made are put back. Exit 0 applied, 6 rolled back (the server holds its old configuration),",
                "7 needs attention (putting back failed: the message says what is where), or the server went away before",
                "the changes could be put back (they are put back by the next command once it answers). A MariaDB variable",
                "that cannot change while the server runs is not sent: the run says which option-file line to write before",
                "the restart. Parameters waiting for a restart are listed by 'fleet restarts'."})
final class PlanApplyCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID")
    private long id;

    @Option(names = "--json", description = "Print the run as JSON.")
    private boolean json;

    PlanApplyCommand(CliSession session) {
        this.session = session;
    }

    record StepJson(int step, String parameter, String from, String to, boolean restartNeeded, String phase, String error) {
    }

    record RunJson(long run, long planId, String instance, String state, String message, List<String> pendingRestarts,
                   List<StepJson> steps) {
        static RunJson of(ApplyRun r) {
            return new RunJson(r.id(), r.planId(), r.instanceName(), r.state().name().toLowerCase(Locale.ROOT), r.message(),
                    r.pendingRestarts(), r.steps().stream().map(s -> new StepJson(s.ordinal() + 1, s.parameter(), s.prior(), s.target(),
                            s.restartNeeded(), s.phase().name().toLowerCase(Locale.ROOT), s.error())).toList());
        }
    }

    @Override
    public Integer call() {
        ApplyRun run = session.context().apply().apply(session.actor(), id);
        if (json) {
            Json.print(session.out(), RunJson.of(run));
        } else {
            Table table = new Table("STEP", "PARAMETER", "FROM", "TO", "RESULT", "NOTE");
            for (JournalStep s : run.steps()) {
                table.row(s.ordinal() + 1, s.parameter(), s.prior() == null ? "" : s.prior(), s.target(),
                        s.phase().name().toLowerCase(Locale.ROOT), Table.clip(s.error(), 60));
            }
            table.print(session.out());
            session.out().println("Plan " + id + " on " + run.instanceName() + ": " + run.state().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (run.message().isEmpty() ? "." : ". " + run.message()));
            if (!run.pendingRestarts().isEmpty()) {
                session.out().println("Restart pending for " + String.join(", ", run.pendingRestarts())
                        + ": the new values take effect when the server restarts.");
            }
            if (run.state() == io.knobwright.model.apply.journal.RunState.APPLIED) {
                printPrediction(run);
            }
        }
        return switch (run.state()) {
            case APPLIED -> ExitCodes.OK;
            case ROLLED_BACK -> ExitCodes.ROLLED_BACK;
            case NEEDS_ATTENTION, APPLYING -> ExitCodes.NEEDS_ATTENTION;
        };
    }

    /** What the apply was predicted to do, and how to measure what it did (decision 0152). */
    private void printPrediction(ApplyRun run) {
        session.context().outcomes().recorded(id).filter(o -> o.runId() == run.id()).ifPresent(o -> {
            String predicted = o.prediction().map(p -> String.format(Locale.ROOT,
                    "Predicted: throughput %+.0f%% [%+.0f%%, %+.0f%%].", p.change() * 100, p.changeLow() * 100,
                    p.changeHigh() * 100)).orElse(o.predictionNote().isEmpty() ? "" : "Not predicted: "
                    + o.predictionNote().replaceFirst("^not predicted: ", "") + ".");
            session.out().println((predicted.isEmpty() ? "" : predicted + " ") + "Once the workload has run a while"
                    + " (`monitor collect`), `knobwright plan outcome " + id + "` measures what it did.");
        });
    }
}
