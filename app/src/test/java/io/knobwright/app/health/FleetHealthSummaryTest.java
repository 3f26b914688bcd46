package io.knobwright.app.health;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.HealthDemo;
import io.knobwright.model.backup.BackupRepository;
import io.knobwright.model.health.AlertEvaluator;
import io.knobwright.model.health.AlertKind;
import io.knobwright.model.health.AlertSeverity;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.health.ShownAlert;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fleet's health in one call, on the demo fleet with health stored the way the subsystems store it. */
class FleetHealthSummaryTest {

    private KnobwrightStore store;
    private AppContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private AppContext open() {
        store = KnobwrightStore.inMemory("fleet-health-" + UUID.randomUUID(), true);
        context = HealthDemo.context(store);
        return context;
    }

    private FleetHealthSummary.InstanceHealth of(FleetHealthSummary.FleetHealth health, String name) {
        return health.of(HealthDemo.named(context, name).id());
    }

    @Test
    void everyInstanceGetsItsAlertsDiskFullDaysLastGoodBackupAndConnectionUse() {
        open();
        FleetHealthSummary.FleetHealth health = context.fleetHealth().summarize(context.fleet().list());

        assertThat(health.problems()).isEmpty();
        assertThat(health.instances()).hasSize(context.fleet().list().size());

        var failed = of(health, HealthDemo.FAILED_BACKUP);
        // A maintenance window never hides a failed backup: it counts as active.
        assertThat(failed.activeAlerts()).extracting(a -> a.alert().kind())
                .contains(AlertKind.BACKUP_FAILED, AlertKind.BACKUP_OVERDUE);
        assertThat(failed.worstActive()).contains(AlertSeverity.CRITICAL);
        assertThat(failed.backup()).get().satisfies(rpo -> {
            assertThat(rpo.lastGood()).isNull();
            assertThat(rpo.compliant()).isFalse();
        });

        var fresh = of(health, HealthDemo.FRESH_BACKUP);
        assertThat(fresh.alerts()).isEmpty();
        assertThat(fresh.backup()).get().satisfies(rpo -> {
            assertThat(rpo.compliant()).isTrue();
            assertThat(rpo.sinceLastGood().orElseThrow().toMinutes()).isCloseTo(180, within(2L));
        });

        var overdue = of(health, HealthDemo.OVERDUE_BACKUP);
        assertThat(overdue.backup().orElseThrow().compliant()).isFalse();
        assertThat(overdue.backup().orElseThrow().rpo()).isEqualTo(Duration.ofHours(24));
        assertThat(overdue.activeAlerts()).extracting(a -> a.alert().kind()).containsExactly(AlertKind.BACKUP_OVERDUE);

        var never = of(health, HealthDemo.WATCHED_NEVER);
        assertThat(never.backup().orElseThrow().lastGood()).isNull();
        assertThat(never.backup().orElseThrow().rpo()).isEqualTo(Duration.ofHours(12));

        var filling = of(health, HealthDemo.FILLING_DISK);
        assertThat(filling.diskFull().orElseThrow().days()).isBetween(15.0, 25.0);
        assertThat(filling.diskFullSoon()).isTrue();
        assertThat(filling.activeAlerts()).extracting(a -> a.alert().kind()).containsExactly(AlertKind.DISK_FULL);

        var busy = of(health, HealthDemo.BUSY_CONNECTIONS);
        assertThat(busy.connectionShare().orElseThrow()).isCloseTo(0.88, within(1e-9));

        var quiet = of(health, "maria-zabbix-prod-01");
        assertThat(quiet.alerts()).isEmpty();
        assertThat(quiet.diskFull()).isEmpty();
        assertThat(quiet.backup()).isEmpty();
        assertThat(quiet.connections()).isEmpty();
        // The same evaluation the Alerts screen shows.
        assertThat(health.evaluation().alerts()).extracting(ShownAlert::alert).extracting(a -> a.instanceName())
                .contains(HealthDemo.FAILED_BACKUP, HealthDemo.OVERDUE_BACKUP, HealthDemo.FILLING_DISK);
    }

    @Test
    void backupsAndConnectionUseCostOneQueryPerTableWhateverTheFleetSize() {
        open();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        FleetHealthSummary summary = new FleetHealthSummary(() -> new AlertEvaluator.Evaluation(List.of(), List.of()),
                new DiskFullDays(context.storageForecasts()), counting(BackupRepository.class, store.backups(), calls),
                counting(ConnectionUseRepository.class, store.connectionUse(), calls), Clock.systemUTC());

        FleetHealthSummary.FleetHealth health = summary.summarize(context.fleet().list());

        assertThat(health.instances()).hasSizeGreaterThan(200);
        assertThat(calls).containsOnlyKeys("lastGoodBackups", "watches", "newest");
        assertThat(calls.values()).allMatch(n -> n.get() == 1);
    }

    /** {@code inner} with each method's calls counted by name. */
    private static <T> T counting(Class<T> type, T inner, Map<String, AtomicInteger> calls) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
            try {
                return method.invoke(inner, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
