package io.knobwright.model.store;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.store.jooq.tables.records.SettingsSnapshotRecord;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.INSTANCE;
import static io.knobwright.model.store.jooq.Tables.SETTINGS_SNAPSHOT;
import static io.knobwright.model.store.jooq.Tables.SNAPSHOT_SETTING;

/** Settings snapshots in H2: one row per snapshot, one per setting in the order the server reported them. */
final class JooqSnapshotRepository implements SnapshotRepository {

    // Column sizes of snapshot_setting in V1__fleet.sql.
    private static final int MAX_NAME = 200;
    private static final int MAX_VALUE = 65535;
    private static final int MAX_UNIT = 50;
    private static final int MAX_SOURCE = 200;

    private final DSLContext dsl;

    JooqSnapshotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public SettingsSnapshot save(SettingsSnapshot snapshot) {
        for (LiveSetting setting : snapshot.settings()) {
            refuseOversized(setting);
        }
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            if (!db.fetchExists(INSTANCE, INSTANCE.ID.eq(snapshot.instanceId()))) {
                throw new StoreException("No instance with id " + snapshot.instanceId() + " is in the store; it may have"
                        + " been removed elsewhere. The snapshot was not saved.");
            }
            SettingsSnapshotRecord row = db.newRecord(SETTINGS_SNAPSHOT);
            row.setInstanceId(snapshot.instanceId());
            row.setTakenAt(snapshot.takenAt().atOffset(ZoneOffset.UTC));
            row.setServerVersion(snapshot.serverVersion());
            HardwareFacts reported = snapshot.reportedHardware();
            row.setReportedCpus(reported.cpus());
            row.setReportedMemoryBytes(reported.memoryBytes());
            row.setReportedDiskType(reported.diskType().name());
            row.setReportedDiskBytes(reported.diskBytes());
            row.insert();
            if (snapshot.settings().isEmpty()) {
                return;
            }
            BatchBindStep batch = db.batch(db.insertInto(SNAPSHOT_SETTING,
                    SNAPSHOT_SETTING.SNAPSHOT_ID, SNAPSHOT_SETTING.ORDINAL, SNAPSHOT_SETTING.NAME,
                    SNAPSHOT_SETTING.SETTING_VALUE, SNAPSHOT_SETTING.UNIT, SNAPSHOT_SETTING.SOURCE,
                    SNAPSHOT_SETTING.PENDING_RESTART).values((Long) null, null, null, null, null, null, null));
            int ordinal = 0;
            for (LiveSetting setting : snapshot.settings()) {
                batch.bind(row.getId(), ordinal++, setting.name(), setting.value(), setting.unit(), setting.source(),
                        setting.pendingRestart());
            }
            batch.execute();
        });
        return snapshot;
    }

    private static void refuseOversized(LiveSetting setting) {
        String problem = setting.name().length() > MAX_NAME ? "its name is longer than " + MAX_NAME + " characters"
                : setting.value() != null && setting.value().length() > MAX_VALUE
                ? "its value is longer than " + MAX_VALUE + " characters"
                : setting.unit() != null && setting.unit().length() > MAX_UNIT ? "its unit is longer than " + MAX_UNIT + " characters"
                : setting.source().length() > MAX_SOURCE ? "its source is longer than " + MAX_SOURCE + " characters"
                : null;
        if (problem != null) {
            String name = setting.name().length() > 60 ? setting.name().substring(0, 57) + "..." : setting.name();
            throw new StoreException("Setting " + name + " cannot be stored: " + problem + ". The snapshot was not saved.");
        }
    }

    @Override
    public Optional<SettingsSnapshot> latest(long instanceId) {
        return dsl.transactionResult(tx -> newest(tx.dsl(), instanceId, DSL.noCondition()));
    }

    /**
     * One instance's newest snapshot in two short queries. H2 keeps them prepared; the ranking query of
     * {@link #latestOf} it parses again on every call, which costs one instance several times as much.
     */
    private static Optional<SettingsSnapshot> newest(DSLContext db, long instanceId, Condition settingsWanted) {
        SettingsSnapshotRecord row = db.selectFrom(SETTINGS_SNAPSHOT)
                .where(SETTINGS_SNAPSHOT.INSTANCE_ID.eq(instanceId))
                .orderBy(SETTINGS_SNAPSHOT.TAKEN_AT.desc(), SETTINGS_SNAPSHOT.ID.desc())
                .limit(1)
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<LiveSetting> settings = settings(db, SNAPSHOT_SETTING.SNAPSHOT_ID.eq(row.getId()).and(settingsWanted))
                .getOrDefault(row.getId(), List.of());
        return Optional.of(new SettingsSnapshot(row.getInstanceId(), row.getTakenAt().toInstant(), row.getServerVersion(),
                settings, reported(row.getReportedCpus(), row.getReportedMemoryBytes(), row.getReportedDiskType(),
                row.getReportedDiskBytes())));
    }

    /**
     * Two queries per {@value InLists#CHUNK} instances, whatever the fleet size: the newest snapshot row of each
     * (newest taken_at, the later row on a tie), then their settings with these names. Exact names: a function such
     * as lower(name) would be evaluated on every setting row and cost H2 a third more.
     */
    @Override
    public Map<Long, SettingsSnapshot> latestOf(Collection<Long> instanceIds, Collection<String> names) {
        List<List<Long>> chunks = InLists.chunks(instanceIds);
        if (chunks.isEmpty()) {
            return Map.of();
        }
        Condition settings = InLists.in(SNAPSHOT_SETTING.NAME, names.stream().distinct().toList());
        return dsl.transactionResult(tx -> {
            Map<Long, SettingsSnapshot> latest = new HashMap<>();
            if (chunks.size() == 1 && chunks.getFirst().size() == 1) {
                long only = chunks.getFirst().getFirst();
                newest(tx.dsl(), only, settings).ifPresent(snapshot -> latest.put(only, snapshot));
            } else {
                chunks.forEach(chunk -> readChunk(tx.dsl(), chunk, settings, latest));
            }
            return latest;
        });
    }

    private static void readChunk(DSLContext db, List<Long> instanceIds, Condition settingsWanted,
                                  Map<Long, SettingsSnapshot> into) {
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(SETTINGS_SNAPSHOT.INSTANCE_ID)
                .orderBy(SETTINGS_SNAPSHOT.TAKEN_AT.desc(), SETTINGS_SNAPSHOT.ID.desc())).as("newest_first");
        Table<?> ranked = db.select(SETTINGS_SNAPSHOT.ID, SETTINGS_SNAPSHOT.INSTANCE_ID, SETTINGS_SNAPSHOT.TAKEN_AT,
                        SETTINGS_SNAPSHOT.SERVER_VERSION, SETTINGS_SNAPSHOT.REPORTED_CPUS,
                        SETTINGS_SNAPSHOT.REPORTED_MEMORY_BYTES, SETTINGS_SNAPSHOT.REPORTED_DISK_TYPE,
                        SETTINGS_SNAPSHOT.REPORTED_DISK_BYTES, rank)
                .from(SETTINGS_SNAPSHOT).where(InLists.in(SETTINGS_SNAPSHOT.INSTANCE_ID, instanceIds)).asTable("ranked");
        Map<Long, Header> headers = new HashMap<>();
        db.select(ranked.field(SETTINGS_SNAPSHOT.ID), ranked.field(SETTINGS_SNAPSHOT.INSTANCE_ID),
                        ranked.field(SETTINGS_SNAPSHOT.TAKEN_AT), ranked.field(SETTINGS_SNAPSHOT.SERVER_VERSION),
                        ranked.field(SETTINGS_SNAPSHOT.REPORTED_CPUS), ranked.field(SETTINGS_SNAPSHOT.REPORTED_MEMORY_BYTES),
                        ranked.field(SETTINGS_SNAPSHOT.REPORTED_DISK_TYPE), ranked.field(SETTINGS_SNAPSHOT.REPORTED_DISK_BYTES))
                .from(ranked).where(ranked.field(rank).eq(DSL.inline(1)))
                .forEach(r -> headers.put(r.value1(), new Header(r.value2(), r.value3().toInstant(), r.value4(),
                        reported(r.value5(), r.value6(), r.value7(), r.value8()))));
        if (headers.isEmpty()) {
            return;
        }
        Map<Long, List<LiveSetting>> settings = settings(db, InLists.in(SNAPSHOT_SETTING.SNAPSHOT_ID, headers.keySet())
                .and(settingsWanted));
        headers.forEach((id, h) -> into.put(h.instanceId(), new SettingsSnapshot(h.instanceId(), h.takenAt(),
                h.serverVersion(), settings.getOrDefault(id, List.of()), h.reported())));
    }

    /** What the server's probe found when the snapshot was taken. */
    private static HardwareFacts reported(int cpus, long memoryBytes, String diskType, long diskBytes) {
        return HardwareFacts.probed(cpus, memoryBytes, DiskType.valueOf(diskType), diskBytes);
    }

    /**
     * The settings that match {@code which}, by snapshot id, each list in the order the server reported them. Sorted
     * here rather than by H2: for thousands of snapshots its sort costs more than reading the rows.
     */
    private static Map<Long, List<LiveSetting>> settings(DSLContext db, Condition which) {
        Map<Long, List<Ordered>> bySnapshot = new HashMap<>();
        db.select(SNAPSHOT_SETTING.SNAPSHOT_ID, SNAPSHOT_SETTING.ORDINAL, SNAPSHOT_SETTING.NAME, SNAPSHOT_SETTING.SETTING_VALUE,
                        SNAPSHOT_SETTING.UNIT, SNAPSHOT_SETTING.SOURCE, SNAPSHOT_SETTING.PENDING_RESTART)
                .from(SNAPSHOT_SETTING).where(which)
                .forEach(r -> bySnapshot.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new Ordered(r.value2(),
                        new LiveSetting(r.value3(), r.value4(), r.value5(), r.value6(), r.value7()))));
        Map<Long, List<LiveSetting>> sorted = new HashMap<>();
        bySnapshot.forEach((id, rows) -> {
            rows.sort(Comparator.comparingInt(Ordered::ordinal));
            sorted.put(id, rows.stream().map(Ordered::setting).toList());
        });
        return sorted;
    }

    private record Ordered(int ordinal, LiveSetting setting) {
    }

    private record Header(long instanceId, Instant takenAt, String serverVersion, HardwareFacts reported) {
    }
}
