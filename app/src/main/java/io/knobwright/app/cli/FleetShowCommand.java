package io.knobwright.app.cli;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.fleet.SettingsSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Shows one instance's facts and the settings of its latest snapshot (no connection is made).",
                "Each hardware fact says where it comes from: probed (read from the server; refreshes update it),",
                "entered (given by a user; refreshes keep it) or unknown (set it with 'knobwright fleet edit')."})
final class FleetShowCommand implements Callable<Integer> {

    private final CliSession session;

    @Parameters(paramLabel = "ID|NAME", description = "The instance's id or exact name (a name wins over an id).")
    private String instance;

    @Option(names = "--json", description = "Print JSON: {instance, snapshot}.")
    private boolean json;

    FleetShowCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance i = session.context().fleet().require(instance);
        Optional<SettingsSnapshot> snapshot = session.context().fleet().latestSnapshot(i.id());
        Optional<ParameterCatalog> catalog = session.catalogs().find(new EngineVersion(i.engine(), i.version()));
        if (json) {
            Json.print(session.out(), new CliJson.ShowJson(CliJson.InstanceJson.of(i),
                    snapshot.map(s -> CliJson.SnapshotJson.of(s, catalog)).orElse(null)));
        } else {
            printFacts(session.out(), i, snapshot.orElse(null));
            session.out().println();
            snapshot.ifPresentOrElse(s -> printSettings(session.out(), s, catalog),
                    () -> session.out().println("No settings snapshot yet"
                            + (i.connectable() ? "; run 'knobwright fleet refresh " + i.id() + "'." : " (inventory-only instance).")));
        }
        return ExitCodes.OK;
    }

    private static void printFacts(PrintWriter out, Instance i, SettingsSnapshot latest) {
        HardwareFacts h = i.hardware();
        Table facts = new Table("FACT", "VALUE")
                .row("id", i.id())
                .row("name", i.name())
                .row("engine", i.engine().displayName() + " " + i.fullVersion() + " (catalog " + i.version() + ")")
                .row("tier", i.tier().label())
                .row("criticality", i.criticality().label())
                .row("workload", i.workload().label())
                .row("tags", FleetListCommand.tagText(i.tags()))
                .row("connection", i.connection() == null ? "none (inventory only)"
                        : JdbcUrlSecrets.mask(i.connection().jdbcUrl()) + (i.connection().user() == null ? "" : " as " + i.connection().user())
                        + ", password: " + CliJson.describe(i.connection().credential()))
                .row("cpus", HardwareText.withSource(h, HardwareFact.CPUS, latest))
                .row("memory", HardwareText.withSource(h, HardwareFact.RAM, latest))
                .row("disk type", HardwareText.withSource(h, HardwareFact.DISK_TYPE, latest))
                .row("disk size", HardwareText.withSource(h, HardwareFact.DISK_SIZE, latest))
                .row("demo", i.demo() ? "yes" : "no");
        facts.print(out);
    }

    /** Values as a DBA writes them ("128MB"); --json also has the server's own base-unit value and unit. */
    private static void printSettings(PrintWriter out, SettingsSnapshot s, Optional<ParameterCatalog> catalog) {
        out.println("Snapshot of " + s.takenAt() + " (" + s.settings().size() + " settings, server " + s.serverVersion()
                + "; long values are shortened, --json has them in full):");
        Table table = new Table("NAME", "VALUE", "SOURCE", "PENDING RESTART");
        s.settings().forEach(x -> table.row(x.name(), Table.clip(CliJson.displayOf(x, catalog), 60), x.source(),
                x.pendingRestart() ? "yes" : ""));
        table.print(out);
    }
}
