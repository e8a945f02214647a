package org.ddos.calibration.surrogate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.ddos.calibration.alloy.HeteronuclearParameters;
import org.ddos.calibration.alloy.MixingSimulator;
import org.ddos.calibration.alloy.ParameterBox;
import org.ddos.calibration.alloy.PureElementResult;

/**
 * Calibrates the heteronuclear parameters (p, q, A, xi) of a binary on its surrogate: weighted
 * least squares
 * <pre>
 *   chi2(h) = sum_i [(Delta H_i(h) - target_i) / sigma_i]^2
 *           + sum_j [(a_j(h) / Vegard_model(x_j) - a_target_j / Vegard_exp(x_j)) / sigma_j]^2
 *           + prior |u(h) - u(mean)|^2
 * </pre>
 * with u the coordinates in the sampled box scaled to the unit cube and "mean" the
 * arithmetic-mean cross set (a weak ridge that picks one point of a flat valley), minimised by
 * BOBYQA with bounds (Powell 2009; Commons Math) from several starts (the mean set and Sobol
 * points of the box), the best kept. The surrogate is evaluated in plain Java, so a calibration
 * takes milliseconds. {@link #verify} then simulates the optimum directly.
 */
public final class AlloyCalibration {
    private AlloyCalibration() {
    }

    /**
     * One target and its fit.
     *
     * @param kind "enthalpy" (meV/atom) or "lattice" (Å)
     * @param x fraction of B
     * @param temperature T (K)
     * @param target target value
     * @param sigma tolerance (meV/atom; relative for lattice targets)
     * @param predicted surrogate value at the optimum
     * @param residual contribution to chi2 before squaring
     * @param extrapolated the surrogate was outside its training ranges here
     * @param source origin of the target
     */
    public record TargetFit(String kind, double x, double temperature, double target, double sigma, double predicted, double residual,
            boolean extrapolated, String source) {
    }

    /**
     * @param parameters the calibrated heteronuclear set
     * @param chi2 the objective at the optimum (targets and prior)
     * @param priorTerm the prior's share of chi2
     * @param fits every target with its fit
     * @param evaluations surrogate objective evaluations over all starts
     * @param starts number of BOBYQA starts
     * @param seconds wall time of the minimisation (after building the baseline's cells for the
     *     target compositions, see {@link MixingSurrogate#prepare})
     * @param cpuSeconds CPU time of the minimisation (the calling thread)
     * @param atBounds names of parameters at a bound of the box (the box may be too small)
     * @param preparationSeconds wall time of the untimed preparation: the baseline's cells for the
     *     target compositions and {@link #WARM_UP_EVALUATIONS} objective evaluations at Sobol
     *     points of the box, which let the JIT compile the evaluator before the timed minimisation
     * @param preparationCpuSeconds CPU time of the preparation (the calling thread)
     */
    public record Result(HeteronuclearParameters parameters, double chi2, double priorTerm, List<TargetFit> fits, int evaluations,
            int starts, double seconds, double cpuSeconds, List<String> atBounds, double preparationSeconds,
            double preparationCpuSeconds) {
    }

    /** Objective evaluations of the preparation (JIT warm-up), not counted in the timed minimisation. */
    public static final int WARM_UP_EVALUATIONS = 400;

    /**
     * Minimises chi2 on the surrogate.
     *
     * @param surrogate the surrogate of the binary
     * @param targets the targets; their system must be the surrogate's
     * @param starts number of BOBYQA starts (at least 1; the first is the arithmetic-mean set)
     * @return the best optimum over the starts, with every target's fit and the timings
     * @throws IllegalArgumentException when the systems differ or starts &lt; 1
     */
    public static Result calibrate(MixingSurrogate surrogate, CalibrationTargets targets, int starts) {
        return calibrate(surrogate, targets, starts, DEFAULT_STOPPING_RADIUS);
    }

    /** BOBYQA's final trust-region radius in unit-box coordinates (1e-5 of each parameter's range). */
    public static final double DEFAULT_STOPPING_RADIUS = 1e-5;

