package io.knobwright.model.store;

import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PrometheusMapping;
import io.knobwright.model.workload.PrometheusMappingRepository;
import io.knobwright.model.store.jooq.tables.records.PrometheusMappingRecord;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.knobwright.model.store.jooq.Tables.PROMETHEUS_MAPPING;

/** Saved Prometheus mappings in H2 (decision 0133). */
final class JooqPrometheusMappings implements PrometheusMappingRepository {

    private final DSLContext dsl;

    JooqPrometheusMappings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public PrometheusMapping add(PrometheusMapping m) {
        try {
            long id = dsl.insertInto(PROMETHEUS_MAPPING).set(PROMETHEUS_MAPPING.INSTANCE_ID, m.instanceId())
                    .set(PROMETHEUS_MAPPING.URL, m.url().toString()).set(PROMETHEUS_MAPPING.QUERY, m.query())
                    .set(PROMETHEUS_MAPPING.METRIC, m.metric().name())
                    .set(PROMETHEUS_MAPPING.STEP_SECONDS, Math.toIntExact(m.step().toSeconds()))
                    .set(PROMETHEUS_MAPPING.TOKEN_ENV, m.tokenEnv()).set(PROMETHEUS_MAPPING.BASIC_USER, m.user())
                    .set(PROMETHEUS_MAPPING.PASSWORD_ENV, m.passwordEnv())
                    .set(PROMETHEUS_MAPPING.CREATED_AT, StoreTimes.utc(m.createdAt()))
                    .set(PROMETHEUS_MAPPING.IMPORTED_UNTIL, m.importedUntil() == null ? null : StoreTimes.utc(m.importedUntil()))
                    .returningResult(PROMETHEUS_MAPPING.ID).fetchOne().value1();
            return mapping(id).orElseThrow();
        } catch (IntegrityConstraintViolationException e) {
            throw new IllegalStateException("The instance already has a mapping to " + m.metric().name(), e);
        }
    }

    @Override
    public List<PrometheusMapping> mappings() {
        return dsl.selectFrom(PROMETHEUS_MAPPING).orderBy(PROMETHEUS_MAPPING.ID).fetch(JooqPrometheusMappings::mapping);
    }

    @Override
    public Optional<PrometheusMapping> mapping(long id) {
        return dsl.selectFrom(PROMETHEUS_MAPPING).where(PROMETHEUS_MAPPING.ID.eq(id)).fetchOptional(JooqPrometheusMappings::mapping);
    }

    @Override
    public boolean remove(long id) {
        return dsl.deleteFrom(PROMETHEUS_MAPPING).where(PROMETHEUS_MAPPING.ID.eq(id)).execute() > 0;
    }

    @Override
    public void imported(long id, Instant until) {
        dsl.update(PROMETHEUS_MAPPING).set(PROMETHEUS_MAPPING.IMPORTED_UNTIL, StoreTimes.utc(until))
                .where(PROMETHEUS_MAPPING.ID.eq(id)).execute();
    }

    private static PrometheusMapping mapping(PrometheusMappingRecord r) {
        return new PrometheusMapping(r.getId(), r.getInstanceId(), URI.create(r.getUrl()), r.getQuery(),
                Metric.valueOf(r.getMetric()), Duration.ofSeconds(r.getStepSeconds()), r.getTokenEnv(), r.getBasicUser(),
                r.getPasswordEnv(), r.getCreatedAt().toInstant(),
                r.getImportedUntil() == null ? null : r.getImportedUntil().toInstant());
    }
}
