package io.knobwright.model.store;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.diag.StartupTrace;
import io.knobwright.model.fleet.CredentialVault;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.InstanceRepository;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ServerCatalogRepository;
import io.knobwright.model.fleet.demo.DemoFleet;
import io.knobwright.model.fleet.demo.DemoSettings;
import io.knobwright.model.notify.WebhookOutbox;
import io.knobwright.model.plan.PlanRepository;
import io.knobwright.model.template.TemplateAssignmentRepository;
import io.knobwright.model.template.TemplateRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.knobwright.model.store.jooq.Tables.INSTANCE;
import static io.knobwright.model.store.jooq.Tables.STORE_META;

/**
 * The local store: one H2 file per data directory, migrated by Flyway when opened, shared between the
 * workbench and the CLI (H2 AUTO_SERVER: whichever opens first serves the other). Thread-safe; every call
 * blocks on JDBC, so UIs call it off the FX thread. Work that writes several tables runs through
 * {@link #inTransaction}, whose repositories share one transaction.
 */
public final class KnobwrightStore implements UnitOfWork, AutoCloseable {

    /** store_meta key set once the demo fleet was offered; removing the demo fleet never brings it back. */
    static final String DEMO_SEEDED = "demo_seeded";

    /**
     * store_meta key of the first-run welcome (decision 0145): "due" from the creation of a new store until the user
     * closes the welcome, then "dismissed". Stores from before the welcome have no key and never show it by themselves.
     */
    static final String WELCOME = "welcome";
    private static final String WELCOME_DUE = "due";
    private static final String WELCOME_DISMISSED = "dismissed";

