package io.knobwright.app.cli;

import io.knobwright.app.prometheus.PrometheusSync;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.PrometheusMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Saved Prometheus mappings (decision 0133): `prometheus map add|list|remove` and `prometheus sync`. */
@Command(name = "map", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Saved mappings from a PromQL query to one of an instance's series, re-imported by 'prometheus sync'",
                "and by the daemon (--prometheus-interval) or the open workbench every 5 minutes."})
final class PrometheusMapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use add, list or remove.");
    }

    static Map<String, Object> json(PrometheusMapping m, String instance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("instance", instance);
        out.put("url", m.url().toString());
        out.put("query", m.query());
        out.put("metric", m.metric().name().toLowerCase(Locale.ROOT));
        out.put("step", m.step().toSeconds() + "s");
        out.put("tokenEnv", m.tokenEnv());
        out.put("user", m.user());
        out.put("importedUntil", m.importedUntil() == null ? null : m.importedUntil().toString());
        return out;
    }

    static String instanceName(CliSession session, long id) {
        return session.context().fleet().find(id).map(Instance::name).orElse("#" + id);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Saves a mapping. Nothing is imported yet: 'prometheus sync' imports the last 24 hours first,",
                    "then whatever is new. One mapping per instance and series. Secrets stay in environment variables:",
                    "only the variables' names are saved."})
    static final class Add implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance the series belongs to.")
        private String instance;

        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "Prometheus's base address, e.g. http://prometheus:9090 (without /api/v1).")
        private String url;

        @Option(names = "--query", required = true, paramLabel = "PROMQL", description = "A query giving one series.")
        private String query;

        @Option(names = "--as-metric", required = true, paramLabel = "SERIES",
                description = "Knobwright's series to fill, e.g. host_cpu_busy, host_memory_available_bytes.")
        private String metric;

        @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s", description = "Resolution. Default 60s.")
        private String step;

        @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_TOKEN",
                description = "Environment variable holding a bearer token at sync time. Default PROMETHEUS_TOKEN.")
        private String tokenEnv;

        @Option(names = "--user", paramLabel = "USER", description = "Basic auth user; the password is read from --password-env.")
        private String user;

        @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_PASSWORD",
                description = "Environment variable holding the basic auth password. Default PROMETHEUS_PASSWORD.")
        private String passwordEnv;

        @Option(names = "--json", description = "Print the saved mapping as JSON.")
        private boolean json;

        Add(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            var target = PrometheusCommand.Import.metric(metric);
            var base = PrometheusCommand.Import.url(url);
            Duration every = OverrideCommand.duration(step, "--step");
            Instance found = session.context().fleet().require(instance);
            PrometheusMapping saved = session.context().prometheusSync(Duration.ofSeconds(30)).add(found, base, query.strip(),
                    target, every, tokenEnv, user, user == null ? null : passwordEnv);
            if (json) {
                Json.print(session.out(), json(saved, found.name()));
            } else {
                session.out().println("Mapping " + saved.id() + ": " + Table.cell(found.name()) + " "
                        + target.name().toLowerCase(Locale.ROOT) + " <- " + saved.query() + " at " + saved.url()
                        + " every " + every.toSeconds() + " s; run `knobwright prometheus sync` to import.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Lists the saved mappings and how far each is imported.")
    static final class ListMappings implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--json", description = "Print a JSON array: {id, instance, url, query, metric, step, tokenEnv, user,"
                + " importedUntil}.")
        private boolean json;

        ListMappings(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            List<PrometheusMapping> all = session.context().prometheusSync(Duration.ofSeconds(30)).mappings();
            if (json) {
                Json.print(session.out(), all.stream().map(m -> json(m, instanceName(session, m.instanceId()))).toList());
            } else if (all.isEmpty()) {
                session.out().println("No Prometheus mappings; add one with `knobwright prometheus map add`.");
            } else {
                Table table = new Table("ID", "INSTANCE", "SERIES", "STEP", "IMPORTED UNTIL", "URL", "QUERY");
                all.forEach(m -> table.row(m.id(), instanceName(session, m.instanceId()), m.metric().name().toLowerCase(Locale.ROOT),
                        m.step().toSeconds() + "s", m.importedUntil() == null ? "never" : m.importedUntil().toString(),
                        Table.clip(m.url().toString(), 30), Table.clip(m.query(), 50)));
                table.print(session.out());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Removes a saved mapping (see 'prometheus map list'); the points it imported stay.")
    static final class Remove implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The mapping's id.")
        private long id;

        Remove(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            session.context().prometheusSync(Duration.ofSeconds(30)).remove(id);
            session.out().println("Mapping " + id + " removed; the points it imported stay.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Imports each saved mapping from where its last import ended (the first time: the last 24",
                    "hours) up to now. Run twice, it imports nothing twice. A failing mapping is reported; the others",
                    "still sync. Exit 3 when a server could not be reached, 1 for other failures."})
    static final class Sync implements Callable<Integer> {
        private final CliSession session;

        @Option(names = "--instance", paramLabel = "ID|NAME", description = "Only this instance's mappings.")
        private String instance;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "Per request. Default 30s.")
        private String timeout;

        @Option(names = "--json", description = "Print a JSON array: {id, instance, metric, stored, skipped, first, last,"
                + " importedUntil, error}.")
        private boolean json;

        Sync(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Duration perRequest = OverrideCommand.duration(timeout, "--timeout");
            Optional<Instance> only = Optional.ofNullable(instance).map(session.context().fleet()::require);
            PrometheusSync sync = session.context().prometheusSync(perRequest);
            List<PrometheusSync.Outcome> outcomes = sync.sync(only);
            if (json) {
                Json.print(session.out(), outcomes.stream().map(Sync::json).toList());
            } else if (outcomes.isEmpty()) {
                session.out().println("No Prometheus mappings" + (instance == null ? "" : " for " + instance)
                        + "; add one with `knobwright prometheus map add`.");
            } else {
                outcomes.forEach(o -> (o.ok() ? session.out() : session.err()).println(line(o)));
            }
            boolean unreachable = outcomes.stream().anyMatch(o -> o.errorKind() == UserError.Kind.UNREACHABLE);
            boolean failed = outcomes.stream().anyMatch(o -> !o.ok());
            return unreachable ? ExitCodes.UNREACHABLE : failed ? ExitCodes.USER_ERROR : ExitCodes.OK;
        }

        static String line(PrometheusSync.Outcome o) {
            String series = o.mapping().metric().name().toLowerCase(Locale.ROOT);
            String head = "mapping " + o.mapping().id() + " (" + Table.cell(o.instance()) + " " + series + "): ";
            if (!o.ok()) {
                return "knobwright: " + head + o.error()
                        + (o.stored() > 0 ? " (" + o.stored() + " point(s) stored before it failed)" : "");
            }
            return head + o.stored() + " new point(s)" + (o.first() == null ? "" : " from " + o.first() + " to " + o.last())
                    + (o.skipped() == 0 ? "" : "; " + o.skipped() + " NaN/infinite skipped")
                    + (o.importedUntil() == null ? "" : "; imported until " + o.importedUntil()) + ".";
        }

        static Map<String, Object> json(PrometheusSync.Outcome o) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", o.mapping().id());
            out.put("instance", o.instance());
            out.put("metric", o.mapping().metric().name().toLowerCase(Locale.ROOT));
            out.put("stored", o.stored());
            out.put("skipped", o.skipped());
            out.put("first", o.first() == null ? null : o.first().toString());
            out.put("last", o.last() == null ? null : o.last().toString());
            out.put("importedUntil", o.importedUntil() == null ? null : o.importedUntil().toString());
            out.put("error", o.error());
            return out;
        }
    }
}
