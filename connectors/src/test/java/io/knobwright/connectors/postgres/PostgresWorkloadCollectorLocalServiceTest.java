package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.Metric;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The machine's PostgreSQL 15 service, read only: pg_stat_statements is available there but not loaded. */
class PostgresWorkloadCollectorLocalServiceTest {

    @Test
    void localServiceIsPolledWithBgwriterCountersAndSaysPgStatStatementsIsMissing() {
        CollectedWorkload polled = new PostgresWorkloadCollector(Clock.systemUTC())
                .collect(new ConnectionTarget("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null));

        assertThat(polled.poll().values()).containsKeys(Metric.COMMITS, Metric.BLOCKS_HIT, Metric.CHECKPOINTS_TIMED,
                Metric.BUFFERS_WRITTEN_BY_BACKENDS, Metric.WAL_BYTES, Metric.CONNECTIONS, Metric.MAX_CONNECTIONS,
                Metric.DATABASE_BYTES);
        assertThat(polled.poll().epoch().started()).isNotNull();
        assertThat(polled.notes()).anyMatch(n -> n.startsWith("pg_stat_statements is not installed"));
    }
}
