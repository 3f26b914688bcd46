package io.knobwright.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests, decisions and bypasses reach a webhook receiver as JSON with the plan's ticket; failures are retried. */
class GovernanceWebhooksTest {

    private final CliHarness cli = new CliHarness();
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> eventHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private HttpServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void receiverFleetAndUsers() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(json.readTree(new String(body, StandardCharsets.UTF_8)));
                eventHeaders.add(exchange.getRequestHeaders().getFirst("X-Knobwright-Event"));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
        cli.add(new Instance(0, "pg-orders-1", Engine.POSTGRESQL, "16", "16.4", null, Map.of(), Tier.PRODUCTION, null, null,
                new HardwareFacts(16, 64L << 30, DiskType.NVME, 1L << 40), false));
        ok("user", "add", "--name", "carol", "--role", "admin");
        ok("--as", "carol", "user", "add", "--name", "alice", "--role", "dba");
        ok("--as", "carol", "user", "add", "--name", "bob", "--role", "reviewer");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "webhooks:\n  - url: http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n"
                + "    events: [request, decision, bypass]\n");
        ok("--as", "carol", "policy", "rules", "import", "--file", policy.toString());
    }

    @AfterEach
    void close() {
        server.stop(0);
        cli.close();
    }

    private CliHarness.Result ok(String... args) {
        CliHarness.Result r = cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    private long submittedPlan() throws Exception {
        long id = json.readTree(ok("--as", "alice", "plan", "create", "--template", "postgresql-oltp", "--instance", "pg-orders-1",
                "--offline", "--json").out()).get("id").asLong();
        ok("--as", "alice", "plan", "submit", Long.toString(id), "--ticket", "CHG0012345");
        return id;
    }

    @Test
    void aRequestAndItsDecisionArePostedWithTheTicket() throws Exception {
        long id = submittedPlan();
        ok("--as", "bob", "plan", "approve", Long.toString(id), "--comment", "go");
        assertThat(eventHeaders).containsExactly("request", "decision");
        assertThat(received).allSatisfy(e -> {
            assertThat(e.get("ticket").asText()).isEqualTo("CHG0012345");
            assertThat(e.get("planId").asLong()).isEqualTo(id);
            assertThat(e.get("instanceName").asText()).isEqualTo("pg-orders-1");
        });
        assertThat(received.get(1).get("actor").asText()).isEqualTo("bob");
        assertThat(received.get(1).get("details").get("state").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aRefusedDecisionNotifiesNobody() throws Exception {
        long id = submittedPlan();
        assertThat(cli.run("--as", "alice", "plan", "approve", Long.toString(id)).exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(eventHeaders).containsExactly("request");
    }

    @Test
    void aFailedDeliveryIsVisibleAndRetriedUntilDelivered() throws Exception {
        failuresToGive.set(1);
        long id = submittedPlan();
        assertThat(received).isEmpty();
        JsonNode state = json.readTree(ok("policy", "webhooks", "--json").out());
        assertThat(state.get("deliveries").get(0).get("state").asText()).isEqualTo("failing");
        assertThat(state.get("deliveries").get(0).get("lastError").asText()).contains("503");
        // The retry waits for its backoff (seconds); the test does not: the next attempt is made due now.
        cli.makeWebhooksDue();
        ok("policy", "webhooks", "--send");
        assertThat(received).singleElement().satisfies(e -> assertThat(e.get("planId").asLong()).isEqualTo(id));
        assertThat(json.readTree(ok("policy", "webhooks", "--json").out()).get("deliveries").get(0).get("state").asText())
                .isEqualTo("delivered");
    }
}
