package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Parameter catalogs: what each engine version accepts.")
final class CatalogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use list or generate.");
    }
}
