package org.ddos.calibration.tuning;

/**
 * Projected gradient descent with a fixed step, the DescriptorDOS notebook recipe
 * (analysis/Inverse-NVT-BCC-FCC.ipynb; arXiv:2502.18191): theta &lt;- theta - delta (I - P) J^T r,
 * with J^T r = DeltaF(T_target) (&lt;D&gt;_B - &lt;D&gt;_A) + r (theta - theta_0) for the surrogate
 * form and a ridge r, and P the projector onto the constraint rows (P_0 = dD_0 dD_0^T / |dD_0|^2
 * when only the 0 K difference is held). The reference uses delta = 2.5e-5, r = 5 and 20 steps.
 *
 * <p>The step is taken in the reduced coordinates z (theta = theta_c + N z, N orthonormal), which
 * is the same update. Every step records T_c (solved warm-started from the previous one).
 */
public final class GradientDescent implements Optimizer {
    /** Step of the reference notebook. */
    public static final double REFERENCE_STEP = 2.5e-5;
    /** Step count of the reference notebook. */
    public static final int REFERENCE_STEPS = 20;

    private final double step;
    private final int steps;
    private final CalibrationObjective.Form form;

    /**
     * @param step delta &gt; 0 (parameter units per unit of J^T r)
     * @param steps number of updates &gt;= 1
     * @param form residual form of T_c targets ({@code FREE_ENERGY_AT_TARGET} is the reference)
     */
    public GradientDescent(double step, int steps, CalibrationObjective.Form form) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("gradient-descent step must be positive and finite, got " + step);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("gradient descent needs at least one step, got " + steps);
        }
        this.step = step;
        this.steps = steps;
        this.form = form;
    }

    /** @return the reference recipe: step 2.5e-5, 20 steps, DeltaF(T_target) surrogate */
    public static GradientDescent reference() {
        return new GradientDescent(REFERENCE_STEP, REFERENCE_STEPS, CalibrationObjective.Form.FREE_ENERGY_AT_TARGET);
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public CalibrationResult minimise(CalibrationProblem problem) {
        CalibrationObjective objective = new CalibrationObjective(problem, form);
        double[] z = new double[objective.freeDimension()];
        CalibrationObjective.Evaluation e = objective.evaluate(z);
        for (int s = 0; s < steps; s++) {
            double[] g = e.halfGradient();
            for (int c = 0; c < z.length; c++) {
                z[c] -= step * g[c];
            }
            e = objective.evaluate(z);
        }
        return CalibrationResult.of(name(), objective, e.theta(), true,
                steps + " fixed steps of " + step + " (" + form + " residuals)");
    }
}
