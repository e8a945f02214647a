package org.ddos.calibration.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ddos.calibration.alloy.DatasetDesign;
import org.ddos.calibration.alloy.HeteronuclearParameters;
import org.ddos.calibration.alloy.MixingResult;
import org.ddos.calibration.alloy.MixingSample;
import org.ddos.calibration.alloy.SmaBinary;
import org.ddos.calibration.alloy.StaticMixingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training, saving, reloading and calibrating on a synthetic dataset with a known smooth answer (no Monte Carlo). */
class SyntheticSurrogateTest {
    static final DatasetDesign DESIGN = DatasetDesign.defaults(SmaBinary.named("Cu-Ni"), 1).withTemperatures(new double[] {300, 1000});

    static final StaticMixingModel BASELINE = new StaticMixingModel(DESIGN.binary(), DESIGN.settings());

    /** The synthetic truth: the static baseline plus a smooth function of every input, zero for the pure metals. */
    static double[] truth(HeteronuclearParameters h, double x, double t) {
        double f = x * (1 - x);
        double w = -400 * (h.xi() - 1.42) + 900 * (h.a() - 0.093) + 8 * (h.p() - 11) - 20 * (h.q() - 2.35) + 30 * x
                + 0.004 * (t - 600);
        double[] pure = pure(t);
        double a = (1 - x) * pure[0] + x * pure[1] + f * (0.3 * (h.a() - 0.093) / 0.01 * 0.01 - 0.02 * (h.xi() - 1.42));
        return new double[] {BASELINE.vegardMixingEnergy(h, x) + f * w, a};
    }

    static double[] pure(double t) {
        return new double[] {3.6205 + 2.1e-5 * t, 3.5214 + 1.8e-5 * t};
    }

