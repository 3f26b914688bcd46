package io.knobwright.simulator.model;

/**
 * Poisson tails with a continuous threshold, through the regularised incomplete gamma function
 * (P(K ≤ k) = Q(k + 1, λ)), so a risk moves smoothly with the settings instead of in steps.
 */
final class Poisson {

    private static final int MAX_TERMS = 500;
    private static final double EPS = 1e-14;

    private Poisson() {
    }

    /** P(K &gt; k) for K ~ Poisson(mean); k ≥ 0 may be fractional. */
    static double exceeds(double mean, double k) {
        if (mean <= 0) {
            return 0;
        }
        if (k < 0) {
            return 1;
        }
        return clamp01(lowerRegularised(k + 1, mean));
    }

    /** The smallest (continuous) k with P(K &gt; k) ≤ 1 − q. */
    static double quantile(double mean, double q) {
        if (mean <= 0) {
            return 0;
        }
        double lo = 0;
        double hi = mean + 10 * Math.sqrt(mean) + 10;
        for (int i = 0; i < 30; i++) {
            double mid = (lo + hi) / 2;
            if (exceeds(mean, mid) > 1 - q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** P(a, x): the regularised lower incomplete gamma function (Numerical Recipes' gammp). */
    static double lowerRegularised(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x < a + 1) {
            double sum = 1 / a;
            double term = sum;
            double ap = a;
            for (int n = 0; n < MAX_TERMS; n++) {
                ap++;
                term *= x / ap;
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        // continued fraction for Q(a, x) (modified Lentz)
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < 1e-300) {
                d = 1e-300;
            }
            c = b + an / c;
            if (Math.abs(c) < 1e-300) {
                c = 1e-300;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return 1 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7). */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double y = x - 1;
        double a = g[0];
        double t = y + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (y + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
