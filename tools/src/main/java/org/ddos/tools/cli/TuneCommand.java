package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddos.calibration.tuning.CalibrationObjective;
import org.ddos.calibration.tuning.CalibrationProblem;
import org.ddos.calibration.tuning.CalibrationResult;
import org.ddos.calibration.tuning.GradientDescent;
import org.ddos.calibration.tuning.LevenbergMarquardt;
import org.ddos.calibration.tuning.LinearConstraints;
import org.ddos.calibration.tuning.Optimizer;
import org.ddos.calibration.tuning.Regulariser;
import org.ddos.calibration.tuning.Target;
import org.ddos.calibration.tuning.TrajectoryPoint;
import org.ddos.calibration.uncertainty.ParameterEnsembles;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos tune}: fine-tune theta so that the A -&gt; B transition happens at a target temperature. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Fine-tune the potential so that T_c(A->B) (phases A and B in --phase order) equals --target-tc:"
                + " minimise |T_c - T_target|^2 + ridge |theta - theta0|^2 with exact gradients, constraints held"
                + " exactly; writes the tuned coefficients in the input's format.")
public final class TuneCommand implements Callable<Integer> {
    @Mixin
    PhaseInputs inputs;

    @Option(names = "--target-tc", required = true, paramLabel = "K", description = "Target transition temperature in K.")
    double targetTc;

    @Option(names = "--hold-e0", description = "Hold the 0 K energy difference theta.(D0_B - D0_A) fixed.")
    boolean holdE0;

    @Option(names = "--ridge", defaultValue = "5", paramLabel = "R",
            description = "Ridge strength r in r|theta - theta0|^2 (default: ${DEFAULT-VALUE}, the reference notebook's).")
    double ridge;

    @Option(names = "--gram", paramLabel = "FILE",
            description = "Extra quadratic regulariser (theta-theta0)^T Q (theta-theta0), Q a K x K PSD matrix (CSV or .npy),"
                    + " e.g. the Gram matrix of training descriptors.")
    Path gram;

    @Option(names = "--equalities", paramLabel = "FILE",
            description = "Linear equalities held exactly: rows a (K values each, CSV or .npy); a.theta stays at its value for the input.")
    Path equalities;

    @Option(names = "--optimizer", defaultValue = "lbfgs", paramLabel = "gd|lbfgs",
            description = "gd: the reference projected gradient descent (DeltaF(T_target) surrogate, fixed step);"
                    + " lbfgs (alias lm): quasi-Newton least squares, Commons Math Levenberg-Marquardt trust region"
                    + " (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--steps", paramLabel = "N",
            description = "gd: number of steps (default 20); lbfgs: iteration cap per stage (default 50).")
    Integer steps;

    @Option(names = "--step", defaultValue = "2.5e-5", paramLabel = "DELTA",
            description = "gd step size (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--temperatures", defaultValue = "500:2500:41", paramLabel = "T1,T2|START:STOP:COUNT",
            description = "T_c scan grid in K (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--tolerance", defaultValue = "10", paramLabel = "K",
            description = "Exit with code 3 when the final T_c misses the target by more than this (default: ${DEFAULT-VALUE} K).")
    double tolerance;

