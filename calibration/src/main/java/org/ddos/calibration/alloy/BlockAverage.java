package org.ddos.calibration.alloy;

/**
 * Block averaging of a correlated time series (Flyvbjerg and Petersen, J. Chem. Phys. 91, 461
 * (1989)): the series is cut into B equal consecutive blocks (a remainder at the start is
 * dropped); the error of the mean is the standard error of the B block means, which is unbiased
 * once blocks are longer than the correlation time.
 */
public final class BlockAverage {
    private BlockAverage() {
    }

    /**
     * @param series the samples, length at least {@code blocks}
     * @param blocks B, at least 2
     * @return {mean of the used samples, standard error sqrt(sum (m_b - m)^2 / (B (B - 1)))}
     * @throws IllegalArgumentException when the series is shorter than B or B &lt; 2
     */
    public static double[] of(double[] series, int blocks) {
        if (blocks < 2 || series.length < blocks) {
            throw new IllegalArgumentException("block averaging needs at least 2 blocks and one sample per block, got "
                    + blocks + " blocks for " + series.length + " samples");
        }
        int len = series.length / blocks;
        int offset = series.length - len * blocks;
        double[] means = new double[blocks];
        double total = 0;
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int k = 0; k < len; k++) {
                s += series[offset + b * len + k];
            }
            means[b] = s / len;
            total += means[b];
        }
        double mean = total / blocks;
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        return new double[] {mean, Math.sqrt(ss / (blocks * (blocks - 1.0)))};
    }
}
