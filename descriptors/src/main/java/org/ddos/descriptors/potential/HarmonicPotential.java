package org.ddos.descriptors.potential;

import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.structure.Structure;
import org.ejml.data.DMatrixRMaj;

/**
 * The exactly quadratic potential about a reference configuration,
 * <pre>  U(x) = E_0 + 1/2 u . H . u,   u = x - x_0,   F = -H u</pre>
 * with H a symmetric 3N x 3N matrix in eV/Å^2 (index 3 i + xyz) and x_0 the reference positions.
 * Its free energy is known in closed form (the harmonic formula), which makes it the exact test
 * case of the samplers, of thermodynamic integration and of D-DOS.
 *
 * <p>The displacement is taken without minimum image: x must stay near x_0 (as in molecular
 * dynamics of a solid or isosurface sampling about the lattice), and the energy is not periodic.
 * The virial of a quadratic form has no pair decomposition: it is reported as zero.
 *
 * <p>As a {@link LinearPotential}: one descriptor D = (U - E_0) / N (the harmonic energy per atom)
 * with beta0 = E_0 / N and theta = (1), so E = N (beta0 + theta . D) and D_0 = 0.
 *
 * <p>Immutable and thread-safe; {@link #compute} costs O((3N)^2) (one length-3N scratch array per call).
 */
public final class HarmonicPotential implements LinearPotential {
    private final double[] reference;
    private final double[] hessian;
    private final int dimension;
    private final double referenceEnergy;
    private final double cutoff;

    /**
     * @param referencePositions x_0, flat length 3N (Å)
     * @param hessian symmetric 3N x 3N (eV/Å^2)
     * @param referenceEnergy E_0 (eV), the energy at x_0
     * @param cutoff the interaction range reported by {@link #cutoff()} (Å, &gt;= 0; informational)
     * @throws IllegalArgumentException on a size mismatch, a non-symmetric or non-finite H, or non-finite E_0
     */
    public HarmonicPotential(double[] referencePositions, DMatrixRMaj hessian, double referenceEnergy, double cutoff) {
        int n = referencePositions.length;
        if (n == 0 || n % 3 != 0) {
            throw new IllegalArgumentException("reference positions must have length 3N > 0, got " + n);
        }
        if (hessian.numRows != n || hessian.numCols != n) {
            throw new IllegalArgumentException("Hessian is " + hessian.numRows + " x " + hessian.numCols + ", expected "
                    + n + " x " + n + " for " + n / 3 + " atoms");
        }
        double scale = 0;
        for (double v : hessian.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Hessian contains a non-finite value: " + v);
            }
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (Math.abs(hessian.get(a, b) - hessian.get(b, a)) > 1e-12 * scale) {
                    throw new IllegalArgumentException("Hessian is not symmetric at (" + a + ", " + b + "): "
                            + hessian.get(a, b) + " vs " + hessian.get(b, a));
                }
            }
        }
        if (!Double.isFinite(referenceEnergy)) {
            throw new IllegalArgumentException("reference energy must be finite, got " + referenceEnergy);
        }
        if (!(cutoff >= 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff must be non-negative and finite, got " + cutoff);
        }
        this.reference = referencePositions.clone();
        this.hessian = hessian.data.clone();
        this.dimension = n;
        this.referenceEnergy = referenceEnergy;
        this.cutoff = cutoff;
    }

    /**
     * The harmonic approximation of a potential at a structure: H by {@link HessianCalculator}
     * (default step, 2 threads, symmetrised), E_0 = the potential's energy there, x_0 = its positions.
     *
     * @param potential the potential to expand
     * @param lattice the reference structure x_0 (usually a relaxed lattice)
     * @return U(x) = E_0 + 1/2 u . H . u (see the class comment), with the potential's cutoff
     */
    public static HarmonicPotential of(Potential potential, Structure lattice) {
        DMatrixRMaj h = HessianCalculator.hessian(potential, lattice);
        return new HarmonicPotential(lattice.positions(), h, potential.energy(lattice), potential.cutoff());
    }

    /** @return E_0 in eV */
    public double referenceEnergy() {
        return referenceEnergy;
    }

    /** @return x_0, length 3N (copy) */
    public double[] referencePositions() {
        return reference.clone();
    }

    /** @return H as a new 3N x 3N matrix (eV/Å^2) */
    public DMatrixRMaj hessian() {
        DMatrixRMaj h = new DMatrixRMaj(dimension, dimension);
        System.arraycopy(hessian, 0, h.data, 0, hessian.length);
        return h;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int descriptorCount() {
        return 1;
    }

    /** @throws IllegalArgumentException when the structure has another atom count */
    @Override
    public double compute(Structure structure, double[] forces, double[] virial) {
        if (structure.atomCount() * 3 != dimension) {
            throw new IllegalArgumentException("harmonic potential is for " + dimension / 3 + " atoms, structure has "
                    + structure.atomCount());
        }
        if (virial != null) {
            if (virial.length != 6) {
                throw new IllegalArgumentException("virial must have length 6, got " + virial.length);
            }
            java.util.Arrays.fill(virial, 0);
        }
        return compute(structure.positionsView(), forces);
    }

    /**
     * Energy and forces from flat positions (the path molecular dynamics uses: no structure).
     *
     * @param positions length 3N (Å)
     * @param forces null or length 3N, overwritten with -H u (eV/Å)
     * @return U (eV)
     * @throws IllegalArgumentException on wrong lengths
     */
    public double compute(double[] positions, double[] forces) {
        if (positions.length != dimension || (forces != null && forces.length != dimension)) {
            throw new IllegalArgumentException("positions and forces must have length 3N = " + dimension);
        }
        int n = dimension;
        double[] u = new double[n]; // O(N) scratch against O(N^2) work: keeps the class immutable
        for (int a = 0; a < n; a++) {
            u[a] = positions[a] - reference[a];
        }
        double e = 0;
        for (int a = 0; a < n; a++) {
            double f = 0;
            int row = a * n;
            for (int b = 0; b < n; b++) {
                f -= hessian[row + b] * u[b];
            }
            if (forces != null) {
                forces[a] = f;
            }
            e -= 0.5 * f * u[a];
        }
        return referenceEnergy + e;
    }

    /** @return D = ((U - E_0) / N), length 1 */
    @Override
    public double[] meanDescriptor(Structure structure) {
        return new double[] {(compute(structure, null, null) - referenceEnergy) / structure.atomCount()};
    }

    @Override
    public String toString() {
        return "HarmonicPotential[N=" + dimension / 3 + ", E_0=" + referenceEnergy + " eV]";
    }
}
