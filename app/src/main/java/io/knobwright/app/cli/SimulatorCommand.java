package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The what-if simulator itself: how well its predictions matched measured runs.")
final class SimulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String names = String.join(", ", spec.subcommands().keySet());
        throw Cli.usage(spec.commandLine(), "Missing command: use " + (names.isEmpty() ? "one of its commands" : names) + ".");
    }
}
