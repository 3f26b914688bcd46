package io.knobwright.app.cli;

import io.knobwright.app.recommend.RecommendationService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.recommend.RecommendationOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Which settings to change on an instance, why, and what it will do: each change with its evidence,",
                "reasoning, predicted effect (80%% interval), confidence and whether it needs a restart; or \"no change",
                "recommended\" with its reason. A constrained search over the server's own valid values, a memory budget",
                "within RAM and the policy's locks; durability is never weakened unless --allow-durability-trade is given.",
                "PostgreSQL is searched; other engines answer \"no recommendation yet\" with the evidence on hand.",
                "With --instance, planner settings (random_page_cost, effective_cache_size, jit, parallel workers) are",
                "judged by the server's own planner on the instance's top imported queries, per query and weighted by",
                "calls: timed (EXPLAIN ANALYZE, rolled back) where it is not production, only planned where it is.",
                "With --all, every instance of the fleet in parallel, progress on stderr; an instance that cannot be",
                "answered (nothing measured, RAM unknown) is reported and the rest go on (exit 1 if any could not)."})
final class RecommendCommand implements Callable<Integer> {

    private final CliSession session;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--instance", paramLabel = "ID|NAME", description = "The instance's id or exact name.")
        private String instance;

        @Option(names = "--all", description = "Every instance of the fleet.")
        private boolean all;
    }

    @Option(names = "--allow-restart", description = "Also propose changes that need a server restart (shared_buffers, max_connections).")
    private boolean allowRestart;

    @Option(names = "--allow-durability-trade",
            description = "Also propose weakening durability (synchronous_commit off), each with what a crash can lose.")
    private boolean allowDurabilityTrade;

    @Option(names = "--json", description = "Print JSON: one object per instance (with --all: {instances: [...]}).")
    private boolean json;

    @Option(names = "--format", paramLabel = "postgresql.conf|my.cnf|sql",
            description = "Print the changes as lines of the server's configuration file, or as SQL statements, each"
                    + " preceded by its reasoning as comments.")
    private String format;

    @Option(names = "--parallel", paramLabel = "N", description = "With --all: instances searched at once (default: the CPU count).")
    private Integer parallel;

    RecommendCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (json && format != null) {
            throw UserError.input("Give --json or --format, not both.");
        }
        RecommendFormats.Format chosen = format == null ? null : RecommendFormats.Format.parse(format);
        RecommendationOptions options = new RecommendationOptions(allowRestart, allowDurabilityTrade);
        RecommendationService service = session.context().recommendations();
        if (which.all) {
            if (chosen != null) {
                throw UserError.input("--format writes one server's file: use it with --instance NAME (or --all --json).");
            }
            return fleet(service, options);
        }
        Instance target = session.context().fleet().require(which.instance);
        if (chosen != null) {
            RecommendFormats.checkEngine(chosen, Table.cell(target.name()), target.engine());
        }
        if (target.engine() == io.knobwright.model.engine.Engine.POSTGRESQL && target.connection() != null) {
            session.err().println("Asking the planner of " + target.name() + " about random_page_cost,"
                    + " effective_cache_size, jit and parallel workers with its top queries"
                    + (target.tier() == io.knobwright.model.fleet.Tier.PRODUCTION ? " (production: EXPLAIN only)…"
                    : " (EXPLAIN ANALYZE, rolled back)…"));
            session.err().flush();
        }
        // one instance: worth the seconds its planner takes (without a connection the note says why it was not asked)
        RecommendationService.Outcome outcome = service.recommendProbingPlanner(target, options);
        if (json) {
            Json.print(session.out(), RecommendJson.InstanceJson.of(outcome));
        } else if (chosen != null) {
            RecommendFormats.print(session.out(), chosen, outcome);
        } else {
            RecommendFormats.printText(session.out(), outcome);
        }
        return ExitCodes.OK;
    }

    private int fleet(RecommendationService service, RecommendationOptions options) {
        List<Instance> instances = session.context().fleet().list();
        if (instances.isEmpty()) {
            throw UserError.input("The fleet is empty: register an instance with `knobwright fleet add`.");
        }
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (threads < 1 || threads > 256) {
            throw UserError.input("--parallel takes 1 to 256 instances at once, not " + threads + ".");
        }
        FleetRecommendations.Result result = FleetRecommendations.run(instances, i -> service.recommend(i, options),
                threads, line -> {
                    session.err().println(line);
                    session.err().flush();
                });
        if (json) {
            Json.print(session.out(), Map.of("instances", result.items().stream().map(item -> item.outcome() != null
                    ? RecommendJson.InstanceJson.of(item.outcome())
                    : RecommendJson.InstanceJson.failed(item.instance().name(), item.error())).toList()));
        } else {
            Table table = new Table("INSTANCE", "ENGINE", "CHANGES", "ANSWER");
            for (FleetRecommendations.Item item : result.items()) {
                var set = item.outcome() == null ? null : item.outcome().set();
                table.row(item.instance().name(), item.instance().engine().displayName() + " " + item.instance().version(),
                        set == null ? "-" : Integer.toString(set.recommendations().size()),
                        set == null ? "ERROR " + item.error() : set.noChange() ? "no change: " + set.noChangeReason()
                                : String.join(", ", set.recommendations().stream().map(r -> r.parameter() + " -> " + r.to())
                                        .toList()));
            }
            table.print(session.out());
        }
        session.err().println(result.summary());
        return result.bug() ? ExitCodes.BUG : result.failed() > 0 ? ExitCodes.USER_ERROR : ExitCodes.OK;
    }
}
