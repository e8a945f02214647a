package org.ddos.descriptors.dynamics;

import java.util.SplittableRandom;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * Molecular dynamics at fixed cell: velocity Verlet (NVE) and Langevin dynamics with the BAOAB
 * splitting (NVT), for any {@link ForceField} (any {@link Potential} through
 * {@link PotentialForceField}).
 *
 * <p>Units: positions Å, velocities Å/ps, time ps, forces eV/Å, masses amu, energies eV;
 * accelerations are F / m times {@link PhysicalConstants#EV_PER_AMU_ANGSTROM2_IN_PS2}.
 *
 * <p><b>BAOAB</b> (Leimkuhler &amp; Matthews, Appl. Math. Res. Express 2013, 34; J. Chem. Phys. 138,
 * 174102 (2013)): half kick B, half drift A, the exact Ornstein–Uhlenbeck step
 * O: v &lt;- c1 v + sqrt((1 - c1^2) k_B T / m) xi with c1 = exp(-gamma dt), half drift, new forces,
 * half kick. Its configurational averages are second order in dt and exact for harmonic
 * potentials; one force evaluation per step.
 *
 * <p><b>Centre of mass.</b> By default the centre of mass is fixed (3N - 3 degrees of freedom):
 * the mass-weighted mean of the forces is removed from every force evaluation and the centre-of-mass
 * velocity from the initial velocities and after every O step. This is the exact projection of the
 * dynamics onto the plane of fixed centre of mass (mass metric), so the canonical averages are those
 * of the crystal with its centre of mass held, as thermodynamic integration and the D-DOS harmonic
 * reference (three zero modes removed) both assume.
 *
 * <p><b>Determinism.</b> The thermostat noise and initial velocities come from
 * {@link SplittableRandom} seeded by the caller: the same seed, force field and settings give the
 * same trajectory bit for bit.
 *
 * <p>The step methods allocate nothing (the force field may). Not thread-safe.
 */
public final class MolecularDynamics {
    private static final double ACCEL = PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2;

    private final int atomCount;
    private final double[] mass;
    private final double totalMass;
    private final double[] x;
    private final double[] v;
    private final double[] f;
    private final double timestep;
    private ForceField field;
    private double energy;
    private boolean fixedCentre = true;
    // thermostat
    private double temperature = Double.NaN;
    private double friction = Double.NaN;
    private double c1;
    private final double[] noiseScale;
    private SplittableRandom random;
    private long steps;

    /**
     * Starts at the structure's positions with zero velocities and computes the forces.
     *
     * @param structure atoms, masses and the (fixed) cell
     * @param field the force field (e.g. {@link PotentialForceField} of the same structure)
     * @param timestep dt in ps, positive (about 1-2 fs = 0.001-0.002 ps for metals)
     * @throws IllegalArgumentException on a non-positive or non-finite timestep
     */
    public MolecularDynamics(Structure structure, ForceField field, double timestep) {
        if (!(timestep > 0) || !Double.isFinite(timestep)) {
            throw new IllegalArgumentException("timestep must be positive and finite (ps), got " + timestep);
        }
        this.atomCount = structure.atomCount();
        this.mass = new double[atomCount];
        double m = 0;
        for (int i = 0; i < atomCount; i++) {
            mass[i] = structure.massOf(i);
            m += mass[i];
        }
        this.totalMass = m;
        this.x = structure.positions();
        this.v = new double[3 * atomCount];
        this.f = new double[3 * atomCount];
        this.noiseScale = new double[atomCount];
        this.timestep = timestep;
        this.field = field;
        refreshForces();
    }

    /**
     * MD of a potential with a {@link PotentialForceField} (default skin).
     *
     * @param structure atoms, masses and the (fixed) cell; its positions start the run
     * @param potential the potential
     * @param timestep dt in ps, positive
     * @return the integrator at rest (zero velocities) with forces computed
     * @throws IllegalArgumentException on a non-positive or non-finite timestep
     */
    public static MolecularDynamics of(Structure structure, Potential potential, double timestep) {
        return new MolecularDynamics(structure, new PotentialForceField(potential, structure), timestep);
    }

    /**
     * Whether the centre of mass is held fixed (default true). Switching it on removes the current
     * centre-of-mass velocity.
     *
     * @param fixed whether to hold the centre of mass fixed
     * @return this
     */
    public MolecularDynamics fixCentreOfMass(boolean fixed) {
        this.fixedCentre = fixed;
        if (fixed) {
            removeCentreOfMassVelocity();
            refreshForces();
        }
        return this;
    }

    /**
     * Sets the Langevin thermostat used by {@link #langevinStep()}.
     *
     * @param temperatureK T in K, positive
     * @param frictionPerPs gamma in 1/ps, positive (e.g. 1-10 / ps; 1/gamma is the velocity memory)
     * @param seed seed of the thermostat noise
     * @return this
     * @throws IllegalArgumentException on non-positive or non-finite values
     */
    public MolecularDynamics thermostat(double temperatureK, double frictionPerPs, long seed) {
        if (!(temperatureK > 0) || !Double.isFinite(temperatureK)) {
            throw new IllegalArgumentException("thermostat temperature must be positive and finite (K), got " + temperatureK);
        }
        if (!(frictionPerPs > 0) || !Double.isFinite(frictionPerPs)) {
            throw new IllegalArgumentException("Langevin friction must be positive and finite (1/ps), got " + frictionPerPs);
        }
        this.temperature = temperatureK;
        this.friction = frictionPerPs;
        this.random = new SplittableRandom(seed);
        this.c1 = Math.exp(-frictionPerPs * timestep);
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperatureK;
        for (int i = 0; i < atomCount; i++) {
            noiseScale[i] = Math.sqrt((1 - c1 * c1) * kt * ACCEL / mass[i]);
        }
        return this;
    }

    /**
     * Draws Maxwell–Boltzmann velocities at T (centre-of-mass velocity removed when it is fixed).
     *
     * @param temperatureK T in K, non-negative (0 sets all velocities to zero)
     * @param seed seed of the draw
     * @return this
     */
    public MolecularDynamics initializeVelocities(double temperatureK, long seed) {
        if (!(temperatureK >= 0) || !Double.isFinite(temperatureK)) {
            throw new IllegalArgumentException("temperature must be non-negative and finite (K), got " + temperatureK);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperatureK;
        for (int i = 0; i < atomCount; i++) {
            double s = Math.sqrt(kt * ACCEL / mass[i]);
            for (int c = 0; c < 3; c++) {
                v[3 * i + c] = s * r.nextGaussian();
            }
        }
        if (fixedCentre) {
            removeCentreOfMassVelocity();
        }
        return this;
    }

    /**
     * Sets the velocities (e.g. a microcanonical start drawn by the caller); the centre-of-mass
     * velocity is removed when the centre of mass is fixed.
     *
     * @param velocities length 3N (Å/ps), finite; copied
     * @return this
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public MolecularDynamics setVelocities(double[] velocities) {
        if (velocities.length != v.length) {
            throw new IllegalArgumentException("velocities must have length 3N = " + v.length + ", got " + velocities.length);
        }
        for (double a : velocities) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException("velocities must be finite, got " + a);
            }
        }
        System.arraycopy(velocities, 0, v, 0, v.length);
        if (fixedCentre) {
            removeCentreOfMassVelocity();
        }
        return this;
    }

    /**
     * Multiplies every velocity by {@code factor} (e.g. to set the kinetic energy exactly).
     *
     * @param factor non-negative scale factor (the kinetic energy scales by factor^2)
     * @throws IllegalArgumentException on a negative or non-finite factor
     */
    public void scaleVelocities(double factor) {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("velocity scale factor must be non-negative and finite, got " + factor);
        }
        for (int a = 0; a < v.length; a++) {
            v[a] *= factor;
        }
    }

    /**
     * Replaces the force field (e.g. a new switching parameter) and recomputes the forces at the
     * current positions.
     *
     * @param newField the force field (for the same atoms)
     */
    public void setForceField(ForceField newField) {
        this.field = newField;
        refreshForces();
    }

    /** Recomputes energy and forces at the current positions (after the force field changed in place). */
    public void refreshForces() {
        energy = field.compute(x, f);
        if (fixedCentre) {
            projectForces();
        }
    }

    /** One velocity-Verlet step (NVE): B(dt/2) A(dt) B(dt/2). */
    public void verletStep() {
        kick(0.5 * timestep);
        drift(timestep);
        refreshForces();
        kick(0.5 * timestep);
        steps++;
    }

    /**
     * One Langevin step, BAOAB splitting.
     *
     * @throws IllegalStateException when no thermostat was set
     */
    public void langevinStep() {
        if (random == null) {
            throw new IllegalStateException("set the thermostat first (thermostat(T, gamma, seed))");
        }
        double h = 0.5 * timestep;
        kick(h);
        drift(h);
        for (int i = 0; i < atomCount; i++) {
            double s = noiseScale[i];
            int a = 3 * i;
            v[a] = c1 * v[a] + s * random.nextGaussian();
            v[a + 1] = c1 * v[a + 1] + s * random.nextGaussian();
            v[a + 2] = c1 * v[a + 2] + s * random.nextGaussian();
        }
        if (fixedCentre) {
            removeCentreOfMassVelocity();
        }
        drift(h);
        refreshForces();
        kick(h);
        steps++;
    }

    /**
     * Runs {@code count} Langevin steps.
     *
     * @param count number of steps (none when &lt;= 0)
     */
    public void langevin(int count) {
        for (int s = 0; s < count; s++) {
            langevinStep();
        }
    }

    /**
     * Runs {@code count} velocity-Verlet steps.
     *
     * @param count number of steps (none when &lt;= 0)
     */
    public void verlet(int count) {
        for (int s = 0; s < count; s++) {
            verletStep();
        }
    }

    private void kick(double dt) {
        for (int i = 0; i < atomCount; i++) {
            double c = dt * ACCEL / mass[i];
            int a = 3 * i;
            v[a] += c * f[a];
            v[a + 1] += c * f[a + 1];
            v[a + 2] += c * f[a + 2];
        }
    }

    private void drift(double dt) {
        for (int a = 0; a < x.length; a++) {
            x[a] += dt * v[a];
        }
    }

    private void projectForces() {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int i = 0; i < atomCount; i++) {
            sx += f[3 * i];
            sy += f[3 * i + 1];
            sz += f[3 * i + 2];
        }
        sx /= totalMass;
        sy /= totalMass;
        sz /= totalMass;
        for (int i = 0; i < atomCount; i++) {
            f[3 * i] -= mass[i] * sx;
            f[3 * i + 1] -= mass[i] * sy;
            f[3 * i + 2] -= mass[i] * sz;
        }
    }

    private void removeCentreOfMassVelocity() {
        double px = 0;
        double py = 0;
        double pz = 0;
        for (int i = 0; i < atomCount; i++) {
            px += mass[i] * v[3 * i];
            py += mass[i] * v[3 * i + 1];
            pz += mass[i] * v[3 * i + 2];
        }
        px /= totalMass;
        py /= totalMass;
        pz /= totalMass;
        for (int i = 0; i < atomCount; i++) {
            v[3 * i] -= px;
            v[3 * i + 1] -= py;
            v[3 * i + 2] -= pz;
        }
    }

    /** @return the potential energy at the current positions (eV) */
    public double potentialEnergy() {
        return energy;
    }

    /** @return the kinetic energy sum_i m_i v_i^2 / 2 (eV) */
    public double kineticEnergy() {
        double k = 0;
        for (int i = 0; i < atomCount; i++) {
            int a = 3 * i;
            k += mass[i] * (v[a] * v[a] + v[a + 1] * v[a + 1] + v[a + 2] * v[a + 2]);
        }
        return 0.5 * k / ACCEL;
    }

    /** @return potential plus kinetic energy (eV) */
    public double totalEnergy() {
        return energy + kineticEnergy();
    }

    /** @return 3N - 3 with the centre of mass fixed, else 3N */
    public int degreesOfFreedom() {
        return fixedCentre ? 3 * atomCount - 3 : 3 * atomCount;
    }

    /** @return the kinetic temperature 2 K / (dof k_B) in K */
    public double kineticTemperature() {
        return 2 * kineticEnergy() / (degreesOfFreedom() * PhysicalConstants.BOLTZMANN_EV_PER_K);
    }

    /** @return the internal positions, length 3N (Å); read-only view, valid until the next step */
    public double[] positionsView() {
        return x;
    }

    /** @return the internal velocities, length 3N (Å/ps); read-only view */
    public double[] velocitiesView() {
        return v;
    }

    /** @return the internal forces at the current positions, length 3N (eV/Å); read-only view */
    public double[] forcesView() {
        return f;
    }

    /** @return N */
    public int atomCount() {
        return atomCount;
    }

    /**
     * @param i atom index, 0 &lt;= i &lt; N
     * @return the mass of atom i in amu
     */
    public double massOf(int i) {
        return mass[i];
    }

    /** @return dt in ps */
    public double timestep() {
        return timestep;
    }

    /** @return the thermostat temperature in K (NaN before {@link #thermostat}) */
    public double temperature() {
        return temperature;
    }

    /** @return the Langevin friction in 1/ps (NaN before {@link #thermostat}) */
    public double friction() {
        return friction;
    }

    /** @return steps taken since construction */
    public long stepCount() {
        return steps;
    }

    /** @return the simulated time, steps x dt (ps) */
    public double time() {
        return steps * timestep;
    }
}
