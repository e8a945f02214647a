package org.ddos.scorematching.campaign;

/**
 * Compressed descriptor statistics of one isosurface of a sampling campaign ("rank-one" tensor
 * compression of DescriptorDOS): the mean descriptor, the eigen-decomposition of the descriptor
 * covariance, and one fixed-bin histogram per rotated mode.
 *
 * <p>Shapes and conventions (K descriptor components, B histogram bins):
 * <ul>
 *   <li>{@code isosurface}: the measured mean harmonic energy of the isosurface in units of U_0
 *       (dimensionless; 1.0 is about 1000 K for U_0 = 1.5 k_B x 1000 K).</li>
 *   <li>{@code mean}: length K, mean per-atom descriptor D over the samples (unrotated).</li>
 *   <li>{@code covarianceEigenvalues}: length K, eigenvalues of the covariance of D.</li>
 *   <li>{@code rotation}: K x K, {@code rotation[j][k]} is component j of eigenvector k (columns
 *       are eigenvectors, the numpy {@code eigh} layout); the projection of a vector v on mode k
 *       is sum_j v[j] rotation[j][k].</li>
 *   <li>{@code binEdges}: K x (B+1), edges of the histogram of mode k, measured from the rotated
 *       mean (sample projection minus mean projection).</li>
 *   <li>{@code counts}: K x B, sample counts per bin.</li>
 * </ul>
 * Instances are immutable: arrays are copied in and out.
 */
public final class IsosurfaceStatistics {
    private final double isosurface;
    private final double[] mean;
    private final double[] covarianceEigenvalues;
    private final double[][] rotation;
    private final double[][] binEdges;
    private final long[][] counts;

    /**
     * @param isosurface measured isosurface value h / U_0 (dimensionless, &gt; 0)
     * @param mean mean per-atom descriptor, length K &gt;= 1; copied
     * @param covarianceEigenvalues eigenvalues of the descriptor covariance, length K; copied
     * @param rotation K x K, {@code rotation[j][k]} component j of eigenvector k; copied
     * @param binEdges K x (B+1), strictly increasing, relative to the rotated mean; copied
     * @param counts K x B sample counts (B &gt;= 3, non-negative); copied
     * @throws IllegalArgumentException on inconsistent shapes, non-finite values, negative counts,
     *     non-increasing bin edges or a non-positive isosurface value
     */
    public IsosurfaceStatistics(double isosurface, double[] mean, double[] covarianceEigenvalues,
            double[][] rotation, double[][] binEdges, long[][] counts) {
        if (!(isosurface > 0) || !Double.isFinite(isosurface)) {
            throw new IllegalArgumentException("isosurface value must be positive and finite, got " + isosurface);
        }
        int k = mean.length;
        if (k == 0) {
            throw new IllegalArgumentException("descriptor mean is empty");
        }
        requireFinite(mean, "mean");
        if (covarianceEigenvalues.length != k) {
            throw new IllegalArgumentException("covariance eigenvalues: length " + covarianceEigenvalues.length + ", expected " + k);
        }
        requireFinite(covarianceEigenvalues, "covariance eigenvalues");
        if (rotation.length != k || binEdges.length != k || counts.length != k) {
            throw new IllegalArgumentException("rotation, bin edges and counts must have " + k + " rows (one per descriptor mode)");
        }
        int bins = counts[0].length;
        if (bins < 3) {
            throw new IllegalArgumentException("histograms need at least 3 bins, got " + bins);
        }
        this.rotation = new double[k][];
        this.binEdges = new double[k][];
        this.counts = new long[k][];
        for (int j = 0; j < k; j++) {
            if (rotation[j].length != k) {
                throw new IllegalArgumentException("rotation must be " + k + " x " + k);
            }
            requireFinite(rotation[j], "rotation");
            if (counts[j].length != bins || binEdges[j].length != bins + 1) {
                throw new IllegalArgumentException("mode " + j + ": expected " + bins + " counts and " + (bins + 1) + " bin edges");
            }
            requireFinite(binEdges[j], "bin edges");
            for (int b = 0; b < bins; b++) {
                if (!(binEdges[j][b + 1] > binEdges[j][b])) {
                    throw new IllegalArgumentException("mode " + j + ": bin edges must increase strictly");
                }
                if (counts[j][b] < 0) {
                    throw new IllegalArgumentException("mode " + j + ": negative histogram count");
                }
            }
            this.rotation[j] = rotation[j].clone();
            this.binEdges[j] = binEdges[j].clone();
            this.counts[j] = counts[j].clone();
        }
        this.isosurface = isosurface;
        this.mean = mean.clone();
        this.covarianceEigenvalues = covarianceEigenvalues.clone();
    }

