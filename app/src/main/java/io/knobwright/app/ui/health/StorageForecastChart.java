package io.knobwright.app.ui.health;

import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.forecast.BacktestError;
import io.knobwright.model.forecast.ChangePoint;
import io.knobwright.model.forecast.ForecastPoint;
import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SizeSeries;
import io.knobwright.model.forecast.SizeText;
import io.knobwright.model.forecast.StorageForecast;
import io.knobwright.model.forecast.ThresholdCrossing;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A storage forecast as a person would rather look at it (decision 0129): the measured sizes, the forecast line, its
 * 80% interval as a band, the threshold as a red line with the date it is reached, steps marked, and the forecast's
 * backtest error on the instance's own history under the title. Sizes on the y axis in MB, GB or TB (binary), dates
 * on the x axis.
 */
public final class StorageForecastChart extends VBox {

    public static final String STYLE_CLASS = "storage-forecast-chart";
    public static final String STYLESHEET = Theme.stylesheet(StorageForecastChart.class, "storage-forecast.css");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private final Label title = new Label();
    private final Label backtest = new Label();
    private final Label threshold = new Label();
    private final BandChart chart = new BandChart();
    private final HBox legend = new HBox(16);
    private double unitBytes = 1;

    public StorageForecastChart() {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        title.getStyleClass().add("forecast-title");
        backtest.getStyleClass().add("forecast-backtest");
        threshold.getStyleClass().add("forecast-threshold-text");
        backtest.setWrapText(true);
        legend.setAlignment(Pos.CENTER);
        legend.getStyleClass().add("forecast-legend");
        legend.getChildren().addAll(key("legend-measured", "measured"), key("legend-forecast", "forecast"),
                key("legend-band", "80% interval"), key("legend-threshold", "threshold"), key("legend-step", "step (load / purge)"));
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, backtest, threshold, chart, legend);
    }

    private static Node key(String styleClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-key");
        return label;
    }

    /** Shows {@code forecast} after the last {@code historyDays} days of {@code history}. */
    public void show(String heading, SizeSeries history, StorageForecast forecast, int historyDays) {
        title.setText(heading);
        backtest.setText(backtestText(forecast));
        Optional<ThresholdCrossing> crossing = forecast.threshold();
        threshold.setText(crossing.map(StorageForecastChart::thresholdText).orElse("no threshold set"));

        // Measured: the last reading of each day, within the window.
        LocalDate from = forecast.lastMeasuredDate().minusDays(historyDays);
        TreeMap<LocalDate, Long> daily = new TreeMap<>();
        for (SizePoint p : history.points()) {
            LocalDate day = p.at().atOffset(ZoneOffset.UTC).toLocalDate();
            if (!day.isBefore(from)) {
                daily.put(day, p.bytes());
            }
        }
        double max = daily.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double min = daily.values().stream().mapToLong(Long::longValue).min().orElse(0);
        for (ForecastPoint p : forecast.points()) {
            max = Math.max(max, p.highBytes());
            min = Math.min(min, p.lowBytes());
        }
        boolean thresholdShown = crossing.isPresent() && crossing.get().thresholdBytes() <= max * 1.6;
        if (thresholdShown) {
            max = Math.max(max, crossing.get().thresholdBytes());
        }
        int unit = 0;
        while (unit < UNITS.length - 1 && max >= 1024.0 * Math.pow(1024, unit) * 2) {
            unit++;
        }
        unitBytes = Math.pow(1024, unit);
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setLabel("size (" + UNITS[unit] + ")");
        double span = Math.max((max - min) / unitBytes, 1e-9);
        double lower = Math.max(0, min / unitBytes - span * 0.08);
        double upper = max / unitBytes + span * 0.08;
        double tick = niceTick((upper - lower) / 6);
        y.setLowerBound(Math.floor(lower / tick) * tick);
        y.setUpperBound(Math.ceil(upper / tick) * tick);
        y.setTickUnit(tick);

        NumberAxis x = (NumberAxis) chart.getXAxis();
        double first = daily.isEmpty() ? forecast.lastMeasuredDate().toEpochDay() : daily.firstKey().toEpochDay();
        double last = forecast.points().getLast().date().toEpochDay();
        x.setLowerBound(first);
        x.setUpperBound(last);
        x.setTickUnit(Math.max(1, niceDays((last - first) / 8)));

        XYChart.Series<Number, Number> measured = new XYChart.Series<>();
        measured.setName("measured");
        daily.forEach((day, bytes) -> measured.getData().add(new XYChart.Data<>(day.toEpochDay(), bytes / unitBytes)));
        XYChart.Series<Number, Number> expected = new XYChart.Series<>();
        expected.setName("forecast");
        expected.getData().add(new XYChart.Data<>(forecast.lastMeasuredDate().toEpochDay(), forecast.lastMeasuredBytes() / unitBytes));
        List<double[]> band = new ArrayList<>();
        band.add(new double[] {forecast.lastMeasuredDate().toEpochDay(), forecast.lastMeasuredBytes() / unitBytes,
                forecast.lastMeasuredBytes() / unitBytes});
        for (ForecastPoint p : forecast.points()) {
            expected.getData().add(new XYChart.Data<>(p.date().toEpochDay(), p.expectedBytes() / unitBytes));
            band.add(new double[] {p.date().toEpochDay(), p.lowBytes() / unitBytes, p.highBytes() / unitBytes});
        }
        XYChart.Series<Number, Number> limit = new XYChart.Series<>();
        limit.setName("threshold");
        if (thresholdShown) {
            double t = crossing.get().thresholdBytes() / unitBytes;
            limit.getData().add(new XYChart.Data<>(first, t));
            limit.getData().add(new XYChart.Data<>(last, t));
        }
        chart.band = band;
        chart.steps = forecast.changePoints().stream().filter(c -> !c.date().isBefore(from)).toList();
        chart.getData().setAll(List.of(measured, expected, limit));
    }

    static String backtestText(StorageForecast forecast) {
        return forecast.backtest().map(b -> String.format(Locale.ROOT,
                "Backtest on this series' own history (%d past days, %d days ahead): growth error median %.0f%%, p90 %.0f%%;"
                        + " size error %.2f%%; the 80%% interval covered %.0f%% of the days. Model: %s.",
                b.origins(), b.horizonDays(), b.medianGrowthError() * 100, b.p90GrowthError() * 100,
                b.medianSizeError() * 100, b.coverage() * 100, forecast.model()))
                .orElse("Backtest: " + forecast.historyNote() + ". Model: " + forecast.model() + ".");
    }

    static String thresholdText(ThresholdCrossing t) {
        if (t.alreadyReached()) {
            return "Threshold " + SizeText.bytes(t.thresholdBytes()) + " already reached";
        }
        if (t.expected() == null) {
            return "Threshold " + SizeText.bytes(t.thresholdBytes()) + ": not reached within " + t.searchedDays() + " days"
                    + (t.earliest() == null ? "" : " (80% interval: from " + t.earliest() + ")");
        }
        return "Threshold " + SizeText.bytes(t.thresholdBytes()) + " reached on " + t.expected() + " (80% interval: "
                + t.earliest() + " to " + (t.latest() == null ? "after " + t.searchedDays() + " days" : t.latest()) + ")";
    }

    private static double niceTick(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= raw) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double niceDays(double raw) {
        for (double d : new double[] {1, 2, 7, 14, 28, 56, 91, 182, 364}) {
            if (d >= raw) {
                return d;
            }
        }
        return 364;
    }

    /** The line chart with the interval band and the steps drawn under its lines. */
    private static final class BandChart extends LineChart<Number, Number> {
        private final Polygon bandShape = new Polygon();
        private final List<Node> stepMarks = new ArrayList<>();
        List<double[]> band = List.of();
        List<ChangePoint> steps = List.of();

        BandChart() {
            super(new NumberAxis(), new NumberAxis());
            NumberAxis x = (NumberAxis) getXAxis();
            x.setAutoRanging(false);
            x.setMinorTickVisible(false);
            x.setLabel("date (UTC)");
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number epochDay) {
                    return DAY.format(LocalDate.ofEpochDay(Math.round(epochDay.doubleValue())));
                }

                @Override
                public Number fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
            NumberAxis y = (NumberAxis) getYAxis();
            y.setAutoRanging(false);
            y.setMinorTickVisible(false);
            y.setTickLabelFormatter(new SizeTicks());
            setCreateSymbols(false);
            setAnimated(false);
            setLegendVisible(false);
            bandShape.getStyleClass().add("forecast-band");
            bandShape.setManaged(false);
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            ObservableList<Node> children = getPlotChildren();
            children.remove(bandShape);
            children.removeAll(stepMarks);
            stepMarks.clear();
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            bandShape.getPoints().setAll(io.knobwright.app.ui.common.BandOutline.points(band, x, y, 1, 2));
            children.addFirst(bandShape);
            double top = y.getDisplayPosition(y.getUpperBound());
            double bottom = y.getDisplayPosition(y.getLowerBound());
            for (ChangePoint step : steps) {
                double at = x.getDisplayPosition(step.date().toEpochDay());
                Line mark = new Line(at, top, at, bottom);
                mark.getStyleClass().add(step.isLoad() ? "forecast-step-load" : "forecast-step-purge");
                mark.setManaged(false);
                stepMarks.add(mark);
                children.add(1, mark);
            }
        }
    }
}
