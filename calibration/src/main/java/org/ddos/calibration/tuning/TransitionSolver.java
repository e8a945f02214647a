package org.ddos.calibration.tuning;

import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;

/**
 * The A -&gt; B transition temperature T_c (first zero of DeltaF = F_B - F_A in [tMin, tMax]) and
 * its exact gradient dT_c/dtheta = -(&lt;D&gt;_B - &lt;D&gt;_A) / (dDeltaF/dT), with
 * dDeltaF/dT = -(S_B - S_A) k_B (implicit function theorem; DESIGN.md section 2), counting every
 * single-phase free-energy evaluation so optimisers can be compared by cost.
 *
 * <p>Two ways to find T_c:
 * <ul>
 *   <li>{@link #solve(double[], double)} with a NaN guess scans the grid (like
 *       {@code thermo.transition.PhaseComparison}) for the first sign change, then refines inside
 *       the bracket by safeguarded Newton steps on the exact slope;</li>
 *   <li>with a finite guess (e.g. the previous T_c of an optimiser), Newton starts there; the
 *       result is accepted only if DeltaF(tMin) has the sign expected below a first crossing,
 *       otherwise the grid scan runs.</li>
 * </ul>
 * When DeltaF keeps one sign on the grid, T_c is extrapolated linearly from the nearer end of the
 * range (DeltaF(T_edge) / slope) so that an optimiser sees a continuous objective; such points
 * carry {@code inRange == false} and must never be reported as a result.
 *
 * <p>Not thread-safe (holds one evaluator per phase).
 */
public final class TransitionSolver {
    private static final double TEMPERATURE_TOLERANCE = 1e-6;
    private static final int MAX_NEWTON = 60;

    private final PhaseFreeEnergy.Evaluator a;
    private final PhaseFreeEnergy.Evaluator b;
    private final double[] grid;
    private final int k;
    private final double[] work;
    private long evaluations;
    private double lastA;
    private double lastB;

