package io.knobwright.model.store;

import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.store.jooq.tables.records.SettingsSnapshotRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

import java.time.ZoneOffset;
import java.util.List;
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
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            SettingsSnapshotRecord row = db.selectFrom(SETTINGS_SNAPSHOT)
                    .where(SETTINGS_SNAPSHOT.INSTANCE_ID.eq(instanceId))
                    .orderBy(SETTINGS_SNAPSHOT.TAKEN_AT.desc(), SETTINGS_SNAPSHOT.ID.desc())
                    .limit(1)
                    .fetchOne();
            if (row == null) {
                return Optional.empty();
            }
            List<LiveSetting> settings = db.selectFrom(SNAPSHOT_SETTING)
                    .where(SNAPSHOT_SETTING.SNAPSHOT_ID.eq(row.getId()))
                    .orderBy(SNAPSHOT_SETTING.ORDINAL)
                    .fetch(s -> new LiveSetting(s.getName(), s.getSettingValue(), s.getUnit(), s.getSource(),
                            s.getPendingRestart()));
            HardwareFacts reported = HardwareFacts.probed(row.getReportedCpus(), row.getReportedMemoryBytes(),
                    DiskType.valueOf(row.getReportedDiskType()), row.getReportedDiskBytes());
            return Optional.of(new SettingsSnapshot(row.getInstanceId(), row.getTakenAt().toInstant(),
                    row.getServerVersion(), settings, reported));
        });
    }
}
