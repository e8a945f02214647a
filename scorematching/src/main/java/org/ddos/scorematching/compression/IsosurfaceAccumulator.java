package org.ddos.scorematching.compression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;

/**
 * Streaming, mergeable compression of the descriptor samples of one isosurface ("rank-one"
 * tensor compression of DescriptorDOS, Swinburne et al. arXiv:2502.18191): a fixed rotation W
 * and fixed absolute histogram bins (both set once from a pilot batch, see {@link PilotCompression}),
 * one histogram per rotated mode, and exact sums of D, y = D.W and y^2.
 *
 * <p>Memory is independent of the number of samples. Sums are kept exactly (BigDecimal of the
 * double values), so the result does not depend on the order in which samples are added: the same
 * samples give bit-identical statistics whatever the thread count, and shards merge exactly.
 * Samples whose projection falls outside a mode's bins are not histogrammed for that mode and are
 * counted in {@link #clipped()}.
 *
 * <p>Shapes (K descriptor components, B bins): rotation K x K (columns are eigenvectors, as
 * {@link IsosurfaceStatistics}); absolute edges K x (B+1) in rotated descriptor units (not relative
 * to the mean); counts K x B.
 */
public final class IsosurfaceAccumulator {
    private final double isosurface;
    private final double[][] rotation;
    private final double[][] edges;
    private final long[][] counts;
    private final long[] clipped;
    private final BigDecimal[] sumD;
    private final BigDecimal[] sumY;
    private final BigDecimal[] sumY2;
    private long sampleCount;

    /**
     * An empty accumulator.
     *
     * @param isosurface h / U_0 of the isosurface (positive)
     * @param rotation K x K, columns are eigenvectors
     * @param absoluteEdges K x (B+1), strictly increasing per mode, rotated descriptor units
     * @throws IllegalArgumentException on inconsistent shapes, a non-positive isosurface value, fewer
     *     than 3 bins or non-increasing edges
     */
    public IsosurfaceAccumulator(double isosurface, double[][] rotation, double[][] absoluteEdges) {
        this(isosurface, rotation, absoluteEdges, null, null, null, null, null, 0);
    }

    /**
     * Full state (used by the archive reader); null {@code counts} means "empty", and the other
     * state arrays are then ignored.
     *
     * @param isosurface h / U_0 of the isosurface (positive)
     * @param rotation K x K, columns are eigenvectors; copied
     * @param absoluteEdges K x (B+1), strictly increasing per mode, rotated descriptor units; copied
     * @param counts K x B histogram counts, or null for an empty accumulator; copied
     * @param clipped per mode, samples outside the bins, length K
     * @param sumD exact sums of D_j, length K
     * @param sumY exact sums of y_m, length K
     * @param sumY2 exact sums of y_m^2, length K
     * @param sampleCount samples added (&gt;= 0)
     * @throws IllegalArgumentException on inconsistent shapes, a non-positive isosurface value, fewer
     *     than 3 bins, non-increasing edges or a negative sample count
     */
    public IsosurfaceAccumulator(double isosurface, double[][] rotation, double[][] absoluteEdges, long[][] counts,
            long[] clipped, BigDecimal[] sumD, BigDecimal[] sumY, BigDecimal[] sumY2, long sampleCount) {
        int k = rotation.length;
        if (!(isosurface > 0) || k == 0 || absoluteEdges.length != k) {
            throw new IllegalArgumentException("accumulator needs a positive isosurface value and K x K rotation, "
                    + "K x (B+1) edges; got isosurface " + isosurface + ", K = " + k + ", " + absoluteEdges.length + " edge rows");
        }
        int bins = absoluteEdges[0].length - 1;
        if (bins < 3) {
            throw new IllegalArgumentException("at least 3 bins required, got " + bins);
        }
        this.isosurface = isosurface;
        this.rotation = new double[k][];
        this.edges = new double[k][];
        for (int j = 0; j < k; j++) {
            if (rotation[j].length != k || absoluteEdges[j].length != bins + 1) {
                throw new IllegalArgumentException("row " + j + ": rotation must be K x K and edges K x (B+1)");
            }
            for (int b = 0; b < bins; b++) {
                if (!(absoluteEdges[j][b + 1] > absoluteEdges[j][b])) {
                    throw new IllegalArgumentException("mode " + j + ": bin edges must increase strictly");
                }
            }
            this.rotation[j] = rotation[j].clone();
            this.edges[j] = absoluteEdges[j].clone();
        }
        this.counts = new long[k][bins];
        this.clipped = new long[k];
        this.sumD = new BigDecimal[k];
        this.sumY = new BigDecimal[k];
        this.sumY2 = new BigDecimal[k];
        Arrays.fill(this.sumD, BigDecimal.ZERO);
        Arrays.fill(this.sumY, BigDecimal.ZERO);
        Arrays.fill(this.sumY2, BigDecimal.ZERO);
        if (counts != null) {
            if (counts.length != k || clipped.length != k || sumD.length != k || sumY.length != k || sumY2.length != k) {
                throw new IllegalArgumentException("accumulator state arrays must have K = " + k + " rows");
            }
            for (int j = 0; j < k; j++) {
                if (counts[j].length != bins) {
                    throw new IllegalArgumentException("counts must be K x B");
                }
                this.counts[j] = counts[j].clone();
            }
            System.arraycopy(clipped, 0, this.clipped, 0, k);
            System.arraycopy(sumD, 0, this.sumD, 0, k);
            System.arraycopy(sumY, 0, this.sumY, 0, k);
            System.arraycopy(sumY2, 0, this.sumY2, 0, k);
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("negative sample count");
        }
        this.sampleCount = sampleCount;
    }

