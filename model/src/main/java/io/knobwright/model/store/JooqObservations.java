package io.knobwright.model.store;

import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.model.store.jooq.tables.records.ObservationRecord;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.knobwright.model.store.jooq.Tables.OBSERVATION;
import static io.knobwright.model.store.jooq.Tables.OBSERVATION_FEATURE;
import static io.knobwright.model.store.jooq.Tables.OBSERVATION_SETTING;

/**
 * Measured experiments in H2 (schema 25, decision 0137), append-only. Settings and features are child rows; a number
 * that is not finite (a prediction that was not asked) is stored as NULL and reads back as NaN.
 */
final class JooqObservations implements ObservationRepository {

    private final DSLContext dsl;

    JooqObservations(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Observation add(Observation o) {
        long id = dsl.insertInto(OBSERVATION)
                .set(OBSERVATION.OBSERVED_AT, StoreTimes.utc(o.at()))
                .set(OBSERVATION.TARGET, o.target())
                .set(OBSERVATION.INSTANCE_ID, o.instanceId())
                .set(OBSERVATION.WORKLOAD_KEY, o.workloadKey())
                .set(OBSERVATION.HARDWARE_CLASS, o.hardwareClass())
                .set(OBSERVATION.CLIENTS, o.clients())
                .set(OBSERVATION.TPS, o.tps())
                .set(OBSERVATION.P50_MS, finiteOrNull(o.p50Ms()))
                .set(OBSERVATION.P95_MS, finiteOrNull(o.p95Ms()))
                .set(OBSERVATION.NOISE, finiteOrNull(o.noise()))
                .set(OBSERVATION.REPLICATES, o.replicates())
                .set(OBSERVATION.PREDICTED_TPS, finiteOrNull(o.predictedTps()))
                .set(OBSERVATION.PREDICTED_LOW, finiteOrNull(o.predictedLow()))
                .set(OBSERVATION.PREDICTED_HIGH, finiteOrNull(o.predictedHigh()))
                .returningResult(OBSERVATION.ID).fetchOne().value1();
        var settings = dsl.insertInto(OBSERVATION_SETTING, OBSERVATION_SETTING.OBSERVATION_ID, OBSERVATION_SETTING.NAME,
                OBSERVATION_SETTING.VALUE_TEXT);
        o.settings().forEach((name, value) -> settings.values(id, name, value));
        if (!o.settings().isEmpty()) {
            settings.execute();
        }
        var features = dsl.insertInto(OBSERVATION_FEATURE, OBSERVATION_FEATURE.OBSERVATION_ID, OBSERVATION_FEATURE.NAME,
                OBSERVATION_FEATURE.FEATURE_VALUE);
        o.features().forEach((name, value) -> features.values(id, name, finiteOrNull(value)));
        if (!o.features().isEmpty()) {
            features.execute();
        }
        return o.withId(id);
    }

    @Override
    public List<Observation> ofWorkload(String workloadKey) {
        return read(dsl.selectFrom(OBSERVATION).where(OBSERVATION.WORKLOAD_KEY.eq(workloadKey)).orderBy(OBSERVATION.ID)
                .fetch());
    }

    @Override
    public List<Observation> ofInstance(long instanceId) {
        return read(dsl.selectFrom(OBSERVATION).where(OBSERVATION.INSTANCE_ID.eq(instanceId)).orderBy(OBSERVATION.ID)
                .fetch());
    }

    @Override
    public List<Observation> ofHardwareClass(String hardwareClass, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<ObservationRecord> newest = dsl.selectFrom(OBSERVATION)
                .where(OBSERVATION.HARDWARE_CLASS.eq(hardwareClass == null ? "" : hardwareClass))
                .orderBy(OBSERVATION.ID.desc()).limit(limit).fetch();
        return read(newest.reversed());
    }

    /** The observations with their settings and features, two queries for the children whatever their number. */
    private List<Observation> read(List<ObservationRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ObservationRecord::getId).toList();
        Map<Long, Map<String, String>> settings = new HashMap<>();
        Map<Long, Map<String, Double>> features = new HashMap<>();
        for (List<Long> part : InLists.chunks(ids)) {
            dsl.selectFrom(OBSERVATION_SETTING).where(InLists.in(OBSERVATION_SETTING.OBSERVATION_ID, part)).fetch()
                    .forEach(r -> settings.computeIfAbsent(r.getObservationId(), k -> new LinkedHashMap<>())
                            .put(r.getName(), r.getValueText()));
            dsl.selectFrom(OBSERVATION_FEATURE).where(InLists.in(OBSERVATION_FEATURE.OBSERVATION_ID, part)).fetch()
                    .forEach(r -> features.computeIfAbsent(r.getObservationId(), k -> new LinkedHashMap<>())
                            .put(r.getName(), orNaN(r.getFeatureValue())));
        }
        List<Observation> out = new ArrayList<>(rows.size());
        for (ObservationRecord r : rows) {
            out.add(new Observation(r.getId(), r.getObservedAt().toInstant(), r.getTarget(), r.getInstanceId(),
                    r.getWorkloadKey(), r.getHardwareClass(), settings.getOrDefault(r.getId(), Map.of()), r.getClients(),
                    features.getOrDefault(r.getId(), Map.of()), r.getTps(), orNaN(r.getP50Ms()), orNaN(r.getP95Ms()),
                    orNaN(r.getNoise()), r.getReplicates(), orNaN(r.getPredictedTps()), orNaN(r.getPredictedLow()),
                    orNaN(r.getPredictedHigh())));
        }
        return out;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
