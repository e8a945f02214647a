package org.ddos.calibration.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.ddos.calibration.tuning.TransitionSolver;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;

/**
 * Forward propagation of a parameter ensemble through the learned phases: F(theta_m, T) of
 * every phase at every temperature and, for a phase pair (A, B), the transition temperature of
 * every member, summarised as percentiles; members whose T_c falls outside the temperature range
 * are counted and reported, never dropped silently. A linearised cross-check uses the exact
 * gradients at theta_0: Var(T_c) = g^T Sigma g with g = dT_c/dtheta, and Var F = &lt;D&gt;^T Sigma &lt;D&gt;.
 *
 * <p>Members are evaluated in parallel (the common fork-join pool, one set of evaluators per
 * thread, no allocation per temperature). The T_c of a member is bracketed by the sign change of
 * DeltaF on the temperature grid (already computed for the F percentiles) and refined by
 * safeguarded Newton steps ({@link TransitionSolver#solveInBracket}).
 *
 * <p>Plain Java arrays throughout: rotating theta into the isosurface bases is 20 small (55 x 55)
 * matrix-vector products per member, which the evaluator does in place; no ND4J.
 */
public final class EnsemblePropagation {
    /** Percentiles reported (numpy "linear" interpolation, Commons Math R_7). */
    public static final double[] PERCENTILES = {2.5, 16, 50, 84, 97.5};

    private EnsemblePropagation() {
    }

