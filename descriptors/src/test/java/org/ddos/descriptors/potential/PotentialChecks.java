package org.ddos.descriptors.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ddos.descriptors.structure.Structure;

/**
 * Finite-difference checks shared by the tests of every {@link Potential}: forces against minus
 * the central-difference gradient of the energy, and the virial against minus the strain
 * derivative of the energy.
 */
public final class PotentialChecks {
    private PotentialChecks() {
    }

    /**
     * Asserts F_k = -(E(x + h e_k) - E(x - h e_k)) / 2h, h = 1e-5 Å, for every coordinate, within
     * 1e-6 of the largest force component (central differences: error h^2 E'''/6 ~ 1e-10 eV/Å,
     * rounding ~ 1e-16 E / h ~ 1e-9 eV/Å).
     *
     * @return the largest |F_k| (eV/Å), so that callers can check the structure has forces at all
     */
    public static double checkForcesByFiniteDifferences(Potential pot, Structure s) {
        double[] f = new double[3 * s.atomCount()];
        pot.compute(s, f, null);
        double h = 1e-5;
        double maxF = 0;
        for (double v : f) {
            maxF = Math.max(maxF, Math.abs(v));
        }
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) {
            double x0 = x[k];
            x[k] = x0 + h;
            double ep = pot.energy(s.withPositions(x));
            x[k] = x0 - h;
            double em = pot.energy(s.withPositions(x));
            x[k] = x0;
            assertEquals(-(ep - em) / (2 * h), f[k], 1e-6 * maxF, "force component " + k);
        }
        return maxF;
    }

    /**
     * Asserts the virial (Voigt order xx, yy, zz, yz, xz, xy, eV) equals -dE/d(strain) for the
     * deformation r -&gt; (1 + delta e_a e_b^T) r of cell and atoms, central differences with
     * delta = 1e-6, within 1e-6 of the largest component.
     */
    public static void checkVirialByStrain(Potential pot, Structure s) {
        double[] w = new double[6];
        pot.compute(s, null, w);
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double h = 1e-6;
        double scale = 0;
        for (double v : w) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < 6; k++) {
            double ep = pot.energy(strained(s, voigt[k][0], voigt[k][1], h));
            double em = pot.energy(strained(s, voigt[k][0], voigt[k][1], -h));
            assertEquals(-(ep - em) / (2 * h), w[k], 1e-6 * scale, "virial component " + k);
        }
    }

    /** @return s with cell and positions deformed by r -&gt; (1 + delta e_a e_b^T) r */
    public static Structure strained(Structure s, int a, int b, double delta) {
        double[][] c = s.cell();
        for (double[] row : c) {
            row[a] += delta * row[b];
        }
        double[] x = s.positions();
        for (int i = 0; i < x.length; i += 3) {
            x[i + a] += delta * x[i + b];
        }
        return new Structure(c, x, s.species(), s.elements(), s.masses());
    }
}
