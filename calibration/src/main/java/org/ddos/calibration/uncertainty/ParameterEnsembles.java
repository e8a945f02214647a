package org.ddos.calibration.uncertainty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Parameter ensembles for forward uncertainty propagation: M x K matrices of theta, one member
 * per row, read from text (CSV or whitespace separated, {@code #} comments) or {@code .npy}
 * (float64, 2-D), or drawn from a Gaussian N(theta_0, Sigma) by Cholesky factorisation
 * (theta = theta_0 + L xi, Sigma = L L^T, xi standard normal; Commons Math Well19937c generator).
 */
public final class ParameterEnsembles {
    private ParameterEnsembles() {
    }

    /**
     * Reads a matrix from {@code .npy} (detected by its magic) or text.
     *
     * @param file the matrix file
     * @return rows [M][K], all finite
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming file, line and column on a malformed entry, ragged rows,
     *     an empty file or non-finite values
     */
    public static double[][] readMatrix(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        double[][] m = NpyArrays.looksLikeNpy(file) ? NpyArrays.read(file) : readText(file);
        if (m.length == 0 || m[0].length == 0) {
            throw new IllegalArgumentException(file + ": no values");
        }
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(file + ": row " + (i + 1) + " column " + (j + 1) + " is not finite ("
                            + m[i][j] + ")");
                }
            }
        }
        return m;
    }

    /**
     * Reads an ensemble and checks its width.
     *
     * @param file the ensemble file (see {@link #readMatrix})
     * @param descriptorCount K expected
     * @return the ensemble, rows [M][K] (one theta per row, eV per descriptor unit)
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the width differs from K (or see {@link #readMatrix})
     */
    public static double[][] read(Path file, int descriptorCount) throws IOException {
        double[][] m = readMatrix(file);
        if (m[0].length != descriptorCount) {
            throw new IllegalArgumentException(file + ": ensemble rows have " + m[0].length
                    + " values, but the phases have " + descriptorCount + " descriptor components (one theta per row)");
        }
        return m;
    }

    private static double[][] readText(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        int firstLine = 0;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,;\\s]+");
            double[] row = new double[parts.length];
            for (int j = 0; j < parts.length; j++) {
                try {
                    row[j] = Double.parseDouble(parts[j]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + " column " + (j + 1) + ": not a number '"
                            + parts[j] + "'");
                }
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + " column " + (j + 1) + ": not finite ("
                            + parts[j] + ")");
                }
            }
            if (width < 0) {
                width = row.length;
                firstLine = ln + 1;
            } else if (row.length != width) {
                throw new IllegalArgumentException(file + " line " + (ln + 1) + ": " + row.length + " values, but line "
                        + firstLine + " has " + width);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    /**
     * Draws M members of N(theta_0, Sigma).
     *
     * @param theta0 mean, length K
     * @param covariance Sigma, K x K, symmetric positive definite
     * @param members M &gt;= 1
     * @param seed random seed (the same seed gives the same ensemble)
     * @return M x K
     * @throws IllegalArgumentException when Sigma has the wrong shape, non-finite entries, is not
     *     symmetric, or is singular / not positive definite (Cholesky fails)
     */
    public static double[][] gaussian(double[] theta0, double[][] covariance, int members, long seed) {
        int k = theta0.length;
        if (members < 1) {
            throw new IllegalArgumentException("need at least one ensemble member, got " + members);
        }
        if (covariance.length != k) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows, theta has " + k + " components");
        }
        double max = 0;
        for (int i = 0; i < k; i++) {
            if (covariance[i].length != k) {
                throw new IllegalArgumentException("covariance row " + (i + 1) + " has " + covariance[i].length
                        + " values, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalArgumentException("covariance entry (" + (i + 1) + ", " + (j + 1) + ") is not finite");
                }
                max = Math.max(max, Math.abs(covariance[i][j]));
            }
        }
        RealMatrix l;
        try {
            l = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-10, 1e-12 * max).getL();
        } catch (NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("covariance is not symmetric: entries (" + (e.getRow() + 1) + ", "
                    + (e.getColumn() + 1) + ") and its transpose differ", e);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("covariance is singular or not positive definite (Cholesky pivot "
                    + e.getArgument() + " at row " + (e.getRow() + 1) + "); remove dependent directions or add a small"
                    + " diagonal term", e);
        }
        if (max == 0) {
            throw new IllegalArgumentException("covariance is zero (singular)");
        }
        double[][] lower = l.getData();
        RandomGenerator rng = new Well19937c(seed);
        double[][] out = new double[members][k];
        double[] xi = new double[k];
        for (int m = 0; m < members; m++) {
            for (int j = 0; j < k; j++) {
                xi[j] = rng.nextGaussian();
            }
            double[] row = out[m];
            for (int i = 0; i < k; i++) {
                double s = theta0[i];
                double[] li = lower[i];
                for (int j = 0; j <= i; j++) {
                    s += li[j] * xi[j];
                }
                row[i] = s;
            }
        }
        return out;
    }
}
