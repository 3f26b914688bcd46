package io.knobwright.app.cli;

import io.knobwright.app.apply.PendingRestarts;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.fleet.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "restarts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists, per instance, the parameters applied plans set that wait for the server's restart (and, for",
                "MariaDB, for the option-file line the note gives): parameter, value waiting, since, plan.",
                "--check asks the servers first and clears what they run with now; an instance that cannot be reached",
                "says so and stays listed (exit 3)."})
final class FleetRestartsCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", paramLabel = "ID|NAME", description = "Only this instance.")
    private String instance;

    @Option(names = "--check", description = "Ask the servers whether they run with the values now; clear those that do.")
    private boolean check;

    @Option(names = "--json", description = "Print JSON: one entry per instance with its waiting parameters.")
    private boolean json;

    FleetRestartsCommand(CliSession session) {
        this.session = session;
    }

    record WaitingJson(String parameter, String value, String since, long planId, long runId, String note) {
        static WaitingJson of(PendingRestart p) {
            return new WaitingJson(p.parameter(), p.value(), p.since().toString(), p.planId(), p.runId(), p.note());
        }
    }

    /** @param checked whether the server was asked; {@code unreachable} says why it could not answer, else null */
    record InstanceJson(long instanceId, String instance, boolean checked, String unreachable, List<String> cleared,
                        List<WaitingJson> waiting) {
    }

    @Override
    public Integer call() {
        PendingRestarts restarts = session.context().pendingRestarts();
        Instance only = instance == null ? null : session.context().fleet().require(instance);
        Map<Long, List<PendingRestart>> byInstance = new LinkedHashMap<>();
        for (PendingRestart p : only == null ? restarts.pending() : restarts.pending(only)) {
            byInstance.computeIfAbsent(p.instanceId(), id -> new ArrayList<>()).add(p);
        }
        List<InstanceJson> report = new ArrayList<>();
        boolean unreachable = false;
        for (Map.Entry<Long, List<PendingRestart>> e : byInstance.entrySet()) {
            String name = e.getValue().getFirst().instanceName();
            List<PendingRestart> waiting = e.getValue();
            if (!check) {
                report.add(new InstanceJson(e.getKey(), name, false, null, List.of(), waiting.stream().map(WaitingJson::of).toList()));
                continue;
            }
            Instance target = session.context().fleet().find(e.getKey()).orElse(null);
            if (target == null) {
                unreachable = true;
                report.add(new InstanceJson(e.getKey(), name, true, name + " is no longer in the fleet", List.of(),
                        waiting.stream().map(WaitingJson::of).toList()));
                continue;
            }
            PendingRestarts.Check result = restarts.check(target);
            unreachable |= result.unreachable().isPresent();
            report.add(new InstanceJson(e.getKey(), name, true, result.unreachable().orElse(null),
                    result.cleared().stream().map(PendingRestart::parameter).toList(),
                    result.waiting().stream().map(WaitingJson::of).toList()));
        }
        if (json) {
            Json.print(session.out(), report);
        } else {
            print(report);
        }
        return unreachable ? ExitCodes.UNREACHABLE : ExitCodes.OK;
    }

    private void print(List<InstanceJson> report) {
        Table table = new Table("INSTANCE", "PARAMETER", "WAITING", "SINCE", "PLAN", "NOTE");
        boolean any = false;
        for (InstanceJson i : report) {
            for (WaitingJson w : i.waiting()) {
                table.row(i.instance(), w.parameter(), w.value(), w.since(), w.planId(), Table.clip(w.note(), 80));
                any = true;
            }
        }
        if (any) {
            table.print(session.out());
        }
        for (InstanceJson i : report) {
            if (!i.cleared().isEmpty()) {
                session.out().println(Table.cell(i.instance()) + ": running with " + String.join(", ", i.cleared())
                        + " now; no longer listed.");
            }
            if (i.unreachable() != null) {
                session.out().println(Table.cell(i.instance()) + ": not checked, " + i.unreachable()
                        + " Its parameters stay listed; check again when it answers.");
            }
        }
        if (!any) {
            session.out().println("No parameter waits for a restart.");
        }
    }
}
