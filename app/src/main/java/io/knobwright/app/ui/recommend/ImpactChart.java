package io.knobwright.app.ui.recommend;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.recommend.MetricChange;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import java.util.List;

/**
 * A recommendation's predicted impact: per metric (throughput, p95 latency, peak memory, out-of-memory risk) a bar for
 * today and one after the change, each with its 80% interval drawn as a whisker, and the numbers beside them. Each
 * metric has its own scale (from zero to the largest upper end of the two), so bars of different units never share
 * an axis; the numbers carry the units.
 */
final class ImpactChart extends VBox {

    static final String STYLE_CLASS = "impact-chart";

    ImpactChart(List<MetricChange> metrics, String idPrefix) {
        getStyleClass().add(STYLE_CLASS);
        setSpacing(4);
        getChildren().add(legend());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("impact-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints name = new ColumnConstraints(130, 130, 160);
        ColumnConstraints bars = new ColumnConstraints(120, 220, Double.MAX_VALUE);
        bars.setHgrow(Priority.ALWAYS);
        ColumnConstraints numbers = new ColumnConstraints(210, Region.USE_COMPUTED_SIZE, Double.MAX_VALUE);
        numbers.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().setAll(name, bars, numbers);
        int row = 0;
        for (MetricChange m : metrics) {
            Label label = new Label(RecommendationFormats.label(m));
            label.getStyleClass().add("impact-metric");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label before = new Label("today  " + RecommendationFormats.estimate(m, m.before()));
            before.getStyleClass().add("impact-before-text");
            Label after = new Label("after  " + RecommendationFormats.estimate(m, m.after()));
            after.getStyleClass().add("impact-after-text");
            after.setId(idPrefix + "-" + m.metric());
            VBox texts = new VBox(0, before, after);
            grid.add(label, 0, row);
            grid.add(new Bars(m.before(), m.after()), 1, row);
            grid.add(texts, 2, row);
            GridPane.setValignment(label, VPos.CENTER);
            row++;
        }
        getChildren().add(grid);
    }

    private static HBox legend() {
        Region today = new Region();
        today.getStyleClass().addAll("impact-swatch", "impact-before");
        Region after = new Region();
        after.getStyleClass().addAll("impact-swatch", "impact-after");
        Label t = new Label("today");
        Label a = new Label("after the change");
        Label whisker = new Label("· whiskers: 80% interval");
        HBox legend = new HBox(6, today, t, after, a, whisker);
        legend.getStyleClass().add("impact-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        return legend;
    }

    /** Two bars from zero, each with its interval, on one scale. */
    static final class Bars extends Region {
        private static final double BAR = 10;
        private static final double GAP = 5;

        private final Estimate before;
        private final Estimate after;
        private final Region beforeBar = bar("impact-before");
        private final Region afterBar = bar("impact-after");
        private final Line[] beforeWhisker = whisker();
        private final Line[] afterWhisker = whisker();

        Bars(Estimate before, Estimate after) {
            this.before = before;
            this.after = after;
            getStyleClass().add("impact-bars");
            getChildren().addAll(beforeBar, afterBar);
            getChildren().addAll(beforeWhisker);
            getChildren().addAll(afterWhisker);
        }

        private static Region bar(String style) {
            Region r = new Region();
            r.getStyleClass().addAll("impact-bar", style);
            r.setManaged(false);
            return r;
        }

        private static Line[] whisker() {
            Line[] lines = {new Line(), new Line(), new Line()};
            for (Line l : lines) {
                l.getStyleClass().add("impact-whisker");
                l.setManaged(false);
            }
            return lines;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 2 * BAR + GAP + 4;
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 220;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth() - 6;   // room for the caps at the right end
            double max = Math.max(Math.max(before.high(), after.high()), Math.max(before.mean(), after.mean()));
            double scale = max > 0 ? w / max : 0;
            double top = 2;
            place(beforeBar, beforeWhisker, before, scale, top);
            place(afterBar, afterWhisker, after, scale, top + BAR + GAP);
        }

        private static void place(Region bar, Line[] whisker, Estimate e, double scale, double y) {
            // a value of exactly zero still shows a sliver, so "nothing" reads as a value and not as a missing bar
            double length = Math.max(2, Math.max(0, e.mean()) * scale);
            bar.resizeRelocate(0, y, length, BAR);
            double mid = y + BAR / 2;
            double low = Math.max(0, e.low()) * scale;
            double high = Math.max(0, e.high()) * scale;
            boolean show = high - low >= 1;
            set(whisker[0], low, mid, high, mid, show);
            set(whisker[1], low, mid - 4, low, mid + 4, show);
            set(whisker[2], high, mid - 4, high, mid + 4, show);
        }

        private static void set(Line line, double x1, double y1, double x2, double y2, boolean visible) {
            line.setStartX(snap(x1));
            line.setStartY(y1);
            line.setEndX(snap(x2));
            line.setEndY(y2);
            line.setVisible(visible);
        }

        private static double snap(double x) {
            return Math.floor(x) + 0.5;
        }
    }
}