    /**
     * Adds one sample.
     *
     * @param d the per-atom mean descriptor, length K
     * @param work scratch of length K (not allocated here)
     */
    public void add(double[] d, double[] work) {
        int k = rotation.length;
        int bins = counts[0].length;
        for (int m = 0; m < k; m++) {
            double y = 0;
            for (int j = 0; j < k; j++) {
                y += d[j] * rotation[j][m];
            }
            work[m] = y;
        }
        for (int m = 0; m < k; m++) {
            double y = work[m];
            double[] e = edges[m];
            if (y < e[0] || y >= e[bins]) {
                clipped[m]++;
            } else {
                int b = (int) ((y - e[0]) / (e[bins] - e[0]) * bins);
                b = Math.min(Math.max(b, 0), bins - 1);
                while (b > 0 && y < e[b]) {
                    b--;
                }
                while (b < bins - 1 && y >= e[b + 1]) {
                    b++;
                }
                counts[m][b]++;
            }
            BigDecimal by = new BigDecimal(y);
            sumY[m] = sumY[m].add(by);
            sumY2[m] = sumY2[m].add(by.multiply(by));
            sumD[m] = sumD[m].add(new BigDecimal(d[m]));
        }
        sampleCount++;
    }

    /**
     * Adds another accumulator of the same isosurface, rotation and bins exactly.
     *
     * @param other accumulator of another shard of the same isosurface
     * @throws IllegalArgumentException when the isosurface value, rotation or edges differ (the
     *     two do not belong to the same campaign)
     */
    public void merge(IsosurfaceAccumulator other) {
        if (Double.compare(isosurface, other.isosurface) != 0) {
            throw new IllegalArgumentException("isosurface values differ: " + isosurface + " vs " + other.isosurface);
        }
        if (!Arrays.deepEquals(rotation, other.rotation)) {
            throw new IllegalArgumentException("isosurface " + isosurface + ": rotations differ (different pilot batch, seed or descriptor)");
        }
        if (!Arrays.deepEquals(edges, other.edges)) {
            throw new IllegalArgumentException("isosurface " + isosurface + ": histogram bins differ");
        }
        for (int m = 0; m < rotation.length; m++) {
            for (int b = 0; b < counts[m].length; b++) {
                counts[m][b] += other.counts[m][b];
            }
            clipped[m] += other.clipped[m];
            sumD[m] = sumD[m].add(other.sumD[m]);
            sumY[m] = sumY[m].add(other.sumY[m]);
            sumY2[m] = sumY2[m].add(other.sumY2[m]);
        }
        sampleCount += other.sampleCount;
    }

