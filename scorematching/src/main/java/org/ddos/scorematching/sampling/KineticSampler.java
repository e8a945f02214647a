package org.ddos.scorematching.sampling;

import java.util.SplittableRandom;
import org.ddos.descriptors.dynamics.MolecularDynamics;
import org.ddos.descriptors.dynamics.PotentialForceField;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * The kinetic isosurface flavour: constant-energy (NVE, velocity Verlet) molecular dynamics of the
 * reference potential V at total energy E = E_0 + N e, with e = (isosurface value) x U_0 in eV/atom
 * and E_0 = V(lattice); the centre of mass is fixed (3N - 3 degrees of freedom).
 *
 * <p><b>What is sampled.</b> The microcanonical (constant total energy) measure of the reference
 * Hamiltonian H = V(x) + K(p) on the phase-space surface H = E, as in DescriptorDOS's
 * {@code KineticDisplacer} (LAMMPS {@code fix nve}, total energy per atom held at U_0 x isosurface,
 * default U_0 = 3 k_B x 1000 K so that 1.0 is about 1000 K, and the kinetic energy per atom recorded
 * as an extra descriptor component, its {@code AuxillaryField}). Its configurations are not on a
 * potential-energy isosurface: their marginal density is proportional to (E - V(x))^(d/2 - 1) inside
 * V &lt; E. This is not the uniform-on-ellipsoid measure of the Hessian flavour, so the harmonic shell
 * entropy does not apply to kinetic campaigns (see docs/formats.md; thermo refuses them).
 *
 * <p><b>Start of a trajectory.</b> (u, v) are drawn uniformly on the phase-space hyper-ellipsoid
 * sum_l k_l q_l^2 / 2 + m |v|^2 / 2 = N e of the harmonic reference (2d standard normals, normalised;
 * both u and v in the span of the stable normal modes, so the centre of mass neither moves nor
 * drifts): the exact microcanonical measure of the harmonic Hamiltonian. For a harmonic reference
 * velocity Verlet conserves this measure up to O(dt^2), so samples are exact without any
 * ergodicity; for an anharmonic potential the velocities are then rescaled so that V(x) + K = E
 * exactly (if V(x) - E_0 is not below 90% of N e the displacement is shrunk by 0.9 until it is, at most
 * 60 times; a start with V(x) &gt;= E after that throws). That start is not the anharmonic
 * microcanonical measure, and NVE MD of a weakly anharmonic crystal relaxes it only over
 * picoseconds (W A15: the measured beta_mu drifts by about 0.005 /eV per picosecond at 2700 K;
 * docs/accuracy.md, section 3), so with {@code thermalizationSteps} &gt; 0 (the default) the
 * trajectory first runs Langevin (BAOAB) steps at the harmonic temperature T_h = N e / (d k_B) of
 * the isosurface, friction {@link #THERMALIZATION_FRICTION}, and its velocities are rescaled to
 * V(x) + K = E again; then {@code decorrelationSteps} of NVE precede the first frame. Each frame
 * also carries the time average of 1/K over the steps before it ({@link Trajectory#inverseKineticMean}),
 * from which the campaign estimates beta_mu.
 *
 * <p><b>Determinism.</b> Trajectory t is a pure function of its seed (the campaign derives it from
 * (seed, strain, isosurface, t)): a fresh force field (fresh neighbour list) per trajectory, so a
 * frame computed by continuing a trajectory is bit-identical to one computed from its start.
 *
 * <p>Immutable and thread-safe; each thread follows trajectories through its own {@link Trajectory}.
 */
public final class KineticSampler {
    private static final double ACCEL = PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2;
    /** Langevin friction of the thermalization (1/ps): about a tenth of a W phonon frequency. */
    public static final double THERMALIZATION_FRICTION = 10.0;
    private static final long THERMOSTAT_SEED_MIX = 0x5DEECE66DL;

    private final HarmonicReference reference;
    private final Potential potential;
    private final Structure lattice;
    private final double latticeEnergy;
    private final KineticSettings settings;
    private final double[] stiffness;
    private final double mass;

    /**
     * @param reference the harmonic reference of {@code lattice} (for the microcanonical start)
     * @param potential the reference potential integrated by MD (single-threaded is best: one trajectory per thread)
     * @param lattice the (strained) lattice, single species
     * @param settings MD settings
     * @throws IllegalArgumentException when {@code reference} and {@code lattice} differ in atom count
     */
    public KineticSampler(HarmonicReference reference, Potential potential, Structure lattice, KineticSettings settings) {
        if (reference.atomCount() != lattice.atomCount()) {
            throw new IllegalArgumentException("harmonic reference has " + reference.atomCount() + " atoms, lattice has "
                    + lattice.atomCount());
        }
        this.reference = reference;
        this.potential = potential;
        this.lattice = lattice;
        this.latticeEnergy = potential.energy(lattice);
        this.settings = settings;
        this.stiffness = reference.stiffness();
        this.mass = lattice.massOf(0);
    }

    /** @return E_0 = V(lattice) in eV */
    public double latticeEnergy() {
        return latticeEnergy;
    }

    /** @return the molecular-dynamics settings given to the constructor */
    public KineticSettings settings() {
        return settings;
    }

    /** @return the harmonic reference given to the constructor */
    public HarmonicReference reference() {
        return reference;
    }

    /** @return a new per-thread trajectory follower */
    public Trajectory newTrajectory() {
        return new Trajectory();
    }

    /** One thread's current trajectory; continues it when the next requested frame lies ahead. */
    public final class Trajectory {
        private final double[] z = new double[2 * stiffness.length];
        private final double[] u = new double[3 * lattice.atomCount()];
        private final double[] v = new double[3 * lattice.atomCount()];
        private final double[] x = new double[3 * lattice.atomCount()];
        private MolecularDynamics md;
        private long seed;
        private double energyPerAtom = Double.NaN;
        private int frame = -1;
        private double inverseKinetic = Double.NaN;

        /** @return the sampler this trajectory belongs to */
        public KineticSampler sampler() {
            return KineticSampler.this;
        }

        /**
         * Moves to frame f of the trajectory with this seed at total energy E_0 + N e.
         *
         * @param trajectorySeed the trajectory's seed
         * @param e total energy above the lattice, eV/atom (positive)
         * @param f frame index (&gt;= 0)
         * @return the MD state at that frame (positions in Å, velocities in Å/ps; valid until the next call)
         * @throws IllegalArgumentException unless e &gt; 0 and f &gt;= 0
         * @throws IllegalStateException when no start configuration below the target energy is found
         *     (60 attempts, each shrinking the displacement by 0.9; usually the lattice is not a minimum of
         *     the potential)
         */
        public MolecularDynamics frame(long trajectorySeed, double e, int f) {
            if (!(e > 0) || f < 0) {
                throw new IllegalArgumentException("need e > 0 and frame >= 0, got e = " + e + ", frame " + f);
            }
            if (md != null && trajectorySeed == seed && Double.compare(e, energyPerAtom) == 0 && f >= frame) {
                if (f > frame) {
                    advance((f - frame) * settings.frameInterval());
                }
            } else {
                start(trajectorySeed, e);
                advance(settings.decorrelationSteps() + f * settings.frameInterval());
            }
            frame = f;
            return md;
        }

        /**
         * The time average of 1/K over the velocity-Verlet steps that lead to the current frame: the last
         * {@code frameInterval} steps (fewer for frame 0 when there are fewer decorrelation steps; the
         * frame's own 1/K when there are none). Every step of a trajectory samples the microcanonical
         * measure, so this estimates &lt;1/K&gt; with the same expectation as the frame's own 1/K and
         * several times less noise, at no extra force call. It is the same whether the frame was reached
         * by continuing the trajectory or from its start.
         *
         * @return the mean of 1/K (1/eV, K the total kinetic energy), NaN before the first frame
         */
        public double inverseKineticMean() {
            return inverseKinetic;
        }

        /** Runs {@code steps} steps, averaging 1/K over the last min(steps, frameInterval) of them. */
        private void advance(int steps) {
            int window = Math.min(steps, settings.frameInterval());
            md.verlet(steps - window);
            if (window == 0) {
                inverseKinetic = 1 / md.kineticEnergy();
                return;
            }
            double sum = 0;
            for (int s = 0; s < window; s++) {
                md.verletStep();
                sum += 1 / md.kineticEnergy();
            }
            inverseKinetic = sum / window;
        }

        /** @return E_0 + N e, the total energy the current trajectory holds (eV) */
        public double targetEnergy() {
            return latticeEnergy + lattice.atomCount() * energyPerAtom;
        }

        private void start(long trajectorySeed, double e) {
            int n = lattice.atomCount();
            int d = stiffness.length;
            int n3 = 3 * n;
            SplittableRandom rng = new SplittableRandom(trajectorySeed);
            double norm2 = 0;
            for (int i = 0; i < 2 * d; i++) {
                double g = rng.nextGaussian();
                z[i] = g;
                norm2 += g * g;
            }
            double scale = Math.sqrt(2 * n * e / norm2);
            double vFactor = Math.sqrt(ACCEL / mass);
            java.util.Arrays.fill(u, 0);
            java.util.Arrays.fill(v, 0);
            double[] modes = reference.modes();
            for (int l = 0; l < d; l++) {
                double q = scale * z[l] / Math.sqrt(stiffness[l]);
                double w = scale * z[d + l] * vFactor;
                int off = l * n3;
                for (int a = 0; a < n3; a++) {
                    u[a] += q * modes[off + a];
                    v[a] += w * modes[off + a];
                }
            }
            double[] x0 = lattice.positionsView();
            double target = latticeEnergy + n * e;
            double shrink = 1;
            double kinetic = 0;
            for (int attempt = 0; attempt < 60; attempt++) {
                for (int a = 0; a < n3; a++) {
                    x[a] = x0[a] + shrink * u[a];
                }
                Structure start = lattice.withPositions(x);
                md = new MolecularDynamics(start, new PotentialForceField(potential, start), settings.timestep());
                kinetic = target - md.potentialEnergy();
                if (kinetic > 0.1 * n * e) {
                    break;
                }
                shrink *= 0.9;
            }
            if (!(kinetic > 0)) {
                throw new IllegalStateException("kinetic isosurface e = " + e + " eV/atom: no start configuration below"
                        + " the target energy (is the lattice a minimum of the reference potential?)");
            }
            md.setVelocities(v);
            md.scaleVelocities(Math.sqrt(kinetic / md.kineticEnergy()));
            if (settings.thermalizationSteps() > 0) {
                thermalize(trajectorySeed, e, target);
            }
            seed = trajectorySeed;
            energyPerAtom = e;
        }

        /**
         * Langevin (BAOAB) steps at the harmonic temperature T_h = N e / (d k_B) of the isosurface, then
         * the velocities rescaled so that V + K = E again: the configurations then carry the anharmonic
         * correlations of the canonical ensemble near the right temperature, instead of the harmonic
         * start's, which constant-energy MD of a weakly anharmonic crystal removes only slowly.
         */
        private void thermalize(long trajectorySeed, double e, double target) {
            int d = stiffness.length;
            double th = lattice.atomCount() * e / (d * PhysicalConstants.BOLTZMANN_EV_PER_K);
            md.thermostat(th, THERMALIZATION_FRICTION, trajectorySeed ^ THERMOSTAT_SEED_MIX);
            md.langevin(settings.thermalizationSteps());
            double kinetic = target - md.potentialEnergy();
            if (!(kinetic > 0)) {
                throw new IllegalStateException("kinetic isosurface e = " + e + " eV/atom: after thermalization at " + th
                        + " K the potential energy exceeds the target energy");
            }
            md.scaleVelocities(Math.sqrt(kinetic / md.kineticEnergy()));
        }
    }
}
