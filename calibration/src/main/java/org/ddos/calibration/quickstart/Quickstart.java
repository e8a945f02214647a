package org.ddos.calibration.quickstart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ddos.calibration.tuning.CalibrationProblem;
import org.ddos.calibration.tuning.CalibrationResult;
import org.ddos.calibration.tuning.LevenbergMarquardt;
import org.ddos.calibration.tuning.Regulariser;
import org.ddos.calibration.tuning.Target;
import org.ddos.calibration.uncertainty.EnsemblePropagation;
import org.ddos.calibration.uncertainty.ParameterEnsembles;
import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.descriptors.potential.LatticeRelaxation;
import org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.ddos.thermo.transition.PhaseComparison;
import org.ddos.thermo.transition.TransitionResult;
import org.ejml.data.DMatrixRMaj;

/**
 * The method end to end on a built-in example made only from published parameters: the
 * Cleri–Rosato (PRB 48, 22, 1993) second-moment potential of Mg in its fcc and hcp phases
 * (docs/quickstart.md gives the choice and its justification).
 *
 * <p>Steps ({@link Step}): relax both lattices at 0 K; Hessians and normal modes (both phases
 * must be mechanically stable); one D-DOS sampling campaign per phase on Hessian isosurfaces
 * (descriptor D = (R, -B), the SMA energy being linear in theta = (A, xi), see
 * {@link SmaLinearPotential}); score matching; the archives; F(theta_0, T) per phase; the fcc -&gt; hcp transition
 * temperature with its uncertainty; a fine-tuning run that moves T_c to a target with the 0 K
 * energy difference held exactly (the {@code ddos tune} recipe: Levenberg-Marquardt, ridge);
 * propagation of a Gaussian parameter ensemble to F(T) and T_c (the {@code ddos uq} recipe).
 * Every number equals what the corresponding command-line tool prints for the files the
 * {@code ddos quickstart} command writes (same library calls, same settings, archives
 * independent of the thread count).
 */
public final class Quickstart {
    /** Phase names, in the order A (stable at 0 K) then B. */
    public static final List<String> PHASES = List.of("fcc", "hcp");

    /** The steps, in order. */
    public enum Step {
        /** Relax the fcc and hcp lattices (0 K) and build the supercells. */
        LATTICES("build lattices"),
        /** Hessians, normal modes, stability and harmonic free energies. */
        HESSIANS("Hessians"),
        /** The isosurface sampling campaign of both phases. */
        SAMPLING("sampling campaign"),
        /** Score matching of every isosurface and mode. */
        SCORE_MATCHING("score matching"),
        /** The phase archives written to the output directory (skipped without one). */
        ARCHIVES("archives"),
        /** F(theta_0, T) per phase on the temperature grid. */
        FREE_ENERGIES("free energies"),
        /** T_c(fcc -&gt; hcp) and its uncertainty. */
        TRANSITION("transition temperature"),
        /** Fine-tuning of theta so that T_c hits the target, 0 K energy difference held. */
        TUNING("fine-tuning"),
        /** Propagation of a parameter ensemble. */
        UNCERTAINTY("uncertainty propagation");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        /** @return a short human-readable name */
        public String label() {
            return label;
        }
    }

