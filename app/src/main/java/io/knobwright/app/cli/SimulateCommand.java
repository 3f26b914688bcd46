package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Predicts what an instance would do under other settings: throughput and p95 latency with their 80%%",
                "intervals, hit ratios, temp spill, checkpoint and WAL rates, peak memory and its risk, connection",
                "saturation, each traced to the mechanism and inputs that produced it. The current settings come first.",
                "Settings given before any --scenario form the first scenario (\"proposed\"); each --scenario NAME starts",
                "another, followed by its own --set options. The workload is the instance's measured profile unless",
                "--script or --replay is given. The model is the built-in one, calibrated on the instance's measured",
                "runs of the same workload when there are any, or an external engine (--engine or $"
                        + SimulationCli.ENGINE_VARIABLE + ")."})
final class SimulateCommand implements Callable<Integer> {

    private final CliSession session;

    @Spec
    private CommandSpec spec;

    /** Not required to picocli: it would then demand it of `simulate sweep` too, which has its own. */
    @Option(names = "--instance", paramLabel = "ID|NAME", description = "The instance (required).")
    private String instance;

    @Option(names = "--script", paramLabel = "FILE", description = "A pgbench-style script as the workload (coarse until measured).")
    private Path script;

    @Option(names = "--replay", description = "A replay of the instance's top fingerprints at full speed as the workload.")
    private boolean replay;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "0",
            description = "Concurrent clients (default: as measured; 1 for a script).")
    private int clients;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A setting of the scenario before it, e.g. work_mem=64MB (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME", description = "Starts another scenario; the --set options after it are its own.")
    private List<String> scenarioNames = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "CMD|URL",
            description = "An external engine: a command reading a scenario on stdin, or an http(s) endpoint (docs/simulation-engine.md).")
    private String engine;

    @Option(names = "--engine-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long the external engine may take per call (default: ${DEFAULT-VALUE}).")
    private int engineTimeout;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    SimulateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (instance == null) {
            throw Cli.usage(spec.commandLine(), "Missing required option: '--instance=ID|NAME'");
        }
        List<WhatIfService.ScenarioRequest> requests = scenarios(spec.commandLine().getParseResult().originalArgs(), clients);
        if (requests.isEmpty()) {
            throw UserError.input("Nothing to simulate: give the settings to try with --set NAME=VALUE (repeatable), and"
                    + " further scenarios with --scenario NAME --set NAME=VALUE.");
        }
        WhatIfService.WorkloadChoice choice = SimulationCli.workload(script, replay, clients);
        Instance target = session.context().fleet().require(instance);
        WhatIfService service = SimulationCli.service(session, engine, engineTimeout);
        WhatIfService.Baseline baseline = SimulationCli.userErrors(() -> service.baseline(target.id(), choice));
        WhatIfService.Simulation simulation = SimulationCli.userErrors(() -> service.simulateWithPlans(target.id(),
                choice, requests));
        List<Prediction> predictions = simulation.predictions();
        if (json) {
            Json.print(session.out(), ResultJson.of(baseline, simulation));
        } else {
            print(session.out(), baseline, predictions);
        }
        return ExitCodes.OK;
    }

    /**
     * The scenarios in the order the command line gives them: --set options before any --scenario make "proposed";
     * each --scenario NAME starts a scenario that takes the --set options after it. picocli collects the options
     * into lists and loses that order, so it is read from the arguments as given.
     */
    static List<WhatIfService.ScenarioRequest> scenarios(List<String> args, int clients) {
        Map<String, Map<String, String>> scenarios = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            String value = null;
            String option = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!option.equals("--set") && !option.equals("--scenario")) {
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    break;   // picocli has already refused a missing value
                }
                value = args.get(++i);
            }
            if (option.equals("--scenario")) {
                current = value.strip();
                if (current.isEmpty()) {
                    throw UserError.input("--scenario needs a name.");
                }
                if (scenarios.containsKey(current) || current.equals("current")) {
                    throw UserError.input("Two scenarios are called \"" + current + "\": give each its own name"
                            + " (\"current\" is the settings in force).");
                }
                scenarios.put(current, new LinkedHashMap<>());
            } else {
                int at = value.indexOf('=');
                if (at < 1) {
                    throw UserError.input("--set takes NAME=VALUE, e.g. --set work_mem=64MB, not \"" + value + "\".");
                }
                String scenario = current == null ? "proposed" : current;
                scenarios.computeIfAbsent(scenario, k -> new LinkedHashMap<>())
                        .put(value.substring(0, at).strip(), value.substring(at + 1).strip());
            }
        }
        List<WhatIfService.ScenarioRequest> out = new ArrayList<>();
        scenarios.forEach((name, settings) -> out.add(new WhatIfService.ScenarioRequest(name, settings, clients)));
        return out;
    }

    /** One query explained under today's settings (A) and the scenario's (B); NaN times print as null. */
    @JsonPropertyOrder({"query", "label", "changed", "shapeA", "shapeB", "costA", "costB", "actualMsA", "actualMsB",
            "callsShare"})
    record PlanChangeJson(String query, String label, boolean changed, String shapeA, String shapeB, Double costA,
                          Double costB, Double actualMsA, Double actualMsB, double callsShare) {
        static PlanChangeJson of(WhatIfService.PlanChange c) {
            return new PlanChangeJson(c.query(), c.label(), c.changed(), c.shapeA(), c.shapeB(), finite(c.costA()),
                    finite(c.costB()), finite(c.actualMsA()), finite(c.actualMsB()), c.callsShare());
        }

        private static Double finite(double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    @JsonPropertyOrder({"scenario", "tps", "latencyP95Ms", "explanation", "warnings", "model", "metrics", "planChanges"})
    record ScenarioJson(String scenario, SimulationCli.EstimateJson tps, SimulationCli.EstimateJson latencyP95Ms,
                        List<SimulationCli.ExplanationJson> explanation, List<String> warnings, String model,
                        Map<String, SimulationCli.EstimateJson> metrics, List<PlanChangeJson> planChanges) {
        static ScenarioJson of(Prediction p, List<WhatIfService.PlanChange> changes) {
            Map<String, SimulationCli.EstimateJson> others = new TreeMap<>();
            p.metrics().forEach((m, e) -> {
                if (m != Metric.THROUGHPUT_TPS && m != Metric.LATENCY_P95_MS) {
                    others.put(m.jsonName(), SimulationCli.EstimateJson.of(e));
                }
            });
            return new ScenarioJson(p.scenario(), SimulationCli.EstimateJson.of(p.throughput()),
                    SimulationCli.EstimateJson.of(p.get(Metric.LATENCY_P95_MS).orElse(null)),
                    p.explanations().stream().map(SimulationCli.ExplanationJson::of).toList(), p.warnings(), p.model(),
                    others, changes.stream().map(PlanChangeJson::of).toList());
        }
    }

    @JsonPropertyOrder({"instance", "workload", "source", "model", "scenarios"})
    record ResultJson(String instance, String workload, String source, String model, List<ScenarioJson> scenarios) {
        static ResultJson of(WhatIfService.Baseline b, WhatIfService.Simulation s) {
            return new ResultJson(b.instanceName(), b.workload().name(), b.source(), b.model(),
                    s.predictions().stream().map(p -> ScenarioJson.of(p, s.planChanges().getOrDefault(p.scenario(),
                            List.of()))).toList());
        }
    }

    private static void print(PrintWriter out, WhatIfService.Baseline b, List<Prediction> predictions) {
        out.println(Table.cell(b.instanceName()) + " · " + b.workload().name());
        out.println("model: " + b.model());
        out.println("from: " + b.source());
        Table table = new Table("SCENARIO", "TPS", "TPS 80%", "P95 MS", "P95 80%");
        for (Prediction p : predictions) {
            Estimate tps = p.throughput();
            Estimate p95 = p.get(Metric.LATENCY_P95_MS).orElse(null);
            table.row(p.scenario(), number(tps.mean()), number(tps.low()) + " - " + number(tps.high()),
                    p95 == null ? "-" : number(p95.mean()), p95 == null ? "-" : number(p95.low()) + " - " + number(p95.high()));
        }
        table.print(out);
        for (Prediction p : predictions) {
            out.println();
            out.println(p.scenario() + ":");
            for (Explanation e : p.explanations()) {
                out.println("  " + e.metric().jsonName() + " (" + e.mechanism() + "): " + e.text());
            }
            for (String w : p.warnings()) {
                out.println("  WARNING " + w);
            }
        }
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
