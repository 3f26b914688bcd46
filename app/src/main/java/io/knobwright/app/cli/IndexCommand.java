package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Indexes: which would pay off for the workload, and which cost without serving.")
final class IndexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String names = String.join(", ", spec.subcommands().keySet());
        throw Cli.usage(spec.commandLine(), "Missing command: use " + (names.isEmpty() ? "one of its commands" : names) + ".");
    }
}