    /** Progress of one step: {@code done} of {@code total} units (samples, phases, members...). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param step the running step
         * @param done units done
         * @param total units planned (at least 1)
         * @param message what is being done
         */
        void update(Step step, long done, long total, String message);
    }

    private Quickstart() {
    }

    /**
     * @param settings the example
     * @return the published parameters as theta = (A, xi) in eV
     */
    public static double[] theta0(QuickstartSettings settings) {
        SmaPairParameters p = settings.pair();
        return new double[] {p.a(), p.xi()};
    }

    /**
     * @param settings the example
     * @return the descriptor/potential of the example (neighbour lists not anchored)
     */
    public static SmaLinearPotential potential(QuickstartSettings settings) {
        return new SmaLinearPotential(settings.metal().element(), settings.pair());
    }

    /**
     * @param settings the example
     * @return the relaxed fcc lattice of the example
     */
    public static RelaxedLattice relaxFcc(QuickstartSettings settings) {
        double r0 = settings.r0();
        return LatticeRelaxation.fcc(potential(settings), settings.metal().element(), 1.3 * r0, 1.55 * r0);
    }

    /**
     * @param settings the example
     * @return the relaxed hcp lattice of the example (a and c optimised)
     */
    public static RelaxedLattice relaxHcp(QuickstartSettings settings) {
        double r0 = settings.r0();
        return LatticeRelaxation.hcp(potential(settings), settings.metal().element(), 0.9 * r0, 1.1 * r0, 1.5, 1.8);
    }

    /**
     * The covariance of the propagation ensemble: independent A and xi with one-sigma
     * {@code relativeSigma} times their published values.
     *
     * @param settings the example
     * @return K x K, eV^2
     */
    public static double[][] covariance(QuickstartSettings settings) {
        double[] t = theta0(settings);
        double[][] c = new double[t.length][t.length];
        for (int j = 0; j < t.length; j++) {
            double s = settings.relativeSigma() * t[j];
            c[j][j] = s * s;
        }
        return c;
    }

    /**
     * Runs every step.
     *
     * @param settings what to run ({@link QuickstartSettings#full} or {@link QuickstartSettings#quick})
     * @param directory where to write the archives {@code fcc.ddos} and {@code hcp.ddos} (must
     *     exist), or null to keep them in memory only
     * @param progress progress listener (called from the calling thread and from sampling workers)
     * @return the results
     * @throws IllegalStateException when a phase is not mechanically stable
     * @throws InterruptedException when interrupted during sampling
     * @throws IOException when an archive cannot be written
     */
    public static QuickstartResult run(QuickstartSettings settings, Path directory, Progress progress)
            throws IOException, InterruptedException {
        Map<Step, Double> seconds = new EnumMap<>(Step.class);
        String element = settings.metal().element();
        SmaLinearPotential base = potential(settings);
        double[] theta0 = theta0(settings);
        double[] temps = settings.temperatures();

        // 1. lattices
        long t0 = System.nanoTime();
        progress.update(Step.LATTICES, 0, 2, "relaxing fcc");
        RelaxedLattice fcc = relaxFcc(settings);
        progress.update(Step.LATTICES, 1, 2, "relaxing hcp (a and c)");
        RelaxedLattice hcp = relaxHcp(settings);
        int n = settings.fccRepeats();
        int[] h = settings.hcpRepeats();
        Map<String, RelaxedLattice> lattices = new LinkedHashMap<>();
        lattices.put("fcc", fcc);
        lattices.put("hcp", hcp);
        Map<String, Structure> cells = new LinkedHashMap<>();
        cells.put("fcc", fcc.supercell(element, n, n, n));
        cells.put("hcp", hcp.supercell(element, h[0], h[1], h[2]));
        progress.update(Step.LATTICES, 2, 2, "done");
        seconds.put(Step.LATTICES, lap(t0));

        // 2. Hessians and harmonic free energies
        t0 = System.nanoTime();
        List<QuickstartResult.PhaseSetup> setups = new ArrayList<>();
        Map<String, SmaLinearPotential> anchored = new LinkedHashMap<>();
        int done = 0;
        for (String name : PHASES) {
            progress.update(Step.HESSIANS, done, PHASES.size(), name + " Hessian");
            Structure s = cells.get(name);
            SmaLinearPotential pot = base.anchoredAt(s, settings.neighborSkin());
            anchored.put(name, pot);
            DMatrixRMaj hess = HessianCalculator.hessian(pot, s, HessianCalculator.DEFAULT_STEP, settings.threads());
            NormalModes modes = NormalModes.of(hess, s);
            double[] ev = modes.eigenvalues();
            double min = Double.POSITIVE_INFINITY;
            for (int l = 0; l < ev.length; l++) {
                if (!modes.isTranslation(l)) {
                    min = Math.min(min, ev[l]);
                }
            }
            if (!(min > 0)) {
                throw new IllegalStateException(name + " " + element + " is not mechanically stable: smallest Hessian eigenvalue "
                        + min + " eV/(Å^2 amu)");
            }
            double lnw = modes.logMeanFrequency();
            double e0 = lattices.get(name).energyPerAtom();
            double[] fh = new double[temps.length];
            for (int i = 0; i < temps.length; i++) {
                fh[i] = harmonicFreeEnergy(e0, lnw, temps[i]);
            }
            setups.add(new QuickstartResult.PhaseSetup(name, lattices.get(name), s, min,
                    Math.sqrt(min * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2), lnw, fh));
            progress.update(Step.HESSIANS, ++done, PHASES.size(), name + " stable");
        }
        seconds.put(Step.HESSIANS, lap(t0));

        // 3. sampling
        t0 = System.nanoTime();
        Map<String, PhaseArchive> archives = new LinkedHashMap<>();
        long perPhase = (long) settings.isosurfaces().length * (settings.samples() + settings.pilotSamples());
        long total = perPhase * PHASES.size();
        int k = 0;
        for (String name : PHASES) {
            final long offset = k * perPhase;
            TreeMap<String, String> prov = new TreeMap<>();
            prov.put("example", "ddos quickstart: " + settings.metal().label() + ", r0 = " + settings.r0() + " Å");
            CampaignRunner runner = new CampaignRunner(name, cells.get(name), anchored.get(name), anchored.get(name),
                    settings.campaign()).threads(settings.threads()).provenance(prov)
                    .progress((d, t, stage) -> progress.update(Step.SAMPLING, offset + Math.min(d, perPhase), total, name + " " + stage));
            archives.put(name, runner.run());
            k++;
        }
        progress.update(Step.SAMPLING, total, total, "done");
        seconds.put(Step.SAMPLING, lap(t0));

        // 4. score matching (what PhaseInputs does for --phase FILE --order N)
        t0 = System.nanoTime();
        Map<String, PhaseFreeEnergy> learned = new LinkedHashMap<>();
        done = 0;
        for (String name : PHASES) {
            progress.update(Step.SCORE_MATCHING, done, PHASES.size(), name);
            learned.put(name, new PhaseFreeEnergy(ScoreMatcher.fit(archives.get(name).campaigns().get(0), settings.scoreMatching())));
            progress.update(Step.SCORE_MATCHING, ++done, PHASES.size(), name);
        }
        seconds.put(Step.SCORE_MATCHING, lap(t0));

        // 5. archives
        t0 = System.nanoTime();
        done = 0;
        for (String name : PHASES) {
            if (directory != null) {
                progress.update(Step.ARCHIVES, done, PHASES.size(), name + ".ddos");
                PhaseArchives.write(directory.resolve(name + ".ddos"), archives.get(name));
            }
            progress.update(Step.ARCHIVES, ++done, PHASES.size(), directory == null ? "in memory" : name + ".ddos");
        }
        seconds.put(Step.ARCHIVES, lap(t0));

        // 6. free energies (what ddos free-energy prints)
        t0 = System.nanoTime();
        Map<String, FreeEnergyResult[]> free = new LinkedHashMap<>();
        done = 0;
        for (String name : PHASES) {
            PhaseFreeEnergy.Evaluator ev = learned.get(name).newEvaluator();
            ev.setParameters(theta0);
            FreeEnergyResult[] rows = new FreeEnergyResult[temps.length];
            for (int i = 0; i < temps.length; i++) {
                rows[i] = ev.evaluate(temps[i]);
            }
            free.put(name, rows);
            progress.update(Step.FREE_ENERGIES, ++done, PHASES.size(), name);
        }
        seconds.put(Step.FREE_ENERGIES, lap(t0));

        // 7. transition (what ddos transition prints)
        t0 = System.nanoTime();
        progress.update(Step.TRANSITION, 0, 1, "fcc -> hcp");
        TransitionResult tr = new PhaseComparison(learned.get("fcc"), learned.get("hcp")).transition(theta0, temps[0],
                temps[temps.length - 1], temps.length);
        double harmonicTc = harmonicTransition(setups.get(0), setups.get(1), temps[0], temps[temps.length - 1]);
        progress.update(Step.TRANSITION, 1, 1, tr.found() ? String.format(Locale.ROOT, "T_c = %.0f K", tr.transitionTemperature())
                : "no crossing");
        seconds.put(Step.TRANSITION, lap(t0));

        // 8. fine-tuning (what ddos tune --hold-e0 prints, default optimiser)
        t0 = System.nanoTime();
        progress.update(Step.TUNING, 0, 1, String.format(Locale.ROOT, "T_c -> %.0f K", settings.targetTc()));
        CalibrationProblem problem = tuningProblem(settings, learned);
        CalibrationResult tuning = new LevenbergMarquardt(settings.maxIterations(), 1e-6).minimise(problem);
        progress.update(Step.TUNING, 1, 1, "done");
        seconds.put(Step.TUNING, lap(t0));

        // 9. uncertainty propagation (what ddos uq --covariance --samples --seed prints)
        t0 = System.nanoTime();
        progress.update(Step.UNCERTAINTY, 0, 1, settings.members() + " members");
        double[][] sigma = covariance(settings);
        double[][] thetas = ParameterEnsembles.gaussian(theta0, sigma, settings.members(), settings.ensembleSeed());
        EnsemblePropagation.EnsembleResult uq = EnsemblePropagation.propagate(learned, new String[] {"fcc", "hcp"}, thetas,
                temps, theta0, sigma);
        progress.update(Step.UNCERTAINTY, 1, 1, "done");
        seconds.put(Step.UNCERTAINTY, lap(t0));

        return new QuickstartResult(settings, settings.pair(), theta0, List.copyOf(setups), archives, learned, temps, free, tr,
                harmonicTc, tuning, sigma, uq, seconds);
    }

    /**
     * @param settings the example
     * @param learned the learned phases "fcc" and "hcp"
     * @return the calibration problem of the fine-tuning step
     */
    public static CalibrationProblem tuningProblem(QuickstartSettings settings, Map<String, PhaseFreeEnergy> learned) {
        return CalibrationProblem.builder(learned, theta0(settings))
                .target(new Target.TransitionTemperature("fcc", "hcp", settings.targetTc(), 1))
                .holdLatticeEnergyDifferences(true)
                .regulariser(Regulariser.ridge(settings.ridge(), 2))
                .temperatures(settings.tMin(), settings.tMax(), settings.gridPoints())
                .build();
    }

    /**
     * The classical harmonic free energy in the D-DOS convention (three degrees of freedom per
     * atom): F_H = E_0 + 3 k_B T (&lt;ln omega&gt; + ln(hbar / k_B T)).
     *
     * @param e0 0 K energy per atom (eV)
     * @param logMeanFrequency &lt;ln omega&gt;, omega in rad/ps
     * @param temperature T in K
     * @return eV/atom
     */
    public static double harmonicFreeEnergy(double e0, double logMeanFrequency, double temperature) {
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        return e0 + 3 * kt * (logMeanFrequency + Math.log(PhysicalConstants.HBAR_EV_PS / kt));
    }

    /**
     * T_c of the harmonic free energies: DeltaF_H = DeltaE_0 + 3 k_B T Delta&lt;ln omega&gt; = 0.
     *
     * @return T_c in K, or NaN when it lies outside [tMin, tMax]
     */
    static double harmonicTransition(QuickstartResult.PhaseSetup a, QuickstartResult.PhaseSetup b, double tMin, double tMax) {
        double de = b.lattice().energyPerAtom() - a.lattice().energyPerAtom();
        double dl = b.logMeanFrequency() - a.logMeanFrequency();
        double t = -de / (3 * PhysicalConstants.BOLTZMANN_EV_PER_K * dl);
        return t >= tMin && t <= tMax ? t : Double.NaN;
    }

    private static double lap(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
