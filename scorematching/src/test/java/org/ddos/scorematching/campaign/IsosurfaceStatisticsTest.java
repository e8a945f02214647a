package org.ddos.scorematching.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IsosurfaceStatisticsTest {
    /** Histogram of n samples per mode: mode 0 standard normal, mode 1 uniform on [-1, 1]. */
    static IsosurfaceStatistics histograms(int n, int bins, long seed) {
        Random rnd = new Random(seed);
        double[][] edges = new double[2][bins + 1];
        long[][] counts = new long[2][bins];
        double[] width = {5.0, 1.0};
        for (int m = 0; m < 2; m++) {
            for (int b = 0; b <= bins; b++) {
                edges[m][b] = -width[m] + 2 * width[m] * b / bins;
            }
        }
        for (int i = 0; i < n; i++) {
            double g = rnd.nextGaussian();
            double u = 2 * rnd.nextDouble() - 1;
            counts[0][(int) Math.min(bins - 1, Math.max(0, (g + 5.0) / 10.0 * bins))]++;
            counts[1][(int) Math.min(bins - 1, (u + 1.0) / 2.0 * bins)]++;
        }
        return new IsosurfaceStatistics(1.0, new double[2], new double[] {1.0, 1.0 / 3}, new double[][] {{1, 0}, {0, 1}},
                edges, counts);
    }

    @Test
    void bootstrapErrorOfTheVariancesMatchesTheirSamplingError() {
        int n = 2000;
        double[] err = histograms(n, 80, 11).covarianceEigenvalueBootstrapError(400, 5);
        // standard error of a sample variance: sqrt((m4 - sigma^4) / n); normal: sqrt(2 / n),
        // uniform on [-1, 1]: m4 = 1/5, sigma^2 = 1/3
        assertEquals(Math.sqrt(2.0 / n), err[0], 0.12 * Math.sqrt(2.0 / n), "normal mode");
        double uni = Math.sqrt((0.2 - 1.0 / 9) / n);
        assertEquals(uni, err[1], 0.12 * uni, "uniform mode");
    }

    @Test
    void bootstrapIsDeterministicAndChecksItsArgument() {
        IsosurfaceStatistics s = histograms(300, 30, 2);
        assertArrayEquals(s.covarianceEigenvalueBootstrapError(50, 9), s.covarianceEigenvalueBootstrapError(50, 9), 0.0);
        assertThrows(IllegalArgumentException.class, () -> s.covarianceEigenvalueBootstrapError(1, 9));
    }
}
