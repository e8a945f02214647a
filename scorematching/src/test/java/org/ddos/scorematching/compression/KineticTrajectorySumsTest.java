package org.ddos.scorematching.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-trajectory sums of a kinetic campaign: the ratio-estimator standard error, merging and bad input. */
class KineticTrajectorySumsTest {

    /**
     * Equal counts: the ratio estimator's standard error is the sample standard deviation of the
     * trajectory means over sqrt(T), computed here directly.
     */
    @Test
    void equalCountsGiveTheStandardErrorOfTheTrajectoryMeans() {
        int frames = 5;
        int trajectories = 7;
        KineticTrajectorySums s = new KineticTrajectorySums(frames, 1, (long) frames * trajectories);
        SplittableRandom rng = new SplittableRandom(3);
        double[] means = new double[trajectories];
        for (int j = 0; j < frames * trajectories; j++) {
            // a trajectory-level offset plus frame noise
            double v = 2.0 + 0.1 * (j / frames) + 0.05 * rng.nextDouble();
            s.add(0, j, v);
            means[j / frames] += v / frames;
        }
        double mean = 0;
        for (double m : means) {
            mean += m / trajectories;
        }
        double var = 0;
        for (double m : means) {
            var += (m - mean) * (m - mean) / (trajectories - 1);
        }
        assertEquals(Math.sqrt(var / trajectories), s.standardErrorOfMean(0), 1e-12);
    }

    /** Unequal counts (a partial last trajectory): Cochran's ratio-estimator variance, written out. */
    @Test
    void unequalCountsFollowTheRatioEstimator() {
        KineticTrajectorySums s = new KineticTrajectorySums(3, 1, 7); // trajectories of 3, 3 and 1 samples
        double[] v = {1, 2, 3, 4, 5, 6, 10};
        for (int j = 0; j < v.length; j++) {
            s.add(0, j, v[j]);
        }
        double mean = (1 + 2 + 3 + 4 + 5 + 6 + 10) / 7.0;
        double[] sums = {6, 15, 10};
        double[] counts = {3, 3, 1};
        double ss = 0;
        for (int t = 0; t < 3; t++) {
            ss += Math.pow(sums[t] - mean * counts[t], 2);
        }
        assertEquals(Math.sqrt(3.0 / 2.0 * ss) / 7, s.standardErrorOfMean(0), 1e-12);
    }

    @Test
    void shardsMergeIntoTheSameState() {
        KineticTrajectorySums whole = new KineticTrajectorySums(4, 2, 20);
        KineticTrajectorySums even = new KineticTrajectorySums(4, 2, 20);
        KineticTrajectorySums odd = new KineticTrajectorySums(4, 2, 20);
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 20; j++) {
                double v = 1.0 / (1 + j + 10 * g);
                whole.add(g, j, v);
                (j % 2 == 0 ? even : odd).add(g, j, v);
            }
        }
        odd.merge(even);
        assertTrue(whole.sameState(odd));
        assertTrue(Double.isNaN(new KineticTrajectorySums(4, 1, 20).standardErrorOfMean(0)), "no samples: no error");
    }

    @Test
    void rejectsBadInput() {
        KineticTrajectorySums s = new KineticTrajectorySums(4, 2, 20);
        assertThrows(IllegalArgumentException.class, () -> s.add(0, 20, 1.0), "sample beyond the campaign");
        assertThrows(IllegalArgumentException.class, () -> s.add(2, 0, 1.0), "isosurface beyond the campaign");
        assertThrows(IllegalArgumentException.class, () -> s.add(0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.add(0, 0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> new KineticTrajectorySums(0, 2, 20));
        assertThrows(IllegalArgumentException.class, () -> s.merge(new KineticTrajectorySums(5, 2, 20)));
    }
}
