package org.ddos.thermo.integration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.ddos.descriptors.dynamics.ForceField;
import org.ddos.descriptors.dynamics.MolecularDynamics;
import org.ddos.descriptors.dynamics.PotentialForceField;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.descriptors.potential.HarmonicPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ejml.data.DMatrixRMaj;

/**
 * Absolute classical Helmholtz free energies of a crystal by thermodynamic integration (TI), the
 * established route that D-DOS predictions are checked against.
 *
 * <p><b>Protocol</b> (Freitas, Asta &amp; de Koning, Comput. Mater. Sci. 112, 333 (2016), the
 * method of LAMMPS {@code fix ti/spring} and calphy), per repeat, all with Langevin BAOAB
 * dynamics at fixed cell and fixed centre of mass:
 * <ol>
 *   <li>equilibrate with the potential at T_0 (the lowest temperature asked);</li>
 *   <li>Frenkel–Ladd: switch U_lambda = (1 - lambda) (U - E_0) + lambda U_E from the potential to
 *       the Einstein crystal U_E and, after equilibrating there, back, with
 *       lambda(tau) = tau^5 (70 tau^4 - 315 tau^3 + 540 tau^2 - 420 tau + 126); the works
 *       W = sum dlambda (U_E - U + E_0) give A - A_E = -(W_fwd - W_bwd) / 2 and the dissipation
 *       (W_fwd + W_bwd) / 2;</li>
 *   <li>reversible scaling (de Koning, Antonelli &amp; Yip, Phys. Rev. Lett. 83, 3973 (1999)):
 *       switch kappa (U - E_0) at T_0 from kappa = 1 to T_0 / T_end and back (T_end the other
 *       end of the range), 1/kappa linear in time; the configurational ensemble of kappa U at T_0 is that of U at T = T_0 / kappa, so
 *       one switch gives F over the whole range:
 *       A(T) = (T / T_0) [A(T_0) + Delta A_kappa] - (3N - 3)/2 k_B T ln(T / T_0).</li>
 * </ol>
 * The Einstein frequency comes from the mean-squared displacement of one equilibrium run at T_0,
 * omega_E^2 = (3N - 3) k_B T_0 / sum_i m_i &lt;|u_i|^2&gt;. Error bars are standard errors over the
 * independent repeats. Optionally ({@link #harmonicReference}) the reference is the harmonic
 * crystal of the Hessian instead of the Einstein crystal: same free energy, much less noise for
 * strongly anharmonic or broad-spectrum crystals.
 *
 * <p><b>Centre of mass.</b> All runs hold the centre of mass fixed, so both ends of the switch are
 * crystals with 3N - 3 degrees of freedom, and the Einstein reference is the constrained one,
 * A_E = (3N - 3) k_B T ln(hbar omega_E / k_B T): this is the exact form of the Frenkel–Ladd
 * centre-of-mass correction (the unconstrained Einstein crystal would have 3N modes).
 *
 * <p><b>Convention (identical to the D-DOS free energy of {@code thermo.freeenergy}).</b> With A the
 * classical Helmholtz free energy of the 3N - 3 internal degrees of freedom measured from E_0
 * (positions and momenta, phase-space cell 2 pi hbar per degree of freedom, no permutation or
 * translation terms), the reported free energy per atom is
 * <pre>  F = E_0 / N + A / (N - 1) = E_0 / N + 3 A / (3N - 3)</pre>
 * i.e. the lattice energy per atom plus three times the free energy per vibrational degree of
 * freedom. For a harmonic crystal this is E_0 / N + 3 k_B T &lt;ln(hbar omega_l / k_B T)&gt; over the
 * 3N - 3 stable modes, exactly what the D-DOS harmonic shell gives ({@code HarmonicLimitTest},
 * {@code SampledHarmonicLimitTest}) and {@link HarmonicFreeEnergy}. The D-DOS free energy of a
 * SNAP potential excludes beta0: compare F - beta0 with it. The free energy of the free crystal
 * (translations included) differs by O(ln N / N) terms; see docs/accuracy.md.
 *
 * <p><b>Determinism.</b> Every repeat's velocities and noise derive from the master seed, so the
 * result does not depend on the thread count.
 */
