package io.knobwright.app.ui.workload;

import javafx.scene.control.TableCell;
import javafx.scene.shape.Polyline;

import java.util.List;

/** A table cell that draws calls per hour as a line, styled by the stylesheet ("sparkline"). One Polyline per row. */
final class Sparkline extends TableCell<QueryRow, List<Long>> {

    static final double WIDTH = 120;
    static final double HEIGHT = 18;

    private final Polyline line = new Polyline();

    Sparkline() {
        line.getStyleClass().add("sparkline");
        getStyleClass().add("sparkline-cell");
    }

    @Override
    protected void updateItem(List<Long> calls, boolean empty) {
        super.updateItem(calls, empty);
        if (empty || calls == null || calls.size() < 2) {
            setGraphic(null);
            return;
        }
        line.getPoints().setAll(points(calls));
        setGraphic(line);
    }

    /** x, y pairs scaled into the cell: the busiest hour at the top, zero at the bottom. */
    static List<Double> points(List<Long> calls) {
        long max = calls.stream().mapToLong(Long::longValue).max().orElse(0);
        Double[] xy = new Double[calls.size() * 2];
        for (int i = 0; i < calls.size(); i++) {
            xy[2 * i] = WIDTH * i / (calls.size() - 1);
            xy[2 * i + 1] = max == 0 ? HEIGHT : HEIGHT - HEIGHT * calls.get(i) / max;
        }
        return List.of(xy);
    }
}
