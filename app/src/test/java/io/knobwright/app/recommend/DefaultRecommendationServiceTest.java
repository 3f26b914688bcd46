package io.knobwright.app.recommend;

import io.knobwright.app.AppContext;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.connectors.ConnectorRegistry;
import io.knobwright.model.UserError;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.model.policy.Role;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.simulator.recommend.Recommendation;
import io.knobwright.simulator.recommend.RecommendationOptions;
import io.knobwright.simulator.recommend.RecommendationSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service over the real H2 store with the demo fleet, workload series collected as `monitor collect` stores them. */
class DefaultRecommendationServiceTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("recommend-" + UUID.randomUUID(), true);
    private final AppContext context = new AppContext(store, () -> { }, new CatalogRepository(),
            new ConnectorRegistry(List.of()), name -> null);
    private final RecommendationService service = context.recommendations();

    @AfterEach
    void close() {
        context.close();
        store.close();
    }

    /** A demo PostgreSQL instance whose settings the demo store has read, with its CPUs and RAM known. */
    private Instance demoPostgresWithSettings() {
        return context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && i.hardware().cpus() > 0 && i.hardware().memoryBytes() > 0)
                .filter(i -> context.fleet().latestSnapshot(i.id()).isPresent())
                .findFirst().orElseThrow();
    }

    private void collected(Instance instance) {
        InMemoryMetricHistory demo = new DemoWorkload(Instant.now(), 4, ZoneOffset.UTC, 42).history(instance.id());
        Instant to = Instant.now().plus(Duration.ofHours(1));
        for (Metric metric : Metric.values()) {
            var all = demo.points(instance.id(), metric, to.minus(Duration.ofDays(15)), to);
            var hourly = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
            if (!hourly.isEmpty()) {
                store.workloadSeries().importPoints(instance.id(), metric, hourly);
            }
        }
    }

    @Test
    void aMeasuredDemoInstanceGetsAnAnswerThatChangesOnlyWhatDiffersAndNeedsNoRestartUnlessAllowed() {
        Instance instance = demoPostgresWithSettings();
        collected(instance);

        RecommendationService.Outcome outcome = service.recommend(instance, RecommendationOptions.CONSERVATIVE);

        RecommendationSet set = outcome.set();
        assertThat(set.instance()).isEqualTo(instance.name());
        assertThat(set.engineVersion()).startsWith("PostgreSQL");
        assertThat(set.noChange() ? List.of(set.noChangeReason()) : set.recommendations()).isNotEmpty();
        assertThat(set.recommendations()).noneMatch(Recommendation::restartRequired);
        assertThat(set.recommendations()).allSatisfy(r -> assertThat(r.to()).isNotEqualTo(r.from()));
        assertThat(outcome.notes()).anyMatch(n -> n.startsWith("settings as read"))
                .anyMatch(n -> n.contains("planner settings not judged"));
    }

    @Test
    void aParameterLockedOnTheInstanceIsNoLongerRecommended() {
        Instance instance = demoPostgresWithSettings();
        collected(instance);
        RecommendationSet open = service.recommend(instance, new RecommendationOptions(true, false)).set();
        List<String> changed = open.recommendations().stream().map(Recommendation::parameter).toList();
        assertThat(changed).as("the unlocked answer changes something to lock").isNotEmpty();
        String locked = changed.getFirst();
        context.policy().addUser("setup", "carol", Set.of(Role.ADMIN));
        context.policy().lock("carol", new LockRule(LockScope.parse("instance:" + instance.name()),
                new ParameterPattern(locked), "frozen for the audit"), "test");

        RecommendationSet set = service.recommend(instance, new RecommendationOptions(true, false)).set();

        assertThat(set.recommendations()).noneMatch(r -> r.parameter().equals(locked));
    }

    @Test
    void nothingMeasuredSaysWhatToRun() {
        Instance instance = demoPostgresWithSettings();

        assertThatThrownBy(() -> service.recommend(instance, RecommendationOptions.CONSERVATIVE))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("No workload measured for " + instance.name())
                .hasMessageContaining("knobwright monitor collect --instance " + instance.name());
    }

    @Test
    void noSettingsSnapshotSaysToRefresh() {
        Instance instance = context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.POSTGRESQL && context.fleet().latestSnapshot(i.id()).isEmpty())
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> service.recommend(instance, RecommendationOptions.CONSERVATIVE))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("knobwright fleet refresh " + instance.name());
    }

    @Test
    void unknownRamAndCpusSayHowToEnterThem() {
        Instance known = demoPostgresWithSettings();
        collected(known);
        Instance unknown = store.instances().save(known.withHardware(HardwareFacts.UNKNOWN));

        assertThatThrownBy(() -> service.recommend(unknown, RecommendationOptions.CONSERVATIVE))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("RAM and CPU count of " + known.name() + " is not known")
                .hasMessageContaining("knobwright fleet edit " + known.name() + " --ram SIZE --cpus N");
    }

    @Test
    void sqlServerWithItsSettingsReadButNoWorkloadIsAnsweredFromItsFactsAndSaysSo() {
        Instance demo = context.fleet().list().stream().filter(i -> i.engine() == Engine.SQLSERVER).findFirst()
                .orElseThrow();
        Instance instance = store.instances().save(demo.withHardware(new HardwareFacts(16, 64L << 30,
                DiskType.SSD, 0)));
        store.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), instance.version(), List.of(
                new LiveSetting("max server memory (MB)", "2147483647", "MB", "default", false),
                new LiveSetting("max degree of parallelism", "8", "", "configured", false))));

        RecommendationService.Outcome outcome = service.recommend(instance, RecommendationOptions.CONSERVATIVE);

        RecommendationSet set = outcome.set();
        assertThat(set.recommendations()).anyMatch(r -> r.parameter().equals("max server memory (MB)")
                && r.to().equals("54272"));
        assertThat(set.recommendations()).noneMatch(r -> r.parameter().equals("max degree of parallelism"));
        assertThat(set.warnings().getFirst()).contains("no workload measured").contains("16 CPUs");
        assertThat(outcome.notes()).anyMatch(n -> n.startsWith("no workload measured"));
    }

    @Test
    void aMariaDbInstanceWithoutSettingsReadSaysToRefresh() {
        Instance instance = context.fleet().list().stream()
                .filter(i -> i.engine() == Engine.MARIADB && context.fleet().latestSnapshot(i.id()).isEmpty())
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> service.recommend(instance, RecommendationOptions.CONSERVATIVE))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("knobwright fleet refresh " + instance.name());
    }
}
