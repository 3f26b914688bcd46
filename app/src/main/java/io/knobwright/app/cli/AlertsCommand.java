package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertKind;
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
        throw Cli.usage(spec.commandLine(), "Missing command: use list or ack.");
    }

    /**
     * One alert as scripts read it; silencedBy is the maintenance window's reason, null when active. Fields added later
     * come after the first eight: id (what 'alerts ack --id' takes), acknowledged, acknowledgedBy, acknowledgedAt,
     * acknowledgeComment (null when not acknowledged).
     */
    record AlertJson(String instance, String kind, String severity, String title, List<String> evidence, String since,
                     boolean silenced, String silencedBy, String id, boolean acknowledged, String acknowledgedBy,
                     String acknowledgedAt, String acknowledgeComment) {
        static AlertJson of(ShownAlert s) {
            var a = s.alert();
            var ack = s.acknowledgement();
            return new AlertJson(a.instanceName(), a.kind().name().toLowerCase(Locale.ROOT),
                    a.severity().name().toLowerCase(Locale.ROOT), a.title(), a.evidence(), a.since().toString(),
                    s.silenced(), s.silencedBy().map(w -> w.reason() + " (" + w.describeTime() + ", set by " + w.setBy() + ")")
                            .orElse(null), a.key(), s.acknowledged(), ack.map(k -> k.by()).orElse(null),
                    ack.map(k -> k.at().toString()).orElse(null), ack.map(k -> k.comment()).orElse(null));
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
                + " silenced, silencedBy, id, acknowledged, acknowledgedBy, acknowledgedAt, acknowledgeComment.")
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
                Table table = new Table("ID", "SEVERITY", "INSTANCE", "TITLE", "SINCE", "SILENCED", "ACK BY", "EVIDENCE");
                for (ShownAlert s : shown) {
                    var a = s.alert();
                    table.row(a.key(), a.severity().name().toLowerCase(Locale.ROOT), a.instanceName(), a.title(), a.since(),
                            s.silencedBy().map(w -> Table.clip(w.reason(), 30)).orElse(""), s.acknowledgedBy().orElse(""),
                            Table.clip(String.join("; ", a.evidence()), 80));
                }
                table.print(session.out());
            }
            evaluation.failedSources().forEach(f -> session.err().println("Alert source failed: " + f));
            // a cron job running 'alerts list' is a way to be told: the raises and clears it queued go out now
            if (session.context().policy().policy().policy().webhooks().stream().anyMatch(h -> h.wants(
                    io.knobwright.model.notify.WebhookEvent.Type.ALERT_RAISED) || h.wants(
                    io.knobwright.model.notify.WebhookEvent.Type.ALERT_CLEARED))) {
                AfterGovernedChange.sendWebhooks(session);
            }
            boolean critical = shown.stream().anyMatch(s -> !s.silenced()
                    && s.alert().severity() == io.knobwright.model.health.AlertSeverity.CRITICAL);
            return critical ? 1 : ExitCodes.OK;
        }
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Acknowledges an alert that holds now: it stays listed (marked with who and when) until it",
                    "clears; a recurrence after that is a new alert. Give --id (from 'alerts list') or --instance and --kind."})
    static final class Ack implements Callable<Integer> {

        private final CliSession session;

        @Option(names = "--id", paramLabel = "ID", description = "The alert's id as 'alerts list' shows it, e.g. 12:CONNECTIONS_NEAR_LIMIT.")
        private String id;

        @Option(names = "--instance", paramLabel = "NAME", description = "The alert's instance (with --kind).")
        private String instance;

        @Option(names = "--kind", paramLabel = "KIND", description = "The alert's kind, e.g. connections_near_limit (with --instance).")
        private String kind;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why, or what is being done, for colleagues.")
        private String comment;

        @Option(names = "--json", description = "Print the acknowledged alert's id, acknowledgedBy, acknowledgedAt, comment.")
        private boolean json;

        Ack(CliSession session) {
            this.session = session;
        }

        record AckJson(String id, String acknowledgedBy, String acknowledgedAt, String comment) {
        }

        @Override
        public Integer call() {
            String key;
            if (id != null && instance == null && kind == null) {
                key = id.strip();
            } else if (id == null && instance != null && kind != null) {
                long instanceId = session.context().fleet().require(instance).id();
                key = instanceId + ":" + kindOf(kind).name();
            } else {
                throw UserError.input("Give either --id ID (from 'alerts list') or both --instance NAME and --kind KIND.");
            }
            var ack = session.context().alerts().acknowledge(key, session.context().localUser(), comment);
            if (json) {
                Json.print(session.out(), new AckJson(key, ack.by(), ack.at().toString(), ack.comment()));
            } else {
                session.out().println("Alert " + key + " acknowledged by " + ack.by() + " at " + ack.at() + ".");
            }
            return ExitCodes.OK;
        }

        private static AlertKind kindOf(String text) {
            try {
                return AlertKind.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw UserError.input("No alert kind is called '" + text + "'. Known: " + java.util.Arrays.stream(AlertKind.values())
                        .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ")) + ".");
            }
        }
    }
}
