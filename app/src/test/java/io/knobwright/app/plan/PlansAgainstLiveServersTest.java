package io.knobwright.app.plan;

import io.knobwright.app.AppContext;
import io.knobwright.app.fleet.Registration;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans computed against the live settings of real servers: an embedded PostgreSQL (changed with ALTER
 * SYSTEM, so this test never touches the shared service) and the machine's MariaDB 10.11 (read only).
 */
class PlansAgainstLiveServersTest {

    private static final long GB = 1L << 30;
    private static EmbeddedPostgres postgres;
    private static KnobwrightStore store;
    private static AppContext context;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = KnobwrightStore.inMemory("live-plans-" + System.nanoTime(), false);
        context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), name -> null);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        postgres.close();
    }

    private static Instance register(String name, String url, String user) {
        Instance i = context.fleet().register(new Registration(name, url, user, null, null, Tier.TEST, null, null, Map.of()));
        // Fixed facts so the expected values do not depend on the machine the test runs on.
        return context.fleet().update(new Instance(i.id(), i.name(), i.engine(), i.version(), i.fullVersion(), i.connection(),
                i.tags(), i.tier(), i.criticality(), i.workload(), new HardwareFacts(8, 32 * GB, DiskType.SSD, 500 * GB), false));
    }

    private static Optional<PlannedChange> change(ChangePlan plan, String parameter) {
        return plan.changes().stream().filter(c -> c.parameter().equalsIgnoreCase(parameter)).findFirst();
    }

    @Test
    void postgresqlPlanStartsFromTheLiveValuesAndSkipsWhatAlreadyMatches() throws Exception {
        Instance pg = register("embedded-pg", postgres.getJdbcUrl("postgres", "postgres"), "postgres");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // the oltp template wants random_page_cost 1.1: once the server has it, it is no change
            s.execute("ALTER SYSTEM SET random_page_cost = 1.1");
            s.execute("ALTER SYSTEM SET work_mem = '3MB'");
            s.execute("SELECT pg_reload_conf()");
        }
        ChangePlan plan = context.plans().createPlan("postgresql-oltp", pg.name(), true);

        assertThat(plan.baseline()).startsWith("live at");
        assertThat(change(plan, "random_page_cost")).isEmpty();
        PlannedChange sharedBuffers = change(plan, "shared_buffers").orElseThrow();
        assertThat(sharedBuffers.from()).isEqualTo("16384");                     // 128MB, the embedded server's setting
        assertThat(sharedBuffers.to()).isEqualTo(String.valueOf(8 * GB / 8192));  // 25% of 32GB
        assertThat(sharedBuffers.restartNeeded()).isTrue();
        assertThat(change(plan, "work_mem").orElseThrow().from()).isEqualTo("3072");
        assertThat(context.plans().plan(plan.id())).contains(plan);
    }

    @Test
    void mariadbPlanReadsTheServiceAndSizesTheBufferPoolFromTheFacts() {
        Instance maria = register("local-mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");
        assertThat(maria.engine()).isEqualTo(Engine.MARIADB);

        ChangePlan plan = context.plans().createPlan("mariadb-oltp", maria.name(), true);

        assertThat(plan.baseline()).startsWith("live at");
        PlannedChange pool = change(plan, "innodb_buffer_pool_size").orElseThrow();
        assertThat(pool.from()).isNotBlank();
        assertThat(Long.parseLong(pool.to())).isBetween(20 * GB, 26 * GB);
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.provenance()).startsWith("mariadb-"));
    }
}
