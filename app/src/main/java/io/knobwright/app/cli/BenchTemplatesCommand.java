package io.knobwright.app.cli;

import io.knobwright.app.bench.TemplateBench;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "templates", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures the template editor's check after an edit (validate against every targeted version,",
                "resolve for an instance, diff with its settings) on an in-memory store (your data directory is not",
                "touched). Exits with 0 when the target is met, 1 otherwise."})
final class BenchTemplatesCommand implements Callable<Integer> {

    private final CliSession session;

    BenchTemplatesCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        TemplateBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = TemplateBench.run(out);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: the template check missed its target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
