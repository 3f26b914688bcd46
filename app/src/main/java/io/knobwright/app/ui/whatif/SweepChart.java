package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.simulator.model.Estimate;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A sweep of one setting (decision 0140): throughput above, p95 latency below, against the swept value on a shared x
 * axis, each with its 80% interval as a shaded band and today's value as a dashed line. Memory sweeps run on a log
 * axis (each tick a doubling), so 256kB and 64MB are both readable.
 */
public final class SweepChart extends VBox {

    public static final String STYLE_CLASS = "sweep-chart";
    public static final String STYLESHEET = Theme.stylesheet(SweepChart.class, "sweep-chart.css");

    private final Label title = new Label();
    private final Label note = new Label();
    private final BandChart tps = new BandChart("throughput (tps)");
    private final BandChart p95 = new BandChart("p95 latency (ms)");

    public SweepChart() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        title.getStyleClass().add("sweep-title");
        note.getStyleClass().add("sweep-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox legend = new HBox(16, key("legend-mean", "predicted mean"), key("legend-band", "80% interval"),
                key("legend-now", "today's value"));
        legend.setAlignment(Pos.CENTER);
        VBox.setVgrow(tps, Priority.ALWAYS);
        VBox.setVgrow(p95, Priority.ALWAYS);
        tps.setMinHeight(180);
        p95.setMinHeight(150);
        getChildren().addAll(title, note, tps, p95, legend);
    }

    private static Node key(String styleClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-key");
        return label;
    }

    /** Shows {@code sweep} of {@code tunable}; null clears the chart. */
    public void show(WhatIfService.Sweep sweep, WhatIfService.Tunable tunable) {
        if (sweep == null || tunable == null || sweep.points().isEmpty()) {
            title.setText("");
            note.setText("");
            tps.clear();
            p95.clear();
            return;
        }
        List<WhatIfService.SweepPoint> points = sweep.points();
        double first = points.getFirst().value();
        double last = points.getLast().value();
        boolean log = "bytes".equals(tunable.unit()) && first > 0 && last / first > 8;
        Function<Double, Double> x = log ? v -> Math.log(v) / Math.log(2) : v -> v;
        StringConverter<Number> ticks = new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = log ? Math.pow(2, n.doubleValue()) : n.doubleValue();
                return WhatIfFormats.setting(tunable.unit(), v);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
        title.setText("Sweep of " + sweep.parameter() + ": " + WhatIfFormats.setting(tunable.unit(), first) + " to "
                + WhatIfFormats.setting(tunable.unit(), last));
        note.setText(String.format(Locale.ROOT, "%d predictions by %s in %d ms; the other settings as today. Today: %s = %s.",
                points.size(), sweep.model(), sweep.elapsed().toMillis(), tunable.name(),
                WhatIfFormats.setting(tunable.unit(), tunable.current())));
        double lo = x.apply(first);
        double hi = x.apply(last);
        double tick = log ? Math.max(1, Math.ceil((hi - lo) / 8)) : niceTick((hi - lo) / 8);
        double now = tunable.current() >= first && tunable.current() <= last ? x.apply(tunable.current()) : Double.NaN;
        tps.show(points.stream().map(p -> band(x.apply(p.value()), p.tps())).toList(), lo, hi, tick, ticks, now);
        p95.show(points.stream().map(p -> band(x.apply(p.value()), p.latencyP95Ms())).toList(), lo, hi, tick, ticks, now);
    }

    private static double[] band(double x, Estimate e) {
        return new double[] {x, e.low(), e.mean(), e.high()};
    }

    static double niceTick(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** One panel: the mean as a line, its band under it, and today's value as a dashed vertical line. */
    private static final class BandChart extends LineChart<Number, Number> {
        private final Polygon bandShape = new Polygon();
        private final Line nowLine = new Line();
        private List<double[]> band = List.of();
        private double now = Double.NaN;

        BandChart(String yLabel) {
            super(new NumberAxis(), new NumberAxis());
            NumberAxis xAxis = (NumberAxis) getXAxis();
            xAxis.setAutoRanging(false);
            xAxis.setMinorTickVisible(false);
            NumberAxis yAxis = (NumberAxis) getYAxis();
            yAxis.setAutoRanging(false);
            yAxis.setMinorTickVisible(false);
            yAxis.setLabel(yLabel);
            yAxis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return WhatIfFormats.decimal(n.doubleValue());
                }

                @Override
                public Number fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
            setCreateSymbols(false);
            setAnimated(false);
            setLegendVisible(false);
            bandShape.getStyleClass().add("sweep-band");
            bandShape.setManaged(false);
            nowLine.getStyleClass().add("sweep-now");
            nowLine.setManaged(false);
        }

        void clear() {
            band = List.of();
            getData().clear();
        }

        void show(List<double[]> points, double lo, double hi, double tick, StringConverter<Number> ticks, double today) {
            band = points;
            now = today;
            NumberAxis xAxis = (NumberAxis) getXAxis();
            xAxis.setLowerBound(lo);
            xAxis.setUpperBound(hi);
            xAxis.setTickUnit(tick);
            xAxis.setTickLabelFormatter(ticks);
            double min = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
            double max = points.stream().mapToDouble(p -> p[3]).max().orElse(1);
            double yTick = niceTick((max - Math.max(0, min)) / 5);
            NumberAxis yAxis = (NumberAxis) getYAxis();
            yAxis.setLowerBound(Math.max(0, Math.floor(min / yTick) * yTick - yTick));
            yAxis.setUpperBound(Math.ceil(max / yTick) * yTick);
            yAxis.setTickUnit(yTick);
            XYChart.Series<Number, Number> mean = new XYChart.Series<>();
            for (double[] p : points) {
                mean.getData().add(new XYChart.Data<>(p[0], p[2]));
            }
            getData().setAll(List.of(mean));
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            ObservableList<Node> children = getPlotChildren();
            children.removeAll(bandShape, nowLine);
            if (band.isEmpty()) {
                return;
            }
            NumberAxis xAxis = (NumberAxis) getXAxis();
            NumberAxis yAxis = (NumberAxis) getYAxis();
            bandShape.getPoints().setAll(io.knobwright.app.ui.common.BandOutline.points(band, xAxis, yAxis, 1, 3));
            children.addFirst(bandShape);
            if (!Double.isNaN(now)) {
                double at = xAxis.getDisplayPosition(now);
                nowLine.setStartX(at);
                nowLine.setEndX(at);
                nowLine.setStartY(yAxis.getDisplayPosition(yAxis.getUpperBound()));
                nowLine.setEndY(yAxis.getDisplayPosition(yAxis.getLowerBound()));
                children.add(nowLine);
            }
        }
    }
}
