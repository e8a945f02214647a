package org.ddos.descriptors.eam;

import static org.ddos.descriptors.potential.PotentialChecks.checkForcesByFiniteDifferences;
import static org.ddos.descriptors.potential.PotentialChecks.checkVirialByStrain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;

class EamPotentialTest {
    static final double CU_A = 3.615;

    /** fcc shells (distance / a, count) up to 5 Å at a = 3.615 Å: 12 at a/sqrt2, 6 at a, 24 at a sqrt(3/2). */
    static final double[][] FCC_SHELLS = {{Math.sqrt(0.5), 12}, {1.0, 6}, {Math.sqrt(1.5), 24}, {Math.sqrt(2), 12}};

    static double fccDensity(AnalyticEam m, double a) {
        double rho = 0;
        for (double[] s : FCC_SHELLS) {
            rho += s[1] * m.density(0, 0, s[0] * a);
        }
        return rho;
    }

    /** Closed form: E/N = F(sum_shells n rho(r)) + 1/2 sum_shells n phi(r) (shells beyond rc add 0). */
    static double fccEnergyPerAtom(AnalyticEam m, double a) {
        double pair = 0;
        for (double[] s : FCC_SHELLS) {
            pair += s[1] * m.pair(0, 0, s[0] * a);
        }
        return m.embedding(0, fccDensity(m, a)) + 0.5 * pair;
    }

    static EamFile copperFile(int nr, int nrho) throws Exception {
        AnalyticEam m = AnalyticEam.copper();
        double rhoMax = 3 * fccDensity(m, CU_A);
        return EamFile.parse(m.lines(false, nr, nrho, rhoMax), "Cu_analytic.eam.alloy", EamStyle.ALLOY);
    }

    @Test
    void perfectFccEnergyMatchesClosedFormWithinInterpolationError() throws Exception {
        AnalyticEam m = AnalyticEam.copper();
        EamPotential pot = new EamPotential(copperFile(2001, 2001));
        // the 4th shell (a sqrt 2 = 5.11 Å) lies beyond rc = 5 Å; the third at 4.43 Å is inside
        assertEquals(0, m.pair(0, 0, Math.sqrt(2) * CU_A));
        assertTrue(m.pair(0, 0, Math.sqrt(1.5) * CU_A) > 0);
        for (double a : new double[] {3.5, CU_A, 3.7}) {
            Structure fcc = Lattices.fcc("Cu", a, 3, 3, 3);
            double[] ei = new double[fcc.atomCount()];
            double e = pot.compute(fcc, org.ddos.descriptors.neighbors.CellListNeighborList.build(fcc, pot.cutoff()), null,
                    null, ei);
            double exact = fccEnergyPerAtom(m, a);
            // cubic Hermite with 4th-order slopes: error O(dr^4 f'''') ~ 1e-11 eV at dr = 2.5e-3 Å
            assertEquals(exact, e / fcc.atomCount(), 1e-9 * Math.abs(exact), "a = " + a);
            for (double v : ei) {
                assertEquals(e / fcc.atomCount(), v, 1e-12);
            }
        }
        // a coarse grid (dr = 0.05 Å) is worse, but still within its O(dr^4) error, and not exact:
        EamPotential coarse = new EamPotential(copperFile(101, 101));
        Structure fcc = Lattices.fcc("Cu", CU_A, 3, 3, 3);
        double exact = fccEnergyPerAtom(m, CU_A);
        double err = Math.abs(coarse.energy(fcc) / fcc.atomCount() - exact);
        assertTrue(err < 1e-4 && err > 1e-10, "coarse-grid interpolation error " + err);
    }

    @Test
    void perfectLatticeHasNoForcesAndCubicVirial() throws Exception {
        EamPotential pot = new EamPotential(copperFile(2001, 2001));
        Structure fcc = Lattices.fcc("Cu", 3.58, 2, 2, 2);
        double[] f = new double[3 * fcc.atomCount()];
        double[] w = new double[6];
        pot.compute(fcc, f, w);
        for (double v : f) {
            assertEquals(0, v, 1e-12);
        }
        assertEquals(w[0], w[1], 1e-10 * Math.abs(w[0]));
        assertEquals(w[0], w[2], 1e-10 * Math.abs(w[0]));
        for (int k = 3; k < 6; k++) {
            assertEquals(0, w[k], 1e-10 * Math.abs(w[0]));
        }
        // pressure virial = -V dE/dV * 3: W_xx = -a/3 dE/da (isotropic strain of all three axes)
        AnalyticEam m = AnalyticEam.copper();
        double h = 1e-5;
        double dEda = (fccEnergyPerAtom(m, 3.58 + h) - fccEnergyPerAtom(m, 3.58 - h)) / (2 * h) * fcc.atomCount();
        assertEquals(-3.58 / 3 * dEda, w[0], 1e-7 * Math.abs(w[0]));
    }

