package io.knobwright.app.cli;

import io.knobwright.app.recommend.OutcomeService;
import io.knobwright.model.UserError;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "outcome", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"What an applied plan measurably did against what it was predicted to do (the learning loop of",
                "recommendations). Transactions per second collected before the apply are compared with those after it,",
                "once at least 6 samples on each side were collected (`monitor collect`); a change within the samples'",
                "noise is no difference. The two windows are stored as observations, so later recommendations and",
                "what-ifs for the instance and its hardware class learn from them. A fall of more than 20%% beyond the",
                "noise is flagged as a REGRESSION and its revert is proposed as a draft plan (governed like any other).",
                "Exit 0; 8 when a regression is flagged."})
final class PlanOutcomeCommand implements Callable<Integer> {

    /** Exit status when a regression is flagged: scripts watching applies can act on it. */
    static final int REGRESSION = 8;

    private final CliSession session;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The applied plan's id.")
    private Long id;

    @Option(names = "--instance", paramLabel = "ID|NAME", description = "Every applied plan of the instance instead.")
    private String instance;

    @Option(names = "--json", description = "Print JSON: {outcomes: [...]}.")
    private boolean json;

    PlanOutcomeCommand(CliSession session) {
        this.session = session;
    }

    record PredictionJson(Double tpsBefore, Double tpsAfter, Double tpsLow, Double tpsHigh, Double p95MsBefore,
                          Double p95MsAfter, Double change, Double changeLow, Double changeHigh) {
    }

    record MeasuredJson(String at, String verdict, boolean regression, Double tpsBefore, Double tpsAfter, Double change,
                        Double noiseBefore, Double noiseAfter, int samplesBefore, int samplesAfter, Double clientsBefore,
                        Double clientsAfter, Double queryMsBefore, Double queryMsAfter, long observationBefore,
                        long observationAfter, Long revertPlanId, String summary) {
    }

    record ChangeJson(String parameter, String from, String to) {
    }

    record RevertJson(long planId, String state, List<ChangeJson> changes) {
    }

    record OutcomeJson(long planId, long run, String instance, String appliedAt, String model, String predictionNote,
                       Map<String, String> settingsBefore, Map<String, String> settingsAfter, PredictionJson predicted,
                       MeasuredJson measured, String status, RevertJson revert) {
    }

    record OutcomesJson(List<OutcomeJson> outcomes) {
    }

    @Override
    public Integer call() {
        if ((id == null) == (instance == null)) {
            throw UserError.input("Give the applied plan's ID, or --instance NAME for every applied plan of an instance.");
        }
        OutcomeService outcomes = session.context().outcomes();
        List<OutcomeService.Report> reports = id != null ? List.of(outcomes.measurePlan(id))
                : outcomes.measure(session.context().fleet().require(instance));
        if (json) {
            Json.print(session.out(), new OutcomesJson(reports.stream().map(PlanOutcomeCommand::json).toList()));
        } else if (reports.isEmpty()) {
            session.out().println("No plan has been applied to " + instance + " since outcomes are recorded: apply one with"
                    + " `knobwright plan apply ID`, collect the workload, then ask again.");
        } else {
            reports.forEach(this::print);
        }
        boolean regression = reports.stream().anyMatch(r -> r.outcome().measured()
                .filter(m -> m.verdict() == ApplyOutcome.Verdict.REGRESSION).isPresent());
        return regression ? REGRESSION : ExitCodes.OK;
    }

    private void print(OutcomeService.Report r) {
        ApplyOutcome o = r.outcome();
        var out = session.out();
        out.println("Plan " + o.planId() + " on " + Table.cell(o.instanceName()) + ", applied " + o.finishedAt() + " (run "
                + o.runId() + ")");
        o.prediction().ifPresentOrElse(p -> out.println(String.format(Locale.ROOT,
                        "  predicted: %s -> %s tps, change %+.0f%% [%+.0f%%, %+.0f%%]; p95 %s -> %s ms", number(p.tpsBefore()),
                        number(p.tpsAfter()), p.change() * 100, p.changeLow() * 100, p.changeHigh() * 100,
                        number(p.p95MsBefore()), number(p.p95MsAfter()))),
                () -> out.println("  " + (o.predictionNote().isEmpty() ? "not predicted" : o.predictionNote())));
        out.println("  " + r.status());
        o.measured().filter(m -> m.verdict() == ApplyOutcome.Verdict.REGRESSION).ifPresent(m -> out.println(
                "  FLAGGED: regression after plan " + o.planId() + "."));
        r.revert().ifPresent(plan -> {
            out.println("  Revert proposed as plan " + plan.id() + " (" + plan.state().name().toLowerCase(Locale.ROOT)
                    + "): submit it with `knobwright plan submit " + plan.id() + "`.");
            for (PlannedChange c : plan.changes()) {
                out.println("    " + Table.cell(c.parameter()) + ": " + Table.cell(c.from()) + " -> " + Table.cell(c.to()));
            }
        });
    }

    private static OutcomeJson json(OutcomeService.Report r) {
        ApplyOutcome o = r.outcome();
        PredictionJson predicted = o.prediction().map(p -> new PredictionJson(n(p.tpsBefore()), n(p.tpsAfter()),
                n(p.tpsLow()), n(p.tpsHigh()), n(p.p95MsBefore()), n(p.p95MsAfter()), n(p.change()), n(p.changeLow()),
                n(p.changeHigh()))).orElse(null);
        MeasuredJson measured = o.measured().map(m -> new MeasuredJson(m.at().toString(),
                m.verdict().name().toLowerCase(Locale.ROOT), m.verdict() == ApplyOutcome.Verdict.REGRESSION,
                n(m.tpsBefore()), n(m.tpsAfter()), n(m.change()), n(m.noiseBefore()), n(m.noiseAfter()),
                m.samplesBefore(), m.samplesAfter(), n(m.clientsBefore()), n(m.clientsAfter()), n(m.queryMsBefore()),
                n(m.queryMsAfter()), m.observationBefore(), m.observationAfter(),
                m.revertPlanId() > 0 ? m.revertPlanId() : null, m.summary())).orElse(null);
        RevertJson revert = r.revert().map(PlanOutcomeCommand::revert).orElse(null);
        return new OutcomeJson(o.planId(), o.runId(), o.instanceName(), o.finishedAt().toString(), o.model(),
                o.predictionNote(), o.settingsBefore(), o.settingsAfter(), predicted, measured, r.status(), revert);
    }

    private static RevertJson revert(ChangePlan plan) {
        return new RevertJson(plan.id(), plan.state().name().toLowerCase(Locale.ROOT), plan.changes().stream()
                .map(c -> new ChangeJson(c.parameter(), c.from(), c.to())).toList());
    }

    /** JSON has no NaN: a figure that was not measured is null. */
    private static Double n(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String number(double v) {
        return !Double.isFinite(v) ? "?" : v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
