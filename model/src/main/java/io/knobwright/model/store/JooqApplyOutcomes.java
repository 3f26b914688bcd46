package io.knobwright.model.store;

import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.model.simulation.ApplyOutcomeRepository;
import io.knobwright.model.store.jooq.tables.records.ApplyOutcomeRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.APPLY_OUTCOME;
import static io.knobwright.model.store.jooq.Tables.APPLY_OUTCOME_SETTING;

/** Apply outcomes in H2 (schema 27, decision 0152). A number that is not finite is stored as NULL, read back as NaN. */
final class JooqApplyOutcomes implements ApplyOutcomeRepository {

    private static final String BEFORE = "before";
    private static final String AFTER = "after";

    private final DSLContext dsl;

    JooqApplyOutcomes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public ApplyOutcome record(ApplyOutcome o) {
        Optional<ApplyOutcome.Predicted> p = o.prediction();
        long id;
        try {
            id = dsl.insertInto(APPLY_OUTCOME)
                    .set(APPLY_OUTCOME.PLAN_ID, o.planId())
                    .set(APPLY_OUTCOME.RUN_ID, o.runId())
                    .set(APPLY_OUTCOME.INSTANCE_ID, o.instanceId())
                    .set(APPLY_OUTCOME.INSTANCE_NAME, o.instanceName())
                    .set(APPLY_OUTCOME.STARTED_AT, StoreTimes.utc(o.startedAt()))
                    .set(APPLY_OUTCOME.FINISHED_AT, StoreTimes.utc(o.finishedAt()))
                    .set(APPLY_OUTCOME.WORKLOAD_KEY, o.workloadKey())
                    .set(APPLY_OUTCOME.HARDWARE_CLASS, o.hardwareClass())
                    .set(APPLY_OUTCOME.MODEL, o.model())
                    .set(APPLY_OUTCOME.PREDICTION_NOTE, o.predictionNote())
                    .set(APPLY_OUTCOME.PREDICTED_TPS_BEFORE, p.map(x -> finite(x.tpsBefore())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_TPS_AFTER, p.map(x -> finite(x.tpsAfter())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_TPS_LOW, p.map(x -> finite(x.tpsLow())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_TPS_HIGH, p.map(x -> finite(x.tpsHigh())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_P95_BEFORE, p.map(x -> finite(x.p95MsBefore())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_P95_AFTER, p.map(x -> finite(x.p95MsAfter())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_CHANGE, p.map(x -> finite(x.change())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_CHANGE_LOW, p.map(x -> finite(x.changeLow())).orElse(null))
                    .set(APPLY_OUTCOME.PREDICTED_CHANGE_HIGH, p.map(x -> finite(x.changeHigh())).orElse(null))
                    .returningResult(APPLY_OUTCOME.ID).fetchOne().value1();
        } catch (IntegrityConstraintViolationException e) {
            throw new IllegalArgumentException("Apply run " + o.runId() + " of plan " + o.planId()
                    + " already has its record, or the plan is gone", e);
        }
        var settings = dsl.insertInto(APPLY_OUTCOME_SETTING, APPLY_OUTCOME_SETTING.OUTCOME_ID, APPLY_OUTCOME_SETTING.SIDE,
                APPLY_OUTCOME_SETTING.NAME, APPLY_OUTCOME_SETTING.VALUE_TEXT);
        o.settingsBefore().forEach((name, value) -> settings.values(id, BEFORE, name, value));
        o.settingsAfter().forEach((name, value) -> settings.values(id, AFTER, name, value));
        if (!o.settingsBefore().isEmpty() || !o.settingsAfter().isEmpty()) {
            settings.execute();
        }
        o.measured().ifPresent(m -> measured(id, m));
        return o.withId(id);
    }

    @Override
    public void measured(long id, ApplyOutcome.Measured m) {
        dsl.update(APPLY_OUTCOME)
                .set(APPLY_OUTCOME.MEASURED_AT, StoreTimes.utc(m.at()))
                .set(APPLY_OUTCOME.VERDICT, m.verdict().name())
                .set(APPLY_OUTCOME.SUMMARY, m.summary().length() > 4000 ? m.summary().substring(0, 4000) : m.summary())
                .set(APPLY_OUTCOME.TPS_BEFORE, finite(m.tpsBefore()))
                .set(APPLY_OUTCOME.TPS_AFTER, finite(m.tpsAfter()))
                .set(APPLY_OUTCOME.NOISE_BEFORE, finite(m.noiseBefore()))
                .set(APPLY_OUTCOME.NOISE_AFTER, finite(m.noiseAfter()))
                .set(APPLY_OUTCOME.SAMPLES_BEFORE, m.samplesBefore())
                .set(APPLY_OUTCOME.SAMPLES_AFTER, m.samplesAfter())
                .set(APPLY_OUTCOME.CLIENTS_BEFORE, finite(m.clientsBefore()))
                .set(APPLY_OUTCOME.CLIENTS_AFTER, finite(m.clientsAfter()))
                .set(APPLY_OUTCOME.QUERY_MS_BEFORE, finite(m.queryMsBefore()))
                .set(APPLY_OUTCOME.QUERY_MS_AFTER, finite(m.queryMsAfter()))
                .set(APPLY_OUTCOME.OBSERVATION_BEFORE, m.observationBefore())
                .set(APPLY_OUTCOME.OBSERVATION_AFTER, m.observationAfter())
                .set(APPLY_OUTCOME.REVERT_PLAN_ID, m.revertPlanId())
                .where(APPLY_OUTCOME.ID.eq(id)).execute();
    }

    @Override
    public Optional<ApplyOutcome> find(long id) {
        return read(APPLY_OUTCOME.ID.eq(id)).stream().findFirst();
    }

    @Override
    public List<ApplyOutcome> ofPlan(long planId) {
        return read(APPLY_OUTCOME.PLAN_ID.eq(planId));
    }

    @Override
    public List<ApplyOutcome> ofInstance(long instanceId) {
        return read(APPLY_OUTCOME.INSTANCE_ID.eq(instanceId));
    }

    @Override
    public List<ApplyOutcome> unmeasured(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Long> oldest = dsl.select(APPLY_OUTCOME.ID).from(APPLY_OUTCOME).where(APPLY_OUTCOME.MEASURED_AT.isNull())
                .orderBy(APPLY_OUTCOME.ID).limit(limit).fetch(APPLY_OUTCOME.ID);
        return oldest.isEmpty() ? List.of() : read(APPLY_OUTCOME.ID.in(oldest)).reversed();
    }

    @Override
    public List<ApplyOutcome> withVerdict(ApplyOutcome.Verdict verdict, java.time.Instant since) {
        return read(APPLY_OUTCOME.VERDICT.eq(verdict.name()).and(APPLY_OUTCOME.MEASURED_AT.ge(StoreTimes.utc(since))));
    }

    /** Newest first, with their settings in one more query. */
    private List<ApplyOutcome> read(Condition where) {
        List<ApplyOutcomeRecord> rows = dsl.selectFrom(APPLY_OUTCOME).where(where).orderBy(APPLY_OUTCOME.ID.desc()).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, String>> before = new HashMap<>();
        Map<Long, Map<String, String>> after = new HashMap<>();
        List<Long> ids = rows.stream().map(ApplyOutcomeRecord::getId).toList();
        for (List<Long> part : InLists.chunks(ids)) {
            dsl.selectFrom(APPLY_OUTCOME_SETTING).where(InLists.in(APPLY_OUTCOME_SETTING.OUTCOME_ID, part))
                    .orderBy(APPLY_OUTCOME_SETTING.NAME).fetch()
                    .forEach(r -> (BEFORE.equals(r.getSide()) ? before : after)
                            .computeIfAbsent(r.getOutcomeId(), k -> new LinkedHashMap<>()).put(r.getName(), r.getValueText()));
        }
        List<ApplyOutcome> out = new ArrayList<>(rows.size());
        for (ApplyOutcomeRecord r : rows) {
            Optional<ApplyOutcome.Predicted> predicted = r.getPredictedChange() == null ? Optional.empty()
                    : Optional.of(new ApplyOutcome.Predicted(nan(r.getPredictedTpsBefore()), nan(r.getPredictedTpsAfter()),
                    nan(r.getPredictedTpsLow()), nan(r.getPredictedTpsHigh()), nan(r.getPredictedP95Before()), nan(r.getPredictedP95After()), r.getPredictedChange(),
                    nan(r.getPredictedChangeLow()), nan(r.getPredictedChangeHigh())));
            Optional<ApplyOutcome.Measured> measured = r.getMeasuredAt() == null ? Optional.empty()
                    : Optional.of(new ApplyOutcome.Measured(StoreTimes.instant(r.getMeasuredAt()),
                    ApplyOutcome.Verdict.valueOf(r.getVerdict()), r.getSummary(), nan(r.getTpsBefore()),
                    nan(r.getTpsAfter()), nan(r.getNoiseBefore()), nan(r.getNoiseAfter()), zero(r.getSamplesBefore()),
                    zero(r.getSamplesAfter()), nan(r.getClientsBefore()), nan(r.getClientsAfter()),
                    nan(r.getQueryMsBefore()), nan(r.getQueryMsAfter()), zero(r.getObservationBefore()),
                    zero(r.getObservationAfter()), zero(r.getRevertPlanId())));
            out.add(new ApplyOutcome(r.getId(), r.getPlanId(), r.getRunId(), r.getInstanceId(), r.getInstanceName(),
                    StoreTimes.instant(r.getStartedAt()), StoreTimes.instant(r.getFinishedAt()), r.getWorkloadKey(),
                    r.getHardwareClass(), before.getOrDefault(r.getId(), Map.of()), after.getOrDefault(r.getId(), Map.of()),
                    r.getModel(), r.getPredictionNote(), predicted, measured));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static int zero(Integer v) {
        return v == null ? 0 : v;
    }

    private static long zero(Long v) {
        return v == null ? 0 : v;
    }
}
