package io.knobwright.app.cli;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.HardwareInput;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "edit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Changes what Knobwright knows about an instance: its hardware, tier, criticality, workload and tags.",
                "",
                "Hardware you give here is marked 'entered' and kept: a refresh never overwrites it, it only updates",
                "what it probed. Templates need it where the server does not tell (MariaDB and MySQL never report",
                "their RAM). Give 'unknown' to forget a fact, so that the next refresh probes it again."})
final class FleetEditCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID|NAME", description = "The instance's id or exact name.")
    private String instance;

    @Option(names = "--ram", paramLabel = "SIZE", description = "RAM available to the server, e.g. 64GB, 64G, 65536MB, or unknown.")
    private String ram;

    @Option(names = "--cpus", paramLabel = "N", description = "Logical CPUs the server may use, e.g. 16, or unknown.")
    private String cpus;

    @Option(names = "--disk-type", paramLabel = "TYPE", description = "hdd, ssd, nvme, san or unknown.")
    private String diskType;

    @Option(names = "--disk", paramLabel = "SIZE", description = "Size of the data volume, e.g. 2TB, 500G, or unknown.")
    private String disk;

    @Option(names = "--tier", paramLabel = "TIER", description = "production, staging, test or development.")
    private String tier;

    @Option(names = "--criticality", paramLabel = "C", description = "low, medium, high or critical.")
    private String criticality;

    @Option(names = "--workload", paramLabel = "W", description = "oltp, olap, mixed, web or desktop.")
    private String workload;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Adds a tag or changes its value (repeatable).")
    private List<String> tags;

    @Option(names = "--remove-tag", paramLabel = "KEY", description = "Removes a tag (repeatable).")
    private List<String> removedTags;

    @Option(names = "--json", description = "Print the instance as stored afterwards, as JSON.")
    private boolean json;

    FleetEditCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (ram == null && cpus == null && diskType == null && disk == null && tier == null && criticality == null
                && workload == null && tags == null && removedTags == null) {
            throw Cli.usage(spec.commandLine(), "Nothing to change: give at least one of --ram, --cpus, --disk-type,"
                    + " --disk, --tier, --criticality, --workload, --tag, --remove-tag.");
        }
        Instance i = session.context().fleet().require(instance);
        // Every value is checked before anything is stored: a bad --cpus leaves a good --ram unsaved too.
        HardwareFacts hardware = hardware(i.hardware());
        Instance changed = new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(), i.connection(),
                tags(i), tier == null ? i.tier() : Tier.parse(tier),
                criticality == null ? i.criticality() : Criticality.parse(criticality),
                workload == null ? i.workload() : WorkloadKind.parse(workload), hardware, i.demo());
        Instance saved = session.context().fleet().update(changed);
        if (json) {
            Json.print(session.out(), CliJson.InstanceJson.of(saved));
        } else {
            session.out().println("Updated '" + Table.cell(saved.name()) + "': " + String.join(", ", changes(i, saved)) + ".");
        }
        return ExitCodes.OK;
    }

    private HardwareFacts hardware(HardwareFacts h) {
        if (ram != null) {
            h = h.withMemory(HardwareInput.memory(ram));
        }
        if (cpus != null) {
            h = h.withCpus(HardwareInput.cpus(cpus));
        }
        if (diskType != null) {
            h = h.withDiskType(HardwareInput.diskType(diskType));
        }
        if (disk != null) {
            h = h.withDiskBytes(HardwareInput.diskBytes(disk));
        }
        return h;
    }

    private Map<String, String> tags(Instance i) {
        Map<String, String> result = new TreeMap<>(i.tags());
        for (String key : removedTags == null ? List.<String>of() : removedTags) {
            if (result.remove(key.strip()) == null) {
                throw UserError.input("'" + i.name() + "' has no tag '" + key.strip() + "'; its tags: "
                        + (i.tags().isEmpty() ? "none" : String.join(", ", i.tags().keySet())) + ".");
            }
        }
        result.putAll(Tags.parse(tags));
        return result;
    }

    /** What changed, as the confirmation lists it: "ram 65536 MB (entered)", "tier production". */
    private static List<String> changes(Instance before, Instance after) {
        List<String> changes = new ArrayList<>();
        for (HardwareFact fact : HardwareFact.values()) {
            if (!HardwareText.withSource(before.hardware(), fact, null).equals(HardwareText.withSource(after.hardware(), fact, null))) {
                changes.add(fact.option().substring(2) + " " + HardwareText.withSource(after.hardware(), fact, null));
            }
        }
        if (before.tier() != after.tier()) {
            changes.add("tier " + after.tier().label());
        }
        if (before.criticality() != after.criticality()) {
            changes.add("criticality " + after.criticality().label());
        }
        if (before.workload() != after.workload()) {
            changes.add("workload " + after.workload().label());
        }
        if (!before.tags().equals(after.tags())) {
            changes.add("tags " + (after.tags().isEmpty() ? "none" : FleetListCommand.tagText(after.tags())));
        }
        return changes.isEmpty() ? List.of("nothing changed") : changes;
    }
}
