package io.knobwright.app.ui;

import io.knobwright.app.AppContext;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.backup.BackupKind;
import io.knobwright.model.backup.BackupProblem;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.BackupWatch;
import io.knobwright.model.backup.ProblemKind;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.health.ConnectionGroup;
import io.knobwright.model.health.ConnectionLimits;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.health.MaintenanceWindow;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.workload.SizePoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo fleet with health worth a look on its first rows (by name), stored the way the subsystems store it: backup
 * verifications and watches, an imported size history, a connection poll, a maintenance window.
 * <pre>
 * maria-booking-prod-01  newest backup DAMAGED (truncated), inside a maintenance window that must not hide it
 * maria-booking-prod-02  good backup 3 h ago, watched with a 24 h RPO
 * maria-booking-prod-03  last good backup 30 h ago (default RPO 24 h): overdue
 * maria-booking-dev-01   50 GB disk, grows 1 GB a day from 30 GB: full in about 20 days (forecast)
 * maria-nextcloud-prod-01  a poll with 88 of 100 connections in use
 * maria-wiki-prod-01     a watched backup directory without any good backup yet: "never"
 * </pre>
 */
public final class HealthDemo {

    public static final String FAILED_BACKUP = "maria-booking-prod-01";
    public static final String FRESH_BACKUP = "maria-booking-prod-02";
    public static final String OVERDUE_BACKUP = "maria-booking-prod-03";
    public static final String FILLING_DISK = "maria-booking-dev-01";
    public static final String BUSY_CONNECTIONS = "maria-nextcloud-prod-01";
    public static final String WATCHED_NEVER = "maria-wiki-prod-01";
    private static final long GB = 1L << 30;

    private HealthDemo() {
    }

    /** A demo store of its own with the health above, as of now; closing the context closes the store. */
    public static AppContext context(String purpose) {
        return context(KnobwrightStore.inMemory(purpose + "-" + UUID.randomUUID(), true));
    }

    /** The same on a demo store the caller opened (and may also read directly); closing the context closes it. */
    public static AppContext context(KnobwrightStore store) {
        AppContext context = new AppContext(store, store, new CatalogRepository(), Connectors.defaultRegistry(), k -> null,
                "lin");
        seed(context, store, Instant.now());
        return context;
    }

    public static Instance named(AppContext context, String name) {
        return context.fleet().list().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    /** Stores the health above on {@code store}, as of {@code now} (the user guide adds it to a governed demo store). */
    public static void seed(AppContext context, KnobwrightStore store, Instant now) {
        Instance failed = named(context, FAILED_BACKUP);
        store.backups().record(failed.id(), BackupVerification.of("/backups/booking-01/2026-12-06.sql", BackupKind.MARIADB_DUMP,
                now.minus(Duration.ofHours(2)), 7_340_032L, Duration.ofMinutes(4), now.minus(Duration.ofMinutes(90)),
                List.of(new BackupProblem("2026-12-06.sql", ProblemKind.TRUNCATED, "no '-- Dump completed' footer")),
                Map.of(), List.of()));
        context.alerts().addWindow(new MaintenanceWindow(0, FAILED_BACKUP, false, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(2)), null, "planned restart", "lin"));

        Instance fresh = named(context, FRESH_BACKUP);
        store.backups().watch(new BackupWatch(fresh.id(), fresh.name(), "/backups/booking-02", Duration.ofHours(24), null));
        store.backups().record(fresh.id(), good("/backups/booking-02/2026-12-06.sql", now.minus(Duration.ofHours(3))));

        Instance overdue = named(context, OVERDUE_BACKUP);
        store.backups().record(overdue.id(), good("/backups/booking-03/2026-12-05.sql", now.minus(Duration.ofHours(30))));

        Instance watched = named(context, WATCHED_NEVER);
        store.backups().watch(new BackupWatch(watched.id(), watched.name(), "/backups/wiki-01", Duration.ofHours(12), null));

        Instance filling = named(context, FILLING_DISK);
        // Four weeks of a gigabyte a day up to 30 GB of its 50 GB disk: 20 GB left.
        List<SizePoint> points = new ArrayList<>();
        for (int day = 28; day >= 0; day--) {
            points.add(new SizePoint(now.minus(Duration.ofDays(day)), 30 * GB - day * GB));
        }
        store.sizeSeries().replace(filling.id(), "total", SizeSeries.of(points));

        Instance busy = named(context, BUSY_CONNECTIONS);
        store.connectionUse().record(busy.id(), new ConnectionSnapshot(now.minus(Duration.ofMinutes(2)),
                new ConnectionLimits(100, 0, 0, List.of()), 88, 6,
                List.of(new ConnectionGroup("nextcloud", "nc", "10.2.0.14", "nextcloud", "idle", 70),
                        new ConnectionGroup("nextcloud", "nc", "10.2.0.14", "nextcloud", "active", 6),
                        new ConnectionGroup("cron", "nc", "10.2.0.15", "nextcloud", "idle", 12)),
                List.of(), Map.of(), List.of()));
    }

    private static BackupVerification good(String path, Instant taken) {
        return BackupVerification.of(path, BackupKind.MARIADB_DUMP, taken, 7_340_032L, Duration.ofMinutes(4),
                taken.plus(Duration.ofMinutes(10)), List.of(), Map.of(), List.of());
    }
}
