package io.knobwright.app.cli;

import io.knobwright.app.governance.AuditService;
import io.knobwright.model.audit.AuditVerification;
import io.knobwright.model.file.UserFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The tamper-evident audit trail: every governed change and every refused attempt, hash-chained.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use verify or export.");
    }

    record VerifyJson(boolean intact, long records, long firstBroken, String problem, String head) {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Checks the whole chain; names the first record that was edited, removed, inserted or reordered.",
                    "Exit 0 when intact, 5 when broken."})
    static final class Verify implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print the outcome as JSON.")
        private boolean json;

        Verify(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            AuditVerification v = session.context().audit().verify();
            if (json) {
                Json.print(session.out(), new VerifyJson(v.intact(), v.records(), v.firstBroken(), v.problem(), v.head()));
            } else if (v.intact()) {
                session.out().println("Audit chain intact: " + v.records() + " record" + (v.records() == 1 ? "" : "s")
                        + ", head " + v.head());
            } else {
                session.out().println("Audit chain BROKEN at record " + v.firstBroken() + ": " + v.problem());
                session.out().println("Records before " + v.firstBroken() + " verified. Keep a copy of the store as evidence"
                        + " and compare with an earlier export or the hub.");
            }
            return v.intact() ? ExitCodes.OK : ExitCodes.AUDIT_BROKEN;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Writes every record, with the fields its hash covers, as CSV or JSON; an existing file is replaced",
                    "only with --force."})
    static final class Export implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or json.")
        private String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it.")
        private Path out;

        @Option(names = "--force", description = "Replace FILE if it exists.")
        private boolean force;

        Export(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            AuditService.Format f = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> AuditService.Format.CSV;
                case "json" -> AuditService.Format.JSON;
                default -> throw io.knobwright.model.UserError.input("--format '" + format + "' is not csv or json");
            };
            long[] count = {0};
            UserFileWriter.write(out, PolicyCommand.existing(force), stream -> count[0] = session.context().audit().export(f, stream));
            session.out().println("Wrote " + count[0] + " audit record" + (count[0] == 1 ? "" : "s") + " to " + out + ".");
            return ExitCodes.OK;
        }
    }
}
