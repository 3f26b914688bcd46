package io.knobwright.app.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.model.UserError;
import io.knobwright.model.simulation.Observation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs a workload under given settings and records an observation: on a sandbox (an embedded",
                "PostgreSQL Knobwright starts, loaded with pgbench tables or --setup; any setting, restarted to apply)",
                "or on an instance whose tier is not production (settings per session only). Each configuration runs",
                "--replicates times, interleaved with --compare-set when given (A B B A ...), each run after a warm-up",
                "that is not counted. Prints median tps, latency p50/p95, the run-to-run noise and the verdict."})
final class ExperimentRunCommand implements Callable<Integer> {

    private final CliSession session;

    static final class Where {
        @Option(names = "--instance", required = true, paramLabel = "NAME", description = "A non-production instance.")
        String instance;

        @Option(names = "--sandbox", required = true, paramLabel = "NAME",
                description = "A sandbox of this name (when an instance has the name, the sandbox stands for it).")
        String sandbox;
    }

    static final class What {
        @Option(names = "--script", required = true, paramLabel = "FILE",
                description = "A pgbench-style script, or builtin:tpcb-like, builtin:select-only, builtin:simple-update.")
        String script;

        @Option(names = "--replay", required = true,
                description = "Replay the instance's top read-only fingerprints (examples from imported logs) in their mix.")
        boolean replay;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s",
            description = "Measured time per run: 90s, 5m, PT2M (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--warmup", paramLabel = "D",
            description = "Warm-up per run, not counted (default: a quarter of --duration, 1 s to 1 min).")
    private String warmUp;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "3",
            description = "Runs per configuration (default: ${DEFAULT-VALUE}).")
    private int replicates;

    @Option(names = "--set", paramLabel = "K=V", description = "A setting of configuration A (repeat for several).")
    private List<String> settings = List.of();

    @Option(names = "--compare-set", paramLabel = "K=V",
            description = "A setting of configuration B, run interleaved with A (repeat for several).")
    private List<String> compareSettings = List.of();

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "pgbench scale of a sandbox's tables (default: ${DEFAULT-VALUE}).")
    private int scale;

    @Option(names = "--setup", paramLabel = "FILE", description = "A SQL file that loads a sandbox instead of pgbench tables.")
    private Path setup;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    ExperimentRunCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Map<String, String> a = settings("--set", settings);
        Map<String, String> b = settings("--compare-set", compareSettings);
        if (!compareSettings.isEmpty() && b.equals(a)) {
            throw UserError.input("--compare-set gives the same configuration as --set; nothing to compare.");
        }
        ExperimentService.Request request = new ExperimentService.Request(where.instance, where.sandbox,
                what.replay ? null : Path.of(what.script), clients, positive(duration, "--duration"), a,
                compareSettings.isEmpty() ? Map.of() : withDefaults(b, a), replicates,
                warmUp == null ? null : OverrideCommand.duration(warmUp, "--warmup"), scale, setup);
        PrintWriter err = session.err();
        ExperimentService.Result result = session.context().experiments().run(request, p -> {
            if (!json) {
                err.println(String.format(Locale.ROOT, "[%3.0f%%] %s", p.fraction() * 100, p.step()));
                err.flush();
            }
        }, () -> Thread.currentThread().isInterrupted());
        if (json) {
            Json.print(session.out(), ExperimentJson.of(result));
        } else {
            print(session.out(), result);
        }
        return ExitCodes.OK;
    }

    /**
     * B's settings over A's: a name A sets and B does not keeps A's value in B, so that the comparison changes only
     * what --compare-set names.
     */
    private static Map<String, String> withDefaults(Map<String, String> b, Map<String, String> a) {
        Map<String, String> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static Duration positive(String text, String option) {
        Duration d = OverrideCommand.duration(text, option);
        if (d == null || d.isNegative() || d.isZero()) {
            throw UserError.input(option + " must be a positive duration, e.g. 60s or 5m.");
        }
        return d;
    }

    private static Map<String, String> settings(String option, List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : given) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw UserError.input(option + " '" + s + "' is not NAME=VALUE (for example " + option + " work_mem=64MB).");
            }
            if (out.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip()) != null) {
                throw UserError.input(option + " names " + s.substring(0, eq).strip() + " twice.");
            }
        }
        return out;
    }

    @JsonPropertyOrder({"configuration", "settings", "tps", "latencyP50Ms", "latencyP95Ms", "noise", "replicates",
            "observationId", "features"})
    record ConfigurationJson(String configuration, Map<String, String> settings, double tps, double latencyP50Ms,
                             double latencyP95Ms, double noise, int replicates, long observationId,
                             Map<String, Double> features) {
        static ConfigurationJson of(String label, Observation o) {
            return new ConfigurationJson(label, o.settings(), round(o.tps()), round(o.p50Ms()), round(o.p95Ms()),
                    Math.round(o.noise() * 10000) / 10000.0, o.replicates(), o.id(), o.features());
        }
    }

    /** The first configuration's numbers at the top (what a script reads), both configurations in the list. */
    @JsonPropertyOrder({"target", "workloadKey", "hardwareClass", "clients", "tps", "latencyP50Ms", "latencyP95Ms",
            "noise", "replicates", "observationId", "verdict", "configurations"})
    record ExperimentJson(String target, String workloadKey, String hardwareClass, int clients, double tps,
                          double latencyP50Ms, double latencyP95Ms, double noise, int replicates, long observationId,
                          String verdict, List<ConfigurationJson> configurations) {
        static ExperimentJson of(ExperimentService.Result r) {
            Observation a = r.observations().getFirst();
            List<ConfigurationJson> all = new java.util.ArrayList<>();
            for (int i = 0; i < r.observations().size(); i++) {
                all.add(ConfigurationJson.of(i == 0 ? "A" : "B", r.observations().get(i)));
            }
            ConfigurationJson first = all.getFirst();
            return new ExperimentJson(a.target(), a.workloadKey(), a.hardwareClass(), a.clients(), first.tps(),
                    first.latencyP50Ms(), first.latencyP95Ms(), first.noise(), first.replicates(), first.observationId(),
                    r.verdict(), all);
        }
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : 0;
    }

    private static void print(PrintWriter out, ExperimentService.Result r) {
        Observation first = r.observations().getFirst();
        out.println(first.target() + " · " + first.clients() + " clients · " + first.hardwareClass());
        Table table = new Table("CONFIG", "SETTINGS", "TPS", "P50 MS", "P95 MS", "NOISE", "RUNS", "OBSERVATION");
        for (int i = 0; i < r.observations().size(); i++) {
            Observation o = r.observations().get(i);
            table.row(i == 0 ? "A" : "B", o.settings().isEmpty() ? "(as configured)" : Table.clip(o.settings().toString(), 40),
                    String.format(Locale.ROOT, "%.1f", o.tps()), String.format(Locale.ROOT, "%.2f", o.p50Ms()),
                    String.format(Locale.ROOT, "%.2f", o.p95Ms()), String.format(Locale.ROOT, "%.0f%%", o.noise() * 100),
                    String.valueOf(o.replicates()), "#" + o.id());
        }
        table.print(out);
        out.println("verdict: " + r.verdict());
    }
}
