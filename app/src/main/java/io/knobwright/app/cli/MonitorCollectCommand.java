package io.knobwright.app.cli;

import io.knobwright.app.monitor.PollOutcome;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PolledPoints;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Polls the instance(s) once now and stores what was collected. Counters (commits, blocks read, WAL...)",
                "become rates against the previous poll's stored counters: the first poll stores the baseline only, so run",
                "collect again a few seconds later to get rates. Exits 3 when an instance could not be reached (the others",
                "are still polled and stored)."})
final class MonitorCollectCommand implements Callable<Integer> {

    private final CliSession session;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    static final class Which {
        @Option(names = "--instance", paramLabel = "ID|NAME", description = "The instance's id or exact name.")
        private String instance;

        @Option(names = "--all", description = "Every instance that has a connection.")
        private boolean all;
    }

    @Option(names = "--json", description = "Print JSON: {instances: [{instance, at, baseline, explanation, points, statements,"
            + " notes, blocking, error}]}.")
    private boolean json;

    MonitorCollectCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Instance> instances;
        if (which.all) {
            instances = session.context().fleet().list().stream().filter(Instance::connectable).toList();
            if (instances.isEmpty()) {
                throw UserError.input("No instance has a connection to poll; register one with 'knobwright fleet add'.");
            }
        } else {
            instances = List.of(session.context().fleet().require(which.instance));
        }
        List<PollOutcome> outcomes = session.context().monitor().pollNow(instances);
        // today's statements join the per-day query history at once (the daemon does it hourly; decision 0127)
        for (PollOutcome o : outcomes) {
            if (o.succeeded()) {
                instances.stream().filter(i -> i.id() == o.instanceId()).findFirst().ifPresent(i ->
                        session.context().queryHistory().rollUp(i, java.time.LocalDate.now(java.time.ZoneId.systemDefault())));
            }
        }
        if (json) {
            List<OutcomeJson> items = outcomes.stream().map(MonitorCollectCommand::json).toList();
            Json.print(session.out(), Map.of("instances", items));
        } else {
            outcomes.forEach(this::print);
        }
        boolean unreachable = outcomes.stream().anyMatch(o -> o.errorKind() == UserError.Kind.UNREACHABLE);
        boolean bug = outcomes.stream().anyMatch(o -> !o.succeeded() && o.errorKind() == null);
        boolean failed = outcomes.stream().anyMatch(o -> !o.succeeded());
        return bug ? ExitCodes.BUG : unreachable ? ExitCodes.UNREACHABLE : failed ? ExitCodes.USER_ERROR : ExitCodes.OK;
    }

    private void print(PollOutcome o) {
        String name = Table.cell(o.instanceName());
        if (!o.succeeded()) {
            session.err().println("knobwright: '" + name + "' not polled: " + o.error());
            return;
        }
        CollectedWorkload collected = o.collected().orElseThrow();
        PolledPoints points = o.points().orElseThrow();
        session.out().println(name + ": polled at " + points.at() + " in " + o.took().toMillis() + " ms; "
                + points.baseline().explanation() + ".");
        for (Metric metric : Metric.values()) {
            Double value = points.points().get(metric);
            if (value != null) {
                session.out().println(String.format(Locale.ROOT, "  %-32s %s %s", label(metric), number(value), metric.unit()).stripTrailing());
            }
        }
        int digests = collected.poll().statements().size();
        if (digests > 0) {
            session.out().println("  statement digests: " + digests + (points.baseline() == PolledPoints.Baseline.CONTINUED
                    ? ", " + points.statementDeltas().size() + " ran since the previous poll" : ", stored as the baseline"));
        }
        if (!points.restartedCounters().isEmpty()) {
            session.out().println("  counters that went down and start again: " + points.restartedCounters());
        }
        for (String line : collected.blocking().lines()) {
            session.out().println("  lock: " + line);
        }
        for (String note : collected.notes()) {
            session.out().println("  note: " + note);
        }
    }

    private static String label(Metric metric) {
        return metric.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    record OutcomeJson(String instance, String at, String baseline, String explanation, Map<String, Double> points,
                       StatementsJson statements, List<String> notes, List<String> blocking, String error) {
    }

    record StatementsJson(int digests, int ranSincePrevious) {
    }

    private static OutcomeJson json(PollOutcome o) {
        if (!o.succeeded()) {
            return new OutcomeJson(o.instanceName(), o.startedAt().toString(), null, null, Map.of(), null, List.of(), List.of(), o.error());
        }
        CollectedWorkload c = o.collected().orElseThrow();
        PolledPoints p = o.points().orElseThrow();
        Map<String, Double> points = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (p.points().containsKey(metric)) {
                points.put(metric.name(), p.points().get(metric));
            }
        }
        return new OutcomeJson(o.instanceName(), p.at().toString(), p.baseline().name(), p.baseline().explanation(), points,
                new StatementsJson(c.poll().statements().size(), p.statementDeltas().size()), c.notes(),
                new ArrayList<>(c.blocking().lines()), null);
    }
}
