package io.knobwright.app.cli;

import io.knobwright.app.bench.FleetBrowserBench;
import io.knobwright.model.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "fleet-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures the fleet browser on a generated in-memory fleet: time until the window is usable,",
                "one search keystroke, heap. Without a display it uses JavaFX's headless platform.",
                "Exits with 0 when every target is met, 1 otherwise. Loads JavaFX, unlike every other command."})
final class BenchFleetUiCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "5000", description = "Fleet size (default ${DEFAULT-VALUE}).")
    private int instances;

    BenchFleetUiCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        if (instances < 1 || instances > 1_000_000) {
            throw UserError.input("--instances must be between 1 and 1000000, got " + instances + ".");
        }
        // With a display the real pipeline is measured instead.
        HeadlessToolkit.chooseWhenNoDisplay(session.environment());
        FleetBrowserBench.Result result;
        try (PrintStream out = WriterStream.of(session.out())) {
            result = FleetBrowserBench.run(instances, out);
        }
        if (result.meetsTargets()) {
            return ExitCodes.OK;
        }
        session.err().println("knobwright: the fleet browser missed at least one target (figures above).");
        return ExitCodes.USER_ERROR;
    }
}
