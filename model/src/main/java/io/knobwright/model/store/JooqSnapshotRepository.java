package io.knobwright.model.store;

import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.SnapshotRepository;
import io.knobwright.model.store.jooq.tables.records.SettingsSnapshotRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
    /** Keeps IN lists of ids well below what H2 parses comfortably. */
    private static final int ID_CHUNK = 1000;

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
        return Optional.ofNullable(latestOf(List.of(instanceId)).get(instanceId));
    }

    /**
     * Two queries per {@value #ID_CHUNK} instances, whatever the fleet size: the newest snapshot row of each
     * (newest taken_at, the later row on a tie), then all their settings.
     */
    @Override
    public Map<Long, SettingsSnapshot> latestOf(Collection<Long> instanceIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(instanceIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<Long, SettingsSnapshot> latest = new HashMap<>(ids.size() * 2);
            for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                readChunk(db, ids.subList(from, Math.min(ids.size(), from + ID_CHUNK)), latest);
            }
            return latest;
        });
    }

    private static void readChunk(DSLContext db, List<Long> instanceIds, Map<Long, SettingsSnapshot> into) {
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(SETTINGS_SNAPSHOT.INSTANCE_ID)
                .orderBy(SETTINGS_SNAPSHOT.TAKEN_AT.desc(), SETTINGS_SNAPSHOT.ID.desc())).as("newest_first");
        Table<?> ranked = db.select(SETTINGS_SNAPSHOT.ID, SETTINGS_SNAPSHOT.INSTANCE_ID, SETTINGS_SNAPSHOT.TAKEN_AT,
                        SETTINGS_SNAPSHOT.SERVER_VERSION, rank)
                .from(SETTINGS_SNAPSHOT).where(SETTINGS_SNAPSHOT.INSTANCE_ID.in(instanceIds)).asTable("ranked");
        Map<Long, Header> headers = new HashMap<>();
        db.select(ranked.field(SETTINGS_SNAPSHOT.ID), ranked.field(SETTINGS_SNAPSHOT.INSTANCE_ID),
                        ranked.field(SETTINGS_SNAPSHOT.TAKEN_AT), ranked.field(SETTINGS_SNAPSHOT.SERVER_VERSION))
                .from(ranked).where(ranked.field(rank).eq(1))
                .forEach(r -> headers.put(r.value1(), new Header(r.value2(), r.value3().toInstant(), r.value4())));
        if (headers.isEmpty()) {
            return;
        }
        Map<Long, List<LiveSetting>> settings = new HashMap<>(headers.size() * 2);
        db.select(SNAPSHOT_SETTING.SNAPSHOT_ID, SNAPSHOT_SETTING.NAME, SNAPSHOT_SETTING.SETTING_VALUE, SNAPSHOT_SETTING.UNIT,
                        SNAPSHOT_SETTING.SOURCE, SNAPSHOT_SETTING.PENDING_RESTART)
                .from(SNAPSHOT_SETTING).where(SNAPSHOT_SETTING.SNAPSHOT_ID.in(headers.keySet()))
                .orderBy(SNAPSHOT_SETTING.SNAPSHOT_ID, SNAPSHOT_SETTING.ORDINAL)
                .forEach(r -> settings.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new LiveSetting(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        headers.forEach((id, h) -> into.put(h.instanceId(), new SettingsSnapshot(h.instanceId(), h.takenAt(),
                h.serverVersion(), settings.getOrDefault(id, List.of()))));
    }

    private record Header(long instanceId, Instant takenAt, String serverVersion) {
    }
}
