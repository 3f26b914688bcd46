package io.knobwright.app.cli;

import io.knobwright.app.backup.BackupService;
import io.knobwright.connectors.backup.RestoreReport;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.fleet.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Verifies one backup by what it is: a plain pg_basebackup directory with pg_verifybackup, a pg_dump",
                "archive with pg_restore --list and a full read of its data, a pg_dump or mariadb-dump SQL file by its header,",
                "footer and unclosed statements, gzip files whole first; every problem is named by file. With --instance the",
                "result is stored (its checksums become the reference for the next verification of the same path) and the",
                "instance's RPO compliance and missed schedules are printed. With --restore a pg_dump (archive or plain SQL) is",
                "also restored into an embedded PostgreSQL: tables, rows and indexes are counted, each error is named.",
                "Exit codes: 0 good; 5 damaged or unreadable (as 'audit verify' for a broken chain); 1 nothing could be",
                "checked (a tool is missing, or the path is not a backup) or a bad argument."})
final class BackupVerifyCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--path", required = true, paramLabel = "P", description = "The backup directory or dump file.")
    private Path path;

    @Option(names = "--instance", paramLabel = "NAME", description = "The instance (id or exact name) the backup belongs to;"
            + " stores the result.")
    private String instance;

    @Option(names = "--json", description = "Print JSON: {path, kind, status, problems: [{file, kind, message}], checksums,"
            + " backupTime, sizeBytes, instance, facts, restore}; instance is null without --instance, else {instance, rpo,"
            + " lastGoodBackup, sinceLastGood, compliant, scheduleInterval, missedSchedules}; restore is null without"
            + " --restore, else {done, note, server, serverMajor, dumpMajor, versionGap, tool, seconds, tableCount, rows,"
            + " indexes, errors, tables: [{table, rows}]}.")
    private boolean json;

    @Option(names = "--restore", description = "Also restore a pg_dump archive or plain pg_dump SQL into an embedded"
            + " PostgreSQL (started and removed for it; its data needs as much room in the temporary directory as the"
            + " database); progress goes to stderr. A restore error makes the backup damaged (exit 5).")
    private boolean restore;

    BackupVerifyCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Optional<Instance> owner = instance == null ? Optional.empty() : Optional.of(session.context().fleet().require(instance));
        BackupService.Outcome outcome = restore
                ? session.context().backups().verifyAndRestore(path, owner, line -> {
                    session.err().println(line);
                    session.err().flush();
                })
                : session.context().backups().verify(path, owner);
        BackupVerification v = outcome.verification();
        if (json) {
            Json.print(session.out(), json(outcome, restore));
        } else {
            print(outcome);
        }
        return exitCode(v.status());
    }

    static int exitCode(BackupStatus status) {
        return switch (status) {
            case GOOD -> ExitCodes.OK;
            case DAMAGED, UNREADABLE -> ExitCodes.AUDIT_BROKEN;
            case UNCHECKED -> ExitCodes.USER_ERROR;
        };
    }

    private void print(BackupService.Outcome outcome) {
        BackupVerification v = outcome.verification();
        var out = session.out();
        out.println(Table.cell(v.path()) + ": " + v.status() + " (" + v.kind().label() + ")");
        out.println("  taken " + v.takenAt() + ", " + v.bytes() + " bytes, " + v.checksums().size() + " files checksummed");
        v.facts().forEach((k, val) -> out.println("  " + k + ": " + Table.cell(val)));
        outcome.restore().ifPresent(r -> r.tables().forEach(t -> out.println("  restored " + Table.cell(t.name()) + ": "
                + t.rows() + " rows")));
        for (BackupProblem p : v.problems()) {
            out.println("  problem: " + Table.cell(p.describe()));
        }
        outcome.instance().ifPresent(i -> {
            out.println(Table.cell(i.instance().name()) + ": stored as verification " + i.recordId() + "; RPO "
                    + human(i.rpo().rpo()) + ", " + i.rpo().sinceLastGood().map(d -> "last good backup " + human(d) + " ago")
                    .orElse("no good backup yet") + (i.rpo().compliant() ? " (compliant)" : " (NOT compliant)"));
            if (i.schedule().interval() != null) {
                out.println("  schedule every " + human(i.schedule().interval()) + (i.schedule().inferred() ? " (inferred)" : "")
                        + ", missed: " + (i.schedule().missed().isEmpty() ? "none" : i.schedule().missed()));
            }
        });
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 120 ? String.format(Locale.ROOT, "%.1f h", minutes / 60.0) : minutes + " min";
    }

    record ProblemJson(String file, String kind, String message) {
    }

    record InstanceJson(String instance, String rpo, String lastGoodBackup, String sinceLastGood, boolean compliant,
                        String scheduleInterval, List<String> missedSchedules) {
    }

    record TableJson(String table, long rows) {
    }

    record RestoreJson(boolean done, String note, String server, Integer serverMajor, Integer dumpMajor, Boolean versionGap,
                       String tool, Long seconds, Integer tableCount, Long rows, Long indexes, Integer errors,
                       List<TableJson> tables) {
        static RestoreJson of(BackupVerification v, Optional<RestoreReport> report) {
            String note = v.facts().get("restore version gap") != null ? v.facts().get("restore version gap") : v.facts().get("restore");
            return report.map(r -> new RestoreJson(true, note, r.server(), r.serverMajor(), r.dumpMajor() == 0 ? null : r.dumpMajor(),
                    r.versionGap(), r.tool(), r.took().toSeconds(), r.tables().size(), r.rows(), r.indexes(), r.errors(),
                    r.tables().stream().map(t -> new TableJson(t.name(), t.rows())).toList()))
                    .orElseGet(() -> new RestoreJson(false, note != null ? note : "not done: see the problems", null, null, null,
                            null, null, null, null, null, null, null, List.of()));
        }
    }

    record VerificationJson(String path, String kind, String status, List<ProblemJson> problems, int checksums,
                            String backupTime, long sizeBytes, InstanceJson instance, java.util.Map<String, String> facts,
                            RestoreJson restore) {
    }

    static VerificationJson json(BackupService.Outcome outcome, boolean restoreAsked) {
        BackupVerification v = outcome.verification();
        List<ProblemJson> problems = v.problems().stream()
                .map(p -> new ProblemJson(p.file(), p.kind().name(), p.kind().label() + (p.detail().isEmpty() ? "" : ": " + p.detail())))
                .toList();
        InstanceJson instance = outcome.instance().map(i -> new InstanceJson(i.instance().name(), i.rpo().rpo().toString(),
                Optional.ofNullable(i.rpo().lastGood()).map(Instant::toString).orElse(null),
                i.rpo().sinceLastGood().map(Duration::toString).orElse(null), i.rpo().compliant(),
                Optional.ofNullable(i.schedule().interval()).map(Duration::toString).orElse(null),
                i.schedule().missed().stream().map(Instant::toString).toList())).orElse(null);
        return new VerificationJson(v.path(), v.kind().name(), v.status().name(), problems, v.checksums().size(),
                v.takenAt().toString(), v.bytes(), instance, v.facts(), restoreAsked ? RestoreJson.of(v, outcome.restore()) : null);
    }
}
