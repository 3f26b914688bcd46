package io.knobwright.app.cli;

import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.ShownAlert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "alerts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The fleet's alerts: connections near their limit, sessions idle in transaction, restarts waiting, ...")
final class AlertsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use list.");
    }

    /** One alert as scripts read it; silencedBy is the maintenance window's reason, null when active. */
    record AlertJson(String instance, String kind, String severity, String title, List<String> evidence, String since,
                     boolean silenced, String silencedBy) {
        static AlertJson of(ShownAlert s) {
            var a = s.alert();
            return new AlertJson(a.instanceName(), a.kind().name().toLowerCase(Locale.ROOT),
                    a.severity().name().toLowerCase(Locale.ROOT), a.title(), a.evidence(), a.since().toString(),
                    s.silenced(), s.silencedBy().map(w -> w.reason() + " (" + w.describeTime() + ", set by " + w.setBy() + ")")
                            .orElse(null));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Lists the alerts holding now, worst first; alerts inside a maintenance window are listed as",
                    "silenced, with the window's reason. Reads the stored series: run the workbench or 'daemon' to poll.",
                    "Exit 0 with no active alert, 1 when a CRITICAL one is active."})
    static final class ListAlerts implements Callable<Integer> {

        private final CliSession session;

        @Option(names = "--instance", paramLabel = "NAME", description = "Only this instance.")
        private String instance;

        @Option(names = "--json", description = "Print a JSON array: instance, kind, severity, title, evidence, since,"
                + " silenced, silencedBy.")
        private boolean json;

        ListAlerts(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            String only = instance == null ? null : session.context().fleet().require(instance).name();
            AlertEvaluator.Evaluation evaluation = session.context().alerts().evaluate();
            List<ShownAlert> shown = evaluation.alerts().stream()
                    .filter(s -> only == null || s.alert().instanceName().equals(only)).toList();
            if (json) {
                Json.print(session.out(), shown.stream().map(AlertJson::of).toList());
            } else if (shown.isEmpty()) {
                session.out().println(only == null ? "No alerts." : "No alerts on " + only + ".");
            } else {
                Table table = new Table("SEVERITY", "INSTANCE", "TITLE", "SINCE", "SILENCED", "EVIDENCE");
                for (ShownAlert s : shown) {
                    var a = s.alert();
                    table.row(a.severity().name().toLowerCase(Locale.ROOT), a.instanceName(), a.title(), a.since(),
                            s.silencedBy().map(w -> Table.clip(w.reason(), 30)).orElse(""),
                            Table.clip(String.join("; ", a.evidence()), 80));
                }
                table.print(session.out());
            }
            evaluation.failedSources().forEach(f -> session.err().println("Alert source failed: " + f));
            boolean critical = shown.stream().anyMatch(s -> !s.silenced()
                    && s.alert().severity() == io.knobwright.model.health.AlertSeverity.CRITICAL);
            return critical ? 1 : ExitCodes.OK;
        }
    }
}
