package io.knobwright.app.cli;

import io.knobwright.app.bench.TemplateBench;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "templates", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures resolving, validating and diffing a template for one instance, and planning it for",
                "1,000 instances, on an in-memory store (your data directory is not touched)."})
final class BenchTemplatesCommand implements Callable<Integer> {

    private final CliSession session;

    BenchTemplatesCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        try (PrintStream out = WriterStream.of(session.out())) {
            new TemplateBench().run(out);
        }
        return ExitCodes.OK;
    }
}
