package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
