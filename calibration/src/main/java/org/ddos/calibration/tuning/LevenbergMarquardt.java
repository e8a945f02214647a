package org.ddos.calibration.tuning;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The quasi-Newton route: the loss |T_c - T_target|^2 + regulariser is a sum of squares, so it
 * is handed as residuals [T_c - T_target, L (theta - theta_0)] with their exact Jacobian
 * (dT_c/dtheta from the implicit function theorem) to the Levenberg–Marquardt trust-region
 * method of Apache Commons Math 3.6.1 (a port of MINPACK lmder; a Gauss–Newton model of the
 * Hessian, J^T J, inside an adaptive trust region), in the constraint null space so every
 * iterate meets the constraints exactly.
 *
 * <p>Commons Math 3 has no L-BFGS; for this least-squares loss Gauss–Newton/LM uses the same
 * first derivatives and converges in fewer evaluations than a generic quasi-Newton method.
 */
public final class LevenbergMarquardt implements Optimizer {
    private final int maxIterations;
    private final double relativeTolerance;

    /**
     * @param maxIterations iteration cap (&gt;= 1); evaluations are capped at 4x this
     * @param relativeTolerance relative cost and parameter tolerance (e.g. 1e-10)
     */
    public LevenbergMarquardt(int maxIterations, double relativeTolerance) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("need at least one iteration, got " + maxIterations);
        }
        if (!(relativeTolerance > 0) || !(relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must lie in (0, 1), got " + relativeTolerance);
        }
        this.maxIterations = maxIterations;
        this.relativeTolerance = relativeTolerance;
    }

    /** @return 50 iterations, relative tolerance 1e-6 */
    public static LevenbergMarquardt standard() {
        return new LevenbergMarquardt(50, 1e-6);
    }

    @Override
    public String name() {
        return "lm";
    }

    @Override
    public CalibrationResult minimise(CalibrationProblem problem) {
        CalibrationObjective objective = new CalibrationObjective(problem, CalibrationObjective.Form.FREE_ENERGY_AT_TARGET);
        double[] z = new double[objective.freeDimension()];
        StringBuilder message = new StringBuilder();
        boolean converged = true;
        boolean hasTc = problem.targets().stream().anyMatch(t -> t instanceof Target.TransitionTemperature);
        if (hasTc) {
            Stage s = stage(objective, z);
            z = s.z;
            converged &= s.converged;
            message.append("DeltaF(T_target) warm start: ").append(s.message).append("; ");
        }
        objective.setForm(CalibrationObjective.Form.TRANSITION_TEMPERATURE);
        Stage s = stage(objective, z);
        converged &= s.converged;
        message.append(hasTc ? "T_c residuals: " : "").append(s.message);
        return CalibrationResult.of(name(), objective, objective.theta(s.z), converged, message.toString());
    }

    private record Stage(double[] z, boolean converged, String message) {
    }

    private Stage stage(CalibrationObjective objective, double[] start) {
        double[][] best = {start.clone()};
        double[] bestLoss = {Double.POSITIVE_INFINITY};
        LeastSquaresProblem lsp = new LeastSquaresBuilder()
                .start(start)
                .target(new double[objective.residualCount()])
                .model(point -> {
                    CalibrationObjective.Evaluation e = objective.evaluate(point.toArray());
                    if (e.point().inRange() && e.point().loss() < bestLoss[0]) {
                        bestLoss[0] = e.point().loss();
                        best[0] = e.z();
                    }
                    return new Pair<RealVector, RealMatrix>(
                            new ArrayRealVector(e.residuals(), false), new Array2DRowRealMatrix(e.jacobian(), false));
                })
                .lazyEvaluation(false)
                .maxIterations(maxIterations)
                .maxEvaluations(4 * maxIterations)
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(relativeTolerance)
                .withParameterRelativeTolerance(relativeTolerance);
        try {
            LeastSquaresOptimizer.Optimum o = lm.optimize(lsp);
            return new Stage(o.getPoint().toArray(), true, "converged after " + o.getIterations() + " iterations, "
                    + o.getEvaluations() + " evaluations");
        } catch (TooManyEvaluationsException | TooManyIterationsException ex) {
            return new Stage(best[0], false, "stopped at the iteration cap (" + maxIterations
                    + "), best in-range point kept");
        }
    }
}
