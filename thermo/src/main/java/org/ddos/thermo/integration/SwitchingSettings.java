package org.ddos.thermo.integration;

/**
 * How a thermodynamic-integration run switches (Frenkel–Ladd and reversible scaling share them).
 *
 * @param timestep MD timestep in ps (e.g. 0.002)
 * @param friction Langevin friction gamma in 1/ps (e.g. 5)
 * @param equilibrationSteps steps before each switch (at the potential, at the Einstein crystal, at
 *     the scaled potential)
 * @param switchingSteps steps of every switch (forward and backward, Frenkel–Ladd and scaling alike)
 * @param msdSteps steps over which the mean-squared displacement that fixes the Einstein
 *     frequency is averaged (after one equilibration)
 * @param repeats independent repetitions of the whole protocol (the error bar is their standard error)
 * @param seed master seed: every repetition's velocities and noise derive from it
 */
public record SwitchingSettings(double timestep, double friction, int equilibrationSteps, int switchingSteps,
        int msdSteps, int repeats, long seed) {

    /** 2 fs, gamma = 5 / ps, 1,000 + 4,000 steps per stage, MSD over 1,000 steps, 3 repeats, seed 1. */
    public static final SwitchingSettings DEFAULT = new SwitchingSettings(0.002, 5.0, 1000, 4000, 1000, 3, 1);

    /**
     * @param timestep MD timestep in ps, positive
     * @param friction Langevin friction gamma in 1/ps, positive
     * @param equilibrationSteps steps before each switch, at least 0
     * @param switchingSteps steps of every switch, at least 1
     * @param msdSteps steps of the mean-squared-displacement average, at least 1
     * @param repeats independent repetitions, at least 1
     * @param seed master seed
     * @throws IllegalArgumentException naming the bad setting
     */
    public SwitchingSettings {
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw new IllegalArgumentException("timestep must be positive and finite (ps), got " + timestep);
        }
        if (!(friction > 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("friction must be positive and finite (1/ps), got " + friction);
        }
        if (equilibrationSteps < 0) {
            throw new IllegalArgumentException("equilibration steps must be >= 0, got " + equilibrationSteps);
        }
        if (switchingSteps < 1) {
            throw new IllegalArgumentException("switching steps must be >= 1, got " + switchingSteps);
        }
        if (msdSteps < 1) {
            throw new IllegalArgumentException("MSD steps must be >= 1, got " + msdSteps);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
    }

    /**
     * @param equilibration steps before each switch
     * @param switching steps of every switch
     * @return a copy with other switching and equilibration lengths
     */
    public SwitchingSettings withSteps(int equilibration, int switching) {
        return new SwitchingSettings(timestep, friction, equilibration, switching, msdSteps, repeats, seed);
    }

    /**
     * @param count independent repetitions
     * @return a copy with another number of repeats
     */
    public SwitchingSettings withRepeats(int count) {
        return new SwitchingSettings(timestep, friction, equilibrationSteps, switchingSteps, msdSteps, count, seed);
    }

    /**
     * @param newSeed master seed
     * @return a copy with another seed
     */
    public SwitchingSettings withSeed(long newSeed) {
        return new SwitchingSettings(timestep, friction, equilibrationSteps, switchingSteps, msdSteps, repeats, newSeed);
    }

    /**
     * @param dt timestep in ps
     * @param gamma friction in 1/ps
     * @return a copy with another timestep and friction
     */
    public SwitchingSettings withDynamics(double dt, double gamma) {
        return new SwitchingSettings(dt, gamma, equilibrationSteps, switchingSteps, msdSteps, repeats, seed);
    }

    /**
     * @param steps MD steps of the mean-squared-displacement average
     * @return a copy with another MSD averaging length
     */
    public SwitchingSettings withMsdSteps(int steps) {
        return new SwitchingSettings(timestep, friction, equilibrationSteps, switchingSteps, steps, repeats, seed);
    }
}
