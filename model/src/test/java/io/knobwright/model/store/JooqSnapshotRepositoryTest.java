package io.knobwright.model.store;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqSnapshotRepositoryTest {

    private KnobwrightStore store;
    private Instance instance;

    @BeforeEach
    void openStore() {
        store = KnobwrightStore.inMemory("snapshots-" + UUID.randomUUID(), false);
        instance = store.instances().save(TestInstances.inventoryOnly("pg-snap-01"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void snapshotComesBackWithEverySettingInServerOrder() {
        List<LiveSetting> settings = List.of(
                new LiveSetting("work_mem", "4096", "kB", "default", false),
                new LiveSetting("shared_buffers", "16384", "8kB", "configuration file", true),
                new LiveSetting("search_path", "\"$user\", public", null, "default", false),
                new LiveSetting("optimizer_switch", "index_merge=on,".repeat(2000), null, "", false),
                new LiveSetting("application_name", null, null, "client", false));
        SettingsSnapshot snapshot = new SettingsSnapshot(instance.id(), Instant.parse("2026-11-20T10:15:30.123456Z"),
                "16.4", settings);

        store.snapshots().save(snapshot);

        assertThat(store.snapshots().latest(instance.id())).contains(snapshot);
    }

    @Test
    void whatTheServerReportedAboutItsHardwareComesBackWithTheSnapshot() {
        HardwareFacts reported = HardwareFacts.probed(4, 0, DiskType.UNKNOWN, 0);
        store.snapshots().save(new SettingsSnapshot(instance.id(), Instant.parse("2026-11-20T10:15:30Z"), "10.11.9",
                List.of(new LiveSetting("innodb_buffer_pool_size", "134217728", null, "COMPILE-TIME", false)), reported));

        assertThat(store.snapshots().latest(instance.id()).orElseThrow().reportedHardware()).isEqualTo(reported);
    }

    @Test
    void latestIsTheMostRecentlyTakenSnapshot() {
        Instant older = Instant.parse("2026-11-01T00:00:00Z");
        Instant newer = Instant.parse("2026-11-02T00:00:00Z");
        store.snapshots().save(new SettingsSnapshot(instance.id(), newer, "16.5",
                List.of(new LiveSetting("work_mem", "8192", "kB", "configuration file", false))));
        store.snapshots().save(new SettingsSnapshot(instance.id(), older, "16.4",
                List.of(new LiveSetting("work_mem", "4096", "kB", "default", false))));

        SettingsSnapshot latest = store.snapshots().latest(instance.id()).orElseThrow();

        assertThat(latest.takenAt()).isEqualTo(newer);
        assertThat(latest.find("WORK_MEM").orElseThrow().value()).isEqualTo("8192");
    }

    @Test
    void instanceWithoutSnapshotsHasNoLatest() {
        assertThat(store.snapshots().latest(instance.id())).isEmpty();
        assertThat(store.snapshots().latest(987654)).isEmpty();
    }

    @Test
    void snapshotOfAnUnknownInstanceIsRefusedWithAMessage() {
        SettingsSnapshot orphan = new SettingsSnapshot(987654, Instant.now(), "16.4", List.of());

        assertThatThrownBy(() -> store.snapshots().save(orphan))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("No instance with id 987654 is in the store");
    }

    @Test
    void removingAnInstanceRemovesItsSnapshots() {
        store.snapshots().save(new SettingsSnapshot(instance.id(), Instant.now(), "16.4",
                List.of(new LiveSetting("work_mem", "4096", "kB", "default", false))));

        store.instances().delete(instance.id());

        assertThat(store.snapshots().latest(instance.id())).isEmpty();
    }

    @Test
    void fourHundredSettingsAreSavedAndLoadedQuickly() {
        List<LiveSetting> settings = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            settings.add(new LiveSetting("setting_" + i, String.valueOf(i), "kB", "default", i % 7 == 0));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            store.snapshots().save(new SettingsSnapshot(instance.id(), Instant.ofEpochSecond(1_700_000_000L + i), "16.4", settings));
        }
        SettingsSnapshot latest = store.snapshots().latest(instance.id()).orElseThrow();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(latest.settings()).isEqualTo(settings);
        assertThat(millis).as("20 snapshots of 400 settings, ms").isLessThan(5000);
    }

    @Test
    void latestOfReturnsEachInstancesNewestSnapshotWithTheNamedSettingsAndLeavesOutThoseWithout() {
        Instance other = store.instances().save(TestInstances.inventoryOnly("pg-snap-02"));
        Instance never = store.instances().save(TestInstances.inventoryOnly("pg-snap-03"));
        Instant older = Instant.parse("2026-11-01T00:00:00Z");
        Instant newer = Instant.parse("2026-11-02T00:00:00Z");
        LiveSetting jit = new LiveSetting("jit", "on", null, "default", false);
        store.snapshots().save(new SettingsSnapshot(instance.id(), newer, "16.5",
                List.of(new LiveSetting("work_mem", "8192", "kB", "configuration file", false), jit)));
        store.snapshots().save(new SettingsSnapshot(instance.id(), older, "16.4",
                List.of(new LiveSetting("work_mem", "4096", "kB", "default", false), jit)));
        store.snapshots().save(new SettingsSnapshot(other.id(), older, "16.4",
                List.of(new LiveSetting("work_mem", "1024", "kB", "default", false), jit)));
        // taken in the same microsecond: the one stored later wins, as it does for latest()
        store.snapshots().save(new SettingsSnapshot(other.id(), older, "16.4",
                List.of(new LiveSetting("max_connections", "300", null, "configuration file", true),
                        new LiveSetting("work_mem", "2048", "kB", "default", false), jit)));

        Map<Long, SettingsSnapshot> latest = store.snapshots().latestOf(
                List.of(instance.id(), other.id(), never.id(), 987654L), List.of("work_mem", "max_connections", "WORK_MEM"));

        assertThat(latest).containsOnlyKeys(instance.id(), other.id());
        assertThat(latest.get(instance.id()).settings()).extracting(LiveSetting::value).containsExactly("8192");
        SettingsSnapshot full = store.snapshots().latest(other.id()).orElseThrow();
        assertThat(latest.get(other.id())).isEqualTo(new SettingsSnapshot(full.instanceId(), full.takenAt(),
                full.serverVersion(), full.settings().subList(0, 2)));
        assertThat(store.snapshots().latestOf(List.of(other.id()), List.of("work_mem", "max_connections")))
                .as("one instance alone").containsExactly(Map.entry(other.id(), latest.get(other.id())));
    }

    @Test
    void latestOfTwoThousandFiveHundredInstancesTakesTwoQueriesPerThousand() {
        AtomicInteger queries = new AtomicInteger();
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            StoreMigrations.migrate(pool, "test");
            DSLContext counting = DSL.using(new DefaultConfiguration().set(pool).set(SQLDialect.H2)
                    .set(new ExecuteListener() {
                        @Override
                        public void executeStart(ExecuteContext ctx) {
                            queries.incrementAndGet();
                        }
                    }));
            JooqRepositories repositories = new JooqRepositories(counting, Clock.systemUTC(), JooqServerCatalogRepository.newCache());
            List<Instance> fleet = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                fleet.add(TestInstances.inventoryOnly(String.format("pg-%04d", i)));
            }
            List<Long> ids = repositories.instances().saveAll(fleet).stream().map(Instance::id).toList();
            for (long id : ids) {
                repositories.snapshots().save(new SettingsSnapshot(id, Instant.EPOCH, "16.4",
                        List.of(new LiveSetting("max_connections", String.valueOf(id), null, "default", false),
                                new LiveSetting("work_mem", "4096", "kB", "default", false))));
            }

            queries.set(0);
            Map<Long, SettingsSnapshot> latest = repositories.snapshots().latestOf(ids, List.of("max_connections", "work_mem"));

            assertThat(latest).hasSize(2500);
            assertThat(latest.get(ids.getLast()).settings()).extracting(LiveSetting::value)
                    .containsExactly(String.valueOf(ids.getLast()), "4096");
            assertThat(queries.get()).as("queries for 2,500 instances").isEqualTo(6);
        } finally {
            pool.dispose();
        }
    }
}
