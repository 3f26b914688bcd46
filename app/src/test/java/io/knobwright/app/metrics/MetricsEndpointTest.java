package io.knobwright.app.metrics;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.ServerEpoch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The /metrics page served over HTTP from a real store, read back with a strict parser of the text format. */
class MetricsEndpointTest {

    private static final long GB = 1L << 30;
    /** Quotes, backslashes, a line feed and non-ASCII letters: what a careless inventory import could leave. */
    static final String HOSTILE = "we\"ird\\name\nline 2 – Zürich ✓";

    private static KnobwrightStore store;
    private static AppContext context;
    private static MetricsEndpoint endpoint;
    private static Instance orders;
    private static Instance hostile;
    private static Instance reports;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void fleetWithOverridesAndAnApproval() throws Exception {
        store = KnobwrightStore.inMemory("metrics-" + UUID.randomUUID(), false);
        context = new AppContext(store, () -> { }, new CatalogRepository(), Connectors.defaultRegistry(), k -> null);
        orders = store.instances().save(instance("pg-orders-1"));
        hostile = store.instances().save(instance(HOSTILE));
        reports = store.instances().save(instance("pg-reports"));
        Instant now = Instant.now();
        store.snapshots().save(new SettingsSnapshot(orders.id(), now.minusSeconds(3600), "16.4", List.of(
                new LiveSetting("shared_buffers", "16384", "8kB", "default", false),
                new LiveSetting("work_mem", "4096", "kB", "default", false))));
        store.templateAssignments().assign(new TemplateAssignment(orders.id(), "postgresql-oltp", null));
        for (int i = 0; i < 2; i++) {
            EmergencyOverride o = store.overrides().insert(EmergencyOverride.pending("b" + i, hostile.id(), hostile.name(),
                    "work_mem", (i + 2) * 64 + "MB", "4MB", false, 0, "dave", "INC-1 sorts spilling", now.minusSeconds(60),
                    now.plusSeconds(3600), 0));
            store.overrides().transition(o.id(), OverrideState.PENDING, OverrideState.ACTIVE, now);
        }
        store.plans().save(new ChangePlan(0, orders.id(), orders.name(), "postgresql-oltp", 1, now.minusSeconds(300), "alice",
                PlanState.SUBMITTED, ChangePlan.NO_BASELINE, List.of(new PlannedChange("random_page_cost", "4", "1.1", null,
                ApplyMode.RELOAD, "SSD storage", ""))));
        store.plans().save(new ChangePlan(0, reports.id(), reports.name(), "postgresql-oltp", 1, now.minusSeconds(300), "alice",
                PlanState.APPLIED, ChangePlan.NO_BASELINE, List.of()));
        store.pendingRestarts().put(new PendingRestart(reports.id(), reports.name(), "shared_buffers", "2GB",
                now.minusSeconds(3 * 3600), 0, 0, ""));
        Instant polled = now.minusSeconds(90);
        store.workloadSeries().record(orders.id(), new CounterPoll(polled, new ServerEpoch(now.minus(Duration.ofDays(3)), null),
                Map.of(Metric.CONNECTIONS, 30.0, Metric.MAX_CONNECTIONS, 200.0)), new PolledPoints(polled,
                Map.of(Metric.CONNECTIONS, 30.0, Metric.MAX_CONNECTIONS, 200.0), List.of(), PolledPoints.Baseline.FIRST, Set.of()));
        // 120 days of steady growth, 5 GB a day, to 700 GB of a 1 TB disk: full in about 65 days
        List<io.knobwright.model.workload.SizePoint> sizes = new java.util.ArrayList<>();
        for (int day = 120; day >= 0; day--) {
            sizes.add(new io.knobwright.model.workload.SizePoint(now.minus(Duration.ofDays(day)), (700 - 5L * day) * GB));
        }
        store.sizeSeries().replace(reports.id(), "total", io.knobwright.model.forecast.SizeSeries.of(sizes));
        endpoint = context.startMetricsEndpoint(MetricsEndpoint.LOOPBACK, 0);
    }

