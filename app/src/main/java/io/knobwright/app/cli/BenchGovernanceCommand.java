package io.knobwright.app.cli;

import io.knobwright.app.bench.GovernanceBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "governance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures what governance adds to a plan submission (policy evaluation, risk, the copied rule, the",
                "audit record, queued webhooks) on a store in a temporary directory; your data directory is not touched.",
                "Exits with 0 when p99 is under 10 ms, 1 otherwise."})
final class BenchGovernanceCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--plans", paramLabel = "N", defaultValue = "2000", description = "Submissions measured (default ${DEFAULT-VALUE}).")
    private int plans;

    BenchGovernanceCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (plans < 10 || plans > 100_000) {
            throw UserError.input("--plans must be between 10 and 100000, got " + plans + ".");
        }
        GovernanceBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = GovernanceBench.run(plans, out);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: governance missed its target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
