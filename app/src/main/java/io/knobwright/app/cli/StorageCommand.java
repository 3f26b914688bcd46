package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "storage", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Storage: growth forecasts with their interval and backtest error, size history, the largest tables.")
final class StorageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String names = String.join(", ", spec.subcommands().keySet());
        throw Cli.usage(spec.commandLine(), "Missing command: use " + (names.isEmpty() ? "one of its commands" : names) + ".");
    }
}
