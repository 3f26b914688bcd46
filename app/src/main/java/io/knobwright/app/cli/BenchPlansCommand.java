package io.knobwright.app.cli;

import io.knobwright.app.bench.PlanBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "plans", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures drift of a generated fleet whose every instance has settings and a template, and",
                "planning a template offline for 1,000 of its PostgreSQL instances, on an in-memory store (your data",
                "directory is not touched). Exits with 0 when every target is met, 1 otherwise."})
final class BenchPlansCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "5000", description = "Fleet size (default ${DEFAULT-VALUE}).")
    private int instances;

    BenchPlansCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instances < 1 || instances > 100_000) {
            throw UserError.input("--instances must be between 1 and 100000, got " + instances + ".");
        }
        PlanBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = PlanBench.run(instances, out);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: drift or planning missed its target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