    static Structure rattled(Structure s, long seed, double amplitude) {
        Random rnd = new Random(seed);
        double[] x = s.positions();
        for (int e = 0; e < x.length; e++) {
            x[e] += amplitude * (2 * rnd.nextDouble() - 1);
        }
        double[][] c = s.cell();
        c[1][0] += 0.12;
        c[2][1] -= 0.08;
        return new Structure(c, x, s.species(), s.elements(), s.masses());
    }

    @Test
    void forcesAndVirialMatchFiniteDifferences() throws Exception {
        EamPotential pot = new EamPotential(copperFile(2001, 2001));
        // 2x2x2 fcc (7.2 Å cell, cutoff 5 Å > half the cell: periodic images), rattled 0.2 Å, sheared
        Structure s = rattled(Lattices.fcc("Cu", CU_A, 2, 2, 2), 7, 0.2);
        assertTrue(checkForcesByFiniteDifferences(pot, s) > 0.1, "the rattled structure has forces");
        checkVirialByStrain(pot, s);
    }

    @Test
    void energyIsInvariantUnderTranslationAndPermutation() throws Exception {
        EamPotential pot = new EamPotential(copperFile(2001, 2001));
        Structure s = rattled(Lattices.fcc("Cu", CU_A, 2, 2, 2), 11, 0.15);
        double[] f = new double[3 * s.atomCount()];
        double[] ei = new double[s.atomCount()];
        double e = pot.compute(s, org.ddos.descriptors.neighbors.CellListNeighborList.build(s, pot.cutoff()), f, null, ei);
        double sumEi = 0;
        for (double v : ei) {
            sumEi += v;
        }
        assertEquals(e, sumEi, 1e-12 * Math.abs(e));
        for (int x = 0; x < 3; x++) {
            double sum = 0;
            for (int i = 0; i < s.atomCount(); i++) {
                sum += f[3 * i + x];
            }
            assertEquals(0, sum, 1e-11);
        }
        // rigid translation (atoms may leave the cell: the neighbour list wraps them)
        double[] x = s.positions();
        for (int i = 0; i < x.length; i += 3) {
            x[i] += 1.37;
            x[i + 1] -= 0.61;
            x[i + 2] += 2.9;
        }
        double[] ft = new double[f.length];
        assertEquals(e, pot.compute(s.withPositions(x), ft, null), 1e-11 * Math.abs(e));
        assertArrayEquals(f, ft, 1e-10);
        // permutation: reversed atom order gives the same energy and permuted forces
        int n = s.atomCount();
        double[] xp = new double[3 * n];
        double[] x0 = s.positions();
        int[] sp = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x0, 3 * (n - 1 - i), xp, 3 * i, 3);
            sp[i] = s.speciesOf(n - 1 - i);
        }
        Structure perm = new Structure(s.cell(), xp, sp, s.elements(), s.masses());
        double[] fp = new double[3 * n];
        assertEquals(e, pot.compute(perm, fp, null), 1e-11 * Math.abs(e));
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(f[3 * (n - 1 - i) + c], fp[3 * i + c], 1e-10);
            }
        }
    }

    /** B2 (CsCl) FeCr, a = 2.87 Å: each site has 8 unlike neighbours at a sqrt3/2, then 6 and 12 like ones at a, a sqrt2. */
    static Structure b2(double a, int n) {
        Structure bcc = Lattices.bcc("Fe", a, n, n, n);
        double[] x = bcc.positions();
        int[] species = new int[bcc.atomCount()];
        for (int i = 0; i < species.length; i++) {
            double fx = x[3 * i] / a - Math.floor(x[3 * i] / a + 1e-9);
            species[i] = Math.abs(fx - 0.5) < 1e-6 ? 1 : 0;
        }
        return new Structure(bcc.cell(), x, species, new String[] {"Fe", "Cr"}, new double[] {55.845, 51.996});
    }

    static final double[][] B2_SHELLS = {{Math.sqrt(3) / 2, 8, 1}, {1, 6, 0}, {Math.sqrt(2), 12, 0}, {Math.sqrt(11) / 2, 24, 1}};

    /** Closed form of the B2 site energy of element s (shell flag 1: unlike neighbours). */
    static double b2SiteEnergy(AnalyticEam m, int s, double a) {
        double rho = 0;
        double pair = 0;
        for (double[] shell : B2_SHELLS) {
            int other = shell[2] == 1 ? 1 - s : s;
            double r = shell[0] * a;
            rho += shell[1] * m.density(other, s, r); // density of the neighbour's element at site s
            pair += shell[1] * m.pair(s, other, r);
        }
        return m.embedding(s, rho) + 0.5 * pair;
    }

    static EamFile feCrFile() throws Exception {
        AnalyticEam m = AnalyticEam.ironChromium();
        List<String> lines = m.lines(true, 1801, 2001, 40.0);
        return EamFile.parse(lines, "FeCr_analytic.eam.fs", EamStyle.FS);
    }

    @Test
    void finnisSinclairUsesTheDensityOfTheNeighboursElementAtTheSite() throws Exception {
        AnalyticEam m = AnalyticEam.ironChromium();
        EamFile file = feCrFile();
        assertEquals(EamStyle.FS, file.style());
        // the file's I-J table is the density of an I atom at a J site
        assertEquals(m.density(1, 0, 2.0), file.density(1, 0)[(int) Math.round(2.0 / file.distanceSpacing())], 1e-15);
        assertNotEquals(file.density(0, 1)[800], file.density(1, 0)[800]);
        EamPotential pot = new EamPotential(file);
        double a = 2.87;
        Structure s = b2(a, 3);
        assertEquals(27, java.util.Arrays.stream(s.species()).filter(v -> v == 1).count());
        double[] ei = new double[s.atomCount()];
        double e = pot.compute(s, org.ddos.descriptors.neighbors.CellListNeighborList.build(s, pot.cutoff()), null, null, ei);
        double eFe = b2SiteEnergy(m, 0, a);
        double eCr = b2SiteEnergy(m, 1, a);
        for (int i = 0; i < s.atomCount(); i++) {
            assertEquals(s.speciesOf(i) == 0 ? eFe : eCr, ei[i], 1e-9, "site energy of atom " + i);
        }
        assertEquals(27 * (eFe + eCr), e, 1e-9 * Math.abs(e));
        // the transposed convention (density of the site's element) would differ by far more
        double rhoFe = 8 * m.density(1, 0, a * Math.sqrt(3) / 2);
        double rhoFeTransposed = 8 * m.density(0, 1, a * Math.sqrt(3) / 2);
        assertTrue(Math.abs(m.embedding(0, rhoFe) - m.embedding(0, rhoFeTransposed)) > 0.1);
    }

    @Test
    void finnisSinclairForcesAndVirialOnRattledAlloy() throws Exception {
        EamPotential pot = new EamPotential(feCrFile());
        Structure alloy = Lattices.randomAlloy(Lattices.bcc("Fe", 2.87, 2, 2, 2), new String[] {"Fe", "Cr"},
                new double[] {0.5, 0.5}, 5);
        Structure s = rattled(alloy, 5, 0.2);
        assertTrue(checkForcesByFiniteDifferences(pot, s) > 0.1, "the rattled structure has forces");
        checkVirialByStrain(pot, s);
    }

    @Test
    void alloyAndFsLayoutsAgreeWhenDensitiesDoNotDependOnTheSite() throws Exception {
        // c_IJ independent of J: the setfl file (one table per element) is the same potential
        AnalyticEam m = new AnalyticEam(new String[] {"Fe", "Cr"}, new double[] {55.845, 51.996},
                new double[][] {{1.0, 1.0}, {1.4, 1.4}}, new double[][] {{0.30, 0.25}, {0.25, 0.28}},
                new double[] {2.0, 1.7}, new double[] {0.003, 0.005}, 2.485, 7.5, 5.5, 4.5);
        EamPotential alloy = new EamPotential(EamFile.parse(m.lines(false, 901, 1001, 40), "a.eam.alloy", EamStyle.ALLOY));
        EamPotential fs = new EamPotential(EamFile.parse(m.lines(true, 901, 1001, 40), "a.eam.fs", EamStyle.FS));
        Structure s = rattled(Lattices.randomAlloy(Lattices.bcc("Fe", 2.87, 2, 2, 2), new String[] {"Cr", "Fe"},
                new double[] {0.25, 0.75}, 9), 9, 0.1);
        double[] f1 = new double[3 * s.atomCount()];
        double[] f2 = new double[3 * s.atomCount()];
        assertEquals(alloy.compute(s, f1, null), fs.compute(s, f2, null), 0);
        assertArrayEquals(f1, f2, 0);
    }

    @Test
    void typeMapAssignsFileElementsToSpeciesIndices() throws Exception {
        EamFile file = feCrFile();
        Structure named = rattled(Lattices.randomAlloy(Lattices.bcc("Fe", 2.87, 2, 2, 2), new String[] {"Fe", "Cr"},
                new double[] {0.75, 0.25}, 3), 3, 0.1);
        // the same structure with its species called X and Y, mapped like pair_coeff * * file Fe Cr
        Structure anonymous = new Structure(named.cell(), named.positions(), named.species(), new String[] {"X", "Y"},
                named.masses());
        double e = new EamPotential(file).energy(named);
        assertEquals(e, new EamPotential(file, "Fe", "Cr").energy(anonymous), 0);
        // the swapped map makes the alloy Fe25Cr75: another energy
        double swapped = new EamPotential(file, "Cr", "Fe").energy(anonymous);
        assertTrue(Math.abs(e - swapped) > 1e-2, e + " vs " + swapped);
    }
}
