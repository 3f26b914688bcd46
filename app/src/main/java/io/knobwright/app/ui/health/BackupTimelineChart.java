package io.knobwright.app.ui.health;

import io.knobwright.app.backup.BackupService;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.backup.BackupStatus;
import io.knobwright.model.backup.BackupVerification;
import io.knobwright.model.backup.RpoCompliance;
import io.knobwright.model.forecast.SizeText;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An instance's backups on a time axis: one bar per verified backup at the time it was taken, as high as the backup is
 * large and coloured by its verdict (good, damaged, unreadable, unchecked); a dashed red outline where a scheduled run
 * was expected and none came; the time since the last good backup shaded (green within the RPO, red past it) with the
 * RPO deadline and "now" as lines. Every mark has a tooltip with the path, verdict, problems and size. Bars narrow to
 * the spacing of the backups, so one backup and two hundred both read.
 */
public final class BackupTimelineChart extends VBox {

    public static final String STYLE_CLASS = "backup-timeline-chart";
    public static final String STYLESHEET = Theme.stylesheet(BackupTimelineChart.class, "backup-timeline.css");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    private static final double SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final Label title = new Label();
    private final Plot plot = new Plot();
    private final HBox legend = new HBox(16);

    public BackupTimelineChart(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(STYLESHEET);
        title.getStyleClass().add("backup-timeline-title");
        legend.setAlignment(Pos.CENTER);
        legend.getStyleClass().add("backup-timeline-legend");
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, plot, legend);
    }

    /** Shows the backups of {@code o} up to its RPO's "now"; an overview without backups clears the chart. */
    public void show(String heading, BackupService.Overview o) {
        title.setText(heading);
        plot.show(o);
        legend.getChildren().clear();
        if (o.backups().isEmpty()) {
            return;
        }
        for (BackupStatus status : BackupStatus.values()) {
            if (status == BackupStatus.GOOD || o.backups().stream().anyMatch(b -> b.status() == status)) {
                legend.getChildren().add(key("legend-" + styleOf(status), BackupHealthViewModel.verdict(status)));
            }
        }
        if (!o.schedule().missed().isEmpty()) {
            legend.getChildren().add(key("legend-missed", "missed run"));
        }
        legend.getChildren().add(o.rpo().compliant() ? key("legend-rpo-met", "since last good backup (within RPO)")
                : key("legend-rpo-overdue", o.rpo().lastGood() == null ? "no good backup" : "since last good backup (past RPO)"));
    }

    private static Node key(String styleClass, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("legend-swatch", styleClass);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("legend-key");
        return label;
    }

    static String styleOf(BackupStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private String tooltip(BackupVerification v) {
        StringBuilder text = new StringBuilder(v.path()).append('\n')
                .append(BackupHealthViewModel.verdict(v.status()).toUpperCase(Locale.ROOT)).append(" · ").append(v.kind().label())
                .append("\ntaken ").append(WHEN.format(v.takenAt().atZone(zone))).append(" · ").append(SizeText.bytes(v.bytes()))
                .append(v.knownDuration().map(d -> " · took " + HealthViewModel.duration(d)).orElse(" · duration unknown"));
        if (v.problems().isEmpty()) {
            text.append("\nno problems");
        } else {
            text.append('\n').append(v.problems().size()).append(v.problems().size() == 1 ? " problem:" : " problems:");
            v.problems().stream().limit(3).forEach(p -> text.append("\n  ").append(p.describe()));
            if (v.problems().size() > 3) {
                text.append("\n  ").append(v.problems().size() - 3).append(" more");
            }
        }
        return text.toString();
    }

    private static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        tip.setShowDuration(javafx.util.Duration.seconds(30));
        return tip;
    }

    /** Days since the epoch in the chart's zone (fractional), so day ticks fall on local midnights. */
    private double day(Instant at) {
        return (at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds()) / SECONDS_PER_DAY;
    }

    /** A backup's bar with its data. */
    private record Bar(Rectangle shape, double day, long bytes) {
    }

    /** The plot: no series of its own, only the marks placed in {@link #layoutPlotChildren()}. */
    private final class Plot extends XYChart<Number, Number> {
        private final List<Bar> bars = new ArrayList<>();
        private final List<Rectangle> missed = new ArrayList<>();
        private final List<Double> missedDays = new ArrayList<>();
        private final Rectangle rpoSpan = new Rectangle();
        private final Line deadline = new Line();
        private final Line nowLine = new Line();
        private final Text deadlineLabel = new Text();
        private final Text nowLabel = new Text("now");
        private double unitBytes = 1;
        private double spanFrom = Double.NaN;
        private double nowDay = Double.NaN;
        private double deadlineDay = Double.NaN;
        private double spacingDays = 1;
        private long typicalBytes;

        Plot() {
            super(new NumberAxis(), new NumberAxis());
            setData(javafx.collections.FXCollections.observableArrayList()); // XYChart leaves it null; its axis listeners read it
            NumberAxis x = (NumberAxis) getXAxis();
            x.setAutoRanging(false);
            x.setMinorTickVisible(false);
            NumberAxis y = (NumberAxis) getYAxis();
            y.setAutoRanging(false);
            y.setMinorTickVisible(false);
            y.setTickLabelFormatter(new SizeTicks());
            setAnimated(false);
            setLegendVisible(false);
            rpoSpan.getStyleClass().add("rpo-span");
            deadline.getStyleClass().add("rpo-deadline");
            nowLine.getStyleClass().add("now-line");
            deadlineLabel.getStyleClass().add("timeline-label");
            nowLabel.getStyleClass().add("timeline-label");
            for (Node n : List.of(rpoSpan, deadline, nowLine, deadlineLabel, nowLabel)) {
                n.setManaged(false);
            }
        }

        void show(BackupService.Overview o) {
            getPlotChildren().clear();
            bars.clear();
            missed.clear();
            missedDays.clear();
            List<BackupVerification> backups = o.backups();
            if (backups.isEmpty()) {
                nowDay = Double.NaN;
                return;
            }
            RpoCompliance rpo = o.rpo();
            nowDay = day(rpo.now());
            long max = backups.stream().mapToLong(BackupVerification::bytes).max().orElse(1);
            List<Long> sizes = backups.stream().map(BackupVerification::bytes).sorted().toList();
            typicalBytes = sizes.get(sizes.size() / 2);
            int unit = 0;
            while (unit < UNITS.length - 1 && max >= 1024.0 * Math.pow(1024, unit) * 2) {
                unit++;
            }
            unitBytes = Math.pow(1024, unit);
            NumberAxis y = (NumberAxis) getYAxis();
            y.setLabel("size (" + UNITS[unit] + ")");
            double tickY = ConnectionUseChart.niceStep(Math.max(max, 1) * 1.12 / unitBytes / 5);
            y.setLowerBound(0);
            y.setUpperBound(Math.ceil(Math.max(max, 1) * 1.12 / unitBytes / tickY) * tickY);
            y.setTickUnit(tickY);

            double first = day(backups.getFirst().takenAt());
            if (!o.schedule().missed().isEmpty()) {
                first = Math.min(first, day(o.schedule().missed().getFirst()));
            }
            double last = Math.max(nowDay, day(backups.getLast().takenAt()));
            if (rpo.lastGood() != null) {
                // the deadline too, when it is still ahead: how long until the RPO is missed is worth seeing
                last = Math.max(last, day(rpo.lastGood().plus(rpo.rpo())));
            }
            double span = Math.max(last - first, 0.25);
            spacingDays = o.schedule().interval() != null ? o.schedule().interval().toSeconds() / SECONDS_PER_DAY
                    : backups.size() > 1 ? (day(backups.getLast().takenAt()) - day(backups.getFirst().takenAt())) / (backups.size() - 1)
                    : span / 10;
            double pad = Math.max(span * 0.03, spacingDays * 0.6);
            NumberAxis x = (NumberAxis) getXAxis();
            double lower = first - pad;
            double upper = last + pad;
            double tick = niceDays((upper - lower) / 9);
            // whole days (or whole ticks under a day): snapping to a 4-week tick would leave weeks of empty axis
            double grain = Math.min(tick, 1);
            x.setLowerBound(Math.floor(lower / grain) * grain);
            x.setUpperBound(Math.ceil(upper / grain) * grain);
            x.setTickUnit(tick);
            x.setLabel(tick < 1 ? "time (" + zone.getId() + ")" : "date (" + zone.getId() + ")");
            x.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number d) {
                    long seconds = Math.round(d.doubleValue() * SECONDS_PER_DAY);
                    var local = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
                    return (tick < 1 ? DAY_TIME : DAY).format(local);
                }

                @Override
                public Number fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });

            spanFrom = rpo.lastGood() != null ? day(rpo.lastGood()) : x.getLowerBound();
            rpoSpan.getStyleClass().setAll("rpo-span", rpo.compliant() ? "rpo-span-met" : "rpo-span-overdue");
            Tooltip.install(rpoSpan, tip(BackupHealthViewModel.rpo(rpo, backups.size())));
            deadlineDay = rpo.lastGood() == null ? Double.NaN : day(rpo.lastGood().plus(rpo.rpo()));
            deadlineLabel.setText("RPO " + BackupHealthViewModel.span(rpo.rpo()));
            getPlotChildren().add(rpoSpan);

            for (Instant expected : o.schedule().missed()) {
                Rectangle mark = new Rectangle();
                mark.getStyleClass().addAll("missed-run", "backup-missed");
                mark.setManaged(false);
                Tooltip.install(mark, tip("Missed run: a backup was expected about " + WHEN.format(expected.atZone(zone))
                        + " (every " + BackupHealthViewModel.span(o.schedule().interval()) + ") and none was taken"));
                missed.add(mark);
                missedDays.add(day(expected));
            }
            getPlotChildren().addAll(missed);
            for (BackupVerification v : backups) {
                Rectangle bar = new Rectangle();
                bar.getStyleClass().addAll("backup-bar", "backup-" + styleOf(v.status()));
                bar.setManaged(false);
                Tooltip.install(bar, tip(tooltip(v)));
                bars.add(new Bar(bar, day(v.takenAt()), v.bytes()));
                getPlotChildren().add(bar);
            }
            getPlotChildren().addAll(deadline, nowLine, deadlineLabel, nowLabel);
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            if (Double.isNaN(nowDay)) {
                return;
            }
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double top = y.getDisplayPosition(y.getUpperBound());
            double bottom = y.getDisplayPosition(0);
            double perDay = Math.abs(x.getDisplayPosition(x.getLowerBound() + 1) - x.getDisplayPosition(x.getLowerBound()));
            // a bar a little over half the spacing of the backups: neighbours never touch, a lone one stays visible
            double width = Math.clamp(spacingDays * perDay * 0.55, 2, 18);
            for (Bar b : bars) {
                double height = Math.max(3, bottom - y.getDisplayPosition(b.bytes() / unitBytes));
                b.shape().setX(x.getDisplayPosition(b.day()) - width / 2);
                b.shape().setY(bottom - height);
                b.shape().setWidth(width);
                b.shape().setHeight(height);
            }
            double typical = Math.max(12, bottom - y.getDisplayPosition(typicalBytes / unitBytes));
            for (int i = 0; i < missed.size(); i++) {
                Rectangle m = missed.get(i);
                m.setX(x.getDisplayPosition(missedDays.get(i)) - width / 2);
                m.setY(bottom - typical);
                m.setWidth(width);
                m.setHeight(typical);
            }
            double from = Math.max(x.getDisplayPosition(spanFrom), x.getDisplayPosition(x.getLowerBound()));
            double now = x.getDisplayPosition(nowDay);
            rpoSpan.setX(from);
            rpoSpan.setY(top);
            rpoSpan.setWidth(Math.max(1, now - from));
            rpoSpan.setHeight(bottom - top);
            double right = x.getDisplayPosition(x.getUpperBound());
            place(nowLine, nowLabel, now, top, bottom, right);
            boolean deadlineShown = !Double.isNaN(deadlineDay) && deadlineDay <= x.getUpperBound();
            deadline.setVisible(deadlineShown);
            deadlineLabel.setVisible(deadlineShown);
            if (deadlineShown) {
                double at = x.getDisplayPosition(deadlineDay);
                place(deadline, deadlineLabel, at, top, bottom, right);
                // close to now, each label goes on the side away from the other line; where the plot's edge forbids
                // that, the deadline's goes one line lower
                double labelWidth = deadlineLabel.getLayoutBounds().getWidth();
                double nowWidth = nowLabel.getLayoutBounds().getWidth();
                double left = x.getDisplayPosition(x.getLowerBound());
                if (Math.abs(at - now) < labelWidth + 8) {
                    if (at < now && at - 4 - labelWidth >= left) {
                        deadlineLabel.setX(at - 4 - labelWidth);
                    } else if (at >= now && now - 4 - nowWidth >= left) {
                        nowLabel.setX(now - 4 - nowWidth);
                    }
                }
                double nowFrom = nowLabel.getX();
                double deadlineFrom = deadlineLabel.getX();
                if (deadlineFrom < nowFrom + nowWidth + 4 && deadlineFrom + labelWidth > nowFrom - 4) {
                    deadlineLabel.setY(top + 26);
                    if (deadlineFrom < at) {
                        deadlineLabel.setX(Math.min(at, now) - 4 - labelWidth); // clear of both lines
                    }
                }
            }
        }

        /** The line at {@code at}, its label to its right, or to its left where the plot ends. */
        private static void place(Line line, Text label, double at, double top, double bottom, double right) {
            line.setStartX(at);
            line.setEndX(at);
            line.setStartY(top);
            line.setEndY(bottom);
            double width = label.getLayoutBounds().getWidth();
            label.setX(at + 4 + width > right ? at - 4 - width : at + 4);
            label.setY(top + 12);
        }

        @Override
        protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
        }

        @Override
        protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> series) {
        }

        @Override
        protected void dataItemChanged(Data<Number, Number> item) {
        }

        @Override
        protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
        }

        @Override
        protected void seriesRemoved(Series<Number, Number> series) {
        }
    }

    /** A tick of 6 h, 12 h, 1, 2, 7, 14 or 28 days, or a multiple of 91, at least {@code raw} days. */
    static double niceDays(double raw) {
        for (double d : new double[] {0.25, 0.5, 1, 2, 7, 14, 28, 56}) {
            if (d >= raw) {
                return d;
            }
        }
        return Math.ceil(raw / 91) * 91;
    }
}
