package org.ddos.scorematching.compression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Per-trajectory sums of 1/kappa of a kinetic campaign, for the standard error of its microcanonical
 * inverse temperatures.
 *
 * <p>The frames of one constant-energy trajectory are correlated (for a nearly harmonic crystal each
 * trajectory keeps its own share of mode energies for many picoseconds), so the scatter of single
 * frames would understate the error of beta_mu: it comes from the scatter between independent
 * trajectories. Sample j of an isosurface belongs to trajectory
 * j / framesPerTrajectory (the campaign's convention, {@code KineticSettings}); the sums are exact
 * ({@link BigDecimal}), so they do not depend on the order samples arrive in, and the states of
 * shards merge by addition.
 *
 * <p>Standard error of the ratio estimator mean = sum_t s_t / sum_t c_t over T trajectories with
 * sums s_t and counts c_t: var = T / (T - 1) sum_t (s_t - mean c_t)^2 / (sum_t c_t)^2 (Cochran,
 * Sampling Techniques, 3rd ed. (1977), eq. 6.9, with the finite-population factor 1).
 *
 * <p>Not thread-safe; the campaign runner adds from one thread.
 */
public final class KineticTrajectorySums {
    private final int framesPerTrajectory;
    private final BigDecimal[][] sums;
    private final long[][] counts;

    /**
     * Empty sums for a campaign.
     *
     * @param framesPerTrajectory frames recorded per trajectory (&gt;= 1)
     * @param isosurfaces G (&gt;= 1)
     * @param samplesPerIsosurface samples planned per isosurface over all shards (&gt;= 1)
     * @throws IllegalArgumentException on non-positive sizes, or more than 2^31 - 1 trajectories
     */
    public KineticTrajectorySums(int framesPerTrajectory, int isosurfaces, long samplesPerIsosurface) {
        this(framesPerTrajectory, emptySums(isosurfaces, trajectories(framesPerTrajectory, samplesPerIsosurface)),
                new long[isosurfaces][trajectories(framesPerTrajectory, samplesPerIsosurface)]);
    }

    /**
     * A stored state (archives).
     *
     * @param framesPerTrajectory frames recorded per trajectory (&gt;= 1)
     * @param sums [g][t] exact sums of 1/kappa (1/eV) of trajectory t's samples on isosurface g, all
     *     non-negative; copied
     * @param counts [g][t] samples added to trajectory t of isosurface g (&gt;= 0), same shape; copied
     * @throws IllegalArgumentException on a bad frame count, ragged or mismatched shapes, negative
     *     entries, or a non-zero sum with a zero count
     */
    public KineticTrajectorySums(int framesPerTrajectory, BigDecimal[][] sums, long[][] counts) {
        if (framesPerTrajectory < 1) {
            throw new IllegalArgumentException("frames per trajectory must be >= 1, got " + framesPerTrajectory);
        }
        if (sums.length == 0 || sums.length != counts.length) {
            throw new IllegalArgumentException("trajectory sums: " + sums.length + " isosurfaces of sums, " + counts.length
                    + " of counts");
        }
        this.framesPerTrajectory = framesPerTrajectory;
        this.sums = new BigDecimal[sums.length][];
        this.counts = new long[counts.length][];
        for (int g = 0; g < sums.length; g++) {
            if (sums[g].length != counts[g].length || sums[g].length != sums[0].length) {
                throw new IllegalArgumentException("trajectory sums of isosurface " + g + ": " + sums[g].length + " sums, "
                        + counts[g].length + " counts, isosurface 0 has " + sums[0].length);
            }
            for (int t = 0; t < sums[g].length; t++) {
                BigDecimal s = sums[g][t];
                if (s == null || s.signum() < 0 || counts[g][t] < 0 || (counts[g][t] == 0 && s.signum() != 0)) {
                    throw new IllegalArgumentException("trajectory " + t + " of isosurface " + g + ": sum " + s + " with "
                            + counts[g][t] + " samples");
                }
            }
            this.sums[g] = sums[g].clone();
            this.counts[g] = counts[g].clone();
        }
    }

    private static int trajectories(int frames, long samples) {
        if (frames < 1 || samples < 1) {
            throw new IllegalArgumentException("need frames >= 1 and samples >= 1, got " + frames + " and " + samples);
        }
        long t = (samples + frames - 1) / frames;
        if (t > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(t + " trajectories per isosurface are too many");
        }
        return (int) t;
    }

    private static BigDecimal[][] emptySums(int g, int t) {
        if (g < 1) {
            throw new IllegalArgumentException("need at least one isosurface, got " + g);
        }
        BigDecimal[][] s = new BigDecimal[g][t];
        for (BigDecimal[] row : s) {
            Arrays.fill(row, BigDecimal.ZERO);
        }
        return s;
    }

    /** @return frames recorded per trajectory */
    public int framesPerTrajectory() {
        return framesPerTrajectory;
    }

    /** @return G, isosurfaces */
    public int isosurfaceCount() {
        return sums.length;
    }

    /** @return trajectories per isosurface (planned) */
    public int trajectoryCount() {
        return sums[0].length;
    }

    /**
     * Adds sample j's 1/kappa to its trajectory j / framesPerTrajectory.
     *
     * @param g isosurface index
     * @param sample sample index j on that isosurface (&gt;= 0)
     * @param inverseKappa 1/kappa (1/eV), positive and finite
     * @throws IllegalArgumentException on an index out of range or a bad value
     */
    public void add(int g, long sample, double inverseKappa) {
        long t = sample / framesPerTrajectory;
        if (g < 0 || g >= sums.length || sample < 0 || t >= sums[g].length) {
            throw new IllegalArgumentException("sample " + sample + " of isosurface " + g + " is outside the campaign ("
                    + sums.length + " isosurfaces, " + sums[0].length + " trajectories of " + framesPerTrajectory + " frames)");
        }
        if (!(inverseKappa > 0) || !Double.isFinite(inverseKappa)) {
            throw new IllegalArgumentException("1/kappa must be positive and finite, got " + inverseKappa);
        }
        sums[g][(int) t] = sums[g][(int) t].add(new BigDecimal(inverseKappa));
        counts[g][(int) t]++;
    }

    /**
     * Adds another state (of other shards) to this one.
     *
     * @param o the other state, same shape and frames
     * @throws IllegalArgumentException when the shapes or frame counts differ
     */
    public void merge(KineticTrajectorySums o) {
        if (o.framesPerTrajectory != framesPerTrajectory || o.sums.length != sums.length
                || o.sums[0].length != sums[0].length) {
            throw new IllegalArgumentException("cannot merge trajectory sums of different campaigns");
        }
        for (int g = 0; g < sums.length; g++) {
            for (int t = 0; t < sums[g].length; t++) {
                sums[g][t] = sums[g][t].add(o.sums[g][t]);
                counts[g][t] += o.counts[g][t];
            }
        }
    }

    /**
     * Standard error of the mean of 1/kappa on isosurface g, from the scatter between its
     * trajectories (ratio estimator, class comment).
     *
     * @param g isosurface index
     * @return the one-sigma standard error (1/eV), NaN with fewer than two trajectories holding samples
     */
    public double standardErrorOfMean(int g) {
        int used = 0;
        BigDecimal total = BigDecimal.ZERO;
        long n = 0;
        for (int t = 0; t < sums[g].length; t++) {
            if (counts[g][t] > 0) {
                used++;
                total = total.add(sums[g][t]);
                n += counts[g][t];
            }
        }
        if (used < 2) {
            return Double.NaN;
        }
        double mean = total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).doubleValue();
        double ss = 0;
        for (int t = 0; t < sums[g].length; t++) {
            if (counts[g][t] > 0) {
                double r = sums[g][t].doubleValue() - mean * counts[g][t];
                ss += r * r;
            }
        }
        return Math.sqrt(used / (used - 1.0) * ss) / n;
    }

    /** @return [g][t] the exact sums (deep copy) */
    public BigDecimal[][] sums() {
        BigDecimal[][] out = new BigDecimal[sums.length][];
        for (int g = 0; g < sums.length; g++) {
            out[g] = sums[g].clone();
        }
        return out;
    }

    /** @return [g][t] the sample counts (deep copy) */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int g = 0; g < counts.length; g++) {
            out[g] = counts[g].clone();
        }
        return out;
    }

    /** @return a deep copy */
    public KineticTrajectorySums copy() {
        return new KineticTrajectorySums(framesPerTrajectory, sums, counts);
    }

    /**
     * @param o another state (may be null)
     * @return true when both hold exactly the same frames, sums and counts
     */
    public boolean sameState(KineticTrajectorySums o) {
        return o != null && framesPerTrajectory == o.framesPerTrajectory && Arrays.deepEquals(sums, o.sums)
                && Arrays.deepEquals(counts, o.counts);
    }
}