    /**
     * @param phases name -&gt; phase, all with K components
     * @param pair null, or {A, B} naming the phases whose A -&gt; B transition is wanted
     * @param thetas M x K ensemble (finite)
     * @param temperatures ascending grid in K (&gt;= 2 points when pair is given)
     * @param theta0 the central parameters (length K) for the linearised cross-check
     * @param covariance Sigma (K x K) for the linearised cross-check, or null to use the
     *     ensemble's sample covariance
     * @return the summary
     * @throws IllegalArgumentException on wrong widths, non-finite values, unknown phases or a bad grid
     */
    public static EnsembleResult propagate(Map<String, PhaseFreeEnergy> phases, String[] pair, double[][] thetas,
            double[] temperatures, double[] theta0, double[][] covariance) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("need at least one phase");
        }
        int k = theta0.length;
        List<String> names = new ArrayList<>(phases.keySet());
        for (String n : names) {
            if (phases.get(n).descriptorCount() != k) {
                throw new IllegalArgumentException("phase '" + n + "' has " + phases.get(n).descriptorCount()
                        + " descriptor components, theta0 has " + k);
            }
        }
        if (thetas.length == 0) {
            throw new IllegalArgumentException("the ensemble is empty");
        }
        for (int m = 0; m < thetas.length; m++) {
            if (thetas[m].length != k) {
                throw new IllegalArgumentException("ensemble member " + (m + 1) + " has " + thetas[m].length
                        + " values, the phases have " + k + " descriptor components");
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(thetas[m][j])) {
                    throw new IllegalArgumentException("ensemble member " + (m + 1) + " component " + (j + 1) + " is not finite");
                }
            }
        }
        for (int t = 0; t < temperatures.length; t++) {
            if (!(temperatures[t] > 0) || !Double.isFinite(temperatures[t]) || (t > 0 && !(temperatures[t] > temperatures[t - 1]))) {
                throw new IllegalArgumentException("temperatures must be positive, finite and ascending; got "
                        + Arrays.toString(temperatures));
            }
        }
        int ia = -1;
        int ib = -1;
        if (pair != null) {
            ia = names.indexOf(pair[0]);
            ib = names.indexOf(pair[1]);
            if (ia < 0 || ib < 0 || ia == ib) {
                throw new IllegalArgumentException("transition pair " + Arrays.toString(pair) + " must name two of " + names);
            }
            if (temperatures.length < 2) {
                throw new IllegalArgumentException("a transition temperature needs a temperature range (>= 2 points)");
            }
        }
        if (covariance != null) {
            checkCovariance(covariance, k);
        }
        int p = names.size();
        int nt = temperatures.length;
        int mCount = thetas.length;
        // F[phase][t][m], unsolved counts [phase][t]
        double[][][] f = new double[p][nt][mCount];
        boolean[][][] uns = new boolean[p][nt][mCount];
        double[] tc = new double[mCount];
        byte[] status = new byte[mCount];
        boolean[] tcUnsolved = new boolean[mCount];
        final int a = ia;
        final int b = ib;
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(phases, names, a, b, temperatures));
        long start = System.nanoTime();
        IntStream.range(0, mCount).parallel().forEach(m -> workers.get().run(m, thetas[m], f, uns, tc, status, tcUnsolved));
        double seconds = (System.nanoTime() - start) * 1e-9;

        Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        Map<String, PhaseSummary> summaries = new LinkedHashMap<>();
        for (int q = 0; q < p; q++) {
            PhaseFreeEnergy.Evaluator ev = phases.get(names.get(q)).newEvaluator();
            ev.setParameters(theta0);
            double[] grad = new double[k];
            double[][] perc = new double[nt][];
            double[] mean = new double[nt];
            double[] std = new double[nt];
            double[] lin = new double[nt];
            double[] central = new double[nt];
            int[] unsolvedCount = new int[nt];
            for (int t = 0; t < nt; t++) {
                perc[t] = percentiles(pct, f[q][t]);
                mean[t] = mean(f[q][t]);
                std[t] = std(f[q][t], mean[t]);
                for (boolean u : uns[q][t]) {
                    unsolvedCount[t] += u ? 1 : 0;
                }
                central[t] = ev.freeEnergy(temperatures[t]);
                ev.gradient(grad);
                lin[t] = linearisedStd(grad, covariance, thetas);
            }
            summaries.put(names.get(q), new PhaseSummary(central, perc, mean, std, lin, unsolvedCount));
        }
        TransitionSummary ts = null;
        if (pair != null) {
            TransitionSolver solver = new TransitionSolver(phases.get(pair[0]), phases.get(pair[1]), temperatures[0],
                    temperatures[nt - 1], nt);
            TransitionSolver.TransitionPoint c = solver.solve(theta0, Double.NaN);
            double lin = c.inRange() ? linearisedStd(c.gradient(), covariance, thetas) : Double.NaN;
            int found = 0;
            int aStable = 0;
            int bStable = 0;
            int unsolvedAtTc = 0;
            for (int m = 0; m < mCount; m++) {
                if (status[m] == Worker.FOUND) {
                    found++;
                    unsolvedAtTc += tcUnsolved[m] ? 1 : 0;
                } else if (status[m] == Worker.A_STABLE) {
                    aStable++;
                } else {
                    bStable++;
                }
            }
            double[] ok = new double[found];
            int i = 0;
            for (int m = 0; m < mCount; m++) {
                if (status[m] == Worker.FOUND) {
                    ok[i++] = tc[m];
                }
            }
            double mu = found > 0 ? mean(ok) : Double.NaN;
            ts = new TransitionSummary(pair[0], pair[1], c.inRange() ? c.temperature() : Double.NaN, c.unsolved(),
                    found > 0 ? percentiles(pct, ok) : null, mu, found > 1 ? std(ok, mu) : Double.NaN, lin, found, aStable,
                    bStable, unsolvedAtTc, tc);
        }
        return new EnsembleResult(mCount, temperatures.clone(), List.copyOf(names), summaries, ts,
                covariance != null ? "covariance" : "ensemble sample covariance", seconds);
    }

    private static void checkCovariance(double[][] c, int k) {
        if (c.length != k) {
            throw new IllegalArgumentException("covariance has " + c.length + " rows, expected " + k);
        }
        for (double[] r : c) {
            if (r.length != k) {
                throw new IllegalArgumentException("covariance rows must have " + k + " values, got " + r.length);
            }
        }
    }

    /** sqrt(g^T Sigma g), or the standard deviation of g . theta_m over the ensemble when Sigma is null. */
    static double linearisedStd(double[] g, double[][] covariance, double[][] thetas) {
        if (covariance != null) {
            double s = 0;
            for (int i = 0; i < g.length; i++) {
                double r = 0;
                for (int j = 0; j < g.length; j++) {
                    r += covariance[i][j] * g[j];
                }
                s += g[i] * r;
            }
            return Math.sqrt(Math.max(0, s));
        }
        if (thetas.length < 2) {
            return Double.NaN;
        }
        double[] proj = new double[thetas.length];
        for (int m = 0; m < thetas.length; m++) {
            double s = 0;
            for (int j = 0; j < g.length; j++) {
                s += g[j] * thetas[m][j];
            }
            proj[m] = s;
        }
        return std(proj, mean(proj));
    }

    private static double[] percentiles(Percentile pct, double[] values) {
        pct.setData(values);
        double[] out = new double[PERCENTILES.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pct.evaluate(PERCENTILES[i]);
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double std(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** Per-thread evaluation state. */
    private static final class Worker {
        static final byte FOUND = 0;
        static final byte A_STABLE = 1;
        static final byte B_STABLE = 2;

        private final PhaseFreeEnergy.Evaluator[] evaluators;
        private final TransitionSolver solver;
        private final int a;
        private final int b;
        private final double[] temps;
        private final double[] delta;

        Worker(Map<String, PhaseFreeEnergy> phases, List<String> names, int a, int b, double[] temps) {
            this.a = a;
            this.b = b;
            this.temps = temps;
            this.evaluators = new PhaseFreeEnergy.Evaluator[names.size()];
            for (int q = 0; q < names.size(); q++) {
                if (q != a && q != b) {
                    evaluators[q] = phases.get(names.get(q)).newEvaluator();
                }
            }
            this.solver = a >= 0 ? new TransitionSolver(phases.get(names.get(a)), phases.get(names.get(b)), temps[0],
                    temps[temps.length - 1], Math.max(2, temps.length)) : null;
            this.delta = new double[temps.length];
        }

        void run(int m, double[] theta, double[][][] f, boolean[][][] uns, double[] tc, byte[] status, boolean[] tcUnsolved) {
            for (int q = 0; q < evaluators.length; q++) {
                PhaseFreeEnergy.Evaluator ev = evaluators[q];
                if (ev == null) {
                    continue;
                }
                ev.setParameters(theta);
                for (int t = 0; t < temps.length; t++) {
                    f[q][t][m] = ev.freeEnergy(temps[t]);
                    uns[q][t][m] = ev.unsolved();
                }
            }
            if (solver == null) {
                return;
            }
            solver.setParameters(theta);
            int first = -1;
            for (int t = 0; t < temps.length; t++) {
                delta[t] = solver.deltaF(temps[t]);
                f[a][t][m] = solver.lastFreeEnergyA();
                f[b][t][m] = solver.lastFreeEnergyB();
                uns[a][t][m] = solver.lastUnsolvedA();
                uns[b][t][m] = solver.lastUnsolvedB();
                if (first < 0 && t > 0 && Math.signum(delta[t]) != Math.signum(delta[t - 1])) {
                    first = t;
                }
            }
            if (first < 0) {
                tc[m] = Double.NaN;
                status[m] = delta[0] > 0 ? A_STABLE : B_STABLE;
                return;
            }
            TransitionSolver.TransitionPoint p = delta[first - 1] == 0
                    ? point(temps[first - 1])
                    : solver.solveInBracket(temps[first - 1], delta[first - 1], temps[first], delta[first]);
            if (!Double.isFinite(p.temperature())) {
                throw new IllegalStateException("ensemble member " + (m + 1) + ": transition temperature did not converge between "
                        + temps[first - 1] + " and " + temps[first] + " K");
            }
            tc[m] = p.temperature();
            tcUnsolved[m] = p.unsolved();
            status[m] = FOUND;
        }

        private TransitionSolver.TransitionPoint point(double t) {
            solver.deltaF(t);
            return new TransitionSolver.TransitionPoint(t, null, solver.slope(), true, solver.unsolved(), Double.NaN);
        }
    }

    /**
     * Free-energy summary of one phase over the ensemble.
     *
     * @param central F(theta_0, T) per temperature (eV/atom)
     * @param percentiles [t][i] F at {@link #PERCENTILES}[i] (eV/atom)
     * @param mean ensemble mean per temperature
     * @param std ensemble standard deviation per temperature
     * @param linearisedStd sqrt(&lt;D&gt;^T Sigma &lt;D&gt;) at theta_0 per temperature
     * @param unsolvedMembers per temperature, members for which the phase is unsolved (alpha* on the edge)
     */
    public record PhaseSummary(double[] central, double[][] percentiles, double[] mean, double[] std,
            double[] linearisedStd, int[] unsolvedMembers) {
    }

    /**
     * Transition-temperature summary.
     *
     * @param phaseA phase stable below T_c
     * @param phaseB phase stable above T_c
     * @param central T_c(theta_0) in K (NaN when outside the range)
     * @param centralUnsolved whether a phase is unsolved at T_c(theta_0)
     * @param percentiles T_c at {@link #PERCENTILES} over members with a crossing (null if none)
     * @param mean mean T_c over members with a crossing
     * @param std standard deviation of T_c over members with a crossing
     * @param linearisedStd sqrt(g^T Sigma g), g = dT_c/dtheta at theta_0 (K)
     * @param found members with a crossing in the range
     * @param aStableThroughout members with DeltaF &gt; 0 on the whole grid (T_c above the range)
     * @param bStableThroughout members with DeltaF &lt; 0 on the whole grid (T_c below the range)
     * @param unsolvedAtTc members with a crossing where a phase is unsolved at T_c
     * @param values T_c per member (NaN outside the range)
     */
    public record TransitionSummary(String phaseA, String phaseB, double central, boolean centralUnsolved,
            double[] percentiles, double mean, double std, double linearisedStd, int found, int aStableThroughout,
            int bStableThroughout, int unsolvedAtTc, double[] values) {

        /** @return share of members whose T_c lies outside the range */
        public double outsideShare() {
            return (double) (aStableThroughout + bStableThroughout) / values.length;
        }
    }

    /**
     * @param members M
     * @param temperatures grid (K)
     * @param phases phase names in order
     * @param freeEnergies per phase
     * @param transition null when no pair was requested
     * @param linearisedFrom "covariance" or "ensemble sample covariance"
     * @param seconds wall time of the batch evaluation
     */
    public record EnsembleResult(int members, double[] temperatures, List<String> phases,
            Map<String, PhaseSummary> freeEnergies, TransitionSummary transition, String linearisedFrom, double seconds) {
    }
}
