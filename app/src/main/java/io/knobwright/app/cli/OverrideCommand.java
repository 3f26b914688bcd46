package io.knobwright.app.cli;

import io.knobwright.app.override.OverrideRequest;
import io.knobwright.app.override.OverrideResult;
import io.knobwright.app.override.Restoration;
import io.knobwright.model.UserError;
import io.knobwright.model.approval.GovernanceRefusal;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.policy.PolicyFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "override", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Emergency overrides: a parameter changed now, on one or more instances, that restores itself at a deadline",
                "(also when the deadline passes while nothing runs: the next start of the workbench or of any command restores it)."})
final class OverrideCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use one of apply, list, extend, cancel, restore.");
    }

    /** The JSON of one override: the fields scripts read. */
    record OverrideJson(long id, String batch, String instance, String parameter, String value, String prior, String state,
                        String actor, String reason, String createdAt, String deadline, long secondsLeft, long stackedOn,
                        int attempts, String lastError, String nextAttemptAt, String endedAt, String endedBy, String note,
                        long planId) {
        static OverrideJson of(EmergencyOverride o, Instant now) {
            return new OverrideJson(o.id(), o.batch(), o.instanceName(), o.parameter(), o.value(), o.prior(),
                    o.state().name().toLowerCase(Locale.ROOT), o.actor(), o.reason(), o.createdAt().toString(),
                    o.deadline().toString(), Math.max(0, Duration.between(now, o.deadline()).toSeconds()), o.stackedOn(),
                    o.attempts(), o.lastError(), text(o.nextAttemptAt()), text(o.endedAt()), o.endedBy(), o.note(), o.planId());
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }

    static String left(EmergencyOverride o, Instant now) {
        Duration d = Duration.between(now, o.deadline());
        if (d.isNegative() || d.isZero()) {
            return "due";
        }
        long s = d.toSeconds();
        return s >= 3600 ? "%dh%02dm".formatted(s / 3600, s % 3600 / 60) : "%dm%02ds".formatted(s / 60, s % 60);
    }

    static void table(CliSession session, List<EmergencyOverride> overrides, Instant now) {
        Table table = new Table("ID", "INSTANCE", "PARAMETER", "VALUE", "WAS", "STATE", "LEFT", "BY", "REASON");
        for (EmergencyOverride o : overrides) {
            String state = o.state().name().toLowerCase(Locale.ROOT) + (o.restoreFailing() ? " (restore failing x" + o.attempts() + ")" : "")
                    + (o.stackedOn() == 0 ? "" : " on #" + o.stackedOn());
            table.row(o.id(), o.instanceName(), o.parameter(), o.value(), o.prior() == null ? "default" : o.prior(), state,
                    o.state().live() ? left(o, now) : "", o.actor(), Table.clip(o.reason(), 40));
        }
        table.print(session.out());
    }

    static Duration duration(String text, String option) {
        try {
            return PolicyFile.duration(text, option);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Sets parameters now on one or more instances, and schedules putting them back at the deadline.",
                    "Each instance's parameters are applied all or nothing; only settings that take effect without a restart.",
                    "Needs the operator role; a locked parameter breaks the glass (a reason of 10+ characters, a review).",
                    "Exit 0 when every instance has its overrides; otherwise the code of the first failure."})
    static final class Apply implements Callable<Integer> {

        private final CliSession session;

        @Option(names = "--instance", required = true, paramLabel = "NAME", description = "The instance (repeat for several).")
        private List<String> instances;

        @Option(names = "--set", required = true, paramLabel = "NAME=VALUE", description = "A parameter and its value (repeat for several).")
        private List<String> settings;

        @Option(names = "--for", required = true, paramLabel = "DURATION", description = "How long: 30m, 2h, 1d, PT45M (at most 7 days).")
        private String duration;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why: the incident, for the audit trail.")
        private String reason;

        @Option(names = "--stack", description = "Put the override on top of one that already holds the parameter (it then restores to that one's value).")
        private boolean stack;

        @Option(names = "--json", description = "Print the result as JSON.")
        private boolean json;

        Apply(CliSession session) {
            this.session = session;
        }

        record ApplyJson(String batch, String deadline, boolean applied, List<InstanceJson> instances) {
        }

        record InstanceJson(String instance, boolean applied, String error, List<OverrideJson> overrides) {
        }

        @Override
        public Integer call() {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (String s : settings) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw UserError.input("--set '" + s + "' is not NAME=VALUE (for example --set work_mem=256MB).");
                }
                if (wanted.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip()) != null) {
                    throw UserError.input("--set names " + s.substring(0, eq).strip() + " twice.");
                }
            }
            OverrideRequest request = new OverrideRequest(instances, wanted, duration(duration, "--for"), reason, stack);
            OverrideResult result = session.context().overrides().apply(session.actor(), request);
            Instant now = Instant.now();
            if (json) {
                Json.print(session.out(), new ApplyJson(result.batch(), result.deadline().toString(), result.allApplied(),
                        result.instances().stream().map(i -> new InstanceJson(i.instance(), i.applied(), i.error(),
                                i.overrides().stream().map(o -> OverrideJson.of(o, now)).toList())).toList()));
            } else {
                List<EmergencyOverride> applied = new ArrayList<>();
                result.instances().forEach(i -> applied.addAll(i.overrides()));
                if (!applied.isEmpty()) {
                    table(session, applied, now);
                    session.out().println("Restores at " + result.deadline() + " (in " + left(applied.getFirst(), now)
                            + "). Extend with `knobwright override extend ID --by 30m --reason TEXT`.");
                }
                for (OverrideResult.OnInstance i : result.instances()) {
                    if (!i.applied()) {
                        session.err().println("knobwright: " + Cli.oneLine(i.error()));
                    }
                }
            }
            return result.instances().stream().filter(i -> !i.applied()).findFirst().map(i -> exit(i.failure()))
                    .orElse(ExitCodes.OK);
        }
    }

    static int exit(UserError failure) {
        return failure instanceof GovernanceRefusal ? ExitCodes.REFUSED : Cli.exitCode(failure.kind());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Lists live overrides (soonest deadline first), with failing restorations flagged; --all adds ended ones.")
    static final class ListOverrides implements Callable<Integer> {

        private final CliSession session;

        @Option(names = "--all", description = "Also the most recent ended overrides (restored, kept, failed).")
        private boolean all;

        @Option(names = "--json", description = "Print a JSON array.")
        private boolean json;

        ListOverrides(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            var service = session.context().overrides();
            List<EmergencyOverride> shown = all ? service.recent(200) : service.live();
            Instant now = Instant.now();
            if (json) {
                Json.print(session.out(), shown.stream().map(o -> OverrideJson.of(o, now)).toList());
            } else if (shown.isEmpty()) {
                session.out().println(all ? "No overrides yet." : "No live overrides.");
            } else {
                table(session, shown, now);
                long failing = shown.stream().filter(EmergencyOverride::restoreFailing).count();
                if (failing > 0) {
                    session.out().println(failing + " restoration(s) failing: retried with backoff until they succeed, or"
                            + " act with `override restore ID` or `override cancel ID`.");
                }
            }
            return ExitCodes.OK;
        }
    }

    /** --by or --until: exactly one. */
    static final class NewDeadline {
        @Option(names = "--by", required = true, paramLabel = "DURATION", description = "Later by this much (from the current deadline).")
        String by;

        @Option(names = "--until", required = true, paramLabel = "TIME", description = "At this time (ISO-8601, e.g. 2026-12-06T18:00:00Z).")
        String until;
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Moves an active override's deadline later (audited).")
    static final class Extend implements Callable<Integer> {

        private final CliSession session;

        @Parameters(paramLabel = "ID")
        private long id;

        @ArgGroup(multiplicity = "1")
        private NewDeadline deadline;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it must last longer.")
        private String reason;

        @Option(names = "--json", description = "Print the override as JSON.")
        private boolean json;

        Extend(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Instant until = null;
            if (deadline.until != null) {
                try {
                    until = Instant.parse(deadline.until.strip());
                } catch (DateTimeParseException e) {
                    throw UserError.input("--until '" + deadline.until + "' is not a time: write it as 2026-12-06T18:00:00Z.");
                }
            }
            Duration by = deadline.by == null ? null : duration(deadline.by, "--by");
            EmergencyOverride o = session.context().overrides().extend(session.actor(), id, by, until, reason);
            if (json) {
                Json.print(session.out(), OverrideJson.of(o, Instant.now()));
            } else {
                session.out().println("Override " + id + " (" + o.parameter() + " on " + o.instanceName() + ") now restores at "
                        + o.deadline() + " (in " + left(o, Instant.now()) + ").");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Cancels an override's restoration: its value stays, as ordinary configuration (audited).",
                    "To put the old value back now, use `override restore`."})
    static final class Cancel implements Callable<Integer> {

        private final CliSession session;

        @Parameters(paramLabel = "ID")
        private long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the value is kept.")
        private String reason;

        @Option(names = "--json", description = "Print the ended overrides as JSON.")
        private boolean json;

        Cancel(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<EmergencyOverride> ended = session.context().overrides().cancel(session.actor(), id, reason);
            if (json) {
                Instant now = Instant.now();
                Json.print(session.out(), ended.stream().map(o -> OverrideJson.of(o, now)).toList());
            } else {
                EmergencyOverride o = ended.getFirst();
                session.out().println("Override " + id + " cancelled: " + o.parameter() + " on " + o.instanceName() + " keeps "
                        + o.value() + "; nothing will restore it." + (ended.size() > 1 ? " Also ended (stacked under it): "
                        + String.join(", ", ended.subList(1, ended.size()).stream().map(e -> "#" + e.id()).toList()) + "." : ""));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Restores an override now instead of at its deadline (also one flagged for attention, or whose",
                    "restoration keeps failing). Exit 0 restored, 3 the server could not be reached (retried by the scheduler)."})
    static final class Restore implements Callable<Integer> {

        private final CliSession session;

        @Parameters(paramLabel = "ID")
        private long id;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why now (for the audit trail).")
        private String reason;

        @Option(names = "--json", description = "Print the override as JSON.")
        private boolean json;

        Restore(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Restoration r = session.context().overrides().restoreNow(session.actor(), id, reason);
            if (json) {
                Json.print(session.out(), OverrideJson.of(r.override(), Instant.now()));
            } else {
                (r.restored() ? session.out() : session.err()).println((r.restored() ? "" : "knobwright: ") + r.message());
            }
            return r.restored() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
        }
    }
}