    private static Instance instance(String name) {
        return new Instance(0, name, Engine.POSTGRESQL, "16", "16.4", null, Map.of("team", "orders"), Tier.PRODUCTION, null,
                null, new HardwareFacts(16, 64 * GB, DiskType.NVME, 1024 * GB), false);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        context.close();
        store.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageParsesStrictlyAndCarriesEachInstancesFigures() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ExpositionFormat.CONTENT_TYPE);
        StrictExposition page = StrictExposition.parse(response.body());
        assertThat(page.types).containsEntry("knobwright_up", "gauge").containsEntry("knobwright_active_overrides", "gauge");
        assertThat(page.samples).filteredOn(s -> s.name().equals("knobwright_up")).singleElement()
                .extracting(StrictExposition.Sample::value).isEqualTo(1.0);
        assertThat(page.value("knobwright_active_overrides", HOSTILE)).isEqualTo(2);
        assertThat(page.value("knobwright_active_overrides", "pg-orders-1")).isZero();
        assertThat(page.value("knobwright_pending_approvals", "pg-orders-1")).isEqualTo(1);
        assertThat(page.value("knobwright_pending_approvals", "pg-reports")).isZero();
        assertThat(page.value("knobwright_pending_restarts", "pg-reports")).isEqualTo(1);
        assertThat(page.value("knobwright_connections", "pg-orders-1")).isEqualTo(30);
        assertThat(page.value("knobwright_max_connections", "pg-orders-1")).isEqualTo(200);
        assertThat(page.value("knobwright_connection_use_ratio", "pg-orders-1")).isEqualTo(0.15);
        assertThat(page.value("knobwright_last_poll_age_seconds", "pg-orders-1")).isBetween(90.0, 3600.0);
        assertThat(page.samples).noneMatch(s -> s.name().equals("knobwright_connections") && !"pg-orders-1".equals(s.labels().get("instance_name")));
        int drift = context.plans().drift().get(orders.id());
        assertThat(drift).isPositive();
        assertThat(page.value("knobwright_drift_parameters", "pg-orders-1")).isEqualTo(drift);
        assertThat(page.samples).filteredOn(s -> s.name().equals("knobwright_metrics_source_ok"))
                .extracting(StrictExposition.Sample::value).hasSize(6).containsOnly(1.0);
    }

    @Test
    void daysUntilTheDiskIsFullComeFromTheStorageForecastOfInstancesWithASizeHistory() throws Exception {
        StrictExposition page = StrictExposition.parse(send("GET", "/metrics").body());

        assertThat(page.types).containsEntry("knobwright_disk_full_days", "gauge");
        assertThat(page.value("knobwright_disk_full_days", "pg-reports")).isBetween(55.0, 75.0);
        assertThat(page.samples).filteredOn(s -> s.name().equals("knobwright_disk_full_days"))
                .as("no size history, no figure").hasSize(1);
    }

    @Test
    void hostileInstanceNamesAreEscapedAndReadBackIntact() throws Exception {
        String body = send("GET", "/metrics").body();

        assertThat(body).contains("instance_name=\"we\\\"ird\\\\name\\nline 2 – Zürich ✓\"");
        assertThat(body.lines()).allMatch(l -> l.startsWith("#") || l.isEmpty() || l.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+"));
        assertThat(StrictExposition.parse(body).value("knobwright_pending_approvals", HOSTILE)).isZero();
    }

    @Test
    void otherPathsAreNotFoundHeadHasNoBodyAndPostIsRefused() throws Exception {
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/metrics/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> head = send("HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValue(ExpositionFormat.CONTENT_TYPE);
        HttpResponse<String> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void concurrentScrapesEachGetAWholePage() {
        List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scrapes.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var scrape : scrapes) {
            HttpResponse<String> r = scrape.join();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(StrictExposition.parse(r.body()).value("knobwright_active_overrides", HOSTILE)).isEqualTo(2);
        }
    }

    @Test
    void aSourceThatHangsIsLeftOffWhileTheOthersAppear() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        MetricsSource hanging = new MetricsSource() {
            public String name() {
                return "backups";
            }

            public List<MetricFamily> collect(Instant now) {
                try {
                    never.await();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                return List.of(MetricFamily.gauge("knobwright_backup_age_hours", "never", List.of(MetricFamily.Sample.of(1))));
            }
        };
        List<MetricsSource> sources = new ArrayList<>(context.metricsSources());
        sources.add(hanging);
        MetricsExporter exporter = new MetricsExporter(sources, "test", Duration.ofMillis(300), Clock.systemUTC());
        try (MetricsEndpoint slow = MetricsEndpoint.start(MetricsEndpoint.LOOPBACK, 0, exporter)) {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            StrictExposition page = StrictExposition.parse(body);
            assertThat(page.types).doesNotContainKey("knobwright_backup_age_hours");
            assertThat(page.samples).filteredOn(s -> s.name().equals("knobwright_metrics_source_ok")
                    && "backups".equals(s.labels().get("source"))).singleElement()
                    .extracting(StrictExposition.Sample::value).isEqualTo(0.0);
        }
    }

    @Test
    void valuesAndHelpAreWrittenAsTheFormatSays() {
        String page = ExpositionFormat.write(List.of(MetricFamily.gauge("x_total", "a\\b\nc \"q\"", List.of(
                MetricFamily.Sample.of(Double.NaN), MetricFamily.Sample.of(Double.POSITIVE_INFINITY),
                MetricFamily.Sample.of(Double.NEGATIVE_INFINITY), MetricFamily.Sample.of(0.25)))));

        assertThat(page).isEqualTo("# HELP x_total a\\\\b\\nc \"q\"\n# TYPE x_total gauge\nx_total NaN\nx_total +Inf\n"
                + "x_total -Inf\nx_total 0.25\n");
    }
}
