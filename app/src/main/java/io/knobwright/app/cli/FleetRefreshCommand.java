package io.knobwright.app.cli;

import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "refresh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Connects to the instance, reads all its settings and stores them as the newest snapshot.",
                "Probed hardware facts follow the server; facts entered with 'fleet edit' are kept (a warning says",
                "where the server reports something else)."})
final class FleetRefreshCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID|NAME", description = "The instance's id or exact name.")
    private String instance;

    @Option(names = "--json", description = "Print JSON: {instance, snapshot}.")
    private boolean json;

    FleetRefreshCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance before = session.context().fleet().require(instance);
        SettingsSnapshot snapshot = session.context().fleet().refresh(before.id());
        Instance after = session.context().fleet().find(before.id()).orElse(before);
        for (HardwareFact fact : after.hardware().enteredDifferently(snapshot.reportedHardware())) {
            session.err().println("knobwright: warning: the " + fact.label() + " of '" + Table.cell(after.name())
                    + "' was entered as " + HardwareText.value(after.hardware(), fact) + "; the server reports "
                    + HardwareText.value(snapshot.reportedHardware(), fact) + ". Kept the entered value; to follow the"
                    + " server, run: " + Table.cell(fact.editCommand(after.name(), "unknown")));
        }
        if (json) {
            Json.print(session.out(), new CliJson.ShowJson(CliJson.InstanceJson.of(after), CliJson.SnapshotJson.of(snapshot,
                    session.catalogs().find(new EngineVersion(after.engine(), after.version())))));
        } else {
            session.out().println("Refreshed '" + Table.cell(after.name()) + "': " + snapshot.settings().size()
                    + " settings read from " + after.engine().displayName() + " " + snapshot.serverVersion() + ".");
        }
        return ExitCodes.OK;
    }
}
