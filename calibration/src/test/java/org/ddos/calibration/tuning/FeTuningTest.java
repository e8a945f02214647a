package org.ddos.calibration.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ddos.calibration.FeCampaign;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.ddos.thermo.transition.PhaseComparison;
import org.ddos.thermo.transition.TransitionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning the bcc-fcc transition of the Fe SNAP potential from ~1951 K to 1063 K (arXiv:2502.18191). */
class FeTuningTest {
    private static Map<String, PhaseFreeEnergy> phases;
    private static double[] theta0;
    private static CalibrationProblem problem;
    private static CalibrationResult lm;
    private static CalibrationResult gd;

    @BeforeAll
    static void run() {
        phases = FeCampaign.phases();
        theta0 = FeCampaign.theta();
        problem = CalibrationProblem.builder(phases, theta0)
                .target(new Target.TransitionTemperature("bcc", "fcc", 1063, 1))
                .holdLatticeEnergyDifferences(true)
                .regulariser(Regulariser.ridge(5, theta0.length))
                .build();
        lm = LevenbergMarquardt.standard().minimise(problem);
        gd = GradientDescent.reference().minimise(problem);
    }

    private static double e0Difference(double[] theta) {
        return phases.get("fcc").campaign().latticeEnergy(theta) - phases.get("bcc").campaign().latticeEnergy(theta);
    }

    @Test
    void quasiNewtonMeetsTheAcceptanceCriteria() {
        CalibrationResult.TargetOutcome o = lm.outcomes().get(0);
        assertTrue(o.found());
        assertEquals(1063, o.value(), 10);
        assertEquals(e0Difference(theta0), e0Difference(lm.theta()), 1e-6);
        assertTrue(lm.relativeChange() < 0.01, "relative change " + lm.relativeChange());
        assertTrue(lm.relativeChange() > 0, "parameters moved");
        // at 1063 K both phases are inside their sampled isosurfaces
        assertTrue(!o.unsolved());
        // the starting point is ~1951 K (the published NVT value)
        assertEquals(1950.9, lm.trajectory().get(0).targetValues()[0], 1.0);
    }

    @Test
    void gradientDescentReproducesTheReferenceTrajectoryShape() {
        List<TrajectoryPoint> t = gd.trajectory();
        assertEquals(GradientDescent.REFERENCE_STEPS + 1, t.size());
        for (int i = 1; i < t.size(); i++) {
            assertTrue(t.get(i).targetValues()[0] < t.get(i - 1).targetValues()[0], "T_c decreases at step " + i);
            assertTrue(t.get(i).loss() < t.get(i - 1).loss(), "loss decreases at step " + i);
            assertTrue(t.get(i).maxConstraintResidual() < 1e-12, "0 K difference held at step " + i);
        }
        assertEquals(1063, gd.outcomes().get(0).value(), 10);
        assertTrue(gd.relativeChange() < 0.01);
        assertEquals(e0Difference(theta0), e0Difference(gd.theta()), 1e-6);
        // GD and LM find nearly the same parameters (same ridge, same subspace)
        double d = 0;
        double n = 0;
        for (int j = 0; j < theta0.length; j++) {
            d += Math.pow(gd.theta()[j] - lm.theta()[j], 2);
            n += Math.pow(lm.theta()[j] - theta0[j], 2);
        }
        assertTrue(Math.sqrt(d / n) < 0.05, "GD vs LM displacement differ by " + Math.sqrt(d / n));
    }

    @Test
    void quasiNewtonNeedsFewerFreeEnergyEvaluations() {
        long reachLm = lm.evaluationsToReach(10);
        long reachGd = gd.evaluationsToReach(10);
        assertTrue(reachLm > 0 && reachGd > 0, "both reach 10 K: lm " + reachLm + ", gd " + reachGd);
        assertTrue(reachLm < reachGd, "lm " + reachLm + " vs gd " + reachGd);
        assertTrue(lm.evaluations() < gd.evaluations(), "total lm " + lm.evaluations() + " vs gd " + gd.evaluations());
    }

    @Test
    void tunedFileReloadsToTheReportedTransitionTemperature(@TempDir Path dir) throws Exception {
        SnapCoefficients in = SnapCoefficients.readLinear(FeCampaign.file("X_Fe.snapcoeff"));
        Path out = dir.resolve("tuned.snapcoeff");
        in.withLinear(0, in.beta0(0), lm.theta()).write(out);
        assertEquals(Files.readAllLines(FeCampaign.file("X_Fe.snapcoeff")).subList(0, 5), Files.readAllLines(out).subList(0, 5));
        double[] reread = SnapCoefficients.readLinear(out).linear(0);
        TransitionResult r = new PhaseComparison(phases.get("bcc"), phases.get("fcc")).transition(reread, 500, 2500, 41);
        assertEquals(lm.outcomes().get(0).value(), r.transitionTemperature(), 1e-6);
    }

