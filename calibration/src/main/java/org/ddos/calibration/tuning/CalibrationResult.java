package org.ddos.calibration.tuning;

import java.util.ArrayList;
import java.util.List;
import org.ddos.thermo.transition.PhaseComparison;
import org.ddos.thermo.transition.TransitionResult;

/**
 * The outcome of a calibration run: the new parameters, what each target became (T_c verified
 * by an independent full-grid {@link PhaseComparison} scan, i.e. what {@code ddos transition}
 * reports for the tuned file), and the trajectory.
 *
 * @param optimizer the optimiser's name
 * @param theta0 starting parameters, length K
 * @param theta final parameters, length K; they satisfy every constraint (checked on creation)
 * @param outcomes one per target, in problem order
 * @param trajectory every evaluated point
 * @param evaluations single-phase free-energy evaluations used by the optimiser (the final
 *     verification scan is not counted)
 * @param converged true when the optimiser met its own stopping criterion (not a claim about targets)
 * @param message how the optimiser stopped
 */
public record CalibrationResult(String optimizer, double[] theta0, double[] theta, List<TargetOutcome> outcomes,
        List<TrajectoryPoint> trajectory, long evaluations, boolean converged, String message) {

    /**
     * What a target became.
     *
     * @param target the target
     * @param value T_c in K (NaN when no crossing in range), DeltaF or 0 K difference in eV/atom
     * @param uncertainty one-sigma T_c uncertainty from the score bands (K), NaN otherwise
     * @param found false when no transition lies in the scanned range
     * @param unsolved true when a phase is unsolved at T_c (alpha* on the sampled edge)
     */
    public record TargetOutcome(Target target, double value, double uncertainty, boolean found, boolean unsolved) {
        /** @return value - goal (NaN when not found) */
        public double misfit() {
            if (target instanceof Target.TransitionTemperature t) {
                return value - t.goal();
            } else if (target instanceof Target.FreeEnergyDifference f) {
                return value - f.goal();
            }
            return value - ((Target.LatticeEnergyDifference) target).goal();
        }
    }

    /**
     * Builds the result: checks the constraints and verifies every target at theta.
     *
     * @throws LinearConstraints.InfeasibleConstraintsException when theta violates a constraint
     */
    static CalibrationResult of(String optimizer, CalibrationObjective objective, double[] theta, boolean converged,
            String message) {
        CalibrationProblem p = objective.problem();
        p.constraints().check(theta);
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (Target t : p.targets()) {
            var a = p.phases().get(t.phaseA());
            var b = p.phases().get(t.phaseB());
            if (t instanceof Target.TransitionTemperature) {
                TransitionResult r = new PhaseComparison(a, b).transition(theta, p.minTemperature(), p.maxTemperature(),
                        p.gridPoints());
                outcomes.add(new TargetOutcome(t, r.transitionTemperature(), r.uncertainty(), r.found(), r.found() && r.unsolved()));
            } else if (t instanceof Target.FreeEnergyDifference f) {
                PhaseComparison c = new PhaseComparison(a, b);
                c.setParameters(theta);
                outcomes.add(new TargetOutcome(t, c.deltaF(f.temperature()), Double.NaN, true, false));
            } else {
                outcomes.add(new TargetOutcome(t, b.campaign().latticeEnergy(theta) - a.campaign().latticeEnergy(theta),
                        Double.NaN, true, false));
            }
        }
        return new CalibrationResult(optimizer, p.theta0(), theta, List.copyOf(outcomes), objective.trajectory(),
                objective.evaluations(), converged, message);
    }

    /** @return |theta - theta_0| / |theta_0| */
    public double relativeChange() {
        double d = 0;
        double n = 0;
        for (int j = 0; j < theta.length; j++) {
            d += (theta[j] - theta0[j]) * (theta[j] - theta0[j]);
            n += theta0[j] * theta0[j];
        }
        return Math.sqrt(d / n);
    }

    /**
     * @param temperatureTolerance K, for T_c targets
     * @param energyTolerance eV/atom, for DeltaF and 0 K targets
     * @return true when every target was found and lies within its tolerance
     */
    public boolean targetsMet(double temperatureTolerance, double energyTolerance) {
        for (TargetOutcome o : outcomes) {
            double tol = o.target() instanceof Target.TransitionTemperature ? temperatureTolerance : energyTolerance;
            if (!o.found() || !(Math.abs(o.misfit()) <= tol)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param temperatureTolerance K
     * @return cumulative evaluations at the first trajectory point where every T_c target was in
     *     range and within the tolerance, or -1 if none was
     */
    public long evaluationsToReach(double temperatureTolerance) {
        for (TrajectoryPoint pt : trajectory) {
            if (!pt.inRange()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).target() instanceof Target.TransitionTemperature t
                        && !(Math.abs(pt.targetValues()[i] - t.goal()) <= temperatureTolerance)) {
                    ok = false;
                }
            }
            if (ok) {
                return pt.evaluations();
            }
        }
        return -1;
    }
}
