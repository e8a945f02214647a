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

    @Test
    void warmWalkAndColdBatchReturnTheSameVerticesAsSingleQueries() {
        PhaseEntropy entropy = FeCampaigns.bcc().entropy();
        ConcaveConjugate conj = new ConcaveConjugate(entropy);
        int gk = entropy.isosurfaceCount() * entropy.descriptorCount();
        int k = entropy.descriptorCount();
        Random rng = new Random(5);
        double[] rotated = new double[gk];
        int[] cold = new int[gk];
        int[] warm = new int[gk];
        boolean started = false;
        int changed = 0;
        // a temperature scan with small jumps (walks) and large ones (fallback to the full search)
        double[] betas = {1 / 0.02, 1 / 0.021, 1 / 0.05, 1 / 0.3, 1 / 0.299, 1 / 0.01, 1 / 0.0101};
        for (int i = 0; i < gk; i++) {
            rotated[i] = rng.nextGaussian() * 0.05;
        }
        for (double beta : betas) {
            conj.argminAll(rotated, beta, cold, false);
            int[] before = warm.clone();
            conj.argminAll(rotated, beta, warm, started);
            started = true;
            for (int p = 0; p < gk; p++) {
                int single = conj.argmin(p / k, p % k, beta * rotated[p]);
                assertEquals(single, cold[p], "cold batch, pair " + p);
                assertEquals(single, warm[p], "warm walk, pair " + p);
                changed += before[p] != warm[p] ? 1 : 0;
            }
        }
        // the scan really moved the minimisers, so the walk and its fallback were exercised
        org.junit.jupiter.api.Assertions.assertTrue(changed > gk, "minimisers moved " + changed + " times");
    }
}