    /**
     * The compressed statistics: mean D, variances of the rotated modes (the covariance eigenvalues
     * in the fixed rotation), the rotation, edges relative to the rotated mean, counts.
     *
     * @return the statistics, with means rounded from exact sums (128-bit decimal division)
     * @throws IllegalStateException when no sample was added
     */
    public IsosurfaceStatistics statistics() {
        if (sampleCount == 0) {
            throw new IllegalStateException("isosurface " + isosurface + ": no samples");
        }
        int k = rotation.length;
        BigDecimal n = BigDecimal.valueOf(sampleCount);
        double[] mean = new double[k];
        double[] variance = new double[k];
        for (int m = 0; m < k; m++) {
            mean[m] = sumD[m].divide(n, MathContext.DECIMAL128).doubleValue();
            BigDecimal my = sumY[m].divide(n, MathContext.DECIMAL128);
            variance[m] = Math.max(0, sumY2[m].divide(n, MathContext.DECIMAL128).subtract(my.multiply(my)).doubleValue());
        }
        double[][] rel = new double[k][];
        for (int m = 0; m < k; m++) {
            double mu = 0;
            for (int j = 0; j < k; j++) {
                mu += mean[j] * rotation[j][m];
            }
            rel[m] = new double[edges[m].length];
            for (int b = 0; b < rel[m].length; b++) {
                rel[m][b] = edges[m][b] - mu;
            }
        }
        return new IsosurfaceStatistics(isosurface, mean, variance, rotation, rel, counts);
    }

    /** @return a deep copy */
    public IsosurfaceAccumulator copy() {
        return new IsosurfaceAccumulator(isosurface, rotation, edges, counts, clipped, sumD, sumY, sumY2, sampleCount);
    }

    /** @return h / U_0 of the isosurface */
    public double isosurface() {
        return isosurface;
    }

    /** @return samples added (clipped ones included) */
    public long sampleCount() {
        return sampleCount;
    }

    /** @return K */
    public int descriptorCount() {
        return rotation.length;
    }

    /** @return B */
    public int binCount() {
        return counts[0].length;
    }

    /** @return copy of the rotation, K x K */
    public double[][] rotation() {
        return deep(rotation);
    }

    /** @return copy of the absolute edges, K x (B+1) */
    public double[][] absoluteEdges() {
        return deep(edges);
    }

    /** @return copy of the counts, K x B */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = counts[j].clone();
        }
        return c;
    }

    /** @return per mode, samples outside the bins (copy) */
    public long[] clipped() {
        return clipped.clone();
    }

    /** @return exact sums of D_j (copy, length K) */
    public BigDecimal[] sumDescriptor() {
        return sumD.clone();
    }

    /** @return exact sums of y_m (copy) */
    public BigDecimal[] sumProjection() {
        return sumY.clone();
    }

    /** @return exact sums of y_m^2 (copy) */
    public BigDecimal[] sumProjectionSquared() {
        return sumY2.clone();
    }

    /**
     * @param o another accumulator
     * @return true when both hold the same state exactly
     */
    public boolean sameState(IsosurfaceAccumulator o) {
        return Double.compare(isosurface, o.isosurface) == 0 && sampleCount == o.sampleCount
                && Arrays.deepEquals(rotation, o.rotation) && Arrays.deepEquals(edges, o.edges)
                && Arrays.deepEquals(counts, o.counts) && Arrays.equals(clipped, o.clipped)
                && Arrays.equals(sumD, o.sumD) && Arrays.equals(sumY, o.sumY) && Arrays.equals(sumY2, o.sumY2);
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j].clone();
        }
        return c;
    }
}
