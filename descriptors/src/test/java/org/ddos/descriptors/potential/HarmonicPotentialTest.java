package org.ddos.descriptors.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HarmonicPotentialTest {
    static final SmaLinearPotential CU = new SmaLinearPotential("Cu",
            SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));

    @Test
    void isTheSecondOrderExpansionOfThePotential() {
        Structure s = Lattices.fcc("Cu", 3.615, 2, 2, 2);
        HarmonicPotential h = HarmonicPotential.of(CU, s);
        assertEquals(CU.energy(s), h.energy(s), 1e-12);
        assertEquals(CU.energy(s), h.referenceEnergy(), 1e-12);
        Random r = new Random(3);
        double[] x = s.positions();
        double[] u = new double[x.length];
        for (int a = 0; a < x.length; a++) {
            u[a] = 0.01 * r.nextGaussian();
        }
        // E(x0 + eps u) agrees with the real potential beyond second order: the ratio of the errors
        // at eps and eps / 2 lies between 8 (cubic remainder) and 16 (quartic); a wrong H gives 4
        double[] err = new double[2];
        for (int k = 0; k < 2; k++) {
            double eps = k == 0 ? 1.0 : 0.5;
            double[] y = x.clone();
            for (int a = 0; a < x.length; a++) {
                y[a] += eps * u[a];
            }
            Structure moved = s.withPositions(y);
            err[k] = h.energy(moved) - CU.energy(moved);
        }
        double ratio = err[0] / err[1];
        assertTrue(ratio > 7 && ratio < 17, "remainder ratio " + ratio);
        // forces are -dE/dx by central differences (exact for a quadratic)
        double[] y = x.clone();
        for (int a = 0; a < x.length; a++) {
            y[a] += u[a];
        }
        double[] f = new double[x.length];
        h.compute(s.withPositions(y), f, null);
        for (int a = 0; a < x.length; a += 7) {
            double step = 1e-4;
            double[] p = y.clone();
            double[] m = y.clone();
            p[a] += step;
            m[a] -= step;
            double fd = -(h.energy(s.withPositions(p)) - h.energy(s.withPositions(m))) / (2 * step);
            assertEquals(fd, f[a], 1e-8, "force component " + a);
        }
        double[] d = h.meanDescriptor(s.withPositions(y));
        assertEquals((h.energy(s.withPositions(y)) - h.referenceEnergy()) / s.atomCount(), d[0], 1e-15);
    }

    @Test
    void rejectsBadInput() {
        DMatrixRMaj asym = new DMatrixRMaj(3, 3);
        asym.set(0, 1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> new HarmonicPotential(new double[3], asym, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new HarmonicPotential(new double[6], new DMatrixRMaj(3, 3), 0, 0));
        HarmonicPotential ok = new HarmonicPotential(new double[3], new DMatrixRMaj(3, 3), 0, 0);
        Structure two = Lattices.fcc("Cu", 3.6, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> ok.energy(two));
    }
}