    /** Held so the levels set below are not lost when JUL drops an unreferenced logger. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("org.jooq"));

    static {
        // Before any H2 class reads its settings: the store's server listens on the loopback only (0043).
        LoopbackServer.bindH2ToLoopback();
        // Flyway and jOOQ report every start at INFO through java.util.logging, which lands on the CLI's
        // stderr. Only when nobody configured them: an app that routes logging elsewhere keeps its choice.
        for (Logger logger : QUIETED) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
        // jOOQ prints a banner and tips on first use; a CLI's output is no place for them.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    private final String location;
    private final Path dataDirectory;
    /** Whether this process asked H2 to compact the file when it closes it; null in memory. */
    private final CloseCompaction closeCompaction;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final Clock clock;
    private final Map<Long, ParameterCatalog> catalogCache = JooqServerCatalogRepository.newCache();
    private final StoreContention contention;
    private final Repositories repositories;
    private final CredentialVault vault;
    private final boolean inMemory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KnobwrightStore(String location, Path dataDirectory, JdbcConnectionPool pool, CredentialVault vault,
                            Clock clock, boolean inMemory, StoreContention contention,
                            CloseCompaction closeCompaction) {
        this.location = location;
        this.closeCompaction = closeCompaction;
        this.dataDirectory = dataDirectory;
        this.pool = pool;
        this.clock = clock;
        this.vault = vault;
        this.inMemory = inMemory;
        this.contention = contention;
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(new CommitWatch(pool))
                .set(SQLDialect.H2)
                .set(new Settings().withExecuteLogging(false).withRenderSchema(false))
                .set(new DefaultExecuteListenerProvider(CommitWatch.writes())));
        this.repositories = new JooqRepositories(dsl, clock, catalogCache).eachCallAUnit(contention);
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}: creates the directory, refuses a file that is
     * not a store or that a newer Knobwright wrote (without touching it), migrates, and seeds the demo fleet
     * into a new store. Fails with a {@link StoreException} whose message says what to do.
     */
    public static KnobwrightStore open(Path dataDir) {
        return open(dataDir, StoreContention.PATIENCE, StoreContention.EXCLUSIVE_PATIENCE);
    }

    /**
     * @param patience          how long to wait for other Knobwright processes that open, serve or hand over the store
     * @param exclusivePatience how long to wait when the file is held by something that does not share it
     */
    static KnobwrightStore open(Path dataDir, Duration patience, Duration exclusivePatience) {
        Path dir = StoreOpening.prepareDirectory(dataDir);
        LoopbackServer.require();
        StoreContention contention = new StoreContention(dir, patience, exclusivePatience);
        return contention.opening(() -> openOnce(dir, contention));
    }

    /** One attempt; every step may run again after a failed attempt (migrations and the demo seed run once). */
    private static KnobwrightStore openOnce(Path dir, StoreContention contention) {
        PrivateFilePath.tightenExisting(dir);
        if (!StoreIdentity.vouchesFor(dir)) {
            StoreOpening.inspectExisting(dir);
            StartupTrace.mark("store inspected read-only");
        }
        CloseCompaction closeCompaction = CloseCompaction.decide(dir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(StoreOpening.fileUrl(dir, closeCompaction.compact()),
                StoreOpening.USER, StoreOpening.PASSWORD);
        try {
            try (Connection ignored = pool.getConnection()) {
                // opening once here turns H2's errors (locked, corrupt) into messages before Flyway sees them
            } catch (SQLException e) {
                throw StoreOpening.translate(dir, e);
            }
            StartupTrace.mark("store file opened");
            StoreMigrations.migrate(pool, dir.toString());
            StartupTrace.mark("schema checked");
            AesGcmCredentialVault vault = AesGcmCredentialVault.inDirectory(dir, System::getenv);
            StartupTrace.mark("vault");
            KnobwrightStore store = new KnobwrightStore(dir.toString(), dir, pool, vault, Clock.systemUTC(), false, contention,
                    closeCompaction);
            StartupTrace.mark("store wired");
            store.seedDemoFleetOnce(DemoFleet::load);
            StartupTrace.mark("demo seed checked");
            // files another Knobwright (an older one, serving this store) may have created meanwhile
            PrivateFilePath.tightenExisting(dir);
            return store;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** An in-memory store with the demo fleet, like a fresh {@link #open}; for tests and the demo mode. */
    public static KnobwrightStore inMemory(String name) {
        return inMemory(name, true);
    }

    /**
     * An in-memory store that lives until {@link #close()}; stores opened with the same name share the data.
     * Its vault key lives in memory too.
     */
    public static KnobwrightStore inMemory(String name, boolean seedDemo) {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("An in-memory store name uses letters, digits, '_' and '-' only: " + name);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                StoreOpening.USER, StoreOpening.PASSWORD);
        try {
            StoreMigrations.migrate(pool, "memory:" + name);
            KnobwrightStore store = new KnobwrightStore("memory:" + name, null, pool,
                    AesGcmCredentialVault.inMemory(System::getenv), Clock.systemUTC(), true, new StoreContention(null), null);
            if (seedDemo) {
                store.seedDemoFleetOnce(DemoFleet::load);
            }
            return store;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    @Override
    public InstanceRepository instances() {
        return repositories.instances();
    }

    @Override
    public SnapshotRepository snapshots() {
        return repositories.snapshots();
    }

    @Override
    public TemplateRepository templates() {
        return repositories.templates();
    }

    @Override
    public TemplateAssignmentRepository templateAssignments() {
        return repositories.templateAssignments();
    }

    @Override
    public PlanRepository plans() {
        return repositories.plans();
    }

    @Override
    public void inTransaction(Consumer<Repositories> work) {
        contention.unit(() -> {
            dsl.transaction(tx -> work.accept(new JooqRepositories(tx.dsl(), clock, catalogCache)));
            return null;
        });
    }

    @Override
    public <T> T transactionResult(Function<Repositories, T> work) {
        return contention.unit(() -> dsl.transactionResult(tx -> work.apply(new JooqRepositories(tx.dsl(), clock, catalogCache))));
    }

    @Override
    public ServerCatalogRepository serverCatalogs() {
        return repositories.serverCatalogs();
    }

    @Override
    public io.knobwright.model.approval.GovernanceRepository governance() {
        return repositories.governance();
    }

    @Override
    public io.knobwright.model.audit.AuditRepository audit() {
        return repositories.audit();
    }

    @Override
    public WebhookOutbox webhooks() {
        return repositories.webhooks();
    }

    @Override
    public io.knobwright.model.hub.HubSyncRepository hub() {
        return repositories.hub();
    }

    @Override
    public io.knobwright.model.apply.journal.ApplyJournal applyJournal() {
        return repositories.applyJournal();
    }

    @Override
    public io.knobwright.model.override.OverrideRepository overrides() {
        return repositories.overrides();
    }

    @Override
    public io.knobwright.model.apply.restart.PendingRestartRepository pendingRestarts() {
        return repositories.pendingRestarts();
    }

    @Override
    public io.knobwright.model.workload.QueryRepository queries() {
        return repositories.queries();
    }

    @Override
    public io.knobwright.model.workload.WorkloadSeriesRepository workloadSeries() {
        return repositories.workloadSeries();
    }

    @Override
    public io.knobwright.model.workload.QueryHistoryRepository queryHistory() {
        return repositories.queryHistory();
    }

    @Override
    public io.knobwright.model.workload.RelationSeriesRepository relationSeries() {
        return repositories.relationSeries();
    }

    @Override
    public io.knobwright.model.health.ConnectionUseRepository connectionUse() {
        return repositories.connectionUse();
    }

    @Override
    public io.knobwright.model.forecast.SizeSeriesRepository sizeSeries() {
        return repositories.sizeSeries();
    }

    @Override
    public io.knobwright.model.health.AlertStateRepository alertState() {
        return repositories.alertState();
    }

    @Override
    public io.knobwright.model.backup.BackupRepository backups() {
        return repositories.backups();
    }

    @Override
    public io.knobwright.model.workload.PrometheusMappingRepository prometheusMappings() {
        return repositories.prometheusMappings();
    }

    @Override
    public io.knobwright.model.health.ConnectionEventRepository connectionEvents() {
        return repositories.connectionEvents();
    }

    @Override
    public io.knobwright.model.simulation.ObservationRepository observations() {
        return repositories.observations();
    }

    @Override
    public io.knobwright.model.simulation.PlanSimulationRepository planSimulations() {
        return repositories.planSimulations();
    }

    @Override
    public io.knobwright.model.simulation.ApplyOutcomeRepository applyOutcomes() {
        return repositories.applyOutcomes();
    }

    public CredentialVault vault() {
        return vault;
    }

    /** The data directory, or "memory:name"; for messages such as "Store: /home/lin/.knobwright". */
    public String location() {
        return location;
    }

    /** The data directory; empty for an in-memory store. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /**
     * Stores the demo fleet the first time a store is opened, and never again: the store_meta flag is
     * written in the same transaction, and it doubles as a lock when two processes open a new store together.
     */
    void seedDemoFleetOnce(Supplier<List<Instance>> demoFleet) {
        try {
            dsl.transaction(tx -> {
                DSLContext db = tx.dsl();
                int claimed = db.insertInto(STORE_META, STORE_META.META_KEY, STORE_META.META_VALUE)
                        .values(DEMO_SEEDED, "true")
                        .onDuplicateKeyIgnore()
                        .execute();
                if (claimed == 0) {
                    return;
                }
                // a store seen for the first time: its user has not met the welcome yet
                db.insertInto(STORE_META, STORE_META.META_KEY, STORE_META.META_VALUE)
                        .values(WELCOME, WELCOME_DUE)
                        .onDuplicateKeyIgnore()
                        .execute();
                if (db.fetchCount(INSTANCE) > 0) {
                    return;
                }
                Repositories seeding = new JooqRepositories(db, clock, catalogCache);
                seedDemoSettings(seeding, seeding.instances().saveAll(demoFleet.get()));
            });
        } catch (IntegrityConstraintViolationException othersSeeded) {
            // another process opening the same new store claimed the flag first and seeded the fleet
        }
    }

    /** True while the first-run welcome of this store waits to be shown: a new store whose user has not closed it yet. */
    public boolean welcomeDue() {
        return contention.unit(() -> dsl.select(STORE_META.META_VALUE).from(STORE_META).where(STORE_META.META_KEY.eq(WELCOME))
                .fetchOptional(STORE_META.META_VALUE).filter(WELCOME_DUE::equals).isPresent());
    }

    /** The user closed the welcome: it no longer opens by itself, in this workbench or the next (it stays in Help). */
    public void dismissWelcome() {
        contention.unit(() -> dsl.mergeInto(STORE_META).using(DSL.selectOne())
                .on(STORE_META.META_KEY.eq(WELCOME))
                .whenMatchedThenUpdate().set(STORE_META.META_VALUE, WELCOME_DISMISSED)
                .whenNotMatchedThenInsert(STORE_META.META_KEY, STORE_META.META_VALUE).values(WELCOME, WELCOME_DISMISSED)
                .execute());
    }

    /** Snapshots and template assignments for part of the demo fleet, so drift and diffs have something to show. */
    private static void seedDemoSettings(Repositories seeding, List<Instance> stored) {
        DemoSettings demo = new DemoSettings(new CatalogRepository());
        for (Instance instance : DemoSettings.chosen(stored)) {
            demo.snapshot(instance).ifPresent(snapshot -> {
                seeding.snapshots().save(snapshot);
                seeding.templateAssignments().assign(demo.assignment(instance));
            });
        }
    }

    /** Closes the connections. For an in-memory store this drops its data, also for others opened with the same name. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (inMemory) {
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("SHUTDOWN");
            } catch (SQLException alreadyGone) {
                // closing twice, or the database is already shut down: nothing left to free
            }
        }
        pool.dispose();
        if (dataDirectory != null) {
            StoreIdentity.record(dataDirectory);
            closeCompaction.afterClose(dataDirectory);
        }
    }
}
