package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "workload", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "What an instance's workload is: its profile and class, patterns and shifts.")
final class WorkloadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use one of profile.");
    }
}
