package org.ddos.scorematching.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;

/** Campaigns with one descriptor mode whose density is known exactly, for testing. */
final class SyntheticCampaigns {
    private SyntheticCampaigns() {
    }

    /**
     * @param entropy exact per-atom entropy S(y); density exp(N S(y))
     * @param lo lowest bin edge
     * @param hi highest bin edge
     * @param bins number of bins
     * @param samples total count; counts are expected values (rounded) when rng is null, multinomial draws otherwise
     */
    static PhaseCampaign oneMode(DoubleUnaryOperator entropy, int atoms, double lo, double hi, int bins, long samples,
            Random rng) {
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = lo + (hi - lo) * b / bins;
        }
        // bin probabilities by Simpson integration of exp(N S)
        double[] p = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++) {
            double a = edges[b];
            double c = edges[b + 1];
            int sub = 16;
            double sum = 0;
            for (int i = 0; i <= sub; i++) {
                double y = a + (c - a) * i / sub;
                double w = (i == 0 || i == sub) ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += w * Math.exp(atoms * entropy.applyAsDouble(y));
            }
            p[b] = sum;
            total += sum;
        }
        long[] counts = new long[bins];
        if (rng == null) {
            for (int b = 0; b < bins; b++) {
                counts[b] = Math.round(samples * p[b] / total);
            }
        } else {
            double[] cdf = new double[bins];
            double acc = 0;
            for (int b = 0; b < bins; b++) {
                acc += p[b] / total;
                cdf[b] = acc;
            }
            for (long s = 0; s < samples; s++) {
                double u = rng.nextDouble() * acc;
                int idx = java.util.Arrays.binarySearch(cdf, u);
                counts[idx < 0 ? -idx - 1 : idx]++;
            }
        }
        List<IsosurfaceStatistics> iso = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            iso.add(new IsosurfaceStatistics(0.5 + g, new double[] {0}, new double[] {1}, new double[][] {{1}},
                    new double[][] {edges}, new long[][] {counts}));
        }
        return new PhaseCampaign("synthetic", "hessian", atoms, 1.0, 10.0, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                new double[0], new double[] {0}, 0.1, 0.0, 0.0, iso);
    }
}
