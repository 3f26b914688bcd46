package io.knobwright.app.ui.workload;

import io.knobwright.model.workload.MetricPoint;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rate over time (hourly means) as a line chart without symbols: cheap at a few hundred points. The x axis is
 * hours since the epoch, labelled as days.
 */
final class RateChart extends LineChart<Number, Number> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

    RateChart(String title, String styleClass, ZoneId zone) {
        super(new NumberAxis(), new NumberAxis());
        NumberAxis x = (NumberAxis) getXAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number hours) {
                return DAY.format(Instant.ofEpochSecond(hours.longValue() * 3600).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        NumberAxis y = (NumberAxis) getYAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        setTitle(title);
        setCreateSymbols(false);
        setLegendVisible(false);
        setAnimated(false);
        getStyleClass().addAll("rate-chart", styleClass);
    }

    void show(List<MetricPoint> points, Instant from, Instant to) {
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLowerBound(from.getEpochSecond() / 3600.0);
        x.setUpperBound(to.getEpochSecond() / 3600.0);
        x.setTickUnit(24);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (MetricPoint p : points) {
            data.add(new XYChart.Data<>(p.at().getEpochSecond() / 3600.0, p.value()));
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().setAll(data);
        getData().setAll(List.of(series));
    }
}
