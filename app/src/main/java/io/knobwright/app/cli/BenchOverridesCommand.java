package io.knobwright.app.cli;

import io.knobwright.app.bench.OverrideBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "overrides", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures an emergency override's apply and restore against a real PostgreSQL (p50/p99 over --runs),",
                "on a store in a temporary directory; your data directory is not touched. The server's work_mem is",
                "overridden and restored each run and ends as it was. Exits 0 when both p99 are under 250 ms, 1 otherwise."})
final class BenchOverridesCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
            description = "The server (default ${DEFAULT-VALUE}); its user needs ALTER SYSTEM (a superuser).")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "Default ${DEFAULT-VALUE}.")
    private String user;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Overrides measured (default ${DEFAULT-VALUE}).")
    private int runs;

    BenchOverridesCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (runs < 10 || runs > 10_000) {
            throw UserError.input("--runs must be between 10 and 10000, got " + runs + ".");
        }
        OverrideBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = OverrideBench.run(jdbcUrl, user, runs, out);
        }
        if (result.meetsTarget()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: overrides missed their target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