public final class ThermodynamicIntegration {
    /** Progress: MD steps done and planned over the whole run. */
    /** Progress of a run: MD steps done of those planned. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done MD steps done over all repeats
         * @param total MD steps planned
         * @param stage what is running (e.g. "MSD at 300.0 K", "... reversible scaling forward")
         */
        void update(long done, long total, String stage);
    }

    private static final double KB = PhysicalConstants.BOLTZMANN_EV_PER_K;

    private final Structure lattice;
    private final Potential potential;
    private final SwitchingSettings settings;
    private int threads = 1;
    private Progress progress = (d, t, s) -> { };
    private double einsteinFrequency = Double.NaN;
    private HarmonicPotential harmonicReference;
    private double[] harmonicFrequencies;
    private boolean referenceAtHighest = true;
    private boolean reversibleScaling = true;

    /**
     * @param lattice the perfect crystal (a stable minimum of the potential), N &gt;= 2 atoms; the cell is kept fixed
     * @param potential any potential; called concurrently when {@link #threads} &gt; 1 (the library's
     *     potentials are thread-safe; give SNAP {@code withThreads(1)} when repeats run in parallel)
     * @param settings how to switch
     * @throws IllegalArgumentException for fewer than two atoms
     */
    public ThermodynamicIntegration(Structure lattice, Potential potential, SwitchingSettings settings) {
        if (lattice.atomCount() < 2) {
            throw new IllegalArgumentException("thermodynamic integration needs at least 2 atoms, got " + lattice.atomCount());
        }
        this.lattice = lattice;
        this.potential = potential;
        this.settings = settings;
    }

    /**
     * @param n repeats run concurrently (default 1), at least 1
     * @return this
     * @throws IllegalArgumentException when n &lt; 1
     */
    public ThermodynamicIntegration threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
        return this;
    }

    /**
     * @param p progress listener (called from worker threads; must be thread-safe)
     * @return this
     */
    public ThermodynamicIntegration progress(Progress p) {
        progress = p;
        return this;
    }

    /**
     * Uses this Einstein frequency instead of measuring the MSD (the free energy does not depend on
     * it; only the efficiency of the switch does).
     *
     * @param omega rad/ps, positive
     * @return this
     */
    public ThermodynamicIntegration einsteinFrequency(double omega) {
        if (!(omega > 0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("Einstein frequency must be positive and finite (rad/ps), got " + omega);
        }
        einsteinFrequency = omega;
        return this;
    }

    /**
     * Where the Frenkel–Ladd switch is done: at the highest temperature asked (default), with
     * reversible scaling down to the lowest, or at the lowest with scaling up. Scaling down is the
     * more precise: A(T) = (T/T_0) [...] shrinks the scaling noise by T/T_0 &lt; 1, and the scaled
     * ensembles are no hotter than T_0.
     *
     * @param highest true (default) for the Frenkel–Ladd switch at the highest temperature
     * @return this
     */
    public ThermodynamicIntegration referenceAtHighestTemperature(boolean highest) {
        referenceAtHighest = highest;
        return this;
    }

    /**
     * Switches to the harmonic crystal of this Hessian instead of the Einstein crystal: U_ref =
     * u.H.u / 2, whose constrained free energy is exact, A_ref = k_B T sum_l ln(hbar omega_l / k_B T)
     * over the 3N - 3 stable modes. The integrand U - E_0 - U_ref is then only the anharmonic part
     * of the potential, which makes the switch far less dissipative (and the error bars smaller) for
     * a crystal whose phonon spectrum is broad; the result is the same free energy. (For a quadratic
     * potential with its own Hessian the switch is trivial: keep the Einstein crystal to test TI there.)
     *
     * @param hessian 3N x 3N at the lattice (eV/Å^2), e.g. {@code HessianCalculator.hessian(potential, lattice)}
     * @return this
     * @throws IllegalStateException when a non-translational mode is not positive (not a minimum)
     */
    public ThermodynamicIntegration harmonicReference(DMatrixRMaj hessian) {
        NormalModes modes = NormalModes.of(hessian, lattice);
        modes.logMeanEigenvalue(); // throws, naming the mode, when the lattice is not a stable minimum
        double[] w = modes.frequencies();
        int[] stable = modes.stableModes();
        harmonicFrequencies = new double[stable.length];
        for (int l = 0; l < stable.length; l++) {
            harmonicFrequencies[l] = w[stable[l]];
        }
        harmonicReference = new HarmonicPotential(lattice.positions(), hessian, 0.0, 0.0);
        return this;
    }

    /**
     * With {@code false}, no reversible scaling: a separate Frenkel–Ladd switch (equilibration,
     * forward, equilibration at the reference, backward) at every temperature, each from its own
     * equilibrated start. Costs (2 eq + 2 sw) steps per temperature instead of (4 eq + 4 sw) in all,
     * and avoids the scaling noise, which dominates for strongly anharmonic crystals over wide ranges.
     *
     * @param enabled true (default) for reversible scaling
     * @return this
     */
    public ThermodynamicIntegration reversibleScaling(boolean enabled) {
        reversibleScaling = enabled;
        return this;
    }

    /** lambda(tau) of the Frenkel–Ladd switch: smooth, lambda(0) = 0, lambda(1) = 1, zero slope at both ends. */
    static double frenkelLaddSchedule(double tau) {
        double t2 = tau * tau;
        return tau * t2 * t2 * (70 * t2 * t2 - 315 * t2 * tau + 540 * t2 - 420 * tau + 126);
    }

    /** kappa(tau) of reversible scaling: 1/kappa (the temperature) linear in tau from 1 to 1/kappaEnd. */
    static double scalingSchedule(double tau, double kappaEnd) {
        return 1.0 / (1.0 + tau * (1.0 / kappaEnd - 1.0));
    }

    /**
     * Runs the protocol.
     *
     * @param temperatures temperatures in K (positive, finite; any order, duplicates merged); the
     *     Frenkel–Ladd switch is done at the highest (or lowest, see
     *     {@link #referenceAtHighestTemperature}), reversible scaling reaches the other end
     * @return F(T) with error bars
     * @throws IllegalArgumentException on an empty list or a non-positive temperature
     * @throws IllegalStateException when a switch blows up (non-finite energies: unstable crystal or
     *     too large a timestep)
     * @throws InterruptedException when interrupted while the repeats run
     */
    public IntegrationResult run(double[] temperatures) throws InterruptedException {
        double[] temps = Arrays.stream(temperatures).sorted().distinct().toArray();
        if (temps.length == 0) {
            throw new IllegalArgumentException("at least one temperature is needed");
        }
        for (double t : temps) {
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("temperatures must be positive and finite (K), got " + t);
            }
        }
        long start = System.nanoTime();
        final int n = lattice.atomCount();
        final int modes = 3 * n - 3;
        final double t0 = referenceAtHighest ? temps[temps.length - 1] : temps[0];
        final double tEnd = referenceAtHighest ? temps[0] : temps[temps.length - 1];
        final boolean scaling = tEnd != t0 && reversibleScaling;
        final double e0 = potential.energy(lattice);
        final SwitchingSettings s = settings;
        long perRepeat = 2L * s.equilibrationSteps() + 2L * s.switchingSteps();
        if (scaling) {
            perRepeat *= 2;
        } else {
            perRepeat *= temps.length;
        }
        final boolean harmonic = harmonicReference != null;
        boolean measure = !harmonic && Double.isNaN(einsteinFrequency);
        long total = (measure ? s.equilibrationSteps() + (long) s.msdSteps() : 0) + s.repeats() * perRepeat;
        AtomicLong done = new AtomicLong();
        SplittableRandom master = new SplittableRandom(s.seed());
        long msdSeed = master.nextLong();
        long[] seeds = new long[s.repeats()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = master.nextLong();
        }

        // 1. the reference crystal: Einstein (frequency from the MSD at T_0) or harmonic (Hessian)
        double omega = einsteinFrequency;
        double rms;
        double totalMass = 0;
        for (int i = 0; i < n; i++) {
            totalMass += lattice.massOf(i);
        }
        final ForceField reference;
        final java.util.function.DoubleUnaryOperator aReference; // A_ref(T), eV
        if (harmonic) {
            // <sum_i m_i |u_i|^2> = k_B T sum_l 1 / omega_l^2 (mass-weighted normal coordinates)
            double inv = 0;
            for (double w : harmonicFrequencies) {
                inv += 1 / (w * w);
            }
            rms = Math.sqrt(KB * t0 * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2 * inv / totalMass);
            omega = Double.NaN;
            HarmonicPotential h = harmonicReference;
            reference = h::compute;
            final double[] w = harmonicFrequencies;
            aReference = t -> {
                double kt = KB * t;
                double a = 0;
                for (double f : w) {
                    a += kt * Math.log(PhysicalConstants.HBAR_EV_PS * f / kt);
                }
                return a;
            };
        } else {
            if (measure) {
                double msd = meanSquaredDisplacement(t0, msdSeed, done, total);
                omega = EinsteinCrystal.frequencyFromMsd(msd, t0, modes);
                rms = Math.sqrt(msd / totalMass);
            } else {
                // the Einstein crystal itself: sum_i m_i <|u_i|^2> = (3N - 3) k_B T / omega^2
                rms = Math.sqrt(modes * KB * t0 * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2 / (omega * omega * totalMass));
            }
            reference = new EinsteinCrystal(lattice, omega);
            final double we = omega;
            aReference = t -> EinsteinCrystal.freeEnergy(we, t, modes);
        }

        // 2. repeats: Frenkel-Ladd at T_0, then reversible scaling to T_max
        double[][] perT = new double[s.repeats()][];
        double[] flDiss = new double[s.repeats()];
        double[] rsDiss = new double[s.repeats()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, s.repeats()), r -> {
            Thread th = new Thread(r, "thermodynamic-integration");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < s.repeats(); r++) {
                final int rep = r;
                futures.add(pool.submit(() -> {
                    Repeat out = repeat(seeds[rep], t0, tEnd, scaling, temps, e0, reference, aReference, done, total, rep);
                    perT[rep] = out.freeEnergy;
                    flDiss[rep] = out.flDissipation;
                    rsDiss[rep] = out.rsDissipation;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("thermodynamic integration failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        double[] mean = new double[temps.length];
        double[] sem = new double[temps.length];
        int k = s.repeats();
        for (int t = 0; t < temps.length; t++) {
            double sum = 0;
            for (int r = 0; r < k; r++) {
                sum += perT[r][t];
            }
            mean[t] = sum / k;
            if (k > 1) {
                double ss = 0;
                for (int r = 0; r < k; r++) {
                    ss += (perT[r][t] - mean[t]) * (perT[r][t] - mean[t]);
                }
                sem[t] = Math.sqrt(ss / (k - 1) / k);
            } else {
                sem[t] = Double.NaN;
            }
        }
        return new IntegrationResult(n, e0, scaling || temps.length == 1 ? t0 : Double.NaN, omega, rms, s, temps, mean, sem, perT, flDiss, rsDiss, done.get(),
                (System.nanoTime() - start) * 1e-9);
    }

    private double meanSquaredDisplacement(double t0, long seed, AtomicLong done, long total) {
        SplittableRandom r = new SplittableRandom(seed);
        MolecularDynamics md = new MolecularDynamics(lattice, new PotentialForceField(potential, lattice),
                settings.timestep()).thermostat(t0, settings.friction(), r.nextLong()).initializeVelocities(t0, r.nextLong());
        for (int k = 0; k < settings.equilibrationSteps(); k++) {
            md.langevinStep();
            tick(done, total, "MSD at " + t0 + " K");
        }
        double[] x0 = lattice.positionsView();
        double sum = 0;
        for (int k = 0; k < settings.msdSteps(); k++) {
            md.langevinStep();
            double[] x = md.positionsView();
            double m2 = 0;
            for (int i = 0; i < md.atomCount(); i++) {
                int a = 3 * i;
                double dx = x[a] - x0[a];
                double dy = x[a + 1] - x0[a + 1];
                double dz = x[a + 2] - x0[a + 2];
                m2 += md.massOf(i) * (dx * dx + dy * dy + dz * dz);
            }
            sum += m2;
            tick(done, total, "MSD at " + t0 + " K");
        }
        double msd = sum / settings.msdSteps();
        if (!Double.isFinite(msd)) {
            throw new IllegalStateException("the MSD run at " + t0 + " K blew up (non-finite positions): unstable crystal"
                    + " or too large a timestep (" + settings.timestep() + " ps)");
        }
        return msd;
    }

    private void tick(AtomicLong done, long total, String stage) {
        long d = done.incrementAndGet();
        if (d % 200 == 0 || d == total) {
            progress.update(d, total, stage);
        }
    }

    private record Repeat(double[] freeEnergy, double flDissipation, double rsDissipation) {
    }

    private Repeat repeat(long seed, double t0, double tEnd, boolean scaling, double[] temps, double e0, ForceField reference,
            java.util.function.DoubleUnaryOperator aReference, AtomicLong done, long total, int index) {
        SwitchingSettings s = settings;
        int n = lattice.atomCount();
        int modes = 3 * n - 3;
        SplittableRandom r = new SplittableRandom(seed);
        String tag = "repeat " + (index + 1) + "/" + s.repeats() + ": ";
        double[] f = new double[temps.length];
        if (!scaling) {
            // an independent Frenkel-Ladd switch at every temperature; the dissipation reported is the highest T's
            double flDiss = 0;
            for (int t = 0; t < temps.length; t++) {
                SwitchedForceField field = new SwitchedForceField(new PotentialForceField(potential, lattice), e0, reference, 3 * n);
                MolecularDynamics md = new MolecularDynamics(lattice, field, s.timestep())
                        .thermostat(temps[t], s.friction(), r.nextLong()).initializeVelocities(temps[t], r.nextLong());
                double[] fl = frenkelLadd(md, field, temps[t], done, total, tag + temps[t] + " K: ");
                f[t] = e0 / n + (aReference.applyAsDouble(temps[t]) + fl[0]) / (n - 1);
                flDiss = fl[1] / (n - 1);
            }
            return new Repeat(f, flDiss, 0);
        }
        SwitchedForceField field = new SwitchedForceField(new PotentialForceField(potential, lattice), e0, reference, 3 * n);
        MolecularDynamics md = new MolecularDynamics(lattice, field, s.timestep())
                .thermostat(t0, s.friction(), r.nextLong()).initializeVelocities(t0, r.nextLong());
        double[] fl = frenkelLadd(md, field, t0, done, total, tag);
        double a0 = aReference.applyAsDouble(t0) + fl[0];
        double flDiss = fl[1] / (n - 1);
        double rsDiss = 0;
        // reversible scaling at T_0: kappa from 1 to T_0 / T_end and back
        double kEnd = t0 / tEnd;
        int steps = s.switchingSteps();
        double[] kf = new double[steps + 1];
        double[] cf = new double[steps + 1];
        double[] kb = new double[steps + 1];
        double[] cb = new double[steps + 1];
        field.setWeights(1, 0);
        md.refreshForces();
        equilibrate(md, done, total, tag + "equilibrate at " + t0 + " K");
        kf[0] = 1;
        for (int k = 1; k <= steps; k++) {
            double kappa = scalingSchedule((double) k / steps, kEnd);
            field.setWeights(kappa, 0);
            md.langevinStep();
            double u = field.lastPotential();
            requireFinite(u, tag + "reversible scaling forward");
            kf[k] = kappa;
            cf[k] = cf[k - 1] + (kappa - kf[k - 1]) * u;
            tick(done, total, tag + "reversible scaling forward");
        }
        equilibrate(md, done, total, tag + "equilibrate at " + tEnd + " K (scaled)");
        kb[0] = kEnd;
        for (int k = 1; k <= steps; k++) {
            double kappa = scalingSchedule(1.0 - (double) k / steps, kEnd);
            field.setWeights(kappa, 0);
            md.langevinStep();
            double u = field.lastPotential();
            requireFinite(u, tag + "reversible scaling backward");
            kb[k] = kappa;
            cb[k] = cb[k - 1] + (kappa - kb[k - 1]) * u;
            tick(done, total, tag + "reversible scaling backward");
        }
        for (int t = 0; t < temps.length; t++) {
            double kappa = t0 / temps[t];
            double forward = interpolate(kf, cf, kappa); // work 1 -> kappa along the forward switch
            double backward = cb[steps] - interpolate(kb, cb, kappa); // work kappa -> 1 along the backward switch
            double dA = 0.5 * (forward - backward);
            double ratio = temps[t] / t0;
            double a = ratio * (a0 + dA) - 0.5 * modes * KB * temps[t] * Math.log(ratio);
            f[t] = e0 / n + a / (n - 1);
        }
        // total dissipation of the full scaling loop, per N - 1
        rsDiss = 0.5 * (cf[steps] + cb[steps]) / (n - 1);
        return new Repeat(f, flDiss, rsDiss);
    }

    private void equilibrate(MolecularDynamics md, AtomicLong done, long total, String stage) {
        for (int k = 0; k < settings.equilibrationSteps(); k++) {
            md.langevinStep();
            tick(done, total, stage);
        }
        requireFinite(md.potentialEnergy(), stage);
    }

    /**
     * Equilibrates with the potential at T, switches to the reference and back.
     *
     * @return {A - A_ref = -(W_fwd - W_bwd) / 2, dissipation (W_fwd + W_bwd) / 2}, both total (eV)
     */
    private double[] frenkelLadd(MolecularDynamics md, SwitchedForceField field, double temperature, AtomicLong done, long total,
            String tag) {
        field.setWeights(1, 0);
        md.refreshForces();
        equilibrate(md, done, total, tag + "equilibrate at " + temperature + " K");
        double wf = switchFrenkelLadd(md, field, true, done, total, tag + "Frenkel-Ladd forward");
        field.setReferenceOnly(1); // the potential is not needed while equilibrating the reference crystal
        equilibrate(md, done, total, tag + "equilibrate reference crystal");
        double wb = switchFrenkelLadd(md, field, false, done, total, tag + "Frenkel-Ladd backward");
        return new double[] {-0.5 * (wf - wb), 0.5 * (wf + wb)};
    }

    /** @return the work sum dlambda (U_E - U + E_0) of one Frenkel-Ladd switch */
    private double switchFrenkelLadd(MolecularDynamics md, SwitchedForceField field, boolean forward, AtomicLong done,
            long total, String stage) {
        int steps = settings.switchingSteps();
        double previous = forward ? 0 : 1;
        double work = 0;
        for (int k = 1; k <= steps; k++) {
            double tau = (double) k / steps;
            double lambda = forward ? frenkelLaddSchedule(tau) : 1 - frenkelLaddSchedule(tau);
            field.setWeights(1 - lambda, lambda);
            md.langevinStep();
            work += (lambda - previous) * (field.lastReference() - field.lastPotential());
            previous = lambda;
            tick(done, total, stage);
        }
        requireFinite(work, stage);
        return work;
    }

    private void requireFinite(double v, String stage) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException(stage + ": non-finite energy (unstable crystal, melting or too large a"
                    + " timestep " + settings.timestep() + " ps)");
        }
    }

    /**
     * Cumulative work at kappa along a switch whose kappa runs monotonically (either direction)
     * from x[0] to x[last]; linear within a step, clamped at the ends.
     */
    static double interpolate(double[] x, double[] y, double at) {
        int last = x.length - 1;
        double sign = x[last] >= x[0] ? 1 : -1;
        double t = sign * at;
        if (t <= sign * x[0]) {
            return y[0];
        }
        if (t >= sign * x[last]) {
            return y[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sign * x[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double w = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }
}
