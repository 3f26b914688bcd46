package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.ServerEpoch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** 'prometheus import' against a small local server speaking /api/v1/query_range, into the real store. */
class PrometheusImportCommandTest {

    private static final long GB = 1L << 30;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> lastRequest = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer;
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

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                lastRequest.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            lastRequest.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (answer == null) { // the slow server: answers only when the test ends
                release.await();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void close() {
        release.countDown();
        prometheus.stop(0);
        cli.close();
    }

    private String url() {
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    private static String matrix(String... series) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + String.join(",", series) + "]}}";
    }

    private static String series(String labels, String values) {
        return "{\"metric\":{" + labels + "},\"values\":[" + values + "]}";
    }

    private CliHarness.Result importCpu(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("prometheus", "import", "--instance", "db1", "--url", url(),
                "--query", "1 - avg(rate(node_cpu_seconds_total{instance=\"db1:9100\",mode=\"idle\"}[5m]))",
                "--as-metric", "host_cpu_busy", "--start", T0.toString(), "--end", T0.plusSeconds(300).toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private List<MetricPoint> stored(Metric metric) {
        return cli.store().workloadSeries().points(db1.id(), metric, T0.minusSeconds(1), T0.plusSeconds(3600));
    }

    @Test
    void oneSeriesIsStoredWithNanAndInfinitySkippedAndTheTokenSent() throws Exception {
        long s = T0.getEpochSecond();
        answer = matrix(series("\"instance\":\"db1:9100\"", "[" + s + ",\"0.25\"],[" + (s + 60) + ",\"NaN\"],[" + (s + 120)
                + ",\"0.5\"],[" + (s + 180) + ",\"+Inf\"],[" + (s + 240) + ".5,\"0.125\"]"));
        cli.env.put("PROMETHEUS_TOKEN", "s3cret");

        CliHarness.Result r = importCpu("--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = json.readTree(r.out());
        assertThat(out.get("instance").asText()).isEqualTo("db1");
        assertThat(out.get("metric").asText()).isEqualTo("host_cpu_busy");
        assertThat(out.get("stored").asInt()).isEqualTo(3);
        assertThat(out.get("skipped").asInt()).isEqualTo(2);
        assertThat(out.get("series").get("instance").asText()).isEqualTo("db1:9100");
        assertThat(stored(Metric.HOST_CPU_BUSY)).containsExactly(new MetricPoint(T0, 0.25),
                new MetricPoint(T0.plusSeconds(120), 0.5), new MetricPoint(T0.plusMillis(240_500), 0.125));
        assertThat(lastRequest).containsEntry("authorization", "Bearer s3cret").containsEntry("step", "60.0")
                .containsEntry("start", Long.toString(s)).containsEntry("end", Long.toString(s + 300));
        assertThat(lastRequest.get("query")).contains("node_cpu_seconds_total{instance=\"db1:9100\"");
    }

    @Test
    void importedPointsSitBesideTheCollectorsPointsAtTheSameInstant() {
        cli.store().workloadSeries().record(db1.id(), new CounterPoll(T0, new ServerEpoch(T0.minusSeconds(86_400), null),
                Map.of(Metric.CONNECTIONS, 12.0)), new PolledPoints(T0, Map.of(Metric.CONNECTIONS, 12.0), List.of(),
                PolledPoints.Baseline.FIRST, Set.of()));
        answer = matrix(series("", "[" + T0.getEpochSecond() + ",\"0.75\"]"));

        assertThat(importCpu().exitCode()).isZero();

        assertThat(stored(Metric.CONNECTIONS)).containsExactly(new MetricPoint(T0, 12.0));
        assertThat(stored(Metric.HOST_CPU_BUSY)).containsExactly(new MetricPoint(T0, 0.75));
        assertThat(cli.store().workloadSeries().baseline(db1.id()).orElseThrow().values()).containsEntry(Metric.CONNECTIONS, 12.0);
    }

    @Test
    void severalSeriesAreRefusedWithTheirLabelsAndNothingIsStored() {
        long s = T0.getEpochSecond();
        answer = matrix(series("\"__name__\":\"node_load1\",\"instance\":\"db1:9100\"", "[" + s + ",\"1\"]"),
                series("\"__name__\":\"node_load1\",\"instance\":\"db2:9100\"", "[" + s + ",\"2\"]"));

        CliHarness.Result r = importCpu();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("gave 2 series").contains("node_load1{instance=\"db2:9100\"}").contains("label selector");
        assertThat(stored(Metric.HOST_CPU_BUSY)).isEmpty();
    }

    @Test
    void anErrorFromPrometheusIsReportedPlainly() {
        status = 400;
        answer = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:7: parse error: unexpected right parenthesis ')'\"}";

        CliHarness.Result r = importCpu();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("Prometheus refused the query (HTTP 400, bad_data): 1:7: parse error: unexpected right parenthesis")
                .doesNotContain("Exception");
    }

    @Test
    void aServerThatDoesNotAnswerHitsTheTimeout() {
        answer = null;

        CliHarness.Result r = importCpu("--timeout", "1s");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("did not answer within 1 s");
        assertThat(stored(Metric.HOST_CPU_BUSY)).isEmpty();
    }

    @Test
    void badOptionsAreRefusedBeforeAnyRequest() {
        answer = matrix();

        assertThat(cli.run("prometheus", "import", "--instance", "db1", "--url", url(), "--query", "up",
                "--as-metric", "cpu").err()).contains("--as-metric 'cpu' is not one of Knobwright's series").contains("host_cpu_busy");
        assertThat(cli.run("prometheus", "import", "--instance", "db1", "--url", "prometheus:9090", "--query", "up",
                "--as-metric", "host_cpu_busy").err()).contains("is not an http(s) address");
        assertThat(cli.run("prometheus", "import", "--instance", "db1", "--url", url(), "--query", "up",
                "--as-metric", "host_cpu_busy", "--step", "1s", "--start", "30d").err()).contains("more than Prometheus answers");
        assertThat(lastRequest).isEmpty();
    }
}
