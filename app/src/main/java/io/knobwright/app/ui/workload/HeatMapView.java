package io.knobwright.app.ui.workload;

import io.knobwright.model.workload.WeekHourGrid;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The hour x weekday heat map: 7 rows of 24 cells, each shaded by its mean in one of {@link #SHADES} steps from the
 * stylesheet (heat-0 lightest .. heat-7 darkest, with a dark-theme variant), and a legend of the steps with their
 * values. Cells are regions rather than a canvas so the theme's colours apply, and each tells its value on hover;
 * 168 regions cost nothing next to a table.
 */
final class HeatMapView extends VBox {

    static final int SHADES = 8;

    private final GridPane grid = new GridPane();
    private final HBox legend = new HBox();
    private final Label title = new Label();

    HeatMapView() {
        getStyleClass().add("heat-map");
        title.getStyleClass().add("panel-title");
        grid.getStyleClass().add("heat-grid");
        legend.getStyleClass().add("heat-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(title, grid, legend);
        VBox.setVgrow(grid, Priority.ALWAYS);
    }

    void show(WeekHourGrid data, String metricLabel, String unit) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        legend.getChildren().clear();
        if (data == null) {
            title.setText("");
            return;
        }
        title.setText("Hour × weekday · " + metricLabel + " (" + data.zone().getId() + ")");
        ColumnConstraints dayLabels = new ColumnConstraints();
        dayLabels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(dayLabels);
        for (int h = 0; h < 24; h++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            c.setHalignment(HPos.CENTER);
            c.setPercentWidth(-1);
            grid.getColumnConstraints().add(c);
            if (h % 3 == 0) {
                Label hour = new Label(String.format("%02d", h));
                hour.getStyleClass().add("heat-hour");
                hour.setMinWidth(Region.USE_PREF_SIZE);
                grid.add(hour, h + 1, 7, 3, 1);
                GridPane.setHalignment(hour, HPos.LEFT);
            }
        }
        grid.getRowConstraints().clear();
        for (int r = 0; r < 7; r++) {
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            grid.getRowConstraints().add(row);
        }
        double max = data.max();
        for (DayOfWeek day : DayOfWeek.values()) {
            int row = day.getValue() - 1;
            Label name = new Label(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            name.getStyleClass().add("heat-axis");
            grid.add(name, 0, row);
            for (int h = 0; h < 24; h++) {
                double v = data.mean(day, h);
                Region cell = new Region();
                cell.getStyleClass().addAll("heat-cell", Double.isNaN(v) ? "heat-none" : "heat-" + shade(v, max));
                cell.setMinSize(8, 8);
                cell.setPrefSize(24, 26);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                GridPane.setHgrow(cell, Priority.ALWAYS);
                Tooltip.install(cell, new Tooltip(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + String.format("%02d:00–%02d:59", h, h) + ": " + (Double.isNaN(v) ? "no data"
                        : WorkloadFormats.number(v) + unit)));
                grid.add(cell, h + 1, row);
            }
        }
        Label low = new Label("0");
        low.getStyleClass().add("heat-axis");
        legend.getChildren().add(low);
        for (int s = 0; s < SHADES; s++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("heat-cell", "heat-swatch", "heat-" + s);
            Tooltip.install(swatch, new Tooltip(WorkloadFormats.number(max * s / SHADES) + " – "
                    + WorkloadFormats.number(max * (s + 1) / SHADES) + unit));
            legend.getChildren().add(swatch);
        }
        Label high = new Label(WorkloadFormats.number(max) + unit);
        high.getStyleClass().add("heat-axis");
        Region gap = new Region();
        gap.setMinWidth(12);
        Region none = new Region();
        none.getStyleClass().addAll("heat-cell", "heat-swatch", "heat-none");
        Label noneText = new Label("no data");
        noneText.getStyleClass().add("heat-axis");
        legend.getChildren().addAll(high, gap, none, noneText);
    }

    /** The step of {@code v} on a linear scale from 0 to {@code max}. */
    static int shade(double v, double max) {
        if (max <= 0 || v <= 0) {
            return 0;
        }
        return Math.min(SHADES - 1, (int) Math.floor(v / max * SHADES));
    }

    GridPane grid() {
        return grid;
    }
}
