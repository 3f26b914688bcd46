package io.knobwright.app.simulation.external;

import com.sun.net.httpserver.HttpServer;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.QueryClass;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.model.WorkloadShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalModelTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    static Scenario scenario(String name, String workMem) {
        WorkloadShape shape = new WorkloadShape("script tiny.sql", List.of(
                new QueryClass("SELECT abalance FROM pgbench_accounts WHERE aid = $1", 1, 0.05, 4, 0, 0, 0, 0, false),
                new QueryClass("SELECT bid, count(*) FROM t GROUP BY bid", 1, 20, 2000, 8e6, 0, 0, 0, true)),
                1e9, 0.9, 4, 0, 1);
        return new Scenario(name, new Machine(2, 8L << 30, DeviceProfile.NVME), shape,
                new Knobs(Map.of("work_mem", Knobs.parse("work_mem", workMem), "shared_buffers", 134217728.0)));
    }

    private static List<String> tinyEngine(String mode) {
        return TinyEngine.command(mode);
    }

    @Test
    void theScenarioRoundTripsThroughJsonUnchanged() {
        Scenario s = scenario("more work_mem", "64MB");

        Scenario back = ScenarioJson.readScenario(ScenarioJson.scenario(s));

        assertThat(back).isEqualTo(s);
    }

    @Test
    void clientsOnTheServersHostRoundTripAndAScenarioWithoutTheFieldHasRemoteClients() {
        Scenario local = new Scenario("local", scenario("x", "4MB").machine(),
                scenario("x", "4MB").workload().withClientsOnHost(true), scenario("x", "4MB").knobs());
        assertThat(ScenarioJson.readScenario(ScenarioJson.scenario(local))).isEqualTo(local);

        String withoutField = ScenarioJson.scenario(scenario("old", "4MB")).replace(",\"clientsOnHost\":false", "");
        assertThat(withoutField).doesNotContain("clientsOnHost");
        assertThat(ScenarioJson.readScenario(withoutField).workload().clientsOnHost()).isFalse();

        String wrong = ScenarioJson.scenario(local).replace("\"clientsOnHost\":true", "\"clientsOnHost\":\"yes\"");
        assertThatThrownBy(() -> ScenarioJson.readScenario(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario.workload.clientsOnHost is not true or false");
    }

    @Test
    void aPredictionRoundTripsThroughJsonWithItsIntervalsExplanationsAndWarnings() {
        Prediction p = TinyEngine.predict(scenario("x", "8MB"));

        Prediction back = ScenarioJson.readPrediction(ScenarioJson.prediction(p));

        assertThat(back).isEqualTo(p);
    }

    @Test
    void aCommandEngineAnswersOneScenarioAndASweepInOneProcess() {
        ExternalModel engine = ExternalModel.command(tinyEngine("ok"), Duration.ofSeconds(30));

        Prediction one = engine.predict(scenario("four MB", "4MB"));
        List<Prediction> sweep = engine.predictAll(List.of(scenario("a", "1MB"), scenario("b", "2MB"), scenario("c", "3MB")));

        assertThat(one.throughput().mean()).isEqualTo(1600);
        assertThat(one.model()).isEqualTo("tiny-engine 1.0");
        assertThat(one.warnings()).containsExactly("tiny engine: not a real model");
        assertThat(one.get(Metric.LATENCY_P95_MS).orElseThrow().high()).isEqualTo(7);
        assertThat(sweep).extracting(Prediction::scenario).containsExactly("a", "b", "c");
        assertThat(sweep).extracting(p -> p.throughput().mean()).containsExactly(400.0, 800.0, 1200.0);
        assertThat(engine.name()).startsWith("external: ").contains("TinyEngine");
    }

    @Test
    void anEngineThatFailsIsReportedWithItsExitCodeAndStderr() {
        ExternalModel engine = ExternalModel.command(tinyEngine("fail"), Duration.ofSeconds(30));

        assertThatThrownBy(() -> engine.predict(scenario("x", "4MB")))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("failed with exit code 3")
                .hasMessageContaining("It wrote on stderr: engine.py: cannot read shared_buffers");
    }

    @Test
    void anAnswerThatIsNotJsonOrLacksThroughputSaysWhatWasWrongAndWhatCame() {
        assertThatThrownBy(() -> ExternalModel.command(tinyEngine("garbage"), Duration.ofSeconds(30))
                .predict(scenario("x", "4MB")))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("answered something that is not a prediction (not JSON")
                .hasMessageContaining("docs/simulation-engine.md")
                .hasMessageContaining("It answered: tps: lots");
        assertThatThrownBy(() -> ExternalModel.command(tinyEngine("incomplete"), Duration.ofSeconds(30))
                .predict(scenario("x", "4MB")))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("prediction.metrics has no throughputTps");
    }

    @Test
    void aSlowEngineIsStoppedAtItsTimeout() {
        ExternalModel engine = ExternalModel.command(tinyEngine("sleep"), Duration.ofSeconds(3));
        long started = System.nanoTime();

        assertThatThrownBy(() -> engine.predict(scenario("x", "4MB")))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("did not answer within 3 s and was stopped")
                .hasMessageContaining("--engine-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aProgramThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> ExternalModel.parse("/no/such/engine --fast", Duration.ofSeconds(5))
                .predict(scenario("x", "4MB")))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("could not be started");
    }

    @Test
    void aCommandLineKeepsQuotedArgumentsTogether() {
        assertThat(ExternalModel.words("python3 'my engine.py' --mode \"fast sweep\" -v"))
                .containsExactly("python3", "my engine.py", "--mode", "fast sweep", "-v");
    }

    private URI serve(int status, String fixed, Duration delay, List<String> requests) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/predict", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = (fixed != null ? fixed : TinyEngine.answer(body)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/predict");
    }

    @Test
    void anHttpEngineAnswersAPostOfTheScenario() throws IOException {
        List<String> requests = new ArrayList<>();
        URI uri = serve(200, null, Duration.ZERO, requests);
        ExternalModel engine = ExternalModel.parse(uri.toString(), Duration.ofSeconds(10));

        Prediction p = engine.predict(scenario("x", "2MB"));
        List<Prediction> sweep = engine.predictAll(List.of(scenario("a", "1MB"), scenario("b", "8MB")));

        assertThat(p.throughput().mean()).isEqualTo(800);
        assertThat(sweep).extracting(q -> q.throughput().mean()).containsExactly(400.0, 3200.0);
        assertThat(requests).containsExactly("POST application/json", "POST application/json");
    }

    @Test
    void anHttpErrorASlowAnswerAndAWrongCountAreClearMessages() throws IOException {
        URI failing = serve(500, "model not loaded", Duration.ZERO, new ArrayList<>());
        assertThatThrownBy(() -> ExternalModel.http(failing, Duration.ofSeconds(10)).predict(scenario("x", "2MB")))
                .isInstanceOf(SimulationException.class).hasMessageContaining("answered HTTP 500: model not loaded");
        stop();

        URI slow = serve(200, null, Duration.ofSeconds(5), new ArrayList<>());
        assertThatThrownBy(() -> ExternalModel.http(slow, Duration.ofSeconds(1)).predict(scenario("x", "2MB")))
                .isInstanceOf(SimulationException.class).hasMessageContaining("did not answer within 1 s");
        stop();

        String one = ScenarioJson.predictions(List.of(TinyEngine.predict(scenario("a", "1MB"))));
        URI shortAnswer = serve(200, one, Duration.ZERO, new ArrayList<>());
        assertThatThrownBy(() -> ExternalModel.http(shortAnswer, Duration.ofSeconds(10))
                .predictAll(List.of(scenario("a", "1MB"), scenario("b", "2MB"))))
                .isInstanceOf(SimulationException.class).hasMessageContaining("expected 2 predictions, got 1");
    }

    @Test
    void anEngineNobodyListensAtCannotBeReached() throws IOException {
        URI gone = serve(200, null, Duration.ZERO, new ArrayList<>());
        stop();

        assertThatThrownBy(() -> ExternalModel.http(gone, Duration.ofSeconds(3)).predict(scenario("x", "2MB")))
                .isInstanceOf(SimulationException.class).hasMessageContaining("could not be reached");
    }
}
