package org.ddos.descriptors.hessian;

import java.util.Arrays;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Normal modes of a structure: the eigen-decomposition of the mass-weighted Hessian
 * D = M^-1/2 H M^-1/2 (EJML symmetric eigensolver), modes sorted by increasing eigenvalue.
 *
 * <ul>
 *   <li>{@link #eigenvalues()}: length 3N, lambda_l in eV/(Å^2 amu), ascending.</li>
 *   <li>{@link #frequencies()}: omega_l = sqrt(lambda_l c) in rad/ps with
 *       c = {@link PhysicalConstants#EV_PER_AMU_ANGSTROM2_IN_PS2}; a negative (unstable) lambda
 *       gives a negative omega = -sqrt(|lambda| c) by convention.</li>
 *   <li>{@link #eigenvector(int)}: the mass-weighted, orthonormal eigenvector, length 3N, index 3i+xyz;
 *       Cartesian displacements are e[3i+x] / sqrt(m_i).</li>
 *   <li>{@link #translationModes()}: the three modes spanning rigid translations (largest overlap
 *       with the mass-weighted translation vectors sqrt(m_i) e_x); for a periodic crystal they
 *       have eigenvalue zero up to finite-difference noise.</li>
 * </ul>
 */
public final class NormalModes {
    private final double[] eigenvalues;
    private final DMatrixRMaj vectors; // columns are eigenvectors, 3N x 3N
    private final int[] translationModes;

    private NormalModes(double[] eigenvalues, DMatrixRMaj vectors, int[] translationModes) {
        this.eigenvalues = eigenvalues;
        this.vectors = vectors;
        this.translationModes = translationModes;
    }

    /**
     * Hessian (default step, min(2, available processors) threads) and its normal modes.
     *
     * @param potential any potential with forces
     * @param structure the reference structure (usually a relaxed crystal)
     * @return the normal modes
     * @throws IllegalStateException when the eigensolver fails
     */
    public static NormalModes of(Potential potential, Structure structure) {
        return of(HessianCalculator.hessian(potential, structure), structure);
    }

    /**
     * @param hessian symmetric 3N x 3N Hessian in eV/Å^2 (e.g. from {@link HessianCalculator})
     * @param structure the structure it belongs to (masses)
     * @return the normal modes
     * @throws IllegalArgumentException on a size mismatch or a non-symmetric Hessian
     * @throws IllegalStateException when the eigensolver fails
     */
    public static NormalModes of(DMatrixRMaj hessian, Structure structure) {
        int n = 3 * structure.atomCount();
        double scale = 0;
        for (double v : hessian.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < hessian.numRows; a++) {
            for (int b = a + 1; b < hessian.numCols; b++) {
                if (Math.abs(hessian.get(a, b) - hessian.get(b, a)) > 1e-9 * scale) {
                    throw new IllegalArgumentException("Hessian is not symmetric at (" + a + ", " + b + "): "
                            + hessian.get(a, b) + " vs " + hessian.get(b, a));
                }
            }
        }
        DMatrixRMaj d = HessianCalculator.massWeighted(hessian, structure);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(d)) {
            throw new IllegalStateException("symmetric eigendecomposition failed for a " + n + " x " + n + " Hessian");
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int l = 0; l < n; l++) {
            order[l] = l;
            values[l] = eig.getEigenvalue(l).real;
        }
        Arrays.sort(order, (u, v) -> Double.compare(values[u], values[v]));
        double[] sorted = new double[n];
        DMatrixRMaj vec = new DMatrixRMaj(n, n);
        for (int l = 0; l < n; l++) {
            sorted[l] = values[order[l]];
            DMatrixRMaj v = eig.getEigenVector(order[l]);
            double norm = 0;
            for (int a = 0; a < n; a++) {
                norm += v.data[a] * v.data[a];
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < n; a++) {
                vec.set(a, l, v.data[a] / norm);
            }
        }
        // overlap of each mode with the mass-weighted translations
        double[][] t = new double[3][n];
        for (int x = 0; x < 3; x++) {
            double norm = 0;
            for (int i = 0; i < structure.atomCount(); i++) {
                t[x][3 * i + x] = Math.sqrt(structure.massOf(i));
                norm += structure.massOf(i);
            }
            for (int a = 0; a < n; a++) {
                t[x][a] /= Math.sqrt(norm);
            }
        }
        double[] overlap = new double[n];
        for (int l = 0; l < n; l++) {
            for (int x = 0; x < 3; x++) {
                double dot = 0;
                for (int a = 0; a < n; a++) {
                    dot += t[x][a] * vec.get(a, l);
                }
                overlap[l] += dot * dot;
            }
        }
        Integer[] byOverlap = new Integer[n];
        for (int l = 0; l < n; l++) {
            byOverlap[l] = l;
        }
        Arrays.sort(byOverlap, (u, v) -> Double.compare(overlap[v], overlap[u]));
        int[] translations = {byOverlap[0], byOverlap[1], byOverlap[2]};
        Arrays.sort(translations);
        return new NormalModes(sorted, vec, translations);
    }

    /** @return 3N */
    public int modeCount() {
        return eigenvalues.length;
    }

    /** @return eigenvalues of the mass-weighted Hessian, eV/(Å^2 amu), ascending (copy) */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return angular frequencies in rad/ps, ascending; negative for unstable modes (copy) */
    public double[] frequencies() {
        double[] w = new double[eigenvalues.length];
        for (int l = 0; l < w.length; l++) {
            double w2 = eigenvalues[l] * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2;
            w[l] = Math.signum(w2) * Math.sqrt(Math.abs(w2));
        }
        return w;
    }

    /**
     * @param l mode index, 0 &lt;= l &lt; 3N (ascending eigenvalue)
     * @return the orthonormal mass-weighted eigenvector of mode l, length 3N (copy)
     */
    public double[] eigenvector(int l) {
        double[] v = new double[eigenvalues.length];
        for (int a = 0; a < v.length; a++) {
            v[a] = vectors.get(a, l);
        }
        return v;
    }

    /** @return the indices of the three translational modes, ascending */
    public int[] translationModes() {
        return translationModes.clone();
    }

    /**
     * @param l mode index, 0 &lt;= l &lt; 3N
     * @return true when mode l is one of the three translations
     */
    public boolean isTranslation(int l) {
        return l == translationModes[0] || l == translationModes[1] || l == translationModes[2];
    }

    /**
     * @return the indices of the non-translational modes with positive eigenvalue, ascending (all
     *     3N - 3 of them at a stable minimum)
     */
    public int[] stableModes() {
        return java.util.stream.IntStream.range(0, eigenvalues.length)
                .filter(l -> !isTranslation(l) && eigenvalues[l] > 0).toArray();
    }

    /**
     * The log-mean of the eigenvalues of the 3N - 3 non-translational modes,
     * (1 / (3N - 3)) sum_l ln lambda_l with lambda in eV/(Å^2 amu) (the quantity that fixes the
     * harmonic free energy: F_H = (k_B T / N) sum_l ln(hbar omega_l / k_B T)).
     *
     * @return (1 / (3N - 3)) sum_l ln lambda_l, lambda in eV/(Å^2 amu)
     * @throws IllegalStateException when a non-translational mode is not positive (the structure
     *     is not a stable minimum), naming the mode and its eigenvalue
     */
    public double logMeanEigenvalue() {
        double sum = 0;
        int count = 0;
        for (int l = 0; l < eigenvalues.length; l++) {
            if (isTranslation(l)) {
                continue;
            }
            if (!(eigenvalues[l] > 0)) {
                throw new IllegalStateException("mode " + l + " has eigenvalue " + eigenvalues[l]
                        + " eV/(Å^2 amu): the structure is not a stable minimum");
            }
            sum += Math.log(eigenvalues[l]);
            count++;
        }
        return sum / count;
    }

    /** @return the log-mean angular frequency (1/(3N-3)) sum_l ln omega_l, omega in rad/ps */
    public double logMeanFrequency() {
        return 0.5 * (logMeanEigenvalue() + Math.log(PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2));
    }
}
