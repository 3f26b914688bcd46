package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Collect what instances are doing (statistics views, sessions, locks, statement digests) into the store.")
final class MonitorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use collect.");
    }
}
