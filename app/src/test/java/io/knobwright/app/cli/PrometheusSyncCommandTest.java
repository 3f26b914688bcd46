package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.knobwright.app.prometheus.PrometheusClient;
import io.knobwright.app.prometheus.PrometheusImport;
import io.knobwright.app.prometheus.PrometheusSync;
import io.knobwright.app.prometheus.PrometheusSyncSchedule;
import io.knobwright.app.testing.ManualClock;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved Prometheus mappings (`prometheus map`, `prometheus sync`, the daemon's schedule) against a small local server
 * that answers /api/v1/query_range from a series it generates: one point a minute up to {@link #dataEnd}, like a
 * Prometheus that has scraped until then.
 */
class PrometheusSyncCommandTest {

    private static final long GB = 1L << 30;

    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile Instant dataEnd = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
    private volatile String fixedAnswer;
    private HttpServer prometheus;
    private Instance db1;

    @BeforeEach
    void serverAndInstance() throws IOException {
        db1 = cli.add(new Instance(0, "db1", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), Tier.PRODUCTION, null, null,
                new HardwareFacts(8, 32 * GB, DiskType.SSD, 512 * GB), false));
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        prometheus.createContext("/api/v1/query_range", this::answer);
        prometheus.start();
    }

    @AfterEach
    void close() {
        prometheus.stop(0);
        cli.close();
    }

    /** Points at start, start + step, ... up to min(end, dataEnd); the value is the minute of the day / 1440. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            requests.add(form);
            String body = fixedAnswer;
            if (body == null) {
                long start = (long) Double.parseDouble(form.get("start"));
                long end = Math.min((long) Double.parseDouble(form.get("end")), dataEnd.getEpochSecond());
                long step = (long) Double.parseDouble(form.get("step"));
                List<String> values = new ArrayList<>();
                for (long t = start; t <= end; t += step) {
                    values.add("[" + t + ",\"" + value(Instant.ofEpochSecond(t)) + "\"]");
                }
                body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + (values.isEmpty() ? ""
                        : "{\"metric\":{\"instance\":\"db1:9100\"},\"values\":[" + String.join(",", values) + "]}") + "]}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static double value(Instant t) {
        return (t.getEpochSecond() / 60 % 1440) / 1440.0;
    }

    private String url() {
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    private CliHarness.Result mapCpu(String... more) {
        List<String> args = new ArrayList<>(List.of("prometheus", "map", "add", "--instance", "db1", "--url", url(),
                "--query", "1 - avg(rate(node_cpu_seconds_total{instance=\"db1:9100\",mode=\"idle\"}[5m]))",
                "--as-metric", "host_cpu_busy"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private List<MetricPoint> stored() {
        return cli.store().workloadSeries().points(db1.id(), Metric.HOST_CPU_BUSY, Instant.EPOCH, Instant.now().plusSeconds(3600));
    }

    @Test
    void aSavedMappingImportsTheLastDayThenOnlyWhatIsNew() throws Exception {
        CliHarness.Result added = mapCpu("--json");
        assertThat(added.exitCode()).as(added.err()).isZero();
        long id = json.readTree(added.out()).get("id").asLong();
        assertThat(requests).as("map add only saves").isEmpty();

        CliHarness.Result first = cli.run("prometheus", "sync", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode outcome = json.readTree(first.out()).get(0);
        assertThat(outcome.get("id").asLong()).isEqualTo(id);
        assertThat(outcome.get("instance").asText()).isEqualTo("db1");
        assertThat(outcome.get("error").isNull()).isTrue();
        assertThat(outcome.get("importedUntil").asText()).isEqualTo(dataEnd.toString());
        int firstDay = outcome.get("stored").asInt();
        assertThat(firstDay).as("24 hours back, one a minute, until the server's newest point").isBetween(1430, 1441);
        assertThat(stored()).hasSize(firstDay).last().isEqualTo(new MetricPoint(dataEnd, value(dataEnd)));

        CliHarness.Result again = cli.run("prometheus", "sync");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("mapping " + id + " (db1 host_cpu_busy): 0 new point(s)");
        assertThat(stored()).hasSize(firstDay);
        assertThat(requests.getLast().get("start")).as("asks from the step after the newest point")
                .isEqualTo(Long.toString(dataEnd.getEpochSecond() + 60));

        dataEnd = dataEnd.plus(Duration.ofMinutes(5));
        CliHarness.Result later = cli.run("prometheus", "sync", "--instance", "db1");

        assertThat(later.out()).contains("5 new point(s) from " + dataEnd.minus(Duration.ofMinutes(4)) + " to " + dataEnd);
        List<MetricPoint> all = stored();
        assertThat(all).hasSize(firstDay + 5).doesNotHaveDuplicates();
        assertThat(all.stream().map(MetricPoint::at).distinct()).hasSize(firstDay + 5);

        CliHarness.Result listed = cli.run("prometheus", "map", "list", "--json");
        JsonNode mapping = json.readTree(listed.out()).get(0);
        assertThat(mapping.get("metric").asText()).isEqualTo("host_cpu_busy");
        assertThat(mapping.get("step").asText()).isEqualTo("60s");
        assertThat(mapping.get("importedUntil").asText()).isEqualTo(dataEnd.toString());
        assertThat(cli.run("prometheus", "map", "list").out()).contains("host_cpu_busy").contains(dataEnd.toString());

        assertThat(cli.run("prometheus", "map", "remove", "--id", Long.toString(id)).exitCode()).isZero();
        assertThat(cli.run("prometheus", "sync").out()).contains("No Prometheus mappings");
        assertThat(stored()).as("the imported points stay").hasSize(firstDay + 5);
    }

    @Test
    void theDaemonsScheduleSyncsWhenDueByItsClock() {
        assertThat(mapCpu().exitCode()).isZero();
        ManualClock clock = new ManualClock(dataEnd.plusSeconds(30));
        PrometheusSync sync = new PrometheusSync(cli.store().prometheusMappings(), cli.store().instances()::findById,
                new PrometheusImport(new PrometheusClient(Duration.ofSeconds(5)), cli.store().workloadSeries()),
                name -> null, clock);
        List<List<PrometheusSync.Outcome>> reported = new ArrayList<>();
        PrometheusSyncSchedule schedule = new PrometheusSyncSchedule(sync, Duration.ofMinutes(5), clock, reported::add);

        List<PrometheusSync.Outcome> firstRound = schedule.tick();
        assertThat(firstRound).singleElement().satisfies(o -> assertThat(o.stored()).isEqualTo(1441));

        dataEnd = dataEnd.plus(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertThat(schedule.tick()).as("not due before five minutes").isEmpty();
        int asked = requests.size();

        clock.advance(Duration.ofMinutes(1));
        List<PrometheusSync.Outcome> secondRound = schedule.tick();

        assertThat(secondRound).singleElement().satisfies(o -> {
            assertThat(o.stored()).isEqualTo(5);
            assertThat(o.importedUntil()).isEqualTo(dataEnd);
        });
        assertThat(requests).hasSize(asked + 1);
        assertThat(reported).hasSize(2);
        assertThat(stored()).hasSize(1446);
    }

    @Test
    void errorsSayWhatIsWrongAndTheOtherMappingsStillSync() {
        assertThat(mapCpu().exitCode()).isZero();
        assertThat(cli.run("prometheus", "map", "add", "--instance", "db1", "--url", "http://127.0.0.1:1", "--query", "up",
                "--as-metric", "host_memory_available_bytes").exitCode()).isZero();

        CliHarness.Result r = cli.run("prometheus", "sync");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.out()).contains("(db1 host_cpu_busy): 14");
        assertThat(r.err()).contains("(db1 host_memory_available_bytes)").contains("could not be reached")
                .contains("check --url").doesNotContain("Exception:");

        assertThat(cli.run("prometheus", "map", "add", "--instance", "db1", "--url", url(), "--query", "up",
                "--as-metric", "host_cpu_busy").err()).contains("db1 already maps host_cpu_busy");
        assertThat(cli.run("prometheus", "map", "add", "--instance", "db1", "--url", url(), "--query", "up",
                "--as-metric", "node_cpu").err()).contains("--as-metric 'node_cpu' is not one of Knobwright's series")
                .contains("host_disk_free_bytes");
        assertThat(cli.run("prometheus", "map", "add", "--instance", "nope", "--url", url(), "--query", "up",
                "--as-metric", "host_disk_free_bytes").exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(cli.run("prometheus", "map", "remove", "--id", "999").err()).contains("No Prometheus mapping 999");
    }

    @Test
    void aFirstSyncWithNoSeriesOrSeveralIndistinguishableSeriesIsRefusedPlainly() {
        assertThat(mapCpu().exitCode()).isZero();
        fixedAnswer = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";

        CliHarness.Result none = cli.run("prometheus", "sync");

        assertThat(none.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(none.err()).contains("The query gave no series").contains("label selector");

        long s = dataEnd.getEpochSecond();
        fixedAnswer = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"job\":\"node\"},\"values\":[[" + s + ",\"1\"]]},"
                + "{\"metric\":{\"job\":\"node\"},\"values\":[[" + s + ",\"2\"]]}]}}";
        CliHarness.Result twins = cli.run("prometheus", "sync");
        assertThat(twins.err()).contains("gave 2 series").contains("no label tells them apart");

        fixedAnswer = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"job\":\"node\",\"instance\":\"db1:9100\"},\"values\":[[" + s + ",\"1\"]]},"
                + "{\"metric\":{\"job\":\"node\",\"instance\":\"db2:9100\"},\"values\":[[" + s + ",\"2\"]]}]}}";
        assertThat(cli.run("prometheus", "sync").err()).contains("the label instance tells them apart");
        assertThat(stored()).isEmpty();
        assertThat(cli.run("prometheus", "map", "list").out()).contains("never");
    }
}
