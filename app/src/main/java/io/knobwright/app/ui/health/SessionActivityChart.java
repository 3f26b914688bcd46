package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.health.ConnectionStorm;
import io.knobwright.model.health.SessionSample;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The live session sampler's last minutes (decision 0131), one chart over the other on the same time axis: new
 * connections per second, with the storm level ({@link ConnectionStorm#STORM_PER_SECOND}/s) dashed and every storm
 * second shaded, and the client sessions by state (active, idle, idle in transaction, ...) stacked. A storm of short
 * connections shows as a spike over the line even when the sessions below hardly move: that is what a minute's
 * average would hide.
 */
public final class SessionActivityChart extends VBox {

    public static final String STYLESHEET = Theme.stylesheet(SessionActivityChart.class, "session-activity-chart.css");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final double Y_AXIS_WIDTH = 56;

    private final OpenedChart opened;
    private final StackedAreaChart<Number, Number> states;

    public SessionActivityChart(ZoneId zone) {
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("session-activity-chart");
        opened = new OpenedChart(axis(zone), new NumberAxis());
        opened.setTitle("New connections per second");
        opened.getYAxis().setLabel("per second");
        states = new StackedAreaChart<>(axis(zone), new NumberAxis());
        states.setTitle("Client sessions by state");
        states.getYAxis().setLabel("sessions");
        for (XYChart<Number, Number> chart : List.of(opened, states)) {
            // one width for both value axes, so a second sits at the same x in both charts
            chart.getYAxis().setMinWidth(Y_AXIS_WIDTH);
            chart.getYAxis().setPrefWidth(Y_AXIS_WIDTH);
            chart.setAnimated(false);
            chart.setLegendVisible(chart == states);
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
        opened.setCreateSymbols(false);
        states.setCreateSymbols(false);
        opened.getStyleClass().add("session-opened-chart");
        states.getStyleClass().add("session-states-chart");
        getChildren().addAll(opened, states);
    }

    private static NumberAxis axis(ZoneId zone) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(Instant.ofEpochSecond(Math.round(seconds.doubleValue())).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        return x;
    }

    /** Shows the samples (oldest first); an empty list clears both charts. */
    public void show(List<SessionSample> samples) {
        if (samples.isEmpty()) {
            opened.getData().clear();
            states.getData().clear();
            opened.storms(List.of());
            return;
        }
        double from = seconds(samples.getFirst().at());
        double to = Math.max(from + 10, seconds(samples.getLast().at()));
        double xStep = ConnectionUseChart.niceStep((to - from) / 8);
        for (XYChart<Number, Number> chart : List.of(opened, states)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            x.setLowerBound(Math.floor(from / xStep) * xStep);
            x.setUpperBound(Math.ceil(to / xStep) * xStep);
            x.setTickUnit(xStep);
        }

        XYChart.Series<Number, Number> perSecond = new XYChart.Series<>();
        perSecond.setName("new connections/s");
        double peak = ConnectionStorm.STORM_PER_SECOND;
        List<double[]> storms = new ArrayList<>();
        double previous = from - 1;
        for (SessionSample s : samples) {
            double x = seconds(s.at());
            perSecond.getData().add(new XYChart.Data<>(x, s.openedPerSecond()));
            peak = Math.max(peak, s.openedPerSecond());
            if (s.storm()) {
                storms.add(new double[] {Math.max(previous, x - 1), x});
            }
            previous = x;
        }
        scale((NumberAxis) opened.getYAxis(), peak * 1.1);
        opened.getData().setAll(List.of(perSecond));
        opened.storms(storms);

        TreeSet<String> names = new TreeSet<>();
        samples.forEach(s -> names.addAll(s.byState().keySet()));
        Map<String, XYChart.Series<Number, Number>> byState = new LinkedHashMap<>();
        for (String state : order(names)) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(state);
            byState.put(state, series);
        }
        double most = 1;
        for (SessionSample s : samples) {
            double x = seconds(s.at());
            byState.forEach((state, series) -> series.getData().add(new XYChart.Data<>(x, s.byState().getOrDefault(state, 0))));
            most = Math.max(most, s.sessions());
        }
        scale((NumberAxis) states.getYAxis(), most * 1.1);
        states.getData().setAll(byState.values());
    }

    /** Active first (the bottom of the stack), then the idle kinds: who works sits at the bottom. */
    private static List<String> order(TreeSet<String> names) {
        List<String> ordered = new ArrayList<>();
        for (String first : List.of("active", "idle in transaction", "idle in transaction (aborted)", "idle")) {
            if (names.remove(first)) {
                ordered.add(first);
            }
        }
        ordered.addAll(names);
        return ordered;
    }

    private static void scale(NumberAxis y, double ceiling) {
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        double step = ConnectionUseChart.niceStep(ceiling / 6);
        y.setLowerBound(0);
        y.setUpperBound(Math.ceil(ceiling / step) * step);
        y.setTickUnit(step);
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }

    /** The per-second line with the storm level and the storm seconds shaded. */
    private static final class OpenedChart extends LineChart<Number, Number> {
        private final Line stormLine = new Line();
        private final Text stormLabel = new Text("storm: " + ConnectionStorm.STORM_PER_SECOND + "/s");
        private final List<Rectangle> shades = new ArrayList<>();
        private List<double[]> storms = List.of();

        OpenedChart(NumberAxis x, NumberAxis y) {
            super(x, y);
            stormLine.getStyleClass().add("storm-level-line");
            stormLabel.getStyleClass().add("storm-label");
            getPlotChildren().addAll(stormLine, stormLabel);
        }

        void storms(List<double[]> seconds) {
            getPlotChildren().removeAll(shades);
            shades.clear();
            for (int i = 0; i < seconds.size(); i++) {
                Rectangle r = new Rectangle();
                r.getStyleClass().add("storm-shade");
                r.setMouseTransparent(true);
                shades.add(r);
            }
            getPlotChildren().addAll(0, shades);
            storms = List.copyOf(seconds);
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double top = y.getDisplayPosition(y.getUpperBound());
            double bottom = y.getDisplayPosition(0);
            for (int i = 0; i < shades.size(); i++) {
                double left = x.getDisplayPosition(storms.get(i)[0]);
                double right = x.getDisplayPosition(storms.get(i)[1]);
                Rectangle r = shades.get(i);
                r.setX(Math.min(left, right - 3));
                r.setWidth(Math.max(3, right - left));
                r.setY(top);
                r.setHeight(bottom - top);
                r.toBack();
            }
            double level = y.getDisplayPosition(ConnectionStorm.STORM_PER_SECOND);
            stormLine.setStartX(x.getDisplayPosition(x.getLowerBound()));
            stormLine.setEndX(x.getDisplayPosition(x.getUpperBound()));
            stormLine.setStartY(level);
            stormLine.setEndY(level);
            stormLabel.setX(stormLine.getStartX() + 6);
            stormLabel.setY(level - 4);
            stormLine.toFront();
            stormLabel.toFront();
        }
    }
}
