package org.ddos.scorematching.sampling;

import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ejml.data.DMatrixRMaj;

/**
 * The harmonic reference of a campaign: the stable normal modes of the Hessian H (eV/Å^2) of a
 * reference potential at the lattice, with the three translations removed.
 *
 * <p>Single species only: then the eigenvectors of the mass-weighted Hessian are those of H and
 * the stiffnesses are k_l = m lambda_l (eV/Å^2). {@code modes[l * 3N + a]} is the unit Cartesian
 * eigenvector of mode l (d = 3N - 3 modes, ascending k).
 */
public final class HarmonicReference {
    private final int atomCount;
    private final double[] stiffness;
    private final double[] modes;

    private HarmonicReference(int atomCount, double[] stiffness, double[] modes) {
        this.atomCount = atomCount;
        this.stiffness = stiffness;
        this.modes = modes;
    }

    /**
     * Computes the Hessian by central differences of the forces ({@link HessianCalculator}, default step
     * 1e-5 Å) and keeps its stable non-translational modes.
     *
     * @param potential the reference potential (its {@code compute} must be safe to call concurrently
     *     when {@code threads > 1})
     * @param lattice the lattice, a stable minimum of {@code potential}, all atoms of one mass (amu)
     * @param threads threads for the finite-difference Hessian, &gt;= 1
     * @return the stable modes, stiffnesses k_l = m lambda_l in eV/Å^2 ascending
     * @throws IllegalArgumentException when the atoms do not all have the same mass (only masses are
     *     compared: two species of equal mass pass), or {@code threads < 1}
     * @throws IllegalStateException when a non-translational mode is unstable (not a minimum), naming
     *     the mode, or when the eigensolver fails
     */
    public static HarmonicReference of(Potential potential, Structure lattice, int threads) {
        double m = lattice.massOf(0);
        for (int i = 1; i < lattice.atomCount(); i++) {
            if (lattice.massOf(i) != m) {
                throw new IllegalArgumentException("campaigns need a single species (one mass); atom " + i + " has mass "
                        + lattice.massOf(i) + " amu, atom 0 has " + m);
            }
        }
        DMatrixRMaj h = HessianCalculator.hessian(potential, lattice, HessianCalculator.DEFAULT_STEP, threads);
        NormalModes nm = NormalModes.of(h, lattice);
        nm.logMeanEigenvalue(); // throws with the mode named when the lattice is not a minimum
        int[] stable = nm.stableModes();
        int n3 = 3 * lattice.atomCount();
        double[] lambda = nm.eigenvalues();
        double[] k = new double[stable.length];
        double[] modes = new double[stable.length * n3];
        for (int l = 0; l < stable.length; l++) {
            k[l] = m * lambda[stable[l]];
            System.arraycopy(nm.eigenvector(stable[l]), 0, modes, l * n3, n3);
        }
        return new HarmonicReference(lattice.atomCount(), k, modes);
    }

    /** @return N */
    public int atomCount() {
        return atomCount;
    }

    /** @return d = 3N - 3 */
    public int modeCount() {
        return stiffness.length;
    }

    /** @return the stable stiffnesses k_l in eV/Å^2, ascending (copy) */
    public double[] stiffness() {
        return stiffness.clone();
    }

    /** @return &lt;ln k&gt; = (1/d) sum_l ln k_l, k in eV/Å^2 */
    public double logMeanStiffness() {
        double s = 0;
        for (double k : stiffness) {
            s += Math.log(k);
        }
        return s / stiffness.length;
    }

    double[] modes() {
        return modes;
    }
}
