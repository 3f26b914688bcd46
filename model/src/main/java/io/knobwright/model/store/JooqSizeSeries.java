package io.knobwright.model.store;

import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.forecast.SizeSeriesRepository;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;

import static io.knobwright.model.store.jooq.Tables.SIZE_SERIES_POINT;

/** Imported size series in H2 (schema 17, decision 0129). */
final class JooqSizeSeries implements SizeSeriesRepository {

    private final DSLContext dsl;

    JooqSizeSeries(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int replace(long instanceId, String name, SizeSeries series) {
        if (!series.isEmpty()) {
            dsl.deleteFrom(SIZE_SERIES_POINT).where(SIZE_SERIES_POINT.INSTANCE_ID.eq(instanceId)
                    .and(SIZE_SERIES_POINT.SERIES_NAME.eq(name))
                    .and(SIZE_SERIES_POINT.AT_MS.between(series.points().getFirst().at().toEpochMilli(),
                            series.points().getLast().at().toEpochMilli()))).execute();
            var insert = dsl.insertInto(SIZE_SERIES_POINT, SIZE_SERIES_POINT.INSTANCE_ID, SIZE_SERIES_POINT.SERIES_NAME,
                    SIZE_SERIES_POINT.AT_MS, SIZE_SERIES_POINT.BYTES);
            for (SizePoint p : series.points()) {
                insert = insert.values(instanceId, name, p.at().toEpochMilli(), p.bytes());
            }
            insert.execute();
        }
        return dsl.fetchCount(SIZE_SERIES_POINT, SIZE_SERIES_POINT.INSTANCE_ID.eq(instanceId)
                .and(SIZE_SERIES_POINT.SERIES_NAME.eq(name)));
    }

    @Override
    public SizeSeries series(long instanceId, String name) {
        return SizeSeries.of(dsl.select(SIZE_SERIES_POINT.AT_MS, SIZE_SERIES_POINT.BYTES).from(SIZE_SERIES_POINT)
                .where(SIZE_SERIES_POINT.INSTANCE_ID.eq(instanceId).and(SIZE_SERIES_POINT.SERIES_NAME.eq(name)))
                .orderBy(SIZE_SERIES_POINT.AT_MS)
                .fetch(r -> new SizePoint(Instant.ofEpochMilli(r.value1()), r.value2())));
    }

    @Override
    public List<String> names(long instanceId) {
        return dsl.selectDistinct(SIZE_SERIES_POINT.SERIES_NAME).from(SIZE_SERIES_POINT)
                .where(SIZE_SERIES_POINT.INSTANCE_ID.eq(instanceId)).orderBy(SIZE_SERIES_POINT.SERIES_NAME)
                .fetch(SIZE_SERIES_POINT.SERIES_NAME);
    }
}
