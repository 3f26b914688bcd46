package io.knobwright.app.cli;

import io.knobwright.app.prometheus.PrometheusClient;
import io.knobwright.app.prometheus.PrometheusImport;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "prometheus", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Series from a Prometheus-compatible HTTP API (query_range), e.g. host CPU, memory and I/O from",
                "node_exporter that JDBC cannot see. The /metrics export is the daemon's --metrics-port."})
final class PrometheusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw Cli.usage(spec.commandLine(), "Missing command: use import, map or sync.");
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Runs one PromQL query over a range and stores its one series as one of the instance's series",
                    "(beside what the collectors poll). A query giving several series is refused: add a label selector.",
                    "NaN and infinite values are skipped and counted. Auth: a bearer token from $PROMETHEUS_TOKEN (or the",
                    "variable --token-env names), or --user with the password from $PROMETHEUS_PASSWORD."})
    static final class Import implements Callable<Integer> {

        private final CliSession session;

        @Option(names = "--instance", required = true, paramLabel = "ID|NAME", description = "The instance the series belongs to.")
        private String instance;

        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "Prometheus's base address, e.g. http://prometheus:9090 (without /api/v1).")
        private String url;

        @Option(names = "--query", required = true, paramLabel = "PROMQL",
                description = "e.g. 1 - avg(rate(node_cpu_seconds_total{instance=\"db1:9100\",mode=\"idle\"}[5m]))")
        private String query;

        @Option(names = "--as-metric", required = true, paramLabel = "METRIC",
                description = "Knobwright's series to fill, e.g. host_cpu_busy, host_memory_available_bytes, "
                        + "host_disk_read_bytes, host_disk_write_bytes, host_disk_free_bytes (any series name is accepted).")
        private String metric;

        @Option(names = "--start", paramLabel = "TIME", defaultValue = "24h",
                description = "An instant (2026-12-01T00:00:00Z) or how long before --end (e.g. 6h, 7d). Default 24h.")
        private String start;

        @Option(names = "--end", paramLabel = "TIME", defaultValue = "now",
                description = "An instant, 'now', or how long ago (e.g. 1h). Default now.")
        private String end;

        @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s", description = "Resolution. Default 60s.")
        private String step;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "Per request. Default 30s.")
        private String timeout;

        @Option(names = "--token-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_TOKEN",
                description = "Environment variable holding a bearer token (used when set). Default PROMETHEUS_TOKEN.")
        private String tokenEnv;

        @Option(names = "--user", paramLabel = "USER", description = "Basic auth user; the password is read from --password-env.")
        private String user;

        @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "PROMETHEUS_PASSWORD",
                description = "Environment variable holding the basic auth password. Default PROMETHEUS_PASSWORD.")
        private String passwordEnv;

        @Option(names = "--json", description = "Print JSON: {instance, metric, query, series, stored, skipped, first, last}.")
        private boolean json;

        Import(CliSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Metric target = metric(metric);
            URI base = url(url);
            Instant now = Instant.now();
            Instant to = time(end, now, "--end");
            Instant from = time(start, to, "--start");
            Map<String, String> env = session.environment();
            PrometheusClient.Auth auth = new PrometheusClient.Auth(env.get(tokenEnv), user, user == null ? null : env.get(passwordEnv));
            PrometheusImport.Request request = new PrometheusImport.Request(base, query, from, to,
                    OverrideCommand.duration(step, "--step"), target, auth);
            Instance found = session.context().fleet().require(instance);
            PrometheusImport.Result r = session.context().prometheusImport(OverrideCommand.duration(timeout, "--timeout"))
                    .run(found, request);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("instance", found.name());
                out.put("metric", target.name().toLowerCase(Locale.ROOT));
                out.put("query", query);
                out.put("series", r.labels());
                out.put("stored", r.stored());
                out.put("skipped", r.skipped());
                out.put("first", r.first() == null ? null : r.first().toString());
                out.put("last", r.last() == null ? null : r.last().toString());
                Json.print(session.out(), out);
            } else {
                session.out().println(Table.cell(found.name()) + ": " + r.stored() + " point(s) of " + target.name().toLowerCase(Locale.ROOT)
                        + " stored" + (r.first() == null ? "" : " from " + r.first() + " to " + r.last())
                        + (r.skipped() == 0 ? "" : "; " + r.skipped() + " NaN/infinite value(s) skipped") + ".");
            }
            return ExitCodes.OK;
        }

        static Metric metric(String name) {
            try {
                return Metric.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw UserError.input("--as-metric '" + name + "' is not one of Knobwright's series: " + Arrays.stream(Metric.values())
                        .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
            }
        }

        static URI url(String text) {
            try {
                URI uri = URI.create(text.strip());
                if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                    throw new IllegalArgumentException("not http(s)");
                }
                return uri;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw UserError.input("--url '" + text + "' is not an http(s) address; e.g. http://prometheus:9090.");
            }
        }

        /** An instant, 'now', or a duration back from {@code before}. */
        static Instant time(String text, Instant before, String option) {
            if (text.equalsIgnoreCase("now")) {
                return Instant.now();
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return before.minus(OverrideCommand.duration(text, option));
                } catch (UserError e) {
                    throw UserError.input(option + " '" + text + "' is neither an instant (2026-12-01T00:00:00Z), 'now', "
                            + "nor a duration such as 6h.");
                }
            }
        }
    }
}
