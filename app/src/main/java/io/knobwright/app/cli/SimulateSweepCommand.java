package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.Knobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Predicts throughput and p95 latency, with their 80%% intervals, for one setting from --from to --to in",
                "--steps evenly spaced values (both ends included), every other setting as in force. Values take units",
                "(64MB, 30s) or the setting's own unit; both ends must be within the server's range."})
final class SimulateSweepCommand implements Callable<Integer> {

    private final CliSession session;

    @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance.")
    private String instance;

    @Option(names = "--param", required = true, paramLabel = "NAME", description = "The setting to sweep, e.g. shared_buffers.")
    private String parameter;

    @Option(names = "--from", required = true, paramLabel = "VALUE", description = "The first value, e.g. 64MB.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "VALUE", description = "The last value, e.g. 8GB.")
    private String to;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "How many values (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--script", paramLabel = "FILE", description = "A pgbench-style script as the workload.")
    private Path script;

    @Option(names = "--replay", description = "A replay of the instance's top fingerprints as the workload.")
    private boolean replay;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "0", description = "Concurrent clients (default: as measured).")
    private int clients;

    @Option(names = "--engine", paramLabel = "CMD|URL", description = "An external engine (docs/simulation-engine.md).")
    private String engine;

    @Option(names = "--engine-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long the external engine may take per call (default: ${DEFAULT-VALUE}).")
    private int engineTimeout;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    SimulateSweepCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (steps < 2 || steps > 100_000) {
            throw UserError.input("--steps must be between 2 and 100000, not " + steps + ".");
        }
        double start = value("--from", from);
        double end = value("--to", to);
        WhatIfService.WorkloadChoice choice = SimulationCli.workload(script, replay, clients);
        Instance target = session.context().fleet().require(instance);
        WhatIfService service = SimulationCli.service(session, engine, engineTimeout);
        WhatIfService.Baseline baseline = SimulationCli.userErrors(() -> service.baseline(target.id(), choice));
        WhatIfService.Sweep sweep = SimulationCli.userErrors(() -> service.sweep(target.id(), choice, parameter, start, end, steps));
        String unit = baseline.tunables().stream().filter(t -> t.name().equalsIgnoreCase(sweep.parameter()))
                .map(WhatIfService.Tunable::unit).findFirst().orElse("");
        if (json) {
            Json.print(session.out(), SweepJson.of(baseline, sweep, unit));
        } else {
            print(session.out(), baseline, sweep, unit);
        }
        return ExitCodes.OK;
    }

    private double value(String option, String text) {
        try {
            return Knobs.parse(parameter, text);
        } catch (IllegalArgumentException bad) {
            throw UserError.input(option + ": " + bad.getMessage());
        }
    }

    @JsonPropertyOrder({"value", "tps", "latencyP95Ms"})
    record PointJson(Double value, SimulationCli.EstimateJson tps, SimulationCli.EstimateJson latencyP95Ms) {
        static PointJson of(WhatIfService.SweepPoint p) {
            return new PointJson(p.value(), SimulationCli.EstimateJson.of(p.tps()),
                    SimulationCli.EstimateJson.of(p.latencyP95Ms()));
        }
    }

    /** @param unit of each point's value: "bytes", "seconds", "boolean" or "" */
    @JsonPropertyOrder({"instance", "parameter", "unit", "workload", "model", "elapsedMs", "points", "note"})
    record SweepJson(String instance, String parameter, String unit, String workload, String model, double elapsedMs,
                     List<PointJson> points, String note) {
        static SweepJson of(WhatIfService.Baseline b, WhatIfService.Sweep s, String unit) {
            return new SweepJson(b.instanceName(), s.parameter(), unit, b.workload().name(), s.model(),
                    Math.round(s.elapsed().toNanos() / 10_000.0) / 100.0, s.points().stream().map(PointJson::of).toList(),
                    s.note());
        }
    }

    private static void print(PrintWriter out, WhatIfService.Baseline b, WhatIfService.Sweep s, String unit) {
        out.println(Table.cell(b.instanceName()) + " · " + s.parameter() + " sweep · " + b.workload().name());
        out.println("model: " + s.model() + String.format(Locale.ROOT, " (%d points in %d ms)", s.points().size(),
                s.elapsed().toMillis()));
        Table table = new Table(s.parameter().toUpperCase(Locale.ROOT) + (unit.isEmpty() ? "" : " (" + unit + ")"),
                "TPS", "TPS 80%", "P95 MS", "P95 80%");
        for (WhatIfService.SweepPoint p : s.points()) {
            table.row(io.knobwright.app.simulation.DefaultWhatIfService.plain(p.value()), fmt(p.tps().mean()),
                    fmt(p.tps().low()) + " - " + fmt(p.tps().high()),
                    p.latencyP95Ms() == null ? "-" : fmt(p.latencyP95Ms().mean()),
                    p.latencyP95Ms() == null ? "-" : fmt(p.latencyP95Ms().low()) + " - " + fmt(p.latencyP95Ms().high()));
        }
        table.print(out);
        if (!s.note().isEmpty()) {
            out.println("note: " + s.note());
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
