package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.health.ConnectionUse;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connection use over time by application: one stacked area per application (the largest {@link #TOP} by mean
 * sessions, the rest as "other"), under a solid line at max_connections and a dashed one at the usable limit
 * (max_connections less what is reserved), so how near the stack comes to the limit, and who fills it, is seen at a
 * glance. The x axis is minutes since the epoch, labelled as clock times in {@code zone}.
 */
public final class ConnectionUseChart extends StackedAreaChart<Number, Number> {

    public static final String STYLESHEET = Theme.stylesheet(ConnectionUseChart.class, "connection-use-chart.css");
    public static final int TOP = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Line maxLine = new Line();
    private final Line usableLine = new Line();
    private final Text maxLabel = new Text();
    private final Text usableLabel = new Text();
    private double max = Double.NaN;
    private double usable = Double.NaN;

    public ConnectionUseChart(ZoneId zone) {
        super(new NumberAxis(), new NumberAxis());
        NumberAxis x = (NumberAxis) getXAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minutes) {
                return CLOCK.format(Instant.ofEpochSecond(Math.round(minutes.doubleValue() * 60)).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        NumberAxis y = (NumberAxis) getYAxis();
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setLabel("sessions");
        setCreateSymbols(false);
        setAnimated(false);
        setTitle("Connections by application");
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("connection-use-chart");
        maxLine.getStyleClass().add("max-connections-line");
        usableLine.getStyleClass().add("usable-connections-line");
        maxLabel.getStyleClass().add("limit-label");
        usableLabel.getStyleClass().add("limit-label");
        getPlotChildren().addAll(maxLine, usableLine, maxLabel, usableLabel);
    }

    /** Shows the points (oldest first); an empty list clears the chart. */
    public void show(List<ConnectionUse> points) {
        if (points.isEmpty()) {
            getData().clear();
            max = Double.NaN;
            usable = Double.NaN;
            return;
        }
        Map<String, Double> means = new TreeMap<>();
        for (ConnectionUse p : points) {
            p.byApplication().forEach((app, n) -> means.merge(app, n / points.size(), Double::sum));
        }
        List<String> top = means.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(TOP).map(Map.Entry::getKey).toList();
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        for (String app : top) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(app);
            series.put(app, s);
        }
        XYChart.Series<Number, Number> other = new XYChart.Series<>();
        other.setName("other");
        double peak = 0;
        for (ConnectionUse p : points) {
            double x = p.at().getEpochSecond() / 60.0;
            Map<String, Double> apps = p.byApplication();
            double rest = 0;
            for (var e : apps.entrySet()) {
                if (!series.containsKey(e.getKey())) {
                    rest += e.getValue();
                }
            }
            for (String app : top) {
                series.get(app).getData().add(new XYChart.Data<>(x, apps.getOrDefault(app, 0.0)));
            }
            other.getData().add(new XYChart.Data<>(x, rest));
            peak = Math.max(peak, p.total());
        }
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(series.values());
        if (means.size() > TOP) {
            all.add(other);
        }
        max = points.stream().map(ConnectionUse::maxConnections).max(Comparator.naturalOrder()).orElse(Double.NaN);
        usable = points.getLast().usable();
        NumberAxis x = (NumberAxis) getXAxis();
        double from = points.getFirst().at().getEpochSecond() / 60.0;
        double to = points.getLast().at().getEpochSecond() / 60.0;
        double xStep = niceStep(Math.max(1, to - from) / 8);
        x.setLowerBound(from);
        x.setUpperBound(from + Math.ceil(Math.max(1, to - from) / xStep) * xStep);
        x.setTickUnit(xStep);
        NumberAxis y = (NumberAxis) getYAxis();
        double ceiling = Math.max(peak, max) * 1.08;
        y.setLowerBound(0);
        double step = niceStep(ceiling / 8);
        y.setUpperBound(Math.ceil(ceiling / step) * step);
        y.setTickUnit(step);
        maxLabel.setText("max_connections " + Math.round(max));
        usableLabel.setText("usable " + Math.round(usable));
        getData().setAll(all);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        boolean shown = !Double.isNaN(max);
        for (var node : List.of(maxLine, usableLine, maxLabel, usableLabel)) {
            node.setVisible(shown);
            node.toFront();
        }
        if (!shown) {
            return;
        }
        double left = x.getDisplayPosition(x.getLowerBound());
        double right = x.getDisplayPosition(x.getUpperBound());
        place(maxLine, maxLabel, y.getDisplayPosition(max), left, right, -4);
        place(usableLine, usableLabel, y.getDisplayPosition(usable), left, right, 14);
    }

    private static void place(Line line, Text label, double at, double left, double right, double labelOffset) {
        line.setStartX(left);
        line.setEndX(right);
        line.setStartY(at);
        line.setEndY(at);
        label.setX(left + 6);
        label.setY(at + labelOffset);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