    /**
     * As {@link #calibrate(MixingSurrogate, CalibrationTargets, int)} with another final trust-region
     * radius (unit-box coordinates; smaller costs more evaluations for digits far below the
     * surrogate's error).
     *
     * @param surrogate the surrogate of the binary
     * @param targets the targets; their system must be the surrogate's
     * @param starts number of BOBYQA starts (at least 1; the first is the arithmetic-mean set)
     * @param stoppingRadius BOBYQA's final trust-region radius in unit-box coordinates
     * @return the best optimum over the starts, with every target's fit and the timings
     * @throws IllegalArgumentException when stoppingRadius is not in (0, 0.1), the systems differ
     *     or starts &lt; 1
     */
    public static Result calibrate(MixingSurrogate surrogate, CalibrationTargets targets, int starts, double stoppingRadius) {
        if (!(stoppingRadius > 0 && stoppingRadius < 0.1)) {
            throw new IllegalArgumentException("stopping radius must be in (0, 0.1), got " + stoppingRadius);
        }
        SurrogateMetadata meta = surrogate.metadata();
        if (!meta.binary().name().equals(targets.system())) {
            throw new IllegalArgumentException("targets are for " + targets.system() + " but the surrogate is for " + meta.binary().name());
        }
        if (starts < 1) {
            throw new IllegalArgumentException("at least one start is needed, got " + starts);
        }
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long p0 = System.nanoTime();
        long pc0 = bean.getCurrentThreadCpuTime();
        // preparation, not minimisation: the quasirandom cells of the static baseline at the target
        // compositions, then objective evaluations at Sobol points so that the JIT has compiled the evaluator
        surrogate.prepare(targets.enthalpy().stream().mapToDouble(CalibrationTargets.EnthalpyTarget::x).toArray());
        surrogate.prepare(targets.lattice().stream().mapToDouble(CalibrationTargets.LatticeTarget::x).toArray());
        ParameterBox box = new ParameterBox(meta.boxLower(), meta.boxUpper());
        double[] uMean = clamp(box.unit(meta.binary().arithmeticMean()));
        SobolSequenceGenerator warm = new SobolSequenceGenerator(4);
        double sink = 0;
        for (int i = 0; i < WARM_UP_EVALUATIONS; i++) {
            double[] u = warm.nextVector();
            sink += objective(surrogate, targets, box.at(u), u, uMean, null);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("the surrogate gives NaN inside its box");
        }
        double prepSeconds = (System.nanoTime() - p0) * 1e-9;
        double prepCpu = (bean.getCurrentThreadCpuTime() - pc0) * 1e-9;
        long t0 = System.nanoTime();
        long c0 = bean.getCurrentThreadCpuTime();
        int[] evals = {0};
        ObjectiveFunction f = new ObjectiveFunction(u -> {
            evals[0]++;
            return objective(surrogate, targets, box.at(clamp(u)), clamp(u), uMean, null);
        });
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(4);
        sobol.nextVector();
        PointValuePair best = null;
        for (int s = 0; s < starts; s++) {
            double[] u0 = s == 0 ? uMean : shrink(sobol.nextVector());
            BOBYQAOptimizer opt = new BOBYQAOptimizer(9, 0.15, stoppingRadius);
            PointValuePair r;
            try {
                r = opt.optimize(new MaxEval(3000), f, GoalType.MINIMIZE, new InitialGuess(u0),
                        new SimpleBounds(new double[4], new double[] {1, 1, 1, 1}));
            } catch (TooManyEvaluationsException e) {
                continue;
            }
            if (best == null || r.getValue() < best.getValue()) {
                best = r;
            }
        }
        if (best == null) {
            throw new IllegalStateException("BOBYQA did not converge from any of " + starts + " starts");
        }
        double[] u = clamp(best.getPoint());
        HeteronuclearParameters h = box.at(u);
        List<TargetFit> fits = new ArrayList<>();
        double chi2 = objective(surrogate, targets, h, u, uMean, fits);
        double prior = 0;
        for (int k = 0; k < 4; k++) {
            prior += targets.prior() * (u[k] - uMean[k]) * (u[k] - uMean[k]);
        }
        List<String> atBounds = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (u[k] < 1e-4 || u[k] > 1 - 1e-4) {
                atBounds.add(HeteronuclearParameters.NAMES[k]);
            }
        }
        return new Result(h, chi2, prior, fits, evals[0], starts, (System.nanoTime() - t0) * 1e-9,
                (bean.getCurrentThreadCpuTime() - c0) * 1e-9, atBounds, prepSeconds, prepCpu);
    }

    private static double objective(MixingSurrogate s, CalibrationTargets t, HeteronuclearParameters h, double[] u, double[] uMean,
            List<TargetFit> fits) {
        double chi2 = 0;
        for (CalibrationTargets.EnthalpyTarget e : t.enthalpy()) {
            if (fits == null) {
                double r = (s.mixingEnthalpy(h, e.x(), e.temperature()) - e.value()) / e.sigma();
                chi2 += r * r;
                continue;
            }
            MixingPrediction p = s.predict(h, e.x(), e.temperature());
            double r = (p.mixingEnthalpy() - e.value()) / e.sigma();
            chi2 += r * r;
            fits.add(new TargetFit("enthalpy", e.x(), e.temperature(), e.value(), e.sigma(), p.mixingEnthalpy(), r, p.extrapolated(),
                    e.source()));
        }
        for (CalibrationTargets.LatticeTarget l : t.lattice()) {
            double[] pure = s.metadata().pureLattice(l.temperature());
            double vegardModel = (1 - l.x()) * pure[0] + l.x() * pure[1];
            if (fits == null) {
                double r = (s.latticeParameter(h, l.x(), l.temperature()) / vegardModel - l.ratio()) / l.sigma();
                chi2 += r * r;
                continue;
            }
            MixingPrediction p = s.predict(h, l.x(), l.temperature());
            double r = (p.latticeParameter() / vegardModel - l.ratio()) / l.sigma();
            chi2 += r * r;
            fits.add(new TargetFit("lattice", l.x(), l.temperature(), l.value(), l.sigma(), p.latticeParameter(), r, p.extrapolated(),
                    l.source()));
        }
        for (int k = 0; k < 4; k++) {
            chi2 += t.prior() * (u[k] - uMean[k]) * (u[k] - uMean[k]);
        }
        return chi2;
    }

    private static double[] clamp(double[] u) {
        double[] c = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            c[k] = Math.max(0, Math.min(1, u[k]));
        }
        return c;
    }

    /** Sobol starts pulled 10% toward the centre so that BOBYQA's first steps stay inside the box. */
    private static double[] shrink(double[] u) {
        double[] c = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            c[k] = 0.1 + 0.8 * u[k];
        }
        return c;
    }

    /**
     * A direct simulation of a calibrated set at one target point.
     *
     * @param x simulated fraction of B
     * @param temperature T (K)
     * @param simulatedEnthalpy Delta H_mix simulated (meV/atom)
     * @param simulatedEnthalpyError its standard error
     * @param simulatedLattice a simulated (Å)
     * @param predictedEnthalpy the surrogate's value at the same point (meV/atom)
     * @param predictedLattice the surrogate's a (Å)
     * @param targetEnthalpy the enthalpy target at this (x, T), NaN if none
     */
    public record Check(double x, double temperature, double simulatedEnthalpy, double simulatedEnthalpyError, double simulatedLattice,
            double predictedEnthalpy, double predictedLattice, double targetEnthalpy) {
        /** @return surrogate minus simulation (meV/atom) */
        public double surrogateError() {
            return predictedEnthalpy - simulatedEnthalpy;
        }

        /** @return simulation minus target (meV/atom), NaN without target */
        public double targetDeviation() {
            return simulatedEnthalpy - targetEnthalpy;
        }
    }

    /**
     * Simulates a heteronuclear set at every distinct (x, T) of the enthalpy targets and at the
     * lattice targets' compositions, and the pure metals at the lattice temperature.
     *
     * @param surrogate the surrogate whose predictions are compared
     * @param targets the calibration targets (their (x, T) points)
     * @param h the calibrated heteronuclear set
     * @param simulator a simulator of the same binary (its settings set the run lengths)
     * @param seed Monte Carlo seed (each point derives its own)
     * @return the checks, enthalpy targets first
     */
    public static List<Check> verify(MixingSurrogate surrogate, CalibrationTargets targets, HeteronuclearParameters h,
            MixingSimulator simulator, long seed) {
        List<Check> out = new ArrayList<>();
        List<double[]> done = new ArrayList<>();
        int k = 0;
        for (CalibrationTargets.EnthalpyTarget e : targets.enthalpy()) {
            if (seen(done, e.x(), e.temperature())) {
                continue;
            }
            out.add(check(surrogate, h, simulator, e.x(), e.temperature(), e.value(), seed + k++));
        }
        for (CalibrationTargets.LatticeTarget l : targets.lattice()) {
            if (seen(done, l.x(), l.temperature())) {
                continue;
            }
            out.add(check(surrogate, h, simulator, l.x(), l.temperature(), Double.NaN, seed + k++));
        }
        return out;
    }

    private static boolean seen(List<double[]> done, double x, double t) {
        for (double[] d : done) {
            if (d[0] == x && d[1] == t) {
                return true;
            }
        }
        done.add(new double[] {x, t});
        return false;
    }

    private static Check check(MixingSurrogate s, HeteronuclearParameters h, MixingSimulator sim, double x, double t, double target,
            long seed) {
        var r = sim.simulate(h, x, t, seed);
        MixingPrediction p = s.predict(h, r.x(), t);
        return new Check(r.x(), t, r.mixingEnthalpy(), r.mixingEnthalpyError(), r.latticeParameter(), p.mixingEnthalpy(),
                p.latticeParameter(), target);
    }

    /**
     * The pure metals at T against experimental lattice parameters.
     *
     * @param sim a simulator of the binary
     * @param targets supplies the lattice temperature and the experimental pure lattice parameters
     * @return [2][3]: per species (A, B) {simulated a (Å), experimental a (Å) or NaN, relative
     *     deviation simulated / experimental - 1}
     */
    public static double[][] pureLatticeCheck(MixingSimulator sim, CalibrationTargets targets) {
        double[][] out = new double[2][];
        for (int s = 0; s < 2; s++) {
            PureElementResult r = sim.pure(s, targets.latticeTemperature());
            Double exp = targets.pureLattice().get(sim.binary().element(s));
            double e = exp == null ? Double.NaN : exp;
            out[s] = new double[] {r.latticeParameter(), e, r.latticeParameter() / e - 1};
        }
        return out;
    }
}