    /**
     * @param phaseA phase stable below T_c (e.g. bcc)
     * @param phaseB phase stable above T_c (e.g. fcc)
     * @param tMin lowest temperature (K, &gt; 0)
     * @param tMax highest temperature (K, &gt; tMin)
     * @param gridPoints scan points (&gt;= 2), evenly spaced, inclusive
     * @throws IllegalArgumentException on a bad range or different descriptor counts
     */
    public TransitionSolver(PhaseFreeEnergy phaseA, PhaseFreeEnergy phaseB, double tMin, double tMax, int gridPoints) {
        if (phaseA.descriptorCount() != phaseB.descriptorCount()) {
            throw new IllegalArgumentException("phases have different descriptor counts: " + phaseA.descriptorCount()
                    + " and " + phaseB.descriptorCount());
        }
        if (!(tMin > 0) || !(tMax > tMin) || !Double.isFinite(tMax)) {
            throw new IllegalArgumentException("temperature range must satisfy 0 < Tmin < Tmax, got " + tMin + " .. " + tMax + " K");
        }
        if (gridPoints < 2) {
            throw new IllegalArgumentException("need at least 2 grid temperatures, got " + gridPoints);
        }
        this.a = phaseA.newEvaluator();
        this.b = phaseB.newEvaluator();
        this.k = phaseA.descriptorCount();
        this.grid = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            grid[i] = tMin + (tMax - tMin) * i / (gridPoints - 1);
        }
        this.work = new double[k];
    }

    /** @return the number of single-phase free-energy evaluations so far */
    public long evaluations() {
        return evaluations;
    }

    /** @return the scan grid (K), a copy */
    public double[] grid() {
        return grid.clone();
    }

    /**
     * Sets theta for both phases (rotates it into every isosurface basis).
     *
     * @param theta linear-potential parameters, length K (eV per descriptor unit)
     */
    public void setParameters(double[] theta) {
        a.setParameters(theta);
        b.setParameters(theta);
    }

    /**
     * DeltaF = F_B - F_A at T for the parameters last set (2 evaluations).
     *
     * @param temperature T in K
     * @return eV/atom
     */
    public double deltaF(double temperature) {
        evaluations += 2;
        lastA = a.freeEnergy(temperature);
        lastB = b.freeEnergy(temperature);
        return lastB - lastA;
    }

    /** @return F_A of the last {@link #deltaF} call (eV/atom) */
    public double lastFreeEnergyA() {
        return lastA;
    }

    /** @return F_B of the last {@link #deltaF} call (eV/atom) */
    public double lastFreeEnergyB() {
        return lastB;
    }

    /** @return whether phase A was unsolved at the last {@link #deltaF} call */
    public boolean lastUnsolvedA() {
        return a.unsolved();
    }

    /** @return whether phase B was unsolved at the last {@link #deltaF} call */
    public boolean lastUnsolvedB() {
        return b.unsolved();
    }

    /**
     * Writes dF_A/dtheta = &lt;D&gt;_A of the last call into out.
     *
     * @param out length K, per-atom descriptor units
     */
    public void gradientA(double[] out) {
        a.gradient(out);
    }

    /**
     * Writes dF_B/dtheta = &lt;D&gt;_B of the last call into out.
     *
     * @param out length K, per-atom descriptor units
     */
    public void gradientB(double[] out) {
        b.gradient(out);
    }

    /** @return dDeltaF/dT of the last {@link #deltaF} call, eV/(atom K) */
    public double slope() {
        return -(b.entropy() - a.entropy()) * PhysicalConstants.BOLTZMANN_EV_PER_K;
    }

    /**
     * Writes &lt;D&gt;_B - &lt;D&gt;_A = dDeltaF/dtheta of the last {@link #deltaF} call into out (length K).
     *
     * @param out length K, per-atom descriptor units
     */
    public void deltaGradient(double[] out) {
        b.gradient(out);
        a.gradient(work);
        for (int j = 0; j < k; j++) {
            out[j] -= work[j];
        }
    }

    /** @return true when either phase was unsolved at the last {@link #deltaF} call */
    public boolean unsolved() {
        return a.unsolved() || b.unsolved();
    }

    /** @return one-sigma uncertainty of DeltaF at the last call (eV/atom) */
    public double deltaFUncertainty() {
        return Math.hypot(a.uncertainty(), b.uncertainty());
    }

    /**
     * @param theta length K, finite
     * @param guess a starting temperature for Newton (K), or NaN to scan the grid
     * @return T_c with its gradient; see the class comment for out-of-range points
     */
    public TransitionPoint solve(double[] theta, double guess) {
        setParameters(theta);
        double tMin = grid[0];
        double tMax = grid[grid.length - 1];
        if (Double.isFinite(guess) && guess > tMin && guess < tMax) {
            double t = newton(guess, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            if (Double.isFinite(t)) {
                TransitionPoint p = point(t, true);
                double below = deltaF(tMin);
                // below a first crossing DeltaF has the sign of -slope (A stable for a decreasing DeltaF)
                if (below != 0 && Math.signum(below) == -Math.signum(p.slope()) && p.slope() != 0) {
                    return p;
                }
            }
        }
        return scan();
    }

    /**
     * Refines T_c inside a known bracket (DeltaF changes sign between lo and hi) for the
     * parameters last set; used when DeltaF on the grid is already known (ensembles).
     *
     * @param lo lower end of the bracket (K)
     * @param fLo DeltaF at lo (eV/atom)
     * @param hi upper end of the bracket (K)
     * @param fHi DeltaF at hi (eV/atom), of opposite sign to fLo
     * @return the point, or one with NaN temperature if the refinement fails
     */
    public TransitionPoint solveInBracket(double lo, double fLo, double hi, double fHi) {
        double t = newton(lo - fLo * (hi - lo) / (fHi - fLo), lo, fLo, hi, fHi);
        if (!Double.isFinite(t)) {
            return new TransitionPoint(Double.NaN, null, Double.NaN, false, false, Double.NaN);
        }
        return point(t, true);
    }

    private TransitionPoint scan() {
        double prevT = grid[0];
        double prevF = deltaF(prevT);
        if (prevF == 0) {
            return point(prevT, true);
        }
        for (int i = 1; i < grid.length; i++) {
            double t = grid[i];
            double f = deltaF(t);
            if (f == 0) {
                return point(t, true);
            }
            if (Math.signum(f) != Math.signum(prevF)) {
                double tc = newton(prevT - prevF * (t - prevT) / (f - prevF), prevT, prevF, t, f);
                if (!Double.isFinite(tc)) {
                    throw new IllegalStateException("transition temperature did not converge between " + prevT + " and " + t + " K");
                }
                return point(tc, true);
            }
            prevT = t;
            prevF = f;
        }
        // no crossing: extrapolate linearly from the end where DeltaF is nearer to zero
        double tLo = grid[0];
        double tHi = grid[grid.length - 1];
        double fLo = deltaF(tLo);
        double sLo = slope();
        double fHi = deltaF(tHi);
        double sHi = slope();
        double edge;
        double fEdge;
        double sEdge;
        // DeltaF moving towards zero with increasing T: crossing lies above; else below
        if (fHi * sHi < 0) {
            edge = tHi;
            fEdge = fHi;
            sEdge = sHi;
        } else if (fLo * sLo > 0) {
            edge = tLo;
            fEdge = fLo;
            sEdge = sLo;
        } else {
            return new TransitionPoint(Double.NaN, null, Double.NaN, false, false, Double.NaN);
        }
        deltaF(edge);
        double[] grad = new double[k];
        deltaGradient(grad);
        for (int j = 0; j < k; j++) {
            grad[j] = -grad[j] / sEdge;
        }
        return new TransitionPoint(edge - fEdge / sEdge, grad, sEdge, false, unsolved(), Double.NaN);
    }

    /**
     * Safeguarded Newton on DeltaF(T) = 0 from t0; with a bracket (finite lo, hi) steps that leave
     * it are replaced by bisection. Leaves both evaluators at the returned temperature.
     *
     * @return the root, or NaN when Newton leaves the range without a bracket or does not converge
     */
    private double newton(double t0, double lo, double fLo, double hi, double fHi) {
        double tMin = grid[0];
        double tMax = grid[grid.length - 1];
        double t = t0;
        double f = deltaF(t);
        for (int it = 0; it < MAX_NEWTON; it++) {
            if (f == 0) {
                return t;
            }
            // maintain the bracket
            if (Double.isFinite(lo)) {
                if (Math.signum(f) == Math.signum(fLo)) {
                    lo = t;
                    fLo = f;
                } else {
                    hi = t;
                    fHi = f;
                }
            }
            double s = slope();
            double next = t - f / s;
            boolean bracketed = Double.isFinite(lo);
            if (bracketed) {
                double left = Math.min(lo, hi);
                double right = Math.max(lo, hi);
                if (!(next > left && next < right) || !Double.isFinite(next)) {
                    next = 0.5 * (lo + hi);
                }
            } else if (!Double.isFinite(next) || next <= tMin || next >= tMax) {
                return Double.NaN;
            }
            double prevT = t;
            double prevF = f;
            t = next;
            f = deltaF(t);
            if (!bracketed && f != 0 && Math.signum(f) != Math.signum(prevF)) {
                lo = prevT;
                fLo = prevF;
                hi = t;
                fHi = f;
            }
            if (Math.abs(t - prevT) < TEMPERATURE_TOLERANCE
                    || (bracketed && Math.abs(hi - lo) < TEMPERATURE_TOLERANCE)) {
                return t;
            }
        }
        return Double.NaN;
    }

    /** Builds the point at t, assuming the evaluators were last evaluated at t. */
    private TransitionPoint point(double t, boolean inRange) {
        double s = slope();
        double[] grad = new double[k];
        deltaGradient(grad);
        for (int j = 0; j < k; j++) {
            grad[j] = -grad[j] / s;
        }
        return new TransitionPoint(t, grad, s, inRange, unsolved(), deltaFUncertainty() / Math.abs(s));
    }

    /**
     * A transition temperature with its gradient.
     *
     * @param temperature T_c in K (NaN when neither found nor extrapolable)
     * @param gradient dT_c/dtheta, length K, K per (eV per descriptor unit); null when NaN
     * @param slope dDeltaF/dT at T_c, eV/(atom K)
     * @param inRange true when T_c is a zero of DeltaF inside the scanned range; false for an
     *     extrapolated point (never a result)
     * @param unsolved true when either phase is unsolved at T_c (alpha* on the sampled edge)
     * @param uncertainty one-sigma T_c uncertainty from the score bands (K)
     */
    public record TransitionPoint(double temperature, double[] gradient, double slope, boolean inRange,
            boolean unsolved, double uncertainty) {
    }
}
