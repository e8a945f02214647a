package org.ddos.calibration.alloy;

import java.util.Arrays;

/**
 * What a mixing dataset samples: a binary with its homonuclear sets, the box of heteronuclear
 * parameters, the composition range, the temperatures, the screening window and the simulation
 * settings. Saved beside the CSV as JSON so that a resumed run can check it continues the same
 * dataset.
 *
 * <p>Sampling: a scrambled-free Sobol sequence in six dimensions (Joe and Kuo direction numbers,
 * Commons Math {@code SobolSequenceGenerator}; the all-zero first point skipped) gives, per
 * candidate, the unit-cube coordinates of (p, q, A, xi) in the box, x uniform in [xMin, xMax] and
 * T from the list (equal shares). A candidate is kept only when its screening energy (the static
 * mixing energy at x = 1/2 of the quasirandom cell at the Vegard lattice,
 * {@link MixingSimulator#vegardMixingEnergy}) lies in [screenLow, screenHigh] meV/atom: most of
 * the box describes alloys with |Delta H| of 0.5–2.5 eV/atom, far beyond any real fcc binary,
 * and would waste the surrogate's accuracy.
 *
 * @param binary the binary (x = fraction of B)
 * @param box heteronuclear parameter bounds
 * @param xMin smallest composition, in (0, 1)
 * @param xMax largest composition, in (xMin, 1)
 * @param temperatures temperatures (K), positive, distinct
 * @param screenLow lower end of the screening window (meV/atom)
 * @param screenHigh upper end (meV/atom)
 * @param seed seed of the Monte Carlo runs (each sample derives its own)
 * @param settings supercell and run lengths
 */
public record DatasetDesign(SmaBinary binary, ParameterBox box, double xMin, double xMax, double[] temperatures,
        double screenLow, double screenHigh, long seed, MixingSettings settings) {

    /**
     * Validates the design (copies the temperatures).
     *
     * @param binary the binary (x = fraction of B)
     * @param box heteronuclear parameter bounds
     * @param xMin smallest composition
     * @param xMax largest composition (0 &lt; xMin &lt; xMax &lt; 1)
     * @param temperatures temperatures (K), at least one, positive, finite and distinct
     * @param screenLow lower end of the screening window (meV/atom)
     * @param screenHigh upper end (meV/atom), &gt; screenLow
     * @param seed seed of the Monte Carlo runs
     * @param settings supercell and run lengths
     * @throws IllegalArgumentException naming the first inconsistent field
     */
    public DatasetDesign {
        if (!(xMin > 0 && xMax > xMin && xMax < 1)) {
            throw new IllegalArgumentException("composition range must satisfy 0 < xMin < xMax < 1, got [" + xMin + ", " + xMax + "]");
        }
        if (temperatures.length == 0) {
            throw new IllegalArgumentException("at least one temperature is needed");
        }
        temperatures = temperatures.clone();
        double[] sorted = temperatures.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] > 0) || !Double.isFinite(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("temperatures must be positive, finite and distinct, got " + Arrays.toString(temperatures));
            }
        }
        if (!(screenHigh > screenLow)) {
            throw new IllegalArgumentException("screening window must have screenHigh > screenLow, got [" + screenLow + ", " + screenHigh + "]");
        }
    }

    /**
     * Defaults for a named binary: box with 15% margins, x in [0.05, 0.95], T = 300, 600, 1000,
     * 1300 K, screening window [-300, +150] meV/atom, default simulation settings.
     *
     * @param binary the binary
     * @param seed seed of the Monte Carlo runs
     * @return the default design
     */
    public static DatasetDesign defaults(SmaBinary binary, long seed) {
        return new DatasetDesign(binary, ParameterBox.bracketed(binary, 0.15), 0.05, 0.95, new double[] {300, 600, 1000, 1300},
                -300, 150, seed, MixingSettings.defaults());
    }

    /** @return a copy of the temperatures (K), in the order given */
    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    /**
     * @param s supercell and run lengths
     * @return the same design with other settings
     */
    public DatasetDesign withSettings(MixingSettings s) {
        return new DatasetDesign(binary, box, xMin, xMax, temperatures, screenLow, screenHigh, seed, s);
    }

    /**
     * @param t temperatures (K)
     * @return the same design with other temperatures
     */
    public DatasetDesign withTemperatures(double[] t) {
        return new DatasetDesign(binary, box, xMin, xMax, t, screenLow, screenHigh, seed, settings);
    }

    /**
     * @param b heteronuclear parameter bounds
     * @return the same design with another box
     */
    public DatasetDesign withBox(ParameterBox b) {
        return new DatasetDesign(binary, b, xMin, xMax, temperatures, screenLow, screenHigh, seed, settings);
    }

    /**
     * @param low lower end of the screening window (meV/atom)
     * @param high upper end (meV/atom)
     * @return the same design with another screening window
     */
    public DatasetDesign withScreening(double low, double high) {
        return new DatasetDesign(binary, box, xMin, xMax, temperatures, low, high, seed, settings);
    }
}