    static void requireFinite(double[] v, String what) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(what + " contains a non-finite value: " + x);
            }
        }
    }

    /** @return measured isosurface value h / U_0 (dimensionless) */
    public double isosurface() {
        return isosurface;
    }

    /** @return K */
    public int descriptorCount() {
        return mean.length;
    }

    /** @return B, bins per mode */
    public int binCount() {
        return counts[0].length;
    }

    /** @return copy of the mean descriptor, length K */
    public double[] mean() {
        return mean.clone();
    }

    /** @return copy of the covariance eigenvalues, length K */
    public double[] covarianceEigenvalues() {
        return covarianceEigenvalues.clone();
    }

    /** @return copy of the rotation, K x K, columns are eigenvectors */
    public double[][] rotation() {
        return deepCopy(rotation);
    }

    /** @return copy of the bin edges, K x (B+1), relative to the rotated mean */
    public double[][] binEdges() {
        return deepCopy(binEdges);
    }

    /** @return copy of the counts, K x B */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = counts[j].clone();
        }
        return c;
    }

    /**
     * @param k rotated mode index, 0 &lt;= k &lt; K
     * @return total sample count in the histogram of mode k (clipped samples excluded)
     */
    public long sampleCount(int k) {
        long s = 0;
        for (long c : counts[k]) {
            s += c;
        }
        return s;
    }

    /**
     * Bootstrap standard errors of the covariance eigenvalues (the variances of the rotated modes,
     * which fix the width of every one-dimensional entropy), by the Poisson bootstrap of each mode's
     * histogram (every bin count c redrawn as Poisson(c), the large-sample form of resampling the
     * samples with replacement; Hanley and MacGibbon, Comput. Methods Programs Biomed. 83, 57 (2006)),
     * each sample at its bin centre; the error is the standard deviation of the {@code replicas}
     * resampled variances. Uses only the compressed data, so it works for archives and imported
     * DescriptorDOS pickles alike; samples clipped outside the bins do not take part. Deterministic
     * for a given seed; cost about K x B x replicas random draws.
     *
     * @param replicas number of bootstrap resamples, at least 2 (e.g. 200)
     * @param seed random seed
     * @return length K, standard errors in the units of the eigenvalues (0 for a mode with fewer than 2 samples)
     * @throws IllegalArgumentException when replicas &lt; 2
     */
    public double[] covarianceEigenvalueBootstrapError(int replicas, long seed) {
        if (replicas < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 replicas, got " + replicas);
        }
        int k = counts.length;
        int bins = counts[0].length;
        double[] error = new double[k];
        org.apache.commons.math3.random.RandomGenerator rng = new org.apache.commons.math3.random.Well19937c(seed);
        long[][] draw = new long[replicas][bins];
        double[] centre = new double[bins];
        for (int m = 0; m < k; m++) {
            long n = 0;
            for (int b = 0; b < bins; b++) {
                n += counts[m][b];
                centre[b] = 0.5 * (binEdges[m][b] + binEdges[m][b + 1]);
                long c = counts[m][b];
                if (c > 0) {
                    org.apache.commons.math3.distribution.PoissonDistribution poisson =
                            new org.apache.commons.math3.distribution.PoissonDistribution(rng, c,
                                    org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_EPSILON,
                                    org.apache.commons.math3.distribution.PoissonDistribution.DEFAULT_MAX_ITERATIONS);
                    for (int r = 0; r < replicas; r++) {
                        draw[r][b] = poisson.sample();
                    }
                } else {
                    for (int r = 0; r < replicas; r++) {
                        draw[r][b] = 0;
                    }
                }
            }
            if (n < 2) {
                continue;
            }
            double s = 0;
            double s2 = 0;
            int used = 0;
            for (int r = 0; r < replicas; r++) {
                long total = 0;
                double mean = 0;
                for (int b = 0; b < bins; b++) {
                    total += draw[r][b];
                    mean += draw[r][b] * centre[b];
                }
                if (total < 2) {
                    continue;
                }
                mean /= total;
                double var = 0;
                for (int b = 0; b < bins; b++) {
                    double d = centre[b] - mean;
                    var += draw[r][b] * d * d;
                }
                var /= total;
                s += var;
                s2 += var * var;
                used++;
            }
            if (used >= 2) {
                double mu = s / used;
                error[m] = Math.sqrt(Math.max(0, (s2 / used - mu * mu) * used / (used - 1.0)));
            }
        }
        return error;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j].clone();
        }
        return c;
    }
}
