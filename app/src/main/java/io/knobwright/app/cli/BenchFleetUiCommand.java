package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "fleet-ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measures the fleet browser on a generated fleet (headless JavaFX; no display needed).",
                "Loads JavaFX, unlike every other command."})
final class BenchFleetUiCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "5000", description = "Fleet size (default ${DEFAULT-VALUE}).")
    private int instances;

    BenchFleetUiCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instances < 1) {
            throw new IllegalArgumentException("--instances must be at least 1, got " + instances + ".");
        }
        // Wired to io.knobwright.app.bench.FleetBrowserBench once the fleet browser lands on main.
        throw new IllegalStateException("The fleet-ui bench is not in this build yet.");
    }
}
