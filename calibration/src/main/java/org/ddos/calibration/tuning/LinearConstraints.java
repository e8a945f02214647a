package org.ddos.calibration.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RRQRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Linear equality constraints A theta = b held exactly during calibration, by moving only in the
 * null space of A: theta = theta_c + N z with N an orthonormal K x (K - rank) basis of null(A)
 * and theta_c the point of the constraint set nearest to theta_0.
 *
 * <p>Rows are e.g. D_0^B - D_0^A (hold a 0 K energy difference) or the descriptors of training
 * structures (hold their energies). Dependent rows are allowed when their values are consistent;
 * inconsistent ones make {@link #feasiblePoint} throw {@link InfeasibleConstraintsException}.
 * Rank and null space come from a rank-revealing QR of A^T (Apache Commons Math).
 */
public final class LinearConstraints {
    /** Relative tolerance for a constraint to count as met: |a.theta - b| &lt;= tol (|a||theta| + |b|). */
    public static final double RELATIVE_TOLERANCE = 1e-10;

    private final int k;
    private final double[][] rows;
    private final double[] values;
    private final List<String> names;
    private final int rank;
    /** K x (K - rank), orthonormal columns. */
    private final double[][] nullSpace;
    /** K x rank, orthonormal basis of the row space. */
    private final double[][] rowSpace;

    /**
     * @param descriptorCount K
     * @param rows m x K constraint rows (copied)
     * @param values length m right-hand sides b (copied)
     * @param names length m labels used in messages and reports
     * @throws IllegalArgumentException on wrong widths, non-finite entries or a zero row
     */
    public LinearConstraints(int descriptorCount, double[][] rows, double[] values, List<String> names) {
        if (descriptorCount < 1) {
            throw new IllegalArgumentException("descriptor count must be positive, got " + descriptorCount);
        }
        if (rows.length != values.length || rows.length != names.size()) {
            throw new IllegalArgumentException("constraints: " + rows.length + " rows, " + values.length + " values, "
                    + names.size() + " names");
        }
        this.k = descriptorCount;
        this.rows = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != k) {
                throw new IllegalArgumentException("constraint '" + names.get(i) + "' has " + rows[i].length
                        + " columns, theta has " + k);
            }
            double norm = 0;
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("constraint '" + names.get(i) + "' column " + j + " is not finite: " + rows[i][j]);
                }
                norm += rows[i][j] * rows[i][j];
            }
            if (norm == 0) {
                throw new IllegalArgumentException("constraint '" + names.get(i) + "' is a zero row");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("constraint '" + names.get(i) + "' value is not finite: " + values[i]);
            }
            this.rows[i] = rows[i].clone();
        }
        this.values = values.clone();
        this.names = List.copyOf(names);
        if (rows.length == 0) {
            rank = 0;
            nullSpace = new double[k][k];
            for (int j = 0; j < k; j++) {
                nullSpace[j][j] = 1;
            }
            rowSpace = new double[k][0];
            return;
        }
        RealMatrix at = new Array2DRowRealMatrix(this.rows).transpose();
        RRQRDecomposition qr = new RRQRDecomposition(at, 0);
        double maxRow = 0;
        for (double[] r : this.rows) {
            maxRow = Math.max(maxRow, Math.sqrt(dot(r, r)));
        }
        rank = qr.getRank(1e-12 * maxRow);
        RealMatrix q = qr.getQ();
        nullSpace = new double[k][k - rank];
        rowSpace = new double[k][rank];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < rank; c++) {
                rowSpace[j][c] = q.getEntry(j, c);
            }
            for (int c = rank; c < k; c++) {
                nullSpace[j][c - rank] = q.getEntry(j, c);
            }
        }
    }

    /**
     * @param descriptorCount K (&gt;= 1)
     * @return no constraints for K parameters (N is the K x K identity)
     * @throws IllegalArgumentException when K &lt; 1
     */
    public static LinearConstraints none(int descriptorCount) {
        return new LinearConstraints(descriptorCount, new double[0][], new double[0], List.of());
    }

    /**
     * Constraints that hold a . theta at its value for theta0.
     *
     * @param theta0 length K
     * @param rows m x K
     * @param names m labels
     * @return the constraints a_i . theta = a_i . theta0
     * @throws IllegalArgumentException when a row's width differs from theta0's length, or as
     *     the constructor
     */
    public static LinearConstraints holding(double[] theta0, double[][] rows, List<String> names) {
        double[] b = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != theta0.length) {
                throw new IllegalArgumentException("constraint '" + names.get(i) + "' has " + rows[i].length
                        + " columns, theta has " + theta0.length);
            }
            b[i] = dot(rows[i], theta0);
        }
        return new LinearConstraints(theta0.length, rows, b, names);
    }

    /**
     * @param other constraints on the same K parameters
     * @return these constraints followed by other's (same K)
     * @throws IllegalArgumentException when the parameter counts differ
     */
    public LinearConstraints and(LinearConstraints other) {
        if (other.k != k) {
            throw new IllegalArgumentException("constraints for " + other.k + " and " + k + " parameters cannot be combined");
        }
        double[][] r = Arrays.copyOf(rows, rows.length + other.rows.length);
        System.arraycopy(other.rows, 0, r, rows.length, other.rows.length);
        double[] v = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, v, values.length, other.values.length);
        List<String> n = new ArrayList<>(names);
        n.addAll(other.names);
        return new LinearConstraints(k, r, v, n);
    }

    /** @return m, the number of constraint rows */
    public int count() {
        return rows.length;
    }

    /** @return the rank of A (number of independent constraints) */
    public int rank() {
        return rank;
    }

    /** @return K - rank, the dimension of the free subspace */
    public int freeDimension() {
        return k - rank;
    }

    /** @return the constraint labels */
    public List<String> names() {
        return names;
    }

    /** @return b, a copy */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param i row index, 0 &lt;= i &lt; m
     * @return row i, a copy (length K)
     */
    public double[] row(int i) {
        return rows[i].clone();
    }

    /**
     * theta = theta_c + N z, written into out (length K).
     *
     * @param thetaC a feasible point, length K (from {@link #feasiblePoint})
     * @param z reduced coordinates, length K - rank
     * @param out result, length K (may not alias z)
     */
    public void expand(double[] thetaC, double[] z, double[] out) {
        System.arraycopy(thetaC, 0, out, 0, k);
        int f = k - rank;
        for (int j = 0; j < k; j++) {
            double s = 0;
            double[] n = nullSpace[j];
            for (int c = 0; c < f; c++) {
                s += n[c] * z[c];
            }
            out[j] += s;
        }
    }

    /**
     * Reduced gradient N^T g (length K - rank) of a full gradient g (length K).
     *
     * @param g full gradient, length K
     * @param out reduced gradient, length at least K - rank (the first K - rank entries are written)
     */
    public void reduce(double[] g, double[] out) {
        int f = k - rank;
        Arrays.fill(out, 0, f, 0);
        for (int j = 0; j < k; j++) {
            double gj = g[j];
            double[] n = nullSpace[j];
            for (int c = 0; c < f; c++) {
                out[c] += n[c] * gj;
            }
        }
    }

    /**
     * The point of {theta : A theta = b} nearest to theta0 (Euclidean).
     *
     * @param theta0 starting parameters, length K
     * @return a new array, theta0 plus the least-squares correction in the row space of A
     * @throws IllegalArgumentException when theta0 does not have length K
     * @throws InfeasibleConstraintsException when the rows are dependent with inconsistent values
     */
    public double[] feasiblePoint(double[] theta0) {
        if (theta0.length != k) {
            throw new IllegalArgumentException("theta has length " + theta0.length + ", constraints expect " + k);
        }
        double[] theta = theta0.clone();
        if (rank > 0) {
            int m = rows.length;
            double[][] aq = new double[m][rank];
            double[] rhs = new double[m];
            for (int i = 0; i < m; i++) {
                rhs[i] = values[i] - dot(rows[i], theta0);
                for (int c = 0; c < rank; c++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += rows[i][j] * rowSpace[j][c];
                    }
                    aq[i][c] = s;
                }
            }
            double[] y = new QRDecomposition(new Array2DRowRealMatrix(aq, false)).getSolver()
                    .solve(new ArrayRealVector(rhs, false)).toArray();
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < rank; c++) {
                    theta[j] += rowSpace[j][c] * y[c];
                }
            }
        }
        check(theta);
        return theta;
    }

    /**
     * @param theta parameters, length K
     * @return A theta - b, length m
     */
    public double[] residuals(double[] theta) {
        double[] r = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            r[i] = dot(rows[i], theta) - values[i];
        }
        return r;
    }

    /**
     * @param theta parameters, length K
     * @return max_i |a_i . theta - b_i| (0 without constraints)
     */
    public double maxResidual(double[] theta) {
        double m = 0;
        for (double r : residuals(theta)) {
            m = Math.max(m, Math.abs(r));
        }
        return m;
    }

    /**
     * Checks every constraint to within {@link #RELATIVE_TOLERANCE}.
     *
     * @param theta parameters, length K
     * @throws InfeasibleConstraintsException naming the first violated constraint
     */
    public void check(double[] theta) {
        double tn = Math.sqrt(dot(theta, theta));
        for (int i = 0; i < rows.length; i++) {
            double r = dot(rows[i], theta) - values[i];
            double tol = RELATIVE_TOLERANCE * (Math.sqrt(dot(rows[i], rows[i])) * tn + Math.abs(values[i])) + 1e-300;
            if (!(Math.abs(r) <= tol)) {
                throw new InfeasibleConstraintsException("constraint '" + names.get(i) + "' cannot be met: residual "
                        + r + " (value " + values[i] + "); the constraint rows are linearly dependent with inconsistent values"
                        + " (rank " + rank + " of " + rows.length + " rows)");
            }
        }
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * y[j];
        }
        return s;
    }

    /** Thrown when constraints cannot hold simultaneously, or a result would violate them. */
    public static final class InfeasibleConstraintsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @param message names the violated constraint, its residual and value */
        public InfeasibleConstraintsException(String message) {
            super(message);
        }
    }
}