    @Option(names = "--out", required = true, paramLabel = "OUT.snapcoeff", description = "Tuned coefficients (same header and element lines).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "PNG of T_c and |theta - theta0|/|theta0| along the trajectory.")
    Path plot;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Minimises |T_c - T_target|^2 + ridge |theta - theta0|^2 over theta (constraints held exactly), writes
     * the tuned coefficients to --out (the input's beta0 and layout, new linear coefficients) and --plot,
     * and prints the optimiser's trajectory: a table, or one JSON document with --json.
     *
     * @return 0 when the final T_c is within --tolerance (K) of --target-tc, 3 otherwise (the coefficients
     *     are written in both cases)
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value (also unless exactly two phases are given),
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        double[] temps = TemperatureGrid.parseRange(temperatures);
        Optimizer opt = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "gd" -> new GradientDescent(step, steps == null ? GradientDescent.REFERENCE_STEPS : steps,
                    CalibrationObjective.Form.FREE_ENERGY_AT_TARGET);
            case "lbfgs", "lm" -> new LevenbergMarquardt(steps == null ? 50 : steps, 1e-6);
            default -> throw new IllegalArgumentException("--optimizer must be gd or lbfgs, got '" + optimizer + "'");
        };
        Map<String, PhaseFreeEnergy> phases = inputs.load();
        if (phases.size() != 2) {
            throw new IllegalArgumentException("tune needs exactly two --phase options (A then B), got " + phases.size());
        }
        Iterator<String> names = phases.keySet().iterator();
        String a = names.next();
        String b = names.next();
        int k = phases.get(a).descriptorCount();
        double[] theta0 = inputs.theta(k);
        Regulariser reg = Regulariser.ridge(ridge, k);
        if (gram != null) {
            reg = reg.plus(Regulariser.quadraticForm(ParameterEnsembles.readMatrix(gram)));
        }
        CalibrationProblem.Builder builder = CalibrationProblem.builder(phases, theta0)
                .target(new Target.TransitionTemperature(a, b, targetTc, 1))
                .holdLatticeEnergyDifferences(holdE0)
                .regulariser(reg)
                .temperatures(temps[0], temps[temps.length - 1], temps.length);
        if (equalities != null) {
            double[][] rows = ParameterEnsembles.readMatrix(equalities);
            if (rows[0].length != k) {
                throw new IllegalArgumentException(equalities + ": equality rows have " + rows[0].length + " values, theta has " + k);
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                labels.add(equalities.getFileName() + " row " + (i + 1));
            }
            builder.constraints(LinearConstraints.holding(theta0, rows, labels));
        }
        CalibrationProblem problem = builder.build();
        long t0 = System.nanoTime();
        CalibrationResult r = opt.minimise(problem);
        double seconds = (System.nanoTime() - t0) * 1e-9;

        SnapCoefficients in = SnapCoefficients.readLinear(inputs.coeff);
        in.withLinear(0, in.beta0(0), r.theta()).write(out);
        if (plot != null) {
            Plots.trajectory(r, targetTc, plot);
        }
        CalibrationResult.TargetOutcome o = r.outcomes().get(0);
        boolean met = r.targetsMet(tolerance, Double.POSITIVE_INFINITY);
        double e0Before = phases.get(b).campaign().latticeEnergy(theta0) - phases.get(a).campaign().latticeEnergy(theta0);
        double e0After = phases.get(b).campaign().latticeEnergy(r.theta()) - phases.get(a).campaign().latticeEnergy(r.theta());
        PrintWriter pw = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "tune");
            doc.put("phase_a", a);
            doc.put("phase_b", b);
            doc.put("coefficients", inputs.coeff.toString());
            doc.put("output", out.toString());
            doc.put("optimizer", r.optimizer());
            doc.put("optimizer_message", r.message());
            doc.put("target_transition_temperature_K", targetTc);
            doc.put("initial_transition_temperature_K", JsonOutput.finite(r.trajectory().get(0).targetValues()[0]));
            doc.put("transition_temperature_K", JsonOutput.finite(o.value()));
            doc.put("transition_uncertainty_K", JsonOutput.finite(o.uncertainty()));
            doc.put("found", o.found());
            doc.put("unsolved", o.unsolved());
            doc.put("target_met", met);
            doc.put("tolerance_K", tolerance);
            doc.put("relative_parameter_change", r.relativeChange());
            doc.put("lattice_energy_difference_before_eV_per_atom", e0Before);
            doc.put("lattice_energy_difference_after_eV_per_atom", e0After);
            doc.put("constraints", problem.constraints().names());
            doc.put("max_constraint_residual", r.trajectory().get(r.trajectory().size() - 1).maxConstraintResidual());
            doc.put("regulariser", problem.regulariser().description());
            doc.put("free_energy_evaluations", r.evaluations());
            doc.put("evaluations_to_reach_tolerance", r.evaluationsToReach(tolerance));
            doc.put("seconds", seconds);
            List<Map<String, Object>> traj = new ArrayList<>();
            for (TrajectoryPoint p : r.trajectory()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", p.step());
                row.put("evaluations", p.evaluations());
                row.put("transition_temperature_K", JsonOutput.finite(p.targetValues()[0]));
                row.put("loss", p.loss());
                row.put("relative_change", p.relativeChange());
                row.put("max_constraint_residual", p.maxConstraintResidual());
                row.put("unsolved", p.unsolved());
                row.put("in_range", p.inRange());
                traj.add(row);
            }
            doc.put("trajectory", traj);
            pw.println(JsonOutput.write(doc));
        } else {
            pw.printf(Locale.ROOT, "%s -> %s, target T_c = %.1f K, optimizer %s (%s)%n", a, b, targetTc, r.optimizer(), r.message());
            pw.printf(Locale.ROOT, "constraints: %s; regulariser: %s%n",
                    problem.constraints().count() == 0 ? "none" : String.join(", ", problem.constraints().names()),
                    problem.regulariser().description());
            pw.println();
            pw.printf(Locale.ROOT, "%5s %8s %12s %14s %14s %12s %s%n", "step", "evals", "T_c(K)", "loss", "|dtheta|/|theta0|",
                    "constraint", "status");
            for (TrajectoryPoint p : r.trajectory()) {
                pw.printf(Locale.ROOT, "%5d %8d %12.3f %14.6g %14.4e %12.2e %s%n", p.step(), p.evaluations(), p.targetValues()[0],
                        p.loss(), p.relativeChange(), p.maxConstraintResidual(),
                        !p.inRange() ? "EXTRAPOLATED" : p.unsolved() ? "UNSOLVED" : "ok");
            }
            pw.println();
            pw.printf(Locale.ROOT, "T_c = %.3f +- %.1f K (was %.1f K); relative parameter change %.4f%%%n", o.value(), o.uncertainty(),
                    r.trajectory().get(0).targetValues()[0], 100 * r.relativeChange());
            pw.printf(Locale.ROOT, "0 K difference E0_%s - E0_%s: %.9f -> %.9f eV/atom%n", b, a, e0Before, e0After);
            pw.printf(Locale.ROOT, "%d single-phase free-energy evaluations (%d to reach %.1f K); %.2f s%n", r.evaluations(),
                    r.evaluationsToReach(tolerance), tolerance, seconds);
            pw.println("wrote " + out + (plot != null ? " and " + plot : ""));
            if (o.unsolved()) {
                pw.println("WARNING: at the final T_c a phase is unsolved (alpha* on the edge of its sampled isosurfaces).");
            }
            if (!met) {
                pw.printf(Locale.ROOT, "WARNING: target not reached: T_c misses %.1f K by more than %.1f K%n", targetTc, tolerance);
            }
        }
        pw.flush();
        return met ? 0 : 3;
    }
}
