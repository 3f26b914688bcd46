package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.fleet.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "accuracy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"How well the instance's model predicted runs it had not seen: the throughput error (MAPE), how often",
                "the 80%% interval held the measurement, and how often the direction of a change was right. From the",
                "instance's measured runs (`knobwright experiment run`); needs at least 3."})
final class SimulatorAccuracyCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance.")
    private String instance;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    SimulatorAccuracyCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Instance target = session.context().fleet().require(instance);
        WhatIfService.Accuracy a = SimulationCli.userErrors(() -> session.context().whatIf().accuracy(target.id()));
        if (json) {
            Json.print(session.out(), AccuracyJson.of(target, a));
        } else {
            session.out().println(Table.cell(target.name()) + ": " + a.summary());
        }
        return ExitCodes.OK;
    }

    /** mape, coverage80 and directionRight are shares (0.084 = 8.4%), null with fewer than 3 runs. */
    @JsonPropertyOrder({"instance", "observations", "mape", "coverage80", "directionRight", "summary"})
    record AccuracyJson(String instance, int observations, Double mape, Double coverage80, Double directionRight,
                        String summary) {
        static AccuracyJson of(Instance i, WhatIfService.Accuracy a) {
            return new AccuracyJson(i.name(), a.observations(), StorageForecastCommand.num(a.mape()),
                    StorageForecastCommand.num(a.coverage80()), StorageForecastCommand.num(a.directionRight()), a.summary());
        }
    }
}
