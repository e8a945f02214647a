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

    /** @return total sample count in the histogram of mode k */
    public long sampleCount(int k) {
        long s = 0;
        for (long c : counts[k]) {
            s += c;
        }
        return s;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j].clone();
        }
        return c;
    }
}
