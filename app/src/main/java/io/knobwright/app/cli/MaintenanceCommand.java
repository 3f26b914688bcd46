package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.health.MaintenanceWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "maintenance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Maintenance windows: planned restarts and bulk loads. Alerts inside a window are listed as silenced",
                "and not notified; failed or overdue backups are never silenced."})
final class MaintenanceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use add, list or remove.");
    }

    record WindowJson(long id, String instance, String tag, String from, String to, String weekly, String reason,
                      String setBy) {
        static WindowJson of(MaintenanceWindow w) {
            return new WindowJson(w.id(), w.byTag() ? null : w.scope(), w.byTag() ? w.scope() : null,
                    w.from() == null ? null : w.from().toString(), w.to() == null ? null : w.to().toString(),
                    w.weekly() == null ? null : w.weekly().toString(), w.reason(), w.setBy());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Adds a window: --instance NAME or --tag key=value, and --from/--to (ISO-8601 instants, e.g.",
                    "2026-12-06T02:00:00Z) or --weekly 'Sun 02:00-04:00' (UTC; an end before the start runs past midnight)."})
    static final class Add implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--instance", paramLabel = "NAME") private String instance;
        @Option(names = "--tag", paramLabel = "KEY=VALUE") private String tag;
        @Option(names = "--from", paramLabel = "INSTANT") private String from;
        @Option(names = "--to", paramLabel = "INSTANT") private String to;
        @Option(names = "--weekly", paramLabel = "'DAY HH:MM-HH:MM'") private String weekly;
        @Option(names = "--reason", required = true, description = "Shown next to every alert it silences.")
        private String reason;
        @Option(names = "--json", description = "Print the stored window as JSON.") private boolean json;

        Add(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            if ((instance == null) == (tag == null)) {
                throw UserError.input("Give either --instance NAME or --tag key=value.");
            }
            if (weekly != null && (from != null || to != null)) {
                throw UserError.input("Give either --weekly or --from and --to, not both.");
            }
            MaintenanceWindow w;
            try {
                w = new MaintenanceWindow(0, instance != null ? instance : tag, tag != null,
                        weekly == null ? instant(from, "--from") : null, weekly == null ? instant(to, "--to") : null,
                        weekly == null ? null : MaintenanceWindow.Weekly.parse(weekly), reason,
                        session.context().localUser());
            } catch (IllegalArgumentException e) {
                throw UserError.input(e.getMessage());
            }
            MaintenanceWindow stored = session.context().alerts().addWindow(w);
            if (json) {
                Json.print(session.out(), WindowJson.of(stored));
            } else {
                session.out().println("Maintenance window " + stored.id() + " on " + stored.scope() + ": "
                        + stored.describeTime() + " (" + stored.reason() + ").");
            }
            return ExitCodes.OK;
        }

        private static Instant instant(String text, String option) {
            if (text == null) {
                throw UserError.input("Give --from and --to (e.g. 2026-12-06T02:00:00Z), or --weekly 'Sun 02:00-04:00'.");
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw UserError.input(option + " '" + text + "' is not an instant; write it as 2026-12-06T02:00:00Z.");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Lists the maintenance windows.")
    static final class ListWindows implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print a JSON array.") private boolean json;

        ListWindows(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            var windows = session.context().alerts().windows();
            if (json) {
                Json.print(session.out(), windows.stream().map(WindowJson::of).toList());
            } else if (windows.isEmpty()) {
                session.out().println("No maintenance windows.");
            } else {
                Table table = new Table("ID", "ON", "WHEN", "REASON", "SET BY");
                windows.forEach(w -> table.row(w.id(), (w.byTag() ? "tag " : "") + w.scope(), w.describeTime(),
                        Table.clip(w.reason(), 40), w.setBy()));
                table.print(session.out());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Removes a maintenance window by its id (see 'maintenance list').")
    static final class Remove implements Callable<Integer> {
        private final CliSession session;

        @Parameters(paramLabel = "ID") private long id;

        Remove(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.context().alerts().removeWindow(id);
            session.out().println("Maintenance window " + id + " removed.");
            return ExitCodes.OK;
        }
    }
}
