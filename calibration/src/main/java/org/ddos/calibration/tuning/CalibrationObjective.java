package org.ddos.calibration.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The residuals and their exact Jacobian of a {@link CalibrationProblem} in the reduced
 * coordinates z of the constraint null space (theta = theta_c + N z, so every constraint holds
 * for any z), with a count of single-phase free-energy evaluations and a record of every
 * evaluated point.
 *
 * <p>Residual vector, in target order, then the regulariser rows:
 * <ul>
 *   <li>T_c target, {@link Form#TRANSITION_TEMPERATURE}: sqrt(w) (T_c - goal) in K, gradient
 *       sqrt(w) dT_c/dtheta (implicit function theorem);</li>
 *   <li>T_c target, {@link Form#FREE_ENERGY_AT_TARGET} (the DescriptorDOS notebook's surrogate):
 *       DeltaF(goal) = F_B - F_A at the target temperature in eV/atom (weight not applied),
 *       gradient &lt;D&gt;_B - &lt;D&gt;_A; T_c is still solved at every point to record it;</li>
 *   <li>free-energy difference: sqrt(w) (DeltaF(T) - goal), gradient sqrt(w) (&lt;D&gt;_B - &lt;D&gt;_A);</li>
 *   <li>0 K energy difference: sqrt(w) (theta . (D_0^B - D_0^A) - goal);</li>
 *   <li>regulariser: L (theta - theta_0).</li>
 * </ul>
 * The loss is the sum of squared residuals.
 *
 * <p>Not thread-safe.
 */
public final class CalibrationObjective {
    /** How a transition-temperature target enters the residuals. */
    public enum Form {
        /** residual T_c - goal (K), the loss of the issue: |T_c - T_target|^2 + regulariser */
        TRANSITION_TEMPERATURE,
        /** residual DeltaF(T_target) (eV/atom), the reference notebook's surrogate */
        FREE_ENERGY_AT_TARGET
    }

    private final CalibrationProblem problem;
    private Form form;
    private final int k;
    private final int free;
    private final double[] theta0;
    private final double[] thetaC;
    private final Map<List<String>, TransitionSolver> solvers = new HashMap<>();
    private final double[] lastTc;
    private final List<TrajectoryPoint> trajectory = new ArrayList<>();
    private final double theta0Norm;

    /**
     * Builds one transition solver per target phase pair and the feasible point theta_c.
     *
     * @param problem the validated calibration problem
     * @param form how transition-temperature targets enter the residuals
     * @throws LinearConstraints.InfeasibleConstraintsException when the constraints cannot hold
     */
    public CalibrationObjective(CalibrationProblem problem, Form form) {
        this.problem = problem;
        this.form = form;
        this.k = problem.descriptorCount();
        this.free = problem.constraints().freeDimension();
        this.theta0 = problem.theta0();
        this.thetaC = problem.constraints().feasiblePoint(theta0);
        for (List<String> pair : problem.pairs()) {
            solvers.put(pair, new TransitionSolver(problem.phases().get(pair.get(0)), problem.phases().get(pair.get(1)),
                    problem.minTemperature(), problem.maxTemperature(), problem.gridPoints()));
        }
        this.lastTc = new double[problem.targets().size()];
        java.util.Arrays.fill(lastTc, Double.NaN);
        this.theta0Norm = Math.sqrt(LinearConstraints.dot(theta0, theta0));
    }

    /** @return the problem */
    public CalibrationProblem problem() {
        return problem;
    }

    /** @return the form of T_c residuals */
    public Form form() {
        return form;
    }

    /**
     * Switches the form of T_c residuals (e.g. after a surrogate warm start); counts and trajectory continue.
     *
     * @param form the new form
     */
    public void setForm(Form form) {
        this.form = form;
    }

    /** @return the dimension of z (K minus the constraint rank) */
    public int freeDimension() {
        return free;
    }

    /** @return number of residuals: targets plus regulariser rows */
    public int residualCount() {
        return problem.targets().size() + problem.regulariser().residualCount();
    }

    /**
     * @param z reduced coordinates, length {@link #freeDimension()}
     * @return theta = theta_c + N z, a new array of length K (eV per descriptor unit)
     */
    public double[] theta(double[] z) {
        double[] t = new double[k];
        problem.constraints().expand(thetaC, z, t);
        return t;
    }

    /** @return single-phase free-energy evaluations so far, over all phase pairs */
    public long evaluations() {
        long n = 0;
        for (TransitionSolver s : solvers.values()) {
            n += s.evaluations();
        }
        return n;
    }

    /** @return every evaluated point so far, in order */
    public List<TrajectoryPoint> trajectory() {
        return List.copyOf(trajectory);
    }

    /**
     * Evaluates residuals and Jacobian at z and records the point.
     *
     * @param z length {@link #freeDimension()}
     * @return the evaluation
     */
    public Evaluation evaluate(double[] z) {
        if (z.length != free) {
            throw new IllegalArgumentException("z has length " + z.length + ", expected " + free);
        }
        double[] theta = theta(z);
        int n = residualCount();
        double[] r = new double[n];
        double[][] jac = new double[n][free];
        List<Target> targets = problem.targets();
        double[] values = new double[targets.size()];
        double[] row = new double[k];
        boolean unsolved = false;
        boolean inRange = true;
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            TransitionSolver s = solvers.get(List.of(t.phaseA(), t.phaseB()));
            double sw = Math.sqrt(t.weight());
            if (t instanceof Target.TransitionTemperature tc) {
                if (form == Form.FREE_ENERGY_AT_TARGET) {
                    s.setParameters(theta);
                    r[i] = s.deltaF(tc.goal());
                    s.deltaGradient(row);
                    problem.constraints().reduce(row, jac[i]);
                }
                TransitionSolver.TransitionPoint p = s.solve(theta, lastTc[i]);
                if (!Double.isFinite(p.temperature())) {
                    throw new IllegalStateException("target " + t.describe() + ": DeltaF keeps one sign and cannot be"
                            + " extrapolated to a crossing for these parameters");
                }
                values[i] = p.temperature();
                unsolved |= p.unsolved();
                inRange &= p.inRange();
                if (p.inRange()) {
                    lastTc[i] = p.temperature();
                }
                if (form == Form.TRANSITION_TEMPERATURE) {
                    r[i] = sw * (p.temperature() - tc.goal());
                    for (int j = 0; j < k; j++) {
                        row[j] = sw * p.gradient()[j];
                    }
                    problem.constraints().reduce(row, jac[i]);
                }
            } else if (t instanceof Target.FreeEnergyDifference fd) {
                s.setParameters(theta);
                double df = s.deltaF(fd.temperature());
                values[i] = df;
                unsolved |= s.unsolved();
                r[i] = sw * (df - fd.goal());
                s.deltaGradient(row);
                for (int j = 0; j < k; j++) {
                    row[j] *= sw;
                }
                problem.constraints().reduce(row, jac[i]);
            } else if (t instanceof Target.LatticeEnergyDifference le) {
                double[] da = problem.phases().get(le.phaseA()).campaign().latticeDescriptor();
                double[] db = problem.phases().get(le.phaseB()).campaign().latticeDescriptor();
                double e = 0;
                for (int j = 0; j < k; j++) {
                    row[j] = db[j] - da[j];
                    e += theta[j] * row[j];
                }
                values[i] = e;
                r[i] = sw * (e - le.goal());
                for (int j = 0; j < k; j++) {
                    row[j] *= sw;
                }
                problem.constraints().reduce(row, jac[i]);
            }
        }
        double[] dtheta = new double[k];
        for (int j = 0; j < k; j++) {
            dtheta[j] = theta[j] - theta0[j];
        }
        Regulariser reg = problem.regulariser();
        for (int p = 0; p < reg.residualCount(); p++) {
            int i = targets.size() + p;
            double[] l = reg.factorRow(p);
            r[i] = LinearConstraints.dot(l, dtheta);
            problem.constraints().reduce(l, jac[i]);
        }
        double loss = LinearConstraints.dot(r, r);
        double change = Math.sqrt(LinearConstraints.dot(dtheta, dtheta)) / theta0Norm;
        double[] constraintResiduals = problem.constraints().residuals(theta);
        TrajectoryPoint point = new TrajectoryPoint(trajectory.size(), evaluations(), loss, values, change,
                constraintResiduals, unsolved, inRange);
        trajectory.add(point);
        return new Evaluation(z.clone(), theta, r, jac, point);
    }

    /**
     * @param z reduced coordinates
     * @param theta full parameters
     * @param residuals length {@link #residualCount()}
     * @param jacobian residualCount x freeDimension, d residual / dz
     * @param point the recorded trajectory point
     */
    public record Evaluation(double[] z, double[] theta, double[] residuals, double[][] jacobian, TrajectoryPoint point) {
        /** @return J^T r, half the gradient of the loss with respect to z */
        public double[] halfGradient() {
            double[] g = new double[z.length];
            for (int i = 0; i < residuals.length; i++) {
                double ri = residuals[i];
                double[] row = jacobian[i];
                for (int c = 0; c < g.length; c++) {
                    g[c] += row[c] * ri;
                }
            }
            return g;
        }
    }
}
