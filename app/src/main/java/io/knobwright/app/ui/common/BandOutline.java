package io.knobwright.app.ui.common;

import javafx.scene.chart.NumberAxis;

import java.util.ArrayList;
import java.util.List;

/**
 * The outline of an interval band under a chart's line, in the plot's pixels: along the upper edge left to right,
 * back along the lower edge, so one polygon shades the band whatever its width. The storage forecast and the
 * what-if sweep draw their 80% intervals with it.
 */
public final class BandOutline {

    private BandOutline() {
    }

    /**
     * @param band rows of values, {@code row[0]} the x value
     * @param low  the index in each row of the band's lower edge
     * @param high the index in each row of the band's upper edge
     * @return x, y pairs for {@link javafx.scene.shape.Polygon#getPoints()}
     */
    public static List<Double> points(List<double[]> band, NumberAxis x, NumberAxis y, int low, int high) {
        List<Double> points = new ArrayList<>(band.size() * 4);
        for (double[] b : band) {
            points.add(x.getDisplayPosition(b[0]));
            points.add(y.getDisplayPosition(b[high]));
        }
        for (int i = band.size() - 1; i >= 0; i--) {
            points.add(x.getDisplayPosition(band.get(i)[0]));
            points.add(y.getDisplayPosition(band.get(i)[low]));
        }
        return points;
    }
}
