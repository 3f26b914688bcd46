package io.knobwright.app.cli;

import io.knobwright.app.bench.StartupBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "startup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Times CLI commands (--version, fleet list, plan list, policy list, user list, audit verify) as",
                "fresh processes of this jar, with its AOT cache when there is one, on a temporary store (your data",
                "directory is not touched). Exits with 0 when every median is under 1 s, 1 otherwise."})
final class BenchStartupCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--runs", defaultValue = "10", description = "Runs per command after the warm-up (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = {"Also time `override apply` and `override restore` against this PostgreSQL (e.g.",
                    "jdbc:postgresql://127.0.0.1:5432/postgres); its user needs ALTER SYSTEM. work_mem is overridden and restored."})
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "Default ${DEFAULT-VALUE}.")
    private String user;

    BenchStartupCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        StartupBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = StartupBench.run(out, runs, jdbcUrl, user);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: a command's start missed the 1 s target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
