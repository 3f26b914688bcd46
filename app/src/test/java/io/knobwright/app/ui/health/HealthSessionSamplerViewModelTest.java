package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.SessionSample;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Health screen's live session sampler without a toolkit: runs only while the tab is in front, for the instance shown. */
class HealthSessionSamplerViewModelTest {

    private static final Instant T = Instant.parse("2026-12-06T17:40:00Z");

    /** A watch the test feeds: it records whether it runs. */
    private static final class FedWatch implements SessionWatch {
        final String instance;
        Consumer<List<SessionSample>> window;
        Consumer<String> failed;
        boolean closed;

        FedWatch(String instance) {
            this.instance = instance;
        }

        @Override
        public void start(Consumer<List<SessionSample>> window, Consumer<String> failed) {
            this.window = window;
            this.failed = failed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<FedWatch> opened = new ArrayList<>();
    private final HealthViewModel vm = new HealthViewModel(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }),
            new HealthDesk(i -> {
                throw UserError.input("not in this test");
            }, i -> new HealthDesk.Storage(null, List.of()), i -> {
                throw UserError.input("not in this test");
            }, () -> new io.knobwright.model.health.AlertEvaluator.Evaluation(List.of(), List.of())).withSessions(instance -> {
                FedWatch w = new FedWatch(instance.name());
                opened.add(w);
                return w;
            }), ZoneId.of("UTC"));

    private static Instance instance(long id, String name, Engine engine) {
        return new Instance(id, name, engine, "15", null, new ConnectionSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres",
                null), Map.of(), null, null, null, null, false);
    }

    private static SessionSample sample(int second, int opened, int active, int idle) {
        return new SessionSample(T.plusSeconds(second), opened, opened, true, Map.of("active", active, "idle", idle), List.of());
    }

    @Test
    void theSamplerRunsOnlyWhileTheTabIsInFront() {
        vm.show(instance(1, "shop", Engine.POSTGRESQL));
        assertThat(opened).as("tab at the back").isEmpty();
        assertThat(vm.sessionsMessageProperty().get()).isEqualTo("Sessions are sampled once a second while this tab is in front.");

        vm.setFront(true);
        vm.show(instance(1, "shop", Engine.POSTGRESQL));
        assertThat(opened).singleElement().satisfies(w -> assertThat(w.window).isNotNull());
        assertThat(vm.samplingProperty().get()).isTrue();

        vm.setFront(false);
        assertThat(opened.getFirst().closed).isTrue();
        assertThat(vm.samplingProperty().get()).isFalse();
    }

    @Test
    void samplesFillTheChartAndAStormIsSaid() {
        vm.setFront(true);
        vm.show(instance(1, "shop", Engine.POSTGRESQL));
        FedWatch w = opened.getFirst();

        w.window.accept(List.of(sample(0, 1, 2, 5), sample(1, 37, 3, 6), sample(2, 2, 2, 5)));

        assertThat(vm.sessionSamplesProperty().get()).hasSize(3);
        assertThat(vm.sessionsTextProperty().get()).startsWith("7 client sessions now (2 active, 5 idle)")
                .contains("peak 37/s at 17:40:01").contains("1 second with 20 or more new connections: a connection storm");
    }

    @Test
    void anotherInstanceStopsTheOldWatchAndItsLateSamplesAreDropped() {
        vm.setFront(true);
        vm.show(instance(1, "shop", Engine.POSTGRESQL));
        vm.show(instance(2, "billing", Engine.POSTGRESQL));

        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isTrue();
        assertThat(opened.get(1).closed).isFalse();
        opened.get(0).window.accept(List.of(sample(0, 50, 1, 1)));
        assertThat(vm.sessionSamplesProperty().get()).as("the old watch's late sample").isEmpty();
        opened.get(1).window.accept(List.of(sample(0, 3, 1, 1)));
        assertThat(vm.sessionSamplesProperty().get()).hasSize(1);
    }

    @Test
    void otherEnginesAndAFailedWatchSaySoPlainly() {
        vm.setFront(true);
        vm.show(instance(3, "orders", Engine.MARIADB));
        assertThat(opened).isEmpty();
        assertThat(vm.sessionsMessageProperty().get()).startsWith("Live sampling of sessions is for PostgreSQL")
                .contains("import its logs");

        vm.show(instance(1, "shop", Engine.POSTGRESQL));
        opened.getFirst().failed.accept("Watching connections stopped: the server closed the connection");
        assertThat(vm.sessionsMessageProperty().get()).isEqualTo("Watching connections stopped: the server closed the connection");
        assertThat(vm.samplingProperty().get()).isFalse();
        assertThat(opened.getFirst().closed).isTrue();
    }
}
