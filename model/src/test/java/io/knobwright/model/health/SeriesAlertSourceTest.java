package io.knobwright.model.health;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.ConnectionSpec;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesAlertSourceTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final InMemoryMetricHistory series = new InMemoryMetricHistory();

    static List<MetricPoint> polls(double... values) {
        List<MetricPoint> out = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            out.add(new MetricPoint(NOW.minusSeconds(60L * (values.length - 1 - k)), values[k]));
        }
        return out;
    }

    private List<Alert> evaluate(Instance i) {
        return new SeriesAlertSource(series, SeriesAlertSource.DEFAULTS).alerts(List.of(i), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Instance pg() {
        return new Instance(3, "pg-live", Engine.POSTGRESQL, "15", null,
                new ConnectionSpec("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null), null, null, null,
                null, null, false);
    }

    @Test
    void connectionsAbove95PercentAreCriticalWithTheNumbersAsEvidence() {
        series.add(3, Metric.CONNECTIONS, polls(50, 82, 96));
        series.add(3, Metric.MAX_CONNECTIONS, polls(100, 100, 100));
        var alert = evaluate(pg()).getFirst();
        assertThat(alert.kind()).isEqualTo(AlertKind.CONNECTIONS_NEAR_LIMIT);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.title()).isEqualTo("Connections at 96 % of max_connections");
        assertThat(alert.evidence().getFirst()).startsWith("96 of 100 connections in use");
        assertThat(alert.since()).isEqualTo(NOW.minusSeconds(60)); // above 80 % since the second poll
    }

    @Test
    void connectionsAt80PercentWarnAndBelowSayNothing() {
        series.add(3, Metric.CONNECTIONS, polls(80));
        series.add(3, Metric.MAX_CONNECTIONS, polls(100));
        assertThat(evaluate(pg())).singleElement().extracting(Alert::severity).isEqualTo(AlertSeverity.WARNING);
        var quiet = new InMemoryMetricHistory()
                .add(3, Metric.CONNECTIONS, polls(79)).add(3, Metric.MAX_CONNECTIONS, polls(100));
        assertThat(new SeriesAlertSource(quiet, SeriesAlertSource.DEFAULTS)
                .alerts(List.of(pg()), Clock.fixed(NOW, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void idleInTransactionAlertsOnlyWhenItLastsSeveralPolls() {
        series.add(3, Metric.CONNECTIONS, polls(5, 5, 5, 5));
        series.add(3, Metric.IDLE_IN_TRANSACTION, polls(0, 1, 2, 1));
        var alert = evaluate(pg()).getFirst();
        assertThat(alert.kind()).isEqualTo(AlertKind.IDLE_IN_TRANSACTION);
        assertThat(alert.title()).isEqualTo("1 session idle in transaction");
        assertThat(alert.since()).isEqualTo(NOW.minusSeconds(120));

        var brief = new InMemoryMetricHistory()
                .add(3, Metric.CONNECTIONS, polls(5, 5, 5)).add(3, Metric.IDLE_IN_TRANSACTION, polls(1, 0, 1));
        assertThat(new SeriesAlertSource(brief, SeriesAlertSource.DEFAULTS)
                .alerts(List.of(pg()), Clock.fixed(NOW, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void anInstanceWhosePollsStoppedSaysSoInsteadOfJudgingStaleNumbers() {
        series.add(3, Metric.CONNECTIONS, List.of(new MetricPoint(NOW.minusSeconds(3600), 99)));
        series.add(3, Metric.MAX_CONNECTIONS, List.of(new MetricPoint(NOW.minusSeconds(3600), 100)));
        assertThat(evaluate(pg())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.NOT_POLLED);
            assertThat(a.title()).isEqualTo("Not polled for 60 min");
        });
    }
}
