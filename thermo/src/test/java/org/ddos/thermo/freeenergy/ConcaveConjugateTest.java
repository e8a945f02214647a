package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.thermo.FeCampaigns;
import org.junit.jupiter.api.Test;

/** The hull-based conjugate equals the brute-force minimum over bins, on the real Fe entropies. */
class ConcaveConjugateTest {
    @Test
    void equalsBruteForceMinimumOverBins() {
        PhaseEntropy entropy = FeCampaigns.bcc().entropy();
        ConcaveConjugate conj = new ConcaveConjugate(entropy);
        int k = entropy.descriptorCount();
        int bins = entropy.binCount();
        Random rng = new Random(11);
        for (int g = 0; g < entropy.isosurfaceCount(); g++) {
            double[] y = entropy.coordinates(g);
            double[] s = entropy.entropy(g);
            for (int m = 0; m < k; m++) {
                double span = y[m * bins + bins - 1] - y[m * bins];
                for (int trial = 0; trial < 40; trial++) {
                    // slopes from gentle to far beyond the steepest hull edge, both signs
                    double slope = (rng.nextDouble() * 2 - 1) * Math.pow(10, rng.nextDouble() * 4 - 1) / span;
                    if (trial == 0) {
                        slope = 0;
                    }
                    double brute = Double.POSITIVE_INFINITY;
                    for (int b = 0; b < bins; b++) {
                        brute = Math.min(brute, slope * y[m * bins + b] - s[m * bins + b]);
                    }
                    int v = conj.argmin(g, m, slope);
                    double hull = slope * conj.y(v) - conj.entropy(v);
                    assertEquals(brute, hull, 1e-12 * (1 + Math.abs(brute)), "g=" + g + " mode=" + m + " slope=" + slope);
                }
            }
        }
    }
}
