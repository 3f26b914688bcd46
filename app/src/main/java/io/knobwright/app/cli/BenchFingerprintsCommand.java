package io.knobwright.app.cli;

import io.knobwright.app.bench.FingerprintBench;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "fingerprints", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures statement fingerprinting on generated SQL (MB/s on one and two threads) and the heap a",
                "digest of 100,000 unique fingerprints holds; in memory, your data directory is not touched. Takes",
                "about 25 s. Exits 0 when every target is met, 1 otherwise."})
final class BenchFingerprintsCommand implements Callable<Integer> {

    private final CliSession session;

    BenchFingerprintsCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        FingerprintBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = FingerprintBench.run(out);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: fingerprinting missed a target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
