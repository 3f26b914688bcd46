package io.knobwright.simulator.calibration;

/**
 * A symmetric positive-definite matrix's Cholesky factor L (A = L Lᵀ), for the residual models' 2-40 point systems.
 * A matrix that is positive definite only in theory (rounding) gets a little jitter on its diagonal, the usual remedy
 * for Gaussian-process kernels; one that stays indefinite is refused.
 */
final class Cholesky {

    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    static Cholesky of(double[][] a) {
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            double[][] l = tryFactor(a, jitter);
            if (l != null) {
                return new Cholesky(l);
            }
            jitter = jitter == 0 ? Math.max(scale, 1e-300) * 1e-10 : jitter * 100;
        }
        throw new IllegalArgumentException("The matrix is not positive definite");
    }

    private static double[][] tryFactor(double[][] a, double jitter) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** L⁻¹ b (forward substitution). */
    double[] forward(double[] b) {
        int n = l.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        return y;
    }

    /** A⁻¹ b. */
    double[] solve(double[] b) {
        double[] y = forward(b);
        int n = l.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** log det A. */
    double logDet() {
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += Math.log(l[i][i]);
        }
        return 2 * sum;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
