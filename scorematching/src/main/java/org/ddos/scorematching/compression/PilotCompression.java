package org.ddos.scorematching.compression;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Fixes the rotation and the histogram bins of an isosurface from a first ("pilot") batch of
 * samples, as DescriptorDOS sets its bins from a first batch: the covariance of the pilot batch is
 * diagonalised (EJML symmetric eigensolver; eigenvalues ascending, each eigenvector's largest
 * component made positive so the result is reproducible), the pilot samples are projected on the
 * eigenvectors, and each mode gets B equal bins spanning its [0.5 %, 99.5 %] percentile range
 * widened by {@link #MARGIN} of that range on each side (later samples outside are clipped).
 */
public final class PilotCompression {
    /** Lower and upper percentile of the pilot projections that set a mode's range. */
    public static final double LOW_PERCENTILE = 0.005;
    /** Upper percentile. */
    public static final double HIGH_PERCENTILE = 0.995;
    /** Fraction of the percentile range added on each side. */
    public static final double MARGIN = 0.25;

    private PilotCompression() {
    }

    /**
     * @param isosurface h / U_0
     * @param samples P x K pilot descriptors (P &gt;= 10)
     * @param bins B, at least 3
     * @return an empty accumulator with the pilot's rotation and bins
     * @throws IllegalArgumentException on too few samples or bins
     */
    public static IsosurfaceAccumulator fromPilot(double isosurface, double[][] samples, int bins) {
        int p = samples.length;
        if (p < 10) {
            throw new IllegalArgumentException("the pilot batch needs at least 10 samples, got " + p);
        }
        if (bins < 3) {
            throw new IllegalArgumentException("at least 3 bins required, got " + bins);
        }
        int k = samples[0].length;
        double[] mean = new double[k];
        for (double[] s : samples) {
            for (int j = 0; j < k; j++) {
                mean[j] += s[j];
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= p;
        }
        DMatrixRMaj cov = new DMatrixRMaj(k, k);
        for (double[] s : samples) {
            for (int a = 0; a < k; a++) {
                double da = s[a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    cov.data[a * k + b] += da * (s[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double v = cov.data[a * k + b] / (p - 1);
                cov.data[a * k + b] = v;
                cov.data[b * k + a] = v;
            }
        }
        double[][] rotation = eigenvectors(cov);
        double[][] edges = new double[k][bins + 1];
        double[] y = new double[p];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < p; i++) {
                double v = 0;
                for (int j = 0; j < k; j++) {
                    v += samples[i][j] * rotation[j][m];
                }
                y[i] = v;
            }
            Arrays.sort(y);
            double lo = percentile(y, LOW_PERCENTILE);
            double hi = percentile(y, HIGH_PERCENTILE);
            double width = hi - lo;
            double centre = 0.5 * (hi + lo);
            double minWidth = 1e-9 * Math.max(Math.abs(centre), 1e-12);
            if (!(width > minWidth)) {
                width = minWidth;
            }
            lo = centre - 0.5 * width - MARGIN * width;
            double step = width * (1 + 2 * MARGIN) / bins;
            for (int b = 0; b <= bins; b++) {
                edges[m][b] = lo + b * step;
            }
        }
        return new IsosurfaceAccumulator(isosurface, rotation, edges);
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        double f = pos - i;
        return sorted[i] * (1 - f) + sorted[j] * f;
    }

    /** @return K x K eigenvectors as columns, ascending eigenvalues, largest |component| positive */
    static double[][] eigenvectors(DMatrixRMaj symmetric) {
        int k = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("eigendecomposition of the pilot covariance failed");
        }
        Integer[] order = new Integer[k];
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[][] rot = new double[k][k];
        for (int c = 0; c < k; c++) {
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            int big = 0;
            for (int j = 1; j < k; j++) {
                if (Math.abs(v.data[j]) > Math.abs(v.data[big])) {
                    big = j;
                }
            }
            double sign = v.data[big] < 0 ? -1 : 1;
            for (int j = 0; j < k; j++) {
                rot[j][c] = sign * v.data[j];
            }
        }
        return rot;
    }
}
