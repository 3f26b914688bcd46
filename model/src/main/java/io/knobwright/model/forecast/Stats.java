package io.knobwright.model.forecast;

import java.util.Arrays;

/** The few robust statistics the forecaster needs; small enough not to warrant a library (decision 0129). */
final class Stats {

    private Stats() {
    }

    /** The q-quantile (0..1) of {@code values}, linear between order statistics; NaN when empty. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = Math.clamp(q, 0, 1) * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The median absolute deviation scaled to a normal standard deviation. */
    static double robustScale(double[] values) {
        double m = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - m);
        }
        return 1.4826 * median(dev);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** Ordinary least squares y = intercept + slope * x, with the slope's standard error. */
    record Line(double intercept, double slope, double slopeError, double residualSd) {
        double at(double x) {
            return intercept + slope * x;
        }
    }

    static Line line(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            sse += r * r;
        }
        double sd = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
        double slopeError = sxx == 0 ? Double.POSITIVE_INFINITY : sd / Math.sqrt(sxx);
        return new Line(intercept, slope, slopeError, sd);
    }
}
