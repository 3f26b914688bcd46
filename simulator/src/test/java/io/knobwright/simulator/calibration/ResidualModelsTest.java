package io.knobwright.simulator.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two learned corrections on their own: what they fit, and how sure they are where. */
class ResidualModelsTest {

    @Test
    void theGaussianProcessInterpolatesASmoothResidual() {
        int n = 12;
        double[][] z = new double[n][];
        double[] r = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            double x = -2 + 4.0 * i / (n - 1);
            z[i] = new double[] {x};
            r[i] = 0.2 * Math.sin(1.5 * x);
            noise[i] = 1e-6;
        }

        GaussianProcessResidual gp = GaussianProcessResidual.fit(z, r, noise, 0.2);

        for (int i = 0; i < n; i++) {
            assertThat(gp.at(z[i]).mean()).as("at training point " + i).isCloseTo(r[i], within(0.01));
        }
        double between = -2 + 4.0 * 4.5 / (n - 1);
        assertThat(gp.at(new double[] {between}).mean()).isCloseTo(0.2 * Math.sin(1.5 * between), within(0.02));
    }

    @Test
    void theGaussianProcessGrowsLessSureAwayFromItsData() {
        double[][] z = new double[10][];
        double[] r = new double[10];
        double[] noise = new double[10];
        for (int i = 0; i < 10; i++) {
            z[i] = new double[] {i / 9.0 - 0.5, (i % 3) / 2.0 - 0.5};
            r[i] = 0.1 * z[i][0] - 0.05 * z[i][1];
            noise[i] = 0.01 * 0.01;
        }

        GaussianProcessResidual gp = GaussianProcessResidual.fit(z, r, noise, 0.2);
        double inside = gp.at(new double[] {0, 0}).variance();
        double near = gp.at(new double[] {1.5, 0}).variance();
        double far = gp.at(new double[] {8, -8}).variance();

        assertThat(inside).isLessThan(near);
        assertThat(near).isLessThan(far);
        assertThat(Math.sqrt(inside)).isLessThan(0.05);
        assertThat(gp.lengthScales()).hasSize(2).doesNotContain(0.0);
    }

    @Test
    void threePointsDoNotMakeTheLinearModelChaseTheirNoise() {
        // three points, two features: least squares with an intercept would pass through all three exactly
        double[][] z = {{-1, 0.5}, {0, -1}, {1, 0.5}};
        double[] r = {0.12, -0.10, 0.05};
        double[] noise = {0.01, 0.01, 0.01};

        BayesLinearResidual blr = BayesLinearResidual.fit(z, r, noise, 0.2);

        double misfit = 0;
        for (int i = 0; i < 3; i++) {
            misfit += Math.abs(blr.at(z[i]).mean() - r[i]) / 3;
        }
        assertThat(misfit).as("it does not interpolate noise of 10%").isGreaterThan(0.03);
        assertThat(Math.abs(blr.at(new double[] {4, 4}).mean())).as("far out it stays modest").isLessThan(0.25);
        assertThat(blr.at(new double[] {4, 4}).variance()).isGreaterThan(blr.at(new double[] {0, 0}).variance());
    }

    @Test
    void aConsistentOffsetMovesTheLinearModelsLevel() {
        double[][] z = {{-1}, {-0.5}, {0}, {0.5}, {1}};
        double[] r = {0.21, 0.19, 0.2, 0.2, 0.21};
        double[] noise = {0.0004, 0.0004, 0.0004, 0.0004, 0.0004};

        BayesLinearResidual blr = BayesLinearResidual.fit(z, r, noise, 0.2);

        assertThat(blr.at(new double[] {0.2}).mean()).isCloseTo(0.2, within(0.03));
        assertThat(blr.kind()).isEqualTo("Bayesian linear model");
    }

    @Test
    void maternFallsFromOneWithDistanceScaledByTheLengthScale() {
        double[] lengths = {1, 10};
        assertThat(GaussianProcessResidual.matern(new double[] {0, 0}, new double[] {0, 0}, lengths)).isEqualTo(1.0);
        double alongShort = GaussianProcessResidual.matern(new double[] {0, 0}, new double[] {1, 0}, lengths);
        double alongLong = GaussianProcessResidual.matern(new double[] {0, 0}, new double[] {0, 1}, lengths);
        assertThat(alongShort).isLessThan(alongLong).isCloseTo(0.5240, within(1e-3));
    }
}
