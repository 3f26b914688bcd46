package io.knobwright.simulator.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The hand-written Nelder–Mead and Cholesky the calibration stands on. */
class NumericsTest {

    @Test
    void nelderMeadFindsTheBottomOfRosenbrocksValley() {
        NelderMead.Minimum m = NelderMead.minimize(
                p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2), new double[] {-1.2, 1}, 0.5,
                5000, 1e-14);

        assertThat(m.point()[0]).isCloseTo(1, within(1e-3));
        assertThat(m.point()[1]).isCloseTo(1, within(2e-3));
        assertThat(m.evaluations()).isLessThanOrEqualTo(5002);
    }

    @Test
    void nelderMeadLeavesRegionsWhereTheObjectiveIsUndefined() {
        // NaN (a model that fails there) for negative x: the minimum at x = 2 is still found
        NelderMead.Minimum m = NelderMead.minimize(p -> p[0] < 0 ? Double.NaN : Math.pow(p[0] - 2, 2),
                new double[] {0.1}, 1, 500, 1e-12);

        assertThat(m.point()[0]).isCloseTo(2, within(1e-3));
        assertThat(NelderMead.minimize(p -> 3, new double[0], 1, 10, 1e-9).value()).isEqualTo(3);
    }

    @Test
    void choleskySolvesASystemAndKnowsItsDeterminant() {
        double[][] a = {{4, 2, 0.4}, {2, 5, 1}, {0.4, 1, 3}};
        Cholesky c = Cholesky.of(a);
        double[] x = c.solve(new double[] {1, 2, 3});

        for (int i = 0; i < 3; i++) {
            double row = a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2];
            assertThat(row).isCloseTo(i + 1, within(1e-12));
        }
        double det = 4 * (5 * 3 - 1) - 2 * (2 * 3 - 0.4) + 0.4 * (2 - 5 * 0.4);
        assertThat(c.logDet()).isCloseTo(Math.log(det), within(1e-12));
    }

    @Test
    void aSingularButSemiDefiniteKernelGetsJitterAndAnIndefiniteOneIsRefused() {
        Cholesky.of(new double[][] {{1, 1}, {1, 1}});
        assertThatThrownBy(() -> Cholesky.of(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
    }
}
