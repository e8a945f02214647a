package org.ddos.thermo.transition;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;

/**
 * Free-energy difference between two phases A and B of the same potential and their transition
 * temperature: DeltaF(T) = F_B(theta, T) - F_A(theta, T), each including its 0 K energy
 * theta . D_0, so DeltaF(0) = theta . (D_0^B - D_0^A). T_c solves DeltaF(T_c) = 0 (Brent's method
 * on continuous T after a grid scan brackets the first sign change), and by the implicit
 * function theorem dT_c/dtheta = -(&lt;D&gt;_B - &lt;D&gt;_A) / (dDeltaF/dT) with
 * dDeltaF/dT = -(S_B - S_A).
 *
 * <p>Not thread-safe (holds one evaluator per phase); make one per thread.
 */
public final class PhaseComparison {
    private final PhaseFreeEnergy phaseA;
    private final PhaseFreeEnergy phaseB;
    private final PhaseFreeEnergy.Evaluator a;
    private final PhaseFreeEnergy.Evaluator b;
    private final int k;

    /**
     * @param phaseA phase A (DeltaF = F_B - F_A; T_c is where B takes over from A)
     * @param phaseB phase B, same descriptor count K
     * @throws IllegalArgumentException when the phases have different descriptor counts
     */
    public PhaseComparison(PhaseFreeEnergy phaseA, PhaseFreeEnergy phaseB) {
        if (phaseA.descriptorCount() != phaseB.descriptorCount()) {
            throw new IllegalArgumentException("phases have different descriptor counts: "
                    + phaseA.descriptorCount() + " and " + phaseB.descriptorCount() + " (not the same descriptor family)");
        }
        this.phaseA = phaseA;
        this.phaseB = phaseB;
        this.a = phaseA.newEvaluator();
        this.b = phaseB.newEvaluator();
        this.k = phaseA.descriptorCount();
    }

    /** @return phase A */
    public PhaseFreeEnergy phaseA() {
        return phaseA;
    }

    /** @return phase B */
    public PhaseFreeEnergy phaseB() {
        return phaseB;
    }

    /**
     * Sets theta for both phases.
     *
     * @param theta length K, finite
     * @throws IllegalArgumentException on a wrong length or a non-finite value
     */
    public void setParameters(double[] theta) {
        a.setParameters(theta);
        b.setParameters(theta);
    }

    /**
     * @param temperature T in K
     * @return DeltaF = F_B - F_A at T for the current parameters (eV/atom)
     */
    public double deltaF(double temperature) {
        return b.freeEnergy(temperature) - a.freeEnergy(temperature);
    }

    /**
     * Finds the transition temperature of theta in [tMin, tMax].
     *
     * @param theta length K
     * @param tMin lowest temperature (K, &gt; 0)
     * @param tMax highest temperature (K, &gt; tMin)
     * @param gridPoints scan points (&gt;= 2) used to bracket the first sign change
     * @return the result; {@code found == false} when DeltaF keeps one sign on the grid
     * @throws IllegalArgumentException on a bad range or theta
     */
    public TransitionResult transition(double[] theta, double tMin, double tMax, int gridPoints) {
        if (!(tMin > 0) || !(tMax > tMin) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException("temperature range must satisfy 0 < Tmin < Tmax, got " + tMin + " .. " + tMax + " K");
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("need at least 2 grid temperatures, got " + gridPoints);
        }
        setParameters(theta);
        double[] temps = new double[gridPoints];
        double[] df = new double[gridPoints];
        double[] sig = new double[gridPoints];
        boolean[] uns = new boolean[gridPoints];
        int crossings = 0;
        int first = -1;
        for (int i = 0; i < gridPoints; i++) {
            temps[i] = tMin + (tMax - tMin) * i / (gridPoints - 1);
            df[i] = deltaF(temps[i]);
            sig[i] = Math.hypot(a.uncertainty(), b.uncertainty());
            uns[i] = a.unsolved() || b.unsolved();
            if (i > 0 && Math.signum(df[i]) != Math.signum(df[i - 1])) {
                crossings++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first < 0) {
            return new TransitionResult(false, Double.NaN, Double.NaN, null, Double.NaN, false, 0, temps, df, sig, uns);
        }
        double tc;
        if (df[first - 1] == 0) {
            tc = temps[first - 1];
        } else if (df[first] == 0) {
            tc = temps[first];
        } else {
            try {
                tc = new BrentSolver(1e-9, 1e-7).solve(200, this::deltaF, temps[first - 1], temps[first]);
            } catch (MathIllegalStateException e) {
                throw new IllegalStateException("transition temperature did not converge between " + temps[first - 1]
                        + " and " + temps[first] + " K", e);
            }
        }
        deltaF(tc);
        double[] gradA = new double[k];
        double[] gradB = new double[k];
        a.gradient(gradA);
        b.gradient(gradB);
        double slope = -(b.entropy() - a.entropy()) * PhysicalConstants.BOLTZMANN_EV_PER_K;
        double[] grad = new double[k];
        for (int j = 0; j < k; j++) {
            grad[j] = -(gradB[j] - gradA[j]) / slope;
        }
        double sigmaDf = Math.hypot(a.uncertainty(), b.uncertainty());
        boolean unsolved = a.unsolved() || b.unsolved();
        return new TransitionResult(true, tc, sigmaDf / Math.abs(slope), grad, slope, unsolved, crossings, temps, df, sig, uns);
    }
}
