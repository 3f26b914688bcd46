package io.knobwright.app.cli;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists the instances of the fleet, optionally filtered; all filters must match.")
final class FleetListCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "postgresql, mysql, mariadb, sqlserver or oracle.")
    private String engine;

    @Option(names = "--tier", paramLabel = "TIER", description = "production, staging, test or development.")
    private String tier;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only instances with this tag (repeatable).")
    private List<String> tags;

    FleetListCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Predicate<Instance> filter = filter();
        List<Instance> instances = session.context().fleet().list().stream()
                .filter(filter)
                .sorted(Comparator.comparingLong(Instance::id))
                .toList();
        if (json) {
            Json.print(session.out(), instances.stream().map(CliJson.InstanceJson::of).toList());
        } else {
            Table table = new Table("ID", "NAME", "ENGINE", "VERSION", "TIER", "CRITICALITY", "WORKLOAD", "TAGS");
            instances.forEach(i -> table.row(i.id(), i.name(), i.engine().id(), i.fullVersion(), i.tier().label(),
                    i.criticality().label(), i.workload().label(), tagText(i.tags())));
            table.print(session.out());
        }
        return ExitCodes.OK;
    }

    /** Parses every filter before reading the store, so a typo fails fast with the accepted values. */
    private Predicate<Instance> filter() {
        Predicate<Instance> p = i -> true;
        if (engine != null) {
            Engine e = Engine.require(engine);
            p = p.and(i -> i.engine() == e);
        }
        if (tier != null) {
            Tier t = Tier.parse(tier);
            p = p.and(i -> i.tier() == t);
        }
        Map<String, String> wanted = Tags.parse(tags);
        if (!wanted.isEmpty()) {
            p = p.and(i -> wanted.entrySet().stream().allMatch(w -> w.getValue().equals(i.tags().get(w.getKey()))));
        }
        return p;
    }

    static String tagText(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
