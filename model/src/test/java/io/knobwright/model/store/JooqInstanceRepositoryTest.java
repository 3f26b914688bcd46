package io.knobwright.model.store;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.CredentialRef;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceLimits;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqInstanceRepositoryTest {

    private KnobwrightStore store;
    private InstanceRepository instances;

    @BeforeEach
    void openStore() {
        store = KnobwrightStore.inMemory("instances-" + UUID.randomUUID(), false);
        instances = store.instances();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Instance original = new Instance(0, "maria-shop-prod-01", Engine.MARIADB, "10.11", "10.11.9-MariaDB-0+deb12u1",
                new ConnectionSpec("jdbc:mariadb://db1:3306/shop", "knob", new CredentialRef.EnvironmentVariable("SHOP_PASS")),
                Map.of("team", "web", "region", "eu-west-1"), Tier.PRODUCTION, Criticality.CRITICAL, WorkloadKind.OLTP,
                new HardwareFacts(32, 256L << 30, DiskType.NVME, 4L << 40), false);

        Instance saved = instances.save(original);

        assertThat(saved.id()).isPositive();
        assertThat(instances.findById(saved.id())).contains(saved);
        assertThat(instances.findByName("maria-shop-prod-01")).contains(saved);
        assertThat(saved).isEqualTo(original.withId(saved.id()));
    }

    @Test
    void whereEachHardwareFactComesFromSurvivesTheRoundTrip() {
        HardwareFacts mixed = HardwareFacts.probed(8, 0, DiskType.UNKNOWN, 0).withMemory(64L << 30).withDiskType(DiskType.SSD);
        Instance saved = instances.save(TestInstances.inventoryOnly("maria-mixed").withHardware(mixed));

        HardwareFacts loaded = instances.findById(saved.id()).orElseThrow().hardware();

        assertThat(loaded).isEqualTo(mixed);
        assertThat(loaded.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
        assertThat(loaded.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
        assertThat(loaded.source(HardwareFact.DISK_TYPE)).isEqualTo(FactSource.ENTERED);
        assertThat(loaded.source(HardwareFact.DISK_SIZE)).isEqualTo(FactSource.UNKNOWN);
    }

    @Test
    void inventoryOnlyInstanceHasNoConnectionAfterLoading() {
        Instance saved = instances.save(TestInstances.inventoryOnly("pg-inv-01"));

        assertThat(instances.findById(saved.id()).orElseThrow().connectable()).isFalse();
    }

    @Test
    void duplicateNameIsRefusedWithAClearMessage() {
        instances.save(TestInstances.inventoryOnly("pg-payments-prod-01"));

        assertThatThrownBy(() -> instances.save(TestInstances.inventoryOnly("pg-payments-prod-01")))
                .isInstanceOf(DuplicateInstanceNameException.class)
                .hasMessageStartingWith("An instance named 'pg-payments-prod-01' already exists");
        assertThat(instances.count()).isEqualTo(1);
    }

    @Test
    void renamingOntoAnotherInstancesNameIsRefused() {
        instances.save(TestInstances.inventoryOnly("a"));
        Instance b = instances.save(TestInstances.inventoryOnly("b"));

        Instance renamed = new Instance(b.id(), "a", b.engine(), b.version(), b.fullVersion(), b.connection(), b.tags(),
                b.tier(), b.criticality(), b.workload(), b.hardware(), b.demo());
        assertThatThrownBy(() -> instances.save(renamed)).hasMessageStartingWith("An instance named 'a' already exists");
        assertThat(instances.findById(b.id()).orElseThrow().name()).isEqualTo("b");
    }

    @Test
    void saveAllStoresNothingWhenOneInstanceCannotBeStored() {
        instances.save(TestInstances.inventoryOnly("taken"));

        List<Instance> batch = List.of(TestInstances.inventoryOnly("new-1"), TestInstances.inventoryOnly("new-2"),
                TestInstances.inventoryOnly("taken"));
        assertThatThrownBy(() -> instances.saveAll(batch)).hasMessageContaining("'taken' already exists");

        assertThat(instances.findAll()).extracting(Instance::name).containsExactly("taken");
    }

    @Test
    void saveAllRefusesTheSameNameTwiceInOneBatch() {
        assertThatThrownBy(() -> instances.saveAll(List.of(TestInstances.inventoryOnly("twice"),
                TestInstances.inventoryOnly("twice"))))
                .isInstanceOf(DuplicateInstanceNameException.class);
        assertThat(instances.count()).isZero();
    }

    @Test
    void oversizedTagIsRefusedNamingTheFieldAndNothingIsStored() {
        Instance bad = TestInstances.inventoryOnly("bulk-bad");
        Map<String, String> tooLong = Map.of("note", "x".repeat(InstanceLimits.TAG_VALUE + 1));
        List<Instance> batch = List.of(TestInstances.inventoryOnly("bulk-good"),
                new Instance(0, bad.name(), bad.engine(), bad.version(), null, null, tooLong, null, null, null, null, false));

        assertThatThrownBy(() -> instances.saveAll(batch))
                .isInstanceOf(StoreException.class)
                .hasMessage("Instance 'bulk-bad' cannot be stored: value of tag 'note' is 1001 characters long; at most 1000 fit.");
        assertThat(instances.count()).isZero();
    }

    @Test
    void saveAllRollsBackEverythingWhenTheDatabaseFailsHalfWay() {
        // the instance rows are already inserted when the tags' insert fails
        AtomicInteger tagInserts = new AtomicInteger();
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            StoreMigrations.migrate(pool, "test");
            DSLContext failing = DSL.using(new DefaultConfiguration().set(pool).set(SQLDialect.H2)
                    .set(new ExecuteListener() {
                        @Override
                        public void executeStart(ExecuteContext ctx) {
                            String sql = ctx.sql() == null ? "" : ctx.sql().toLowerCase(Locale.ROOT);
                            if (sql.contains("insert into \"instance_tag\"") && tagInserts.incrementAndGet() == 1) {
                                throw new IllegalStateException("disk full (simulated)");
                            }
                        }
                    }));
            JooqInstanceRepository repository = new JooqInstanceRepository(failing, Clock.systemUTC());
            List<Instance> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(TestInstances.inventoryOnly("bulk-" + i));
            }

            assertThatThrownBy(() -> repository.saveAll(batch)).hasMessageContaining("disk full");

            assertThat(tagInserts.get()).isEqualTo(1);
            assertThat(repository.count()).isZero();
        } finally {
            pool.dispose();
        }
    }

    @Test
    void updateReplacesFactsAndTags() {
        Instance saved = instances.save(TestInstances.inventoryOnly("pg-upd-01"));
        Map<String, String> tags = new LinkedHashMap<>(Map.of("team", "risk", "app", "fraud"));

        Instance edited = new Instance(saved.id(), "pg-upd-renamed", saved.engine(), "17", "17.2", null, tags,
                Tier.STAGING, Criticality.LOW, WorkloadKind.OLAP, new HardwareFacts(2, 4L << 30, DiskType.HDD, 1L << 30), false);
        instances.save(edited);

        assertThat(instances.findById(saved.id())).contains(edited);
        assertThat(instances.findByName("pg-upd-01")).isEmpty();
        assertThat(instances.count()).isEqualTo(1);
    }

    @Test
    void updatingAnInstanceRemovedElsewhereSaysSo() {
        Instance saved = instances.save(TestInstances.inventoryOnly("pg-gone-01"));
        instances.delete(saved.id());

        assertThatThrownBy(() -> instances.save(saved)).hasMessageContaining("is no longer in the store");
    }

    @Test
    void deleteDemoInstancesRemovesOnlyDemoInstances() {
        Instance mine = TestInstances.inventoryOnly("mine");
        Instance demo = TestInstances.inventoryOnly("demo");
        instances.saveAll(List.of(mine, new Instance(0, demo.name(), demo.engine(), demo.version(), null, null, demo.tags(),
                null, null, null, null, true)));

        assertThat(instances.deleteDemoInstances()).isEqualTo(1);
        assertThat(instances.findAll()).extracting(Instance::name).containsExactly("mine");
        assertThat(instances.delete(4242)).isFalse();
    }

    @Test
    void hostileNamesAreStoredAsTextNotExecuted() {
        String sqlish = "x'); DROP TABLE instance;--";
        String unicode = "pg-zürich-本番-😀";
        instances.saveAll(List.of(TestInstances.inventoryOnly(sqlish), TestInstances.inventoryOnly(unicode),
                TestInstances.inventoryOnly("n".repeat(200))));

        assertThat(instances.findByName(sqlish)).isPresent();
        assertThat(instances.findByName(unicode)).isPresent();
        assertThat(instances.findByName("n".repeat(200))).isPresent();
        assertThat(instances.count()).isEqualTo(3);
    }

    @Test
    void findAllOnFiveThousandInstancesRunsTwoQueriesAndIsFast() {
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
            JooqInstanceRepository repository = new JooqInstanceRepository(counting, Clock.systemUTC());
            List<Instance> fleet = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                fleet.add(new Instance(0, String.format("pg-%05d", i), Engine.POSTGRESQL, "16", null, null,
                        Map.of("team", "t" + (i % 40), "region", "r" + (i % 5), "app", "a" + i), null, null, null, null, false));
            }
            repository.saveAll(fleet);
            repository.findAll(); // warm-up: JIT and H2 caches

            queries.set(0);
            long start = System.nanoTime();
            List<Instance> loaded = repository.findAll();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(loaded).hasSize(5000);
            assertThat(loaded.get(4999).tags()).containsEntry("app", "a4999");
            assertThat(queries.get()).as("queries for findAll").isEqualTo(2);
            assertThat(millis).as("findAll on 5,000 instances, ms").isLessThan(2000);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void findByIdsReturnsTheKnownInstancesWithTheirTags() {
        List<Instance> fleet = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            fleet.add(new Instance(0, String.format("pg-%04d", i), Engine.POSTGRESQL, "16", null, null,
                    Map.of("app", "a" + i), null, null, null, null, false));
        }
        List<Instance> saved = instances.saveAll(fleet);
        List<Long> wanted = new ArrayList<>(saved.stream().map(Instance::id).filter(id -> id % 2 == 0).toList());
        wanted.add(987654L);

        Map<Long, Instance> found = instances.findByIds(wanted);

        assertThat(found).hasSize(600);
        assertThat(found.values()).allSatisfy(i -> assertThat(i.id() % 2).isZero());
        Instance last = saved.getLast();
        assertThat(found.get(last.id())).isEqualTo(instances.findById(last.id()).orElseThrow());
        assertThat(found.get(last.id()).tags()).containsEntry("app", "a1199");
    }
}
