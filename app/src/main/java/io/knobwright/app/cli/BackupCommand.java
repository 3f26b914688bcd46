package io.knobwright.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "backup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Backups: verify them (base backups, pg_dump archives, mariadb-dump files), RPO and missed schedules.")
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use verify or watch.");
    }
}