    /** The solver used inside the optimisers agrees with thermo's PhaseComparison (scan and warm start). */
    @Test
    void transitionSolverAgreesWithPhaseComparison() {
        PhaseComparison cmp = new PhaseComparison(phases.get("bcc"), phases.get("fcc"));
        TransitionSolver s = new TransitionSolver(phases.get("bcc"), phases.get("fcc"), 500, 2500, 41);
        for (double[] theta : new double[][] {theta0, lm.theta()}) {
            TransitionResult ref = cmp.transition(theta, 500, 2500, 41);
            TransitionSolver.TransitionPoint scan = s.solve(theta, Double.NaN);
            TransitionSolver.TransitionPoint warm = s.solve(theta, ref.transitionTemperature() + 40);
            assertEquals(ref.transitionTemperature(), scan.temperature(), 1e-5);
            assertEquals(ref.transitionTemperature(), warm.temperature(), 1e-5);
            for (int j = 0; j < theta.length; j++) {
                assertEquals(ref.gradient()[j], warm.gradient()[j], 1e-6 * Math.abs(ref.gradient()[j]) + 1e-9);
            }
        }
    }

    /** dT_c/dtheta at the tuned (solved) parameters against central differences. */
    @Test
    void transitionGradientMatchesFiniteDifferencesAtTheTunedPoint() {
        TransitionSolver s = new TransitionSolver(phases.get("bcc"), phases.get("fcc"), 500, 2500, 41);
        double[] theta = lm.theta();
        TransitionSolver.TransitionPoint p = s.solve(theta, Double.NaN);
        double[] g = p.gradient();
        int best = 0;
        for (int j = 1; j < g.length; j++) {
            if (Math.abs(g[j] * theta[j]) > Math.abs(g[best] * theta[best])) {
                best = j;
            }
        }
        double h = 1e-6 * Math.abs(theta[best]);
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        tp[best] += h;
        tm[best] -= h;
        double fd = (s.solve(tp, Double.NaN).temperature() - s.solve(tm, Double.NaN).temperature()) / (2 * h);
        assertEquals(fd, g[best], 1e-3 * Math.abs(g[best]));
    }

    @Test
    void userEqualitiesAreHeldExactly() {
        // hold the energies of two "training structures" (here the bcc descriptor at two isosurfaces)
        double[][] rows = {phases.get("bcc").entropy().campaign().latticeDescriptor(), fakeRow(theta0.length)};
        LinearConstraints held = LinearConstraints.holding(theta0, rows, List.of("E(bcc lattice)", "E(structure 2)"));
        CalibrationProblem p = CalibrationProblem.builder(phases, theta0)
                .target(new Target.TransitionTemperature("bcc", "fcc", 1063, 1))
                .holdLatticeEnergyDifferences(true).constraints(held)
                .regulariser(Regulariser.ridge(5, theta0.length)).build();
        assertEquals(3, p.constraints().rank());
        CalibrationResult r = LevenbergMarquardt.standard().minimise(p);
        assertEquals(1063, r.outcomes().get(0).value(), 10);
        double[] res = held.residuals(r.theta());
        for (int i = 0; i < res.length; i++) {
            assertEquals(0, res[i], 1e-12, held.names().get(i));
        }
    }

    private static double[] fakeRow(int k) {
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            r[j] = Math.sin(0.7 * j + 0.3);
        }
        return r;
    }

    @Test
    void badInputIsAClearError() {
        var b = CalibrationProblem.builder(phases, theta0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationProblem.builder(phases, theta0).target(new Target.TransitionTemperature("bcc", "fcc", 3000, 1)).build());
        assertTrue(e.getMessage().contains("outside the scanned temperature range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CalibrationProblem.builder(phases, new double[54]));
        double[] nan = theta0.clone();
        nan[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> CalibrationProblem.builder(phases, nan));
        assertThrows(IllegalArgumentException.class, () -> b.target(new Target.TransitionTemperature("bcc", "hcp", 1000, 1)).build());
        // two parallel rows with inconsistent values cannot both hold
        double[] row = fakeRow(theta0.length);
        double[] twice = row.clone();
        for (int j = 0; j < twice.length; j++) {
            twice[j] *= 2;
        }
        LinearConstraints bad = new LinearConstraints(theta0.length, new double[][] {row, twice}, new double[] {1, 3},
                List.of("row", "twice row"));
        LinearConstraints.InfeasibleConstraintsException ex = assertThrows(LinearConstraints.InfeasibleConstraintsException.class,
                () -> CalibrationProblem.builder(phases, theta0).target(new Target.TransitionTemperature("bcc", "fcc", 1063, 1))
                        .constraints(bad).build());
        assertTrue(ex.getMessage().contains("cannot be met"), ex.getMessage());
        double[][] notPsd = new double[theta0.length][theta0.length];
        notPsd[0][0] = -1;
        notPsd[1][1] = 1;
        assertThrows(IllegalArgumentException.class, () -> Regulariser.quadraticForm(notPsd));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0, 20, CalibrationObjective.Form.FREE_ENERGY_AT_TARGET));
    }

    /** A Gram-matrix regulariser: R = |X (theta - theta0)|^2 equals its factor form. */
    @Test
    void quadraticFormRegulariserMatchesItsDefinition() {
        int k = theta0.length;
        double[][] x = new double[3][k];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = Math.cos(1.3 * i * j + i);
            }
        }
        double[][] q = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                for (double[] xi : x) {
                    q[a][c] += xi[a] * xi[c];
                }
            }
        }
        Regulariser r = Regulariser.quadraticForm(q);
        assertEquals(3, r.residualCount());
        double[] d = fakeRow(k);
        double direct = 0;
        for (double[] xi : x) {
            double s = LinearConstraints.dot(xi, d);
            direct += s * s;
        }
        assertEquals(direct, r.value(d), 1e-10 * direct);
    }
}
