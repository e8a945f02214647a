package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnapPotentialTest {
    /** LAMMPS pair_style snap energy of the perfect 128-atom W bcc cell with D.snapparam / X_W.snapcoeff. */
    private static final double LAMMPS_W_BCC_ENERGY = -544.12179;

    private static SnapParameters wParams;
    private static SnapCoefficients wCoeff;

    @BeforeAll
    static void load() throws Exception {
        wParams = SnapParameters.read(SnapTestData.file("descriptordos/w/D.snapparam"));
        wCoeff = SnapCoefficients.read(SnapTestData.file("descriptordos/w/X_W.snapcoeff"), wParams);
    }

    private static Structure wBcc() throws Exception {
        return StructureFormats.read(SnapTestData.file("descriptordos/w/W-bcc.dat"), "lammps-data",
                ReadOptions.withTypeElements("W"));
    }

    /** bcc W primitive cell (1 atom) repeated n x n x n, sheared to a generic triclinic cell. */
    static Structure triclinicBcc(int n, double a, double shear, double jitter, long seed, int species) {
        double h = a / 2;
        double[][] prim = {{-h, h, h}, {h, -h, h}, {h, h, -h}};
        double[][] cell = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                cell[r][c] = n * prim[r][c];
            }
        }
        // shear: x += shear * y, z += 0.5 shear * x
        double[][] def = {{1, shear, 0}, {0, 1, 0}, {0.5 * shear, 0, 1}};
        Random rnd = new Random(seed);
        int count = n * n * n;
        double[] x = new double[3 * count];
        int[] sp = new int[count];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int c = 0; c < 3; c++) {
                        x[3 * p + c] = i * prim[0][c] + j * prim[1][c] + k * prim[2][c] + jitter * rnd.nextGaussian();
                    }
                    sp[p] = species > 1 ? (p * 7 / 3) % species : 0;
                    p++;
                }
            }
        }
        double[][] cellD = apply(def, cell);
        double[] xD = applyPositions(def, x);
        String[] el = species > 1 ? new String[] {"W", "Mo"} : new String[] {"W"};
        double[] m = species > 1 ? new double[] {183.84, 95.95} : new double[] {183.84};
        return new Structure(cellD, xD, sp, el, m);
    }

    static double[][] apply(double[][] f, double[][] cell) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    out[r][a] += f[a][b] * cell[r][b];
                }
            }
        }
        return out;
    }

    static double[] applyPositions(double[][] f, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    out[3 * i + a] += f[a][b] * x[3 * i + b];
                }
            }
        }
        return out;
    }

    /** Checks forces against -dE/dx by central differences on the given coordinates. */
    static void assertForcesMatchFiniteDifferences(SnapPotential pot, Structure s, int[] coords, double relTol) {
        double[] f = new double[3 * s.atomCount()];
        pot.compute(s, f, null);
        double fmax = 0;
        for (double v : f) {
            fmax = Math.max(fmax, Math.abs(v));
        }
        assertTrue(fmax > 1e-3, "the test configuration must have non-trivial forces, max |F| = " + fmax);
        double h = 2e-5;
        for (int q : coords) {
            double[] x = s.positions();
            x[q] += h;
            double ep = pot.energy(s.withPositions(x));
            x[q] -= 2 * h;
            double em = pot.energy(s.withPositions(x));
            double fd = -(ep - em) / (2 * h);
            assertEquals(fd, f[q], relTol * fmax, "force component " + q + " (max |F| = " + fmax + ")");
        }
    }

    static int[] allCoordinates(Structure s) {
        int[] c = new int[3 * s.atomCount()];
        for (int i = 0; i < c.length; i++) {
            c[i] = i;
        }
        return c;
    }

    @Test
    void perfectWBccEnergyMatchesLammps() throws Exception {
        Structure s = wBcc();
        assertEquals(128, s.atomCount());
        SnapPotential pot = new SnapPotential(wParams, wCoeff, "X");
        double e = pot.energy(s);
        // LAMMPS prints -544.12179 (8 significant digits); we require 1e-8 relative agreement
        assertEquals(LAMMPS_W_BCC_ENERGY, e, 1e-8 * Math.abs(LAMMPS_W_BCC_ENERGY), "E = " + e);
        double[] f = new double[3 * 128];
        double[] w = new double[6];
        assertEquals(e, pot.compute(s, f, w), 1e-12 * Math.abs(e), "energy with and without forces");
        for (double v : f) {
            assertEquals(0.0, v, 1e-10, "forces vanish on the perfect lattice by symmetry");
        }
        // the cell is close to equilibrium (W_xx ~ 7e-5 eV), so compare on an absolute scale
        assertEquals(w[0], w[1], 1e-9, "cubic virial");
        assertEquals(w[0], w[2], 1e-9, "cubic virial");
        for (int k = 3; k < 6; k++) {
            assertEquals(0.0, w[k], 1e-9, "no shear virial in a cubic lattice");
        }
        double[] ei = pot.perAtomEnergies(s);
        for (double v : ei) {
            assertEquals(e / 128, v, 1e-12 * Math.abs(e / 128), "per-atom energies are all equal");
        }
    }

    @Test
    void perfectBccBispectrumIdenticalOnEveryAtom() throws Exception {
        Structure s = wBcc();
        SnapDescriptors d = new SnapDescriptors(wParams, wCoeff, "X");
        double[] b = d.perAtom(s);
        int k = d.componentCount();
        assertEquals(55, k);
        for (int i = 1; i < s.atomCount(); i++) {
            for (int c = 0; c < k; c++) {
                assertEquals(b[c], b[i * k + c], 1e-11 * (1 + Math.abs(b[c])), "atom " + i + " component " + c);
            }
        }
        // energy = N (beta0 + beta . D) for the linear potential
        double[] mean = d.mean(s);
        double[] beta = wCoeff.linear(0);
        double e = 0;
        for (int c = 0; c < k; c++) {
            e += beta[c] * mean[c];
        }
        e = 128 * (wCoeff.beta0(0) + e);
        assertEquals(new SnapPotential(wParams, wCoeff, "X").energy(s), e, 1e-10 * Math.abs(e));
    }

    @Test
    void isolatedAtomHasZeroBispectrumWithBzero() {
        double[][] cell = {{30, 0, 0}, {0, 30, 0}, {0, 0, 30}};
        Structure s = new Structure(cell, new double[3], new int[1], new String[] {"X"}, new double[] {1});
        double[] b = new SnapDescriptors(wParams, wCoeff).perAtom(s);
        for (double v : b) {
            assertEquals(0.0, v, 1e-14);
        }
        SnapParameters noZero = new SnapParameters(4.7, 0.99363, 8, 0, true, false, false, false, false);
        double[] b0 = new SnapDescriptors(noZero, wCoeff).perAtom(s);
        int[][] labels = new SnapBispectrum(noZero).componentLabels();
        for (int c = 0; c < b0.length; c++) {
            // U_j = identity for an isolated atom: B_{j1 j2 j} = j + 1
            assertEquals(labels[c][2] + 1, b0[c], 1e-12, "component " + c);
        }
    }

    @Test
    void forcesMatchFiniteDifferencesOnDisplacedWCell() throws Exception {
        Structure s = wBcc();
        Random rnd = new Random(7);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.08 * rnd.nextGaussian();
        }
        Structure d = s.withPositions(x);
        SnapPotential pot = new SnapPotential(wParams, wCoeff, "X");
        int[] coords = new int[10];
        for (int q = 0; q < coords.length; q++) {
            coords[q] = rnd.nextInt(x.length);
        }
        assertForcesMatchFiniteDifferences(pot, d, coords, 1e-6);
    }

    @Test
    void forcesMatchFiniteDifferencesOnTriclinicCell() throws Exception {
        Structure s = triclinicBcc(2, 3.1856, 0.07, 0.06, 11, 1);
        SnapPotential pot = new SnapPotential(wParams, wCoeff, "X");
        assertForcesMatchFiniteDifferences(pot, s, allCoordinates(s), 1e-6);
    }

    @Test
    void virialMatchesStrainDerivative() {
        Structure s = triclinicBcc(2, 3.1856, 0.05, 0.06, 5, 1);
        SnapPotential pot = new SnapPotential(wParams, wCoeff, "X");
        double[] w = new double[6];
        pot.compute(s, null, w);
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double h = 1e-5;
        double wmax = 0;
        for (double v : w) {
            wmax = Math.max(wmax, Math.abs(v));
        }
        for (int v = 0; v < 6; v++) {
            // W_ab = -dE/d eps_ba for r -> (1 + eps) r
            int a = voigt[v][1];
            int b = voigt[v][0];
            double[] e = new double[2];
            for (int sgn = 0; sgn < 2; sgn++) {
                double[][] f = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                f[a][b] += sgn == 0 ? h : -h;
                Structure t = new Structure(apply(f, s.cell()), applyPositions(f, s.positions()), s.species(),
                        s.elements(), s.masses());
                e[sgn] = pot.energy(t);
            }
            double fd = -(e[0] - e[1]) / (2 * h);
            assertEquals(fd, w[v], 1e-6 * wmax, "virial component " + v);
        }
    }

    @Test
    void invariantUnderRotationAndPermutation() {
        Structure s = triclinicBcc(2, 3.1856, 0.05, 0.07, 3, 1);
        SnapPotential pot = new SnapPotential(wParams, wCoeff, "X");
        double[] f = new double[3 * s.atomCount()];
        double e = pot.compute(s, f, null);
        // rotation about an oblique axis
        double[] ax = {0.3, -0.5, 0.81};
        double nrm = Math.sqrt(ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2]);
        for (int k = 0; k < 3; k++) {
            ax[k] /= nrm;
        }
        double t = 0.7;
        double c = Math.cos(t);
        double sn = Math.sin(t);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = (i == j ? c : 0) + (1 - c) * ax[i] * ax[j];
            }
        }
        r[0][1] -= sn * ax[2];
        r[0][2] += sn * ax[1];
        r[1][0] += sn * ax[2];
        r[1][2] -= sn * ax[0];
        r[2][0] -= sn * ax[1];
        r[2][1] += sn * ax[0];
        Structure rot = new Structure(apply(r, s.cell()), applyPositions(r, s.positions()), s.species(),
                s.elements(), s.masses());
        double[] fr = new double[f.length];
        double er = pot.compute(rot, fr, null);
        assertEquals(e, er, 1e-11 * Math.abs(e));
        double[] fRotated = applyPositions(r, f);
        assertArrayEquals(fRotated, fr, 1e-9);
        // permutation
        int n = s.atomCount();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (5 * i + 3) % n;
        }
        double[] x = s.positions();
        double[] xp = new double[x.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 3 * perm[i], xp, 3 * i, 3);
        }
        Structure p = s.withPositions(xp);
        double[] fp = new double[f.length];
        double ep = pot.compute(p, fp, null);
        assertEquals(e, ep, 1e-11 * Math.abs(e));
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(f[3 * perm[i] + k], fp[3 * i + k], 1e-10);
            }
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount() throws Exception {
        Structure s = wBcc();
        Random rnd = new Random(1);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05 * rnd.nextGaussian();
        }
        s = s.withPositions(x);
        SnapPotential one = new SnapPotential(wParams, wCoeff, "X").withThreads(1);
        SnapPotential two = one.withThreads(2);
        double[] f1 = new double[x.length];
        double[] f2 = new double[x.length];
        double[] w1 = new double[6];
        double[] w2 = new double[6];
        double e1 = one.compute(s, f1, w1);
        double e2 = two.compute(s, f2, w2);
        assertEquals(e1, e2, 0.0);
        assertArrayEquals(f1, f2, 0.0);
        assertArrayEquals(w1, w2, 0.0);
        assertArrayEquals(one.descriptors().perAtom(s), two.descriptors().perAtom(s), 0.0);
    }

    /** Made-up W-Mo style two-element coefficients for 2J_max = 6. */
    static SnapCoefficients twoElementCoefficients(SnapParameters p, long seed) {
        int k = p.bispectrumCount();
        int nall = p.coefficientCount();
        Random rnd = new Random(seed);
        double[][] c = new double[2][nall];
        for (int e = 0; e < 2; e++) {
            c[e][0] = -3.0 - e;
            for (int q = 1; q < nall; q++) {
                c[e][q] = (q <= k ? 0.05 : 0.002) * rnd.nextGaussian();
            }
        }
        return new SnapCoefficients(List.of("# made up"), new String[] {"W", "Mo"}, new double[] {0.5, 0.47},
                new double[] {1.0, 0.8}, c, p.quadraticFlag());
    }

    @Test
    void twoElementForcesMatchFiniteDifferences() {
        SnapParameters p = new SnapParameters(4.6, 0.99363, 6, 0.0, true, true, false, false, false);
        SnapPotential pot = new SnapPotential(p, twoElementCoefficients(p, 3));
        Structure s = triclinicBcc(2, 3.15, 0.06, 0.07, 21, 2);
        int mo = 0;
        for (int i = 0; i < s.atomCount(); i++) {
            mo += s.speciesOf(i);
        }
        assertTrue(mo > 0 && mo < s.atomCount(), "both species present");
        assertForcesMatchFiniteDifferences(pot, s, allCoordinates(s), 1e-6);
    }

    @Test
    void quadraticInnerSwitchAndRmin0ForcesMatchFiniteDifferences() {
        SnapParameters p = new SnapParameters(4.6, 0.95, 4, 0.3, true, true, true, false, false)
                .withInnerSwitch(new double[] {2.2, 2.1}, new double[] {0.6, 0.5});
        SnapPotential pot = new SnapPotential(p, twoElementCoefficients(p, 4));
        Structure s = triclinicBcc(2, 3.15, 0.06, 0.12, 8, 2);
        assertForcesMatchFiniteDifferences(pot, s, allCoordinates(s), 1e-6);
        // quadratic energy = linear part + B.alpha.B/2, checked against the per-atom descriptors
        double[] b = pot.descriptors().perAtom(s);
        int k = p.bispectrumCount();
        SnapCoefficients c = pot.coefficients();
        double e = 0;
        for (int i = 0; i < s.atomCount(); i++) {
            int el = s.speciesOf(i);
            double[] lin = c.linear(el);
            double[] q = c.quadratic(el);
            e += c.beta0(el);
            int m = 0;
            for (int r = 0; r < k; r++) {
                e += lin[r] * b[i * k + r];
                for (int col = r; col < k; col++) {
                    e += (r == col ? 0.5 : 1.0) * q[m++] * b[i * k + r] * b[i * k + col];
                }
            }
        }
        assertEquals(e, pot.energy(s), 1e-10 * Math.abs(e));
    }

    @Test
    void bnormForcesMatchFiniteDifferences() {
        SnapParameters p = new SnapParameters(4.7, 0.99363, 6, 0.0, false, true, false, true, false);
        SnapPotential pot = new SnapPotential(p, twoElementCoefficients(p, 9));
        Structure s = triclinicBcc(2, 3.15, 0.04, 0.07, 2, 2);
        assertForcesMatchFiniteDifferences(pot, s, allCoordinates(s), 1e-6);
    }
}
