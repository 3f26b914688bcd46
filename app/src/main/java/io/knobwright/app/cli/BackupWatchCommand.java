package io.knobwright.app.cli;

import io.knobwright.app.backup.BackupService;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.fleet.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Watches a backup directory for an instance: each backup under it (or the path itself when it is one",
                "backup) is verified and stored once none of its files changed for 2 minutes. The RPO is what the",
                "instance's compliance is measured against. Watching the same path again replaces its RPO and interval."})
final class BackupWatchCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "NAME", description = "The instance (id or exact name).")
    private String instance;

    @Option(names = "--path", required = true, paramLabel = "P", description = "The backup directory.")
    private Path path;

    @Option(names = "--rpo", paramLabel = "DURATION", defaultValue = "24h",
            description = "The longest time the instance may go without a good backup: 30m, 6h, 1d (default 24h).")
    private String rpo;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "The expected time between backups; by default inferred from the backups' own times.")
    private String interval;

    BackupWatchCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Duration rpoDuration = OverrideCommand.duration(rpo, "--rpo");
        Duration intervalDuration = interval == null ? null : OverrideCommand.duration(interval, "--interval");
        Instance owner = session.context().fleet().require(instance);
        BackupService backups = session.context().backups();
        BackupWatch watch = backups.watch(owner, path, rpoDuration, intervalDuration);
        session.out().println("Watching " + Table.cell(watch.path()) + " for " + Table.cell(owner.name()) + " (RPO " + rpoDuration
                + (intervalDuration == null ? ", interval inferred" : ", every " + intervalDuration) + ").");
        return ExitCodes.OK;
    }
}
