package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionReport;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.IdleTransaction;
import io.knobwright.model.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Health screen's states without a toolkit: loading, no data yet, data, a failure, an unsupported engine. */
class HealthViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static Instance instance(String name, Engine engine) {
        return new Instance(7, name, engine, "15", null, new ConnectionSpec("jdbc:postgresql://127.0.0.1:5432/app", "postgres",
                null), Map.of(), null, null, null, null, false);
    }

    /** Runs background work only when the test says so, to see the loading state. */
    private static final class Held {
        final List<Runnable> pending = new ArrayList<>();

        BackgroundWork work() {
            TaskRunner inline = TaskRunner.inline();
            return new BackgroundWork(inline, pending::add, (a, d) -> { });
        }

        void release() {
            List<Runnable> now = List.copyOf(pending);
            pending.clear();
            now.forEach(Runnable::run);
        }
    }

    private static HealthDesk.Connections connections(int historyPoints) {
        ConnectionSnapshot snapshot = new ConnectionSnapshot(NOW, new ConnectionLimits(100, 3, 0, List.of()), 42, 5, List.of(),
                List.of(new IdleTransaction("4711", "billing-api", "app", "10.0.0.4", "app", 900, 840, "UPDATE orders SET x = 1")),
                Map.of(), List.of());
        List<ConnectionUse> history = new ArrayList<>();
        for (int i = 0; i < historyPoints; i++) {
            history.add(new ConnectionUse(NOW.minus(Duration.ofMinutes(historyPoints - i)), 100, 97, 5, Map.of()));
        }
        return new HealthDesk.Connections(ConnectionReport.of(snapshot, history, List.of(), OptionalInt.of(4),
                ConnectionReport.DEFAULT_LEAK_AGE, NOW), history);
    }

    private static HealthViewModel vm(BackgroundWork work, Supplier<HealthDesk.Connections> connections) {
        HealthDesk desk = new HealthDesk(i -> connections.get(), i -> new HealthDesk.Storage(null, List.of()), i -> {
            throw UserError.input("not in this test");
        });
        return new HealthViewModel(work, desk, ZoneId.of("UTC"));
    }

    @Test
    void eachSectionShowsItsProgressUntilItsReadArrives() {
        Held held = new Held();
        HealthViewModel vm = vm(held.work(), () -> connections(10));
        vm.show(instance("shop", Engine.POSTGRESQL));
        assertThat(vm.connectionsLoadingProperty().get()).isTrue();
        assertThat(vm.storageLoadingProperty().get()).isTrue();
        assertThat(vm.connectionsProperty().get()).isNull();

        held.release();
        assertThat(vm.connectionsLoadingProperty().get()).isFalse();
        assertThat(vm.storageLoadingProperty().get()).isFalse();
        assertThat(vm.connectionsProperty().get()).isNotNull();
    }

    @Test
    void withoutHistoryEachSectionSaysHowToGetSome() {
        HealthViewModel vm = vm(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }), () -> connections(1));
        vm.show(instance("shop", Engine.POSTGRESQL));
        assertThat(vm.connectionsMessageProperty().get())
                .isEqualTo("No connection history yet: run `knobwright monitor collect --instance shop` or keep the collector running.");
        assertThat(vm.storageMessageProperty().get()).startsWith("No size history yet")
                .contains("knobwright storage import-series --instance shop");
        assertThat(vm.largestTables()).isEmpty();
    }

    @Test
    void dataFillsUseAgainstTheUsableLimitLeaksAndPoolAdvice() {
        HealthViewModel vm = vm(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }), () -> connections(10));
        vm.show(instance("shop", Engine.POSTGRESQL));
        assertThat(vm.connectionsMessageProperty().get()).isEmpty();
        assertThat(vm.utilisationTextProperty().get()).startsWith("42 of 97 usable connections in use (43%)")
                .contains("max_connections 100, 3 reserved");
        assertThat(vm.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.application()).isEqualTo("billing-api");
            assertThat(leak.age()).isEqualTo("idle 14 min, in transaction 15 min · leak");
        });
        assertThat(vm.poolAdvice()).isNotEmpty();
        assertThat(vm.timeLeftTextProperty().get()).isNotEmpty();
    }

    @Test
    void anUnreachableServerEndsInItsMessageAndNoStaleData() {
        HealthViewModel vm = vm(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }), () -> {
            throw new UserError(UserError.Kind.UNREACHABLE, "Could not read the connections of shop: connection refused");
        });
        vm.show(instance("shop", Engine.POSTGRESQL));
        assertThat(vm.connectionsLoadingProperty().get()).isFalse();
        assertThat(vm.connectionsProperty().get()).isNull();
        assertThat(vm.connectionsMessageProperty().get()).contains("Could not read the connections of shop: connection refused");
    }

    @Test
    void mariaDbGetsConnectionsButIsToldPlainlyThatIndexAdviceIsNotSupported() {
        HealthViewModel vm = vm(new BackgroundWork(TaskRunner.inline(), Runnable::run, (a, d) -> { }), () -> connections(10));
        vm.show(instance("shop-maria", Engine.MARIADB));
        assertThat(vm.indexesUnsupportedProperty().get()).startsWith("Index advice is not supported for MariaDB");
        assertThat(vm.connectionsMessageProperty().get()).isEmpty();
        vm.analyseIndexes();
        assertThat(vm.indexes().loadingProperty().get()).isFalse();
        assertThat(vm.indexes().instanceProperty().get()).isNull();
    }
}
