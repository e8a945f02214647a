package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;

class SnapDescriptorsTest {
    @Test
    void meanGradientMatchesFiniteDifferences() {
        SnapParameters p = new SnapParameters(4.6, 0.99363, 6, 0.0, true, true, false, false, false);
        SnapCoefficients c = SnapPotentialTest.twoElementCoefficients(p, 5);
        SnapDescriptors d = new SnapDescriptors(p, c);
        Structure s = SnapPotentialTest.triclinicBcc(2, 3.15, 0.05, 0.08, 13, 2);
        int n = s.atomCount();
        int k = d.componentCount();
        double[] g = d.meanGradient(s);
        double gmax = 0;
        for (double v : g) {
            gmax = Math.max(gmax, Math.abs(v));
        }
        double h = 2e-5;
        for (int q = 0; q < 3 * n; q++) {
            double[] x = s.positions();
            x[q] += h;
            double[] dp = d.mean(s.withPositions(x));
            x[q] -= 2 * h;
            double[] dm = d.mean(s.withPositions(x));
            for (int c2 = 0; c2 < k; c2++) {
                double fd = (dp[c2] - dm[c2]) / (2 * h);
                assertEquals(fd, g[c2 * 3 * n + q], 1e-6 * gmax, "component " + c2 + " coordinate " + q);
            }
        }
    }

    @Test
    void meanWithReusedSkinListEqualsFreshMean() {
        SnapParameters p = new SnapParameters(4.6, 0.99363, 6, 0.0, true, true, false, false, false);
        SnapCoefficients c = SnapPotentialTest.twoElementCoefficients(p, 5);
        Structure lattice = SnapPotentialTest.triclinicBcc(2, 3.15, 0.0, 0.08, 13, 2);
        SnapDescriptors one = new SnapDescriptors(p, c).withThreads(1);
        SnapDescriptors two = new SnapDescriptors(p, c).withThreads(2);
        org.ddos.descriptors.neighbors.SkinNeighborList skin =
                new org.ddos.descriptors.neighbors.SkinNeighborList(lattice, one.cutoff(), 1.0);
        java.util.Random rnd = new java.util.Random(4);
        double[] out = new double[one.componentCount()];
        double[] out2 = new double[one.componentCount()];
        for (int sample = 0; sample < 4; sample++) {
            double[] x = lattice.positions();
            for (int q = 0; q < x.length; q++) {
                x[q] += 0.1 * rnd.nextGaussian();
            }
            Structure s = lattice.withPositions(x);
            skin.update(x);
            assertTrue(skin.updateWithinSkin(x));
            one.mean(s, skin, out);
            two.mean(s, skin, out2);
            double[] fresh = one.mean(s);
            for (int k = 0; k < out.length; k++) {
                // the skin list orders an atom's neighbours differently: equal to rounding
                assertEquals(fresh[k], out[k], 1e-13 * (1 + Math.abs(fresh[k])), "component " + k);
                assertEquals(fresh[k], out2[k], 1e-13 * (1 + Math.abs(fresh[k])), "component " + k);
            }
            // one thread sums atoms in the order mean(Structure) does: with the same list, identical bits
            one.mean(s, org.ddos.descriptors.neighbors.CellListNeighborList.build(s, one.cutoff()), out);
            assertArrayEquals(fresh, out, 0.0);
        }
        assertEquals(1, skin.buildCount(), "0.1 Å displacements stay inside the 1 Å skin");
        double[] far = lattice.positions();
        far[0] += 0.6;
        assertFalse(skin.updateWithinSkin(far), "a 0.6 Å move leaves the 1 Å skin");
        assertEquals(1, skin.buildCount(), "updateWithinSkin never rebuilds");
        assertThrows(IllegalArgumentException.class, () -> one.mean(lattice, skin, new double[3]));
    }

    @Test
    void mappingByElementSymbolAndExplicitMappingAgree() {
        SnapParameters p = SnapParameters.of(4.6, 4);
        SnapCoefficients c = SnapPotentialTest.twoElementCoefficients(p, 6);
        Structure s = SnapPotentialTest.triclinicBcc(2, 3.15, 0.05, 0.08, 13, 2);
        double[] byName = new SnapDescriptors(p, c).perAtom(s);
        double[] explicit = new SnapDescriptors(p, c, "W", "Mo").perAtom(s);
        double[] swapped = new SnapDescriptors(p, c, "Mo", "W").perAtom(s);
        org.junit.jupiter.api.Assertions.assertArrayEquals(byName, explicit, 0.0);
        boolean differs = false;
        for (int i = 0; i < byName.length; i++) {
            differs |= Math.abs(byName[i] - swapped[i]) > 1e-6;
        }
        org.junit.jupiter.api.Assertions.assertTrue(differs, "radius and weight depend on the element");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SnapDescriptors(p, c, "Fe"));
    }
}
