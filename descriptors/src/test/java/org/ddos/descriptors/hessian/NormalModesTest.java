package org.ddos.descriptors.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.sma.SmaPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class NormalModesTest {

    /** Central harmonic springs E = sum_bonds k/2 (r - b)^2 between pairs closer than the cutoff. */
    record SpringModel(double k, double b, double cutoff) implements Potential {
        @Override
        public double compute(Structure s, double[] forces, double[] virial) {
            CellListNeighborList l = CellListNeighborList.build(s, cutoff);
            double[] d = l.displacements();
            int[] nb = l.neighborIndex();
            if (forces != null) {
                Arrays.fill(forces, 0);
            }
            double e = 0;
            for (int i = 0; i < s.atomCount(); i++) {
                for (int q = l.start(i); q < l.start(i) + l.count(i); q++) {
                    double r = Math.sqrt(d[3 * q] * d[3 * q] + d[3 * q + 1] * d[3 * q + 1] + d[3 * q + 2] * d[3 * q + 2]);
                    e += 0.25 * k * (r - b) * (r - b); // each bond is listed twice
                    if (forces != null) {
                        double g = 0.5 * k * (r - b) / r; // dE/dr of this entry, divided by r
                        for (int x = 0; x < 3; x++) {
                            forces[3 * i + x] += g * d[3 * q + x];
                            forces[3 * nb[q] + x] -= g * d[3 * q + x];
                        }
                    }
                }
            }
            return e;
        }
    }

    static double[] eig3(double[][] m) {
        DMatrixRMaj d = new DMatrixRMaj(m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(3, false, true);
        assertTrue(eig.decompose(d));
        return new double[] {eig.getEigenvalue(0).real, eig.getEigenvalue(1).real, eig.getEigenvalue(2).real};
    }

    @Test
    void springModelFrequenciesMatchAnalyticDispersion() {
        double a = 3.6;
        int cells = 2;
        double k = 2.5; // eV/Å^2
        double nn = a / Math.sqrt(2);
        Structure s = Lattices.fcc("Cu", a, cells, cells, cells);
        SpringModel model = new SpringModel(k, nn, 0.5 * (nn + a));
        NormalModes modes = NormalModes.of(model, s);
        double m = s.massOf(0);

        // fcc with nearest-neighbour central springs: D(q) = (k/m) sum_delta (1 - cos q.delta) e e^T.
        // The supercell's wave vectors are q = 2 pi (h, k, l) / (cells a); the cube 0 <= h,k,l < 2 cells
        // covers each class modulo the (bcc) reciprocal lattice exactly twice.
        double[][] deltas = new double[12][];
        int c = 0;
        for (int u = 0; u < 3; u++) {
            for (int su = -1; su <= 1; su += 2) {
                for (int sv = -1; sv <= 1; sv += 2) {
                    double[] dlt = new double[3];
                    dlt[u] = su * a / 2;
                    dlt[(u + 1) % 3] = sv * a / 2;
                    deltas[c++] = dlt;
                }
            }
        }
        int count = 2 * cells;
        double[] expected = new double[3 * count * count * count];
        int p = 0;
        for (int h = 0; h < count; h++) {
            for (int kk = 0; kk < count; kk++) {
                for (int l = 0; l < count; l++) {
                    double[] q = {2 * Math.PI * h / (cells * a), 2 * Math.PI * kk / (cells * a), 2 * Math.PI * l / (cells * a)};
                    double[][] dm = new double[3][3];
                    for (double[] dlt : deltas) {
                        double w = 1 - Math.cos(q[0] * dlt[0] + q[1] * dlt[1] + q[2] * dlt[2]);
                        for (int x = 0; x < 3; x++) {
                            for (int y = 0; y < 3; y++) {
                                dm[x][y] += k / m * w * dlt[x] * dlt[y] / (nn * nn);
                            }
                        }
                    }
                    for (double ev : eig3(dm)) {
                        expected[p++] = ev;
                    }
                }
            }
        }
        Arrays.sort(expected);
        double[] got = modes.eigenvalues();
        assertEquals(expected.length, 2 * got.length);
        double max = expected[expected.length - 1];
        for (int l = 0; l < got.length; l++) {
            assertEquals(expected[2 * l], got[l], 1e-7 * max, "mode " + l);
            assertEquals(expected[2 * l + 1], got[l], 1e-7 * max, "mode " + l);
        }
        // the top of the spectrum: the zone-boundary X point, omega^2 = 8 k / m (longitudinal)
        assertEquals(8 * k / m, max, 1e-12 * max);
        double[] w = modes.frequencies();
        assertEquals(Math.sqrt(8 * k / m * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2), w[w.length - 1], 1e-6);
        // three translations with zero eigenvalue
        for (int t : modes.translationModes()) {
            assertEquals(0, got[t], 1e-8 * max);
        }
        assertArrayEquals(new int[] {0, 1, 2}, modes.translationModes());
    }

    @Test
    void copperSmaHessianIsSymmetricWithThreeZeroModesAndOtherwisePositive() {
        double r0 = 2.56;
        SmaPotential cu = new SmaPotential(SmaParameters.single("Cu",
                SmaPairParameters.withFccCutoffs(10.55, 2.43, 0.08937634604179, 1.27988042293813, r0)));
        Structure s = Lattices.fcc("Cu", r0 * Math.sqrt(2), 2, 2, 2);
        DMatrixRMaj h1 = HessianCalculator.hessian(cu, s, HessianCalculator.DEFAULT_STEP, 1);
        DMatrixRMaj h2 = HessianCalculator.hessian(cu, s, HessianCalculator.DEFAULT_STEP, 2);
        assertArrayEquals(h1.data, h2.data, 0, "threads must not change the result");
        int n = h1.numRows;
        double scale = 0;
        for (double v : h1.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertEquals(h1.get(a, b), h1.get(b, a), 0);
            }
        }
        // step study (see HessianCalculator): with the smatb tail starting exactly at the second
        // shell the energy is only C2 there and central differences converge linearly in h; the
        // default 1e-5 Å is within 1e-5 relative of a 1e-6 Å reference, 1e-3 Å is ~100x worse
        DMatrixRMaj coarse = HessianCalculator.hessian(cu, s, 1e-3, 2);
        DMatrixRMaj reference = HessianCalculator.hessian(cu, s, 1e-6, 2);
        double dCoarse = 0;
        double dDefault = 0;
        for (int e = 0; e < h1.data.length; e++) {
            dCoarse = Math.max(dCoarse, Math.abs(coarse.data[e] - reference.data[e]));
            dDefault = Math.max(dDefault, Math.abs(h1.data[e] - reference.data[e]));
        }
        assertTrue(dDefault < 1e-5 * scale, "default step differs by " + dDefault);
        assertTrue(dCoarse > 30 * dDefault, "h = 1e-3 differs by " + dCoarse + ", default by " + dDefault);
        // acoustic sum rule: each row sums to zero per Cartesian direction (translation invariance)
        for (int a = 0; a < n; a++) {
            for (int y = 0; y < 3; y++) {
                double sum = 0;
                for (int j = 0; j < n / 3; j++) {
                    sum += h1.get(a, 3 * j + y);
                }
                assertEquals(0, sum, 1e-7 * scale);
            }
        }
        NormalModes modes = NormalModes.of(h1, s);
        double[] ev = modes.eigenvalues();
        double max = ev[ev.length - 1];
        for (int t : modes.translationModes()) {
            assertEquals(0, ev[t], 1e-8 * max);
        }
        assertEquals(ev.length - 3, modes.stableModes().length);
        for (int l : modes.stableModes()) {
            assertTrue(ev[l] > 1e-3 * max, "mode " + l + " eigenvalue " + ev[l]);
        }
        // eigenvectors orthonormal
        double[] v0 = modes.eigenvector(5);
        double[] v1 = modes.eigenvector(40);
        double dot = 0;
        double norm = 0;
        for (int a = 0; a < n; a++) {
            dot += v0[a] * v1[a];
            norm += v0[a] * v0[a];
        }
        assertEquals(0, dot, 1e-12);
        assertEquals(1, norm, 1e-12);
        // physical scale: the maximum phonon frequency of Cu is 7.3 THz = 46 rad/ps (neutron data);
        // second-moment potentials reproduce it within about 20 %
        double wMax = modes.frequencies()[n - 1];
        assertTrue(wMax > 37 && wMax < 55, "max omega " + wMax + " rad/ps");
        double logMean = modes.logMeanEigenvalue();
        double direct = 0;
        for (int l : modes.stableModes()) {
            direct += Math.log(ev[l]);
        }
        assertEquals(direct / (n - 3), logMean, 1e-12);
        assertEquals(0.5 * (logMean + Math.log(PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2)), modes.logMeanFrequency(), 1e-12);
    }

    @Test
    void unstableStructureIsReported() {
        // springs with rest length twice the bond: under this compression the transverse stiffness
        // k (1 - b / r) = -k is negative and shear modes are unstable
        double a = 3.6;
        Structure s = Lattices.fcc("Cu", a, 1, 1, 1);
        double nn = a / Math.sqrt(2);
        NormalModes modes = NormalModes.of(new SpringModel(2.0, 2.0 * nn, 0.5 * (nn + a)), s);
        assertTrue(modes.eigenvalues()[3] < -1e-3, Arrays.toString(modes.eigenvalues()));
        assertTrue(modes.frequencies()[0] < 0);
        assertThrows(IllegalStateException.class, modes::logMeanEigenvalue);
        assertThrows(IllegalArgumentException.class, () -> HessianCalculator.hessian(new SpringModel(1, 1, 3), s, 0, 1));
        DMatrixRMaj asym = new DMatrixRMaj(12, 12);
        asym.set(0, 1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> NormalModes.of(asym, s));
    }
}
