package org.ddos.scorematching.sampling;

import java.util.Locale;

/**
 * Molecular-dynamics settings of the kinetic isosurface flavour ({@link KineticSampler}).
 *
 * <p>Sample j of an isosurface is frame {@code j mod frames} of trajectory {@code j / frames}; frame f
 * is taken after {@code thermalizationSteps} Langevin steps and then
 * {@code decorrelationSteps + f * frameInterval} velocity-Verlet steps.
 *
 * @param timestep velocity-Verlet timestep in ps (positive; e.g. 0.002 ps for W; LAMMPS metal default 0.001)
 * @param decorrelationSteps steps from the microcanonical start to the first recorded frame (&gt;= 0)
 * @param frameInterval steps between two recorded frames of one trajectory (&gt;= 1)
 * @param frames frames recorded per trajectory (&gt;= 1); 1 makes every sample an independent trajectory
 * @param thermalizationSteps Langevin steps at the harmonic temperature of the isosurface before the
 *     constant-energy run (&gt;= 0; 0: start NVE directly from the harmonic microcanonical start, see
 *     {@link KineticSampler})
 */
public record KineticSettings(double timestep, int decorrelationSteps, int frameInterval, int frames,
        int thermalizationSteps) {
    /**
     * 2 fs steps; 250 Langevin steps (0.5 ps) at the isosurface's harmonic temperature, 200 NVE steps
     * (0.4 ps) to decorrelate, then 10 frames 50 steps (0.1 ps) apart.
     */
    public static final KineticSettings DEFAULT = new KineticSettings(0.002, 200, 50, 10, 250);

    /**
     * Without thermalization (NVE from the harmonic microcanonical start).
     *
     * @param timestep velocity-Verlet timestep in ps, in (0, 0.1)
     * @param decorrelationSteps steps from the microcanonical start to the first recorded frame, &gt;= 0
     * @param frameInterval steps between two recorded frames of one trajectory, &gt;= 1
     * @param frames frames recorded per trajectory, &gt;= 1
     * @throws IllegalArgumentException naming the bad key
     */
    public KineticSettings(double timestep, int decorrelationSteps, int frameInterval, int frames) {
        this(timestep, decorrelationSteps, frameInterval, frames, 0);
    }

    /**
     * @param timestep velocity-Verlet timestep in ps, in (0, 0.1)
     * @param decorrelationSteps steps from the microcanonical start to the first recorded frame, &gt;= 0
     * @param frameInterval steps between two recorded frames of one trajectory, &gt;= 1
     * @param frames frames recorded per trajectory, &gt;= 1
     * @param thermalizationSteps Langevin steps before the constant-energy run, &gt;= 0
     * @throws IllegalArgumentException naming the bad key
     */
    public KineticSettings {
        if (!(timestep > 0) || !(timestep < 0.1)) {
            throw new IllegalArgumentException("md_timestep: must lie in (0, 0.1) ps, got " + timestep);
        }
        if (decorrelationSteps < 0) {
            throw new IllegalArgumentException("md_decorrelation_steps: must be >= 0, got " + decorrelationSteps);
        }
        if (frameInterval < 1) {
            throw new IllegalArgumentException("md_frame_interval: must be >= 1, got " + frameInterval);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("md_frames: must be >= 1, got " + frames);
        }
        if (thermalizationSteps < 0) {
            throw new IllegalArgumentException("md_thermalization_steps: must be >= 0, got " + thermalizationSteps);
        }
    }

    /**
     * @return a stable text form (provenance and resume fingerprints); the thermalization appears only
     *     when it is used, so campaigns without it keep their fingerprints
     */
    public String describe() {
        String base = String.format(Locale.ROOT, "md_timestep=%s md_decorrelation_steps=%d md_frame_interval=%d md_frames=%d",
                Double.toString(timestep), decorrelationSteps, frameInterval, frames);
        return thermalizationSteps == 0 ? base : base + " md_thermalization_steps=" + thermalizationSteps;
    }
}
