package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.knobwright.app.health.AlertNotifications;
import io.knobwright.app.health.AlertService;
import io.knobwright.app.testing.ManualClock;
import io.knobwright.connectors.notify.WebhookDispatcher;
import io.knobwright.connectors.notify.WebhookSender;
import io.knobwright.model.apply.restart.PendingRestart;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.health.Alert;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.notify.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fleet alerts reach the webhooks that ask for them, once per raise and once per clear, whichever evaluator (CLI,
 * daemon, workbench: here several AlertServices on one store) sees the change; a silenced alert sends nothing.
 */
class AlertWebhooksTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> alertHook = new CopyOnWriteArrayList<>();
    private final List<JsonNode> planHook = new CopyOnWriteArrayList<>();
    private final List<Alert> holding = new CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock(START);
    private HttpServer server;
    private WebhookSender sender;
    private Instance orders;

    @TempDir
    Path dir;

    @BeforeEach
    void receiversAndPolicy() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/alerts", exchange -> {
            alertHook.add(json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/plans", exchange -> {
            planHook.add(json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        sender = new WebhookSender(null, System::getenv);
        orders = cli.add(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), Tier.PRODUCTION,
                null, null, new HardwareFacts(16, 64L << 30, DiskType.NVME, 1L << 40), false));
        ok("user", "add", "--name", "carol", "--role", "admin");
        Path policy = dir.resolve("policy.yaml");
        int port = server.getAddress().getPort();
        // the second webhook names no events: it predates alerts and must keep receiving plan events only
        Files.writeString(policy, "webhooks:\n  - url: http://127.0.0.1:" + port + "/alerts\n    events: [alert.*]\n"
                + "  - url: http://127.0.0.1:" + port + "/plans\n");
        ok("--as", "carol", "policy", "rules", "import", "--file", policy.toString());
    }

    @AfterEach
    void close() {
        sender.close();
        server.stop(0);
        cli.close();
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    /** An evaluator as the CLI, the daemon or the workbench has one: its own service over the shared store. */
    private AlertService evaluator() {
        return new AlertService(() -> cli.store().instances().findAll(), cli.store().alertState(),
                new AlertNotifications(cli.store()), clock).register("test", (fleet, at) -> List.copyOf(holding));
    }

    private void send() {
        new WebhookDispatcher(cli.store().webhooks(), sender, Backoff.DEFAULT).deliverDue(clock.instant());
    }

    private Alert connections(AlertSeverity severity) {
        return new Alert(orders.id(), orders.name(), AlertKind.CONNECTIONS_NEAR_LIMIT, severity,
                "Connections at 96 % of max_connections", List.of("96 of 100 connections", "max_connections = 100"),
                START.minus(Duration.ofMinutes(5)));
    }

    @Test
    void aRaisedAlertIsPostedOnceAndItsClearOnce() {
        AlertService alerts = evaluator();
        holding.add(connections(AlertSeverity.CRITICAL));
        alerts.evaluate();
        send();
        assertThat(alertHook).singleElement().satisfies(e -> {
            assertThat(e.get("type").asText()).isEqualTo("alert.raised");
            assertThat(e.get("instanceName").asText()).isEqualTo("pg-orders-1");
            assertThat(e.get("planId").isNull()).isTrue();
            assertThat(e.get("actor").asText()).isEqualTo("knobwright");
            JsonNode a = e.get("alert");
            assertThat(a.get("instance").asText()).isEqualTo("pg-orders-1");
            assertThat(a.get("kind").asText()).isEqualTo("connections_near_limit");
            assertThat(a.get("severity").asText()).isEqualTo("critical");
            assertThat(a.get("title").asText()).isEqualTo("Connections at 96 % of max_connections");
            assertThat(a.get("evidence")).extracting(JsonNode::asText).containsExactly("96 of 100 connections",
                    "max_connections = 100");
            assertThat(a.get("since").asText()).isEqualTo("2026-12-06T09:55:00Z");
        });

        clock.advance(Duration.ofMinutes(1));
        alerts.evaluate();
        send();
        assertThat(alertHook).hasSize(1);

        holding.clear();
        clock.advance(Duration.ofMinutes(1));
        alerts.evaluate();
        clock.advance(Duration.ofMinutes(1));
        alerts.evaluate();
        send();
        assertThat(alertHook).hasSize(2);
        assertThat(alertHook.get(1).get("type").asText()).isEqualTo("alert.cleared");
        assertThat(alertHook.get(1).get("alert").get("kind").asText()).isEqualTo("connections_near_limit");
        assertThat(alertHook.get(1).get("alert").get("since").asText()).isEqualTo("2026-12-06T09:55:00Z");
        assertThat(planHook).as("a webhook without an event list receives plan events only").isEmpty();
    }

    @Test
    void aSilencedAlertSendsNothing() {
        cli.store().alertState().addWindow(new MaintenanceWindow(0, "pg-orders-1", false, START.minusSeconds(60),
                START.plus(Duration.ofHours(1)), null, "bulk load", "carol"));
        AlertService alerts = evaluator();
        holding.add(connections(AlertSeverity.WARNING));
        assertThat(alerts.evaluate().alerts()).singleElement().matches(s -> s.silenced());
        holding.clear();
        clock.advance(Duration.ofMinutes(1));
        alerts.evaluate(); // and it cleared inside the window: nothing was raised, so nothing is cleared
        send();
        assertThat(alertHook).isEmpty();
    }

    @Test
    void twoEvaluatorsOnOneStoreSendOneRaiseBetweenThem() throws Exception {
        holding.add(connections(AlertSeverity.CRITICAL));
        AlertService cliSide = evaluator();
        AlertService workbenchSide = evaluator();
        cliSide.evaluate();
        workbenchSide.evaluate();
        send();
        assertThat(alertHook).hasSize(1);

        // and at the same moment, for the clear: two threads let go together, many times
        for (int round = 0; round < 10; round++) {
            boolean raising = round % 2 == 1;
            if (raising) {
                holding.add(connections(AlertSeverity.CRITICAL));
            } else {
                holding.clear();
            }
            clock.advance(Duration.ofMinutes(1));
            CyclicBarrier together = new CyclicBarrier(2);
            try (ExecutorService two = Executors.newFixedThreadPool(2)) {
                List<Future<?>> runs = new ArrayList<>();
                for (AlertService s : List.of(evaluator(), evaluator())) {
                    runs.add(two.submit(() -> {
                        together.await();
                        return s.evaluate();
                    }));
                }
                for (Future<?> f : runs) {
                    f.get();
                }
            }
        }
        send();
        // the dispatcher sends a few at once, so they arrive in any order: put them in the order they happened
        List<JsonNode> inOrder = alertHook.stream().sorted(java.util.Comparator.comparing(e -> e.get("occurredAt").asText()))
                .toList();
        assertThat(inOrder).extracting(e -> e.get("type").asText()).hasSize(11)
                .containsExactly("alert.raised", "alert.cleared", "alert.raised", "alert.cleared", "alert.raised",
                        "alert.cleared", "alert.raised", "alert.cleared", "alert.raised", "alert.cleared", "alert.raised");
    }

    @Test
    void anAcknowledgedAlertIsListedWithWhoAndWhenAndNotSentAgain() throws Exception {
        // a restart waiting is an alert the CLI's own sources report (from the store)
        cli.store().pendingRestarts().put(new PendingRestart(orders.id(), orders.name(), "shared_buffers", "8GB",
                Instant.now().minusSeconds(600), 1, 1, "applied by plan 1"));
        JsonNode listed = json.readTree(ok("alerts", "list", "--json").out()).get(0);
        assertThat(listed.get("acknowledged").asBoolean()).isFalse();
        assertThat(listed.get("acknowledgedBy").isNull()).isTrue();
        String id = listed.get("id").asText();
        assertThat(id).isEqualTo(orders.id() + ":PENDING_RESTART");

        ok("--as", "carol", "alerts", "ack", "--instance", "pg-orders-1", "--kind", "pending_restart", "--comment",
                "restart in tonight's window");
        JsonNode after = json.readTree(ok("alerts", "list", "--json").out()).get(0);
        assertThat(after.get("acknowledged").asBoolean()).isTrue();
        assertThat(after.get("acknowledgedBy").asText()).isEqualTo("carol");
        assertThat(Instant.parse(after.get("acknowledgedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(after.get("acknowledgeComment").asText()).isEqualTo("restart in tonight's window");
        assertThat(after.get("severity").asText()).isEqualTo("info"); // the fields from before are all still there
        assertThat(after.get("silenced").asBoolean()).isFalse();

        CliHarness.Result unknown = cli.run("alerts", "ack", "--id", "999:DISK_FULL");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("No alert with id 999:DISK_FULL holds now");
        CliHarness.Result both = cli.run("alerts", "ack", "--id", id, "--instance", "pg-orders-1");
        assertThat(both.err()).contains("Give either --id ID");

        // 'alerts list' sent the raise it queued itself (a cron job is told without the daemon); once, not per listing
        assertThat(alertHook).extracting(e -> e.get("type").asText()).containsExactly("alert.raised");
        assertThat(alertHook.getFirst().get("alert").get("kind").asText()).isEqualTo("pending_restart");
    }

    @Test
    void theDaemonEvaluatesAlertsOnAnIntervalItChecksBeforeStarting() {
        assertThat(ok("daemon", "--help").out()).contains("--alert-interval");
        CliHarness.Result bad = cli.run("daemon", "--alert-interval", "soon");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(bad.err()).contains("--alert-interval");
    }
}
