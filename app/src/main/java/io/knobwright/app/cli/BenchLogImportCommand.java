package io.knobwright.app.cli;

import io.knobwright.app.bench.LogImportBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "log-import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures the PostgreSQL stderr log import: generates a log of --size MB in a temporary directory",
                "(deleted after), parses it with 1 and 2 threads and prints MB/s next to the target (>= 300 MB/s on 2",
                "cores). Parse only for now. Needs --size MB of free space in the temporary directory.",
                "Exits 0 when the target is met, 1 otherwise."})
final class BenchLogImportCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--size", paramLabel = "MB", defaultValue = "2048",
            description = "Size of the generated log in MB (default ${DEFAULT-VALUE}).")
    private long sizeMb;

    BenchLogImportCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (sizeMb < 16 || sizeMb > 65_536) {
            throw UserError.input("--size must be between 16 and 65536 MB, got " + sizeMb + ".");
        }
        LogImportBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = LogImportBench.run(sizeMb << 20, out);
        }
        if (result.meetsTarget()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: the log import missed its target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
