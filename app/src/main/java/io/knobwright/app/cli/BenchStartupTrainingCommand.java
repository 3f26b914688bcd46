package io.knobwright.app.cli;

import io.knobwright.app.bench.StartupTraining;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * Hidden: the build runs it under {@code -XX:AOTCacheOutput} to write knobwright.aot (decision 0063).
 * Always headless, so a build on a desktop does not flash a window; the cache serves a real display as well.
 */
@Command(name = "startup-training", hidden = true, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Opens the workbench headless on a temporary store with the demo fleet and visits every screen,",
                "so that a run with -XX:AOTCacheOutput records what the workbench loads at start."})
final class BenchStartupTrainingCommand implements Callable<Integer> {

    private final CliSession session;

    BenchStartupTrainingCommand(CliSession session) {
        this.session = session;
    }

    @picocli.CommandLine.Option(names = "--cli", description = "Train on CLI commands only (knobwright-cli.aot).")
    private boolean cliOnly;

    @Override
    public Integer call() throws Exception {
        if (cliOnly) {
            try (PrintStream out = WriterStream.of(session.out())) {
                StartupTraining.runCli(out);
            }
            return ExitCodes.OK;
        }
        HeadlessToolkit.force();
        try (PrintStream out = WriterStream.of(session.out())) {
            StartupTraining.run(out);
        }
        return ExitCodes.OK;
    }
}