    static List<MixingSample> synthetic(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lo = DESIGN.box().lower();
        double[] hi = DESIGN.box().upper();
        List<MixingSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                v[k] = lo[k] + r.nextDouble() * (hi[k] - lo[k]);
            }
            HeteronuclearParameters h = HeteronuclearParameters.of(v);
            double x = 0.05 + 0.9 * r.nextDouble();
            double t = r.nextBoolean() ? 300 : 1000;
            double[] y = truth(h, x, t);
            MixingResult res = new MixingResult(x, t, 256, (int) Math.round(x * 256), y[0], 0.3, y[1], 1e-4, 0, 0, 0, 0, 3.6, 0.05,
                    0, 0.4, 750, 0.5);
            double[] p = pure(t);
            out.add(new MixingSample(i, h, x, t, i, 0, res, p[0], p[1]));
        }
        return out;
    }

    static MixingSurrogate trained;
    static Path folder;

    @BeforeAll
    static void train(@TempDir Path dir) throws Exception {
        folder = dir.resolve("model");
        TrainingSettings s = TrainingSettings.defaults().withArchitecture(new int[] {24, 24}, "tanh").withEpochs(250, 60);
        long t0 = System.nanoTime();
        trained = SurrogateTrainer.train(synthetic(400, 3), DESIGN, "synthetic", s, folder, null);
        SurrogateMetadata m = trained.metadata();
        System.out.printf("synthetic surrogate: %d epochs (best %d), %.1f s; test MAE %.3f meV (max %.3f), %.5f Å%n", m.epochs(),
                m.bestEpoch(), (System.nanoTime() - t0) * 1e-9, m.test().maeEnthalpy(), m.test().maxEnthalpy(), m.test().maeLattice());
    }

    @Test
    void learnsTheSyntheticFunctionAndReportsHeldOutErrors() {
        SurrogateMetadata m = trained.metadata();
        assertEquals(280, m.trainSamples());
        assertEquals(60, m.validationSamples());
        assertEquals(60, m.testSamples());
        // Delta H spans about +-150 meV here; a few meV of error after a short training
        assertTrue(m.test().maeEnthalpy() < 6, "test MAE " + m.test().maeEnthalpy());
        assertTrue(m.test().maeLattice() < 2e-3, "test lattice MAE " + m.test().maeLattice());
        // the errors recorded are those of the saved network on fresh data drawn the same way
        ErrorSummary fresh = SurrogateTrainer.errors(trained, synthetic(200, 99));
        assertTrue(fresh.maeEnthalpy() < 2 * m.test().maeEnthalpy() + 1, "fresh MAE " + fresh.maeEnthalpy());
        // the pure metals: Delta H = 0 and Vegard end points by construction
        HeteronuclearParameters h = SmaBinary.named("Cu-Ni").arithmeticMean();
        MixingPrediction p0 = trained.predict(h, 0.0, 1000);
        assertEquals(0, p0.mixingEnthalpy(), 0);
        assertEquals(pure(1000)[0], p0.latticeParameter(), 1e-12);
        assertTrue(p0.extrapolated(), "x = 0 lies outside the sampled compositions");
        assertFalse(trained.predict(h, 0.5, 650).extrapolated());
    }

    @Test
    void reloadPredictsIdentically() throws Exception {
        MixingSurrogate again = MixingSurrogate.load(folder);
        List<MixingSample> probe = synthetic(50, 7);
        double[][] rows = new double[probe.size()][];
        for (int i = 0; i < rows.length; i++) {
            MixingSample s = probe.get(i);
            assertEquals(trained.predict(s.parameters(), s.requestedX(), s.temperature()),
                    again.predict(s.parameters(), s.requestedX(), s.temperature()), "plain-Java prediction after reload");
            double x = s.requestedX();
            rows[i] = new double[] {s.parameters().p(), s.parameters().q(), s.parameters().a(), s.parameters().xi(), x,
                s.temperature(), BASELINE.vegardMixingEnergy(s.parameters(), x) / (x * (1 - x))};
        }
        // DJL (PyTorch, float32) on the saved folder: bit-identical on reload, and equal to the plain-Java network in float precision
        float[][] djl1 = MixingSurrogate.djlOutputs(folder, rows);
        float[][] djl2 = MixingSurrogate.djlOutputs(folder, rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(djl1[i], djl2[i], 0f);
            double[] z = new double[7];
            for (int k = 0; k < 7; k++) {
                z[k] = (rows[i][k] - trained.metadata().inputMean()[k]) / trained.metadata().inputStd()[k];
            }
            double[] java = trained.network().forward(z);
            for (int k = 0; k < 2; k++) {
                assertEquals(djl1[i][k], java[k], 1e-5 * Math.max(1, Math.abs(java[k])), "output " + k + " of row " + i);
            }
        }
        assertTrue(Files.exists(folder.resolve("mixing-surrogate-0000.params")));
        assertTrue(Files.exists(folder.resolve("surrogate.json")));
    }

    @Test
    void calibrationReproducesTargetsMadeByTheTruthInUnderASecond(@TempDir Path dir) throws Exception {
        // targets generated by the synthetic truth at a known cross set
        HeteronuclearParameters star = new HeteronuclearParameters(11.4, 2.4, 0.098, 1.38);
        StringBuilder y = new StringBuilder("system: Cu-Ni\nenthalpy:\n  - points:\n");
        for (double x : new double[] {0.25, 0.5, 0.75}) {
            y.append(String.format(java.util.Locale.ROOT, "      - {x: %s, temperature: 1000, value: %.6f, sigma: 1}%n", x,
                    truth(star, x, 1000)[0]));
        }
        y.append("lattice:\n  pure: {Cu: 3.6149, Ni: 3.5241}\n  temperature: 300\n  vegard: [0.5]\n  sigma: 0.001\n");
        Path file = dir.resolve("targets.yaml");
        Files.writeString(file, y.toString());
        CalibrationTargets targets = CalibrationTargets.read(file);
        assertEquals(3, targets.enthalpy().size());
        assertEquals(1, targets.lattice().size());
        assertEquals(0.5 * 3.6149 + 0.5 * 3.5241, targets.lattice().get(0).value(), 1e-12);
        AlloyCalibration.Result r = AlloyCalibration.calibrate(trained, targets, 8);
        System.out.printf("calibration: %s chi2 %.4f, %d evaluations, %.3f s wall, %.3f s CPU%n", r.parameters(), r.chi2(),
                r.evaluations(), r.seconds(), r.cpuSeconds());
        // CPU time: the wall time on a shared machine depends on the other processes
        assertTrue(r.cpuSeconds() < 1.0, "calibration took " + r.cpuSeconds() + " s of CPU");
        for (AlloyCalibration.TargetFit f : r.fits()) {
            if (f.kind().equals("enthalpy")) {
                // the fit on the surrogate, and the truth at the calibrated set, both near the targets
                assertEquals(f.target(), f.predicted(), 1.0, "surrogate at x = " + f.x());
                assertEquals(f.target(), truth(r.parameters(), f.x(), 1000)[0], 3.0, "truth at x = " + f.x());
            }
        }
        assertTrue(r.chi2() < 2, "chi2 " + r.chi2());
    }

    @Test
    void pointEvaluationsRefuseCompositionsAndTemperaturesWithoutAMeaning() {
        HeteronuclearParameters h = SmaBinary.named("Cu-Ni").arithmeticMean();
        // the network input divides the static energy by x(1 - x): the pure metals would give NaN
        for (double x : new double[] {0.0, 1.0, -0.1, 1.2, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trained.mixingEnthalpy(h, x, 1000));
            assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> trained.latticeParameter(h, x, 1000));
        }
        assertThrows(IllegalArgumentException.class, () -> trained.predict(h, Double.NaN, 1000));
        for (double t : new double[] {0.0, -300, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trained.predict(h, 0.5, t));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
        // inside the range the point evaluations agree with predict
        MixingPrediction p = trained.predict(h, 0.3, 900);
        assertEquals(p.mixingEnthalpy(), trained.mixingEnthalpy(h, 0.3, 900), 1e-12);
        assertEquals(p.latticeParameter(), trained.latticeParameter(h, 0.3, 900), 1e-12);
    }

    @Test
    void refusesANonEmptyFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurrogateTrainer.train(synthetic(50, 1), DESIGN,
                "synthetic", TrainingSettings.defaults(), folder, null));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }
}
