package org.ddos.calibration.tuning;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * A quadratic penalty R(theta) = (theta - theta_0)^T Q (theta - theta_0) keeping a calibration
 * near its starting parameters, held as a square-root factor L (Q = L^T L, p x K) so that it
 * enters a least-squares loss as the residuals L (theta - theta_0).
 *
 * <ul>
 *   <li>{@link #ridge}: Q = r I, the reference notebook's r |theta - theta_0|^2 (r = 5);</li>
 *   <li>{@link #quadraticForm}: a user Q, e.g. the Gram matrix X^T X of a training set's
 *       descriptors, so that fitted energies move as little as possible; L from its
 *       eigendecomposition, Q must be symmetric positive semidefinite.</li>
 * </ul>
 */
public final class Regulariser {
    private final int k;
    /** p x K. */
    private final double[][] factor;
    private final String description;

    private Regulariser(int k, double[][] factor, String description) {
        this.k = k;
        this.factor = factor;
        this.description = description;
    }

    /**
     * @param descriptorCount K
     * @return no penalty (no residual rows)
     */
    public static Regulariser none(int descriptorCount) {
        return new Regulariser(descriptorCount, new double[0][], "none");
    }

    /**
     * @param strength r &gt;= 0 (units of the loss per (eV per descriptor unit)^2)
     * @param descriptorCount K
     * @return R = r |theta - theta_0|^2 (L = sqrt(r) I); {@link #none} when r = 0
     * @throws IllegalArgumentException when r is negative or not finite
     */
    public static Regulariser ridge(double strength, int descriptorCount) {
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("ridge strength must be >= 0 and finite, got " + strength);
        }
        if (strength == 0) {
            return none(descriptorCount);
        }
        double s = Math.sqrt(strength);
        double[][] f = new double[descriptorCount][descriptorCount];
        for (int j = 0; j < descriptorCount; j++) {
            f[j][j] = s;
        }
        return new Regulariser(descriptorCount, f, "ridge " + strength);
    }

    /**
     * @param q K x K symmetric positive semidefinite matrix
     * @return R = dtheta^T Q dtheta, with L built from the eigenvectors of the non-negligible
     *     eigenvalues (L^T L = Q)
     * @throws IllegalArgumentException when q is not square, not symmetric (relative 1e-10),
     *     has non-finite entries or a negative eigenvalue (below -1e-10 of the largest)
     */
    public static Regulariser quadraticForm(double[][] q) {
        int k = q.length;
        double max = 0;
        for (int i = 0; i < k; i++) {
            if (q[i].length != k) {
                throw new IllegalArgumentException("quadratic form must be square: row " + i + " has " + q[i].length
                        + " columns, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(q[i][j])) {
                    throw new IllegalArgumentException("quadratic form entry (" + i + ", " + j + ") is not finite: " + q[i][j]);
                }
                max = Math.max(max, Math.abs(q[i][j]));
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(q[i][j] - q[j][i]) > 1e-10 * max) {
                    throw new IllegalArgumentException("quadratic form is not symmetric: (" + i + ", " + j + ") = " + q[i][j]
                            + " but (" + j + ", " + i + ") = " + q[j][i]);
                }
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(q));
        double[] lambda = eig.getRealEigenvalues();
        double top = Arrays.stream(lambda).map(Math::abs).max().orElse(0);
        int p = 0;
        double[][] f = new double[k][];
        for (int i = 0; i < k; i++) {
            if (lambda[i] < -1e-10 * top) {
                throw new IllegalArgumentException("quadratic form is not positive semidefinite: eigenvalue " + lambda[i]
                        + " (largest " + top + ")");
            }
            if (lambda[i] > 1e-14 * top) {
                RealVector v = eig.getEigenvector(i);
                double s = Math.sqrt(lambda[i]);
                double[] row = new double[k];
                for (int j = 0; j < k; j++) {
                    row[j] = s * v.getEntry(j);
                }
                f[p++] = row;
            }
        }
        return new Regulariser(k, Arrays.copyOf(f, p), "quadratic form (rank " + p + ")");
    }

    /**
     * @param other a regulariser on the same K parameters
     * @return the sum of both penalties (rows of L stacked)
     * @throws IllegalArgumentException when the parameter counts differ
     */
    public Regulariser plus(Regulariser other) {
        if (other.k != k) {
            throw new IllegalArgumentException("regularisers for " + other.k + " and " + k + " parameters cannot be added");
        }
        double[][] f = Arrays.copyOf(factor, factor.length + other.factor.length);
        System.arraycopy(other.factor, 0, f, factor.length, other.factor.length);
        String d = factor.length == 0 ? other.description : other.factor.length == 0 ? description
                : description + " + " + other.description;
        return new Regulariser(k, f, d);
    }

    /** @return p, the number of residual rows */
    public int residualCount() {
        return factor.length;
    }

    /** @return a description such as "ridge 5.0" */
    public String description() {
        return description;
    }

    /** @return row i of L, a view (do not modify) */
    double[] factorRow(int i) {
        return factor[i];
    }

    /** @return K, the row length of L */
    int factorRowLength() {
        return k;
    }

    /**
     * @param dtheta theta - theta_0, length K
     * @return R = |L dtheta|^2 for dtheta = theta - theta_0
     */
    public double value(double[] dtheta) {
        double s = 0;
        for (double[] row : factor) {
            double r = LinearConstraints.dot(row, dtheta);
            s += r * r;
        }
        return s;
    }
}
