package org.ddos.thermo.freeenergy;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.scorematching.score.ScoreMatchingSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hot paths of the D-DOS analysis on the published Fe bcc campaign (128 atoms, 20 isosurfaces,
 * 55 descriptors, 99 bins). Reference implementation on this machine: about 1 ms per free-energy
 * evaluation and 0.25 s per score-matching fit of one phase. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class FreeEnergyBenchmark {
    PhaseCampaign campaign;
    PhaseFreeEnergy phase;
    PhaseFreeEnergy.Evaluator evaluator;
    double[] theta;
    double[] gradient;
    double[][] ensemble;
    int counter;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Path dir = SharedDataDirectory.locate().orElseThrow(() -> new IllegalStateException("shared data not found"))
                .resolve("data/descriptordos/fe");
        campaign = DescriptorDosPickleReader.read(dir.resolve("Fe_bcc_444_Hessian_single_vol.pkl"));
        phase = new PhaseFreeEnergy(ScoreMatcher.fit(campaign));
        evaluator = phase.newEvaluator();
        evaluator.setParameters(SnapCoefficients.readLinear(dir.resolve("X_Fe.snapcoeff")).linear(0));
        theta = SnapCoefficients.readLinear(dir.resolve("X_Fe.snapcoeff")).linear(0);
        gradient = new double[theta.length];
        Random rng = new Random(1);
        ensemble = new double[10_000][];
        for (int m = 0; m < ensemble.length; m++) {
            ensemble[m] = theta.clone();
            for (int j = 0; j < theta.length; j++) {
                ensemble[m][j] *= 1 + 1e-3 * rng.nextGaussian();
            }
        }
    }

    /** One phase, one theta, one T: rotation into 20 bases, 1,100 conjugates, smoothing, minimisation. */
    @Benchmark
    public double freeEnergyOneEvaluation() {
        evaluator.setParameters(theta);
        return evaluator.freeEnergy(1000);
    }

    /**
     * Worst case for the warm-started hull search: a different theta each call and a temperature
     * jumping between 300 K and 3000 K, so every minimiser moves far and the full two-level search
     * runs for all 1,100 (isosurface, mode) pairs.
     */
    @Benchmark
    public double freeEnergyOneEvaluationFarJumps() {
        int i = counter++;
        evaluator.setParameters(ensemble[i % ensemble.length]);
        return evaluator.freeEnergy((i & 1) == 0 ? 300 : 3000);
    }

    /** A scan of 11 temperatures (500..1500 K) of one rotated theta (unit: the whole scan). */
    @Benchmark
    public void temperatureScanOf11(Blackhole bh) {
        for (int t = 0; t < 11; t++) {
            bh.consume(evaluator.freeEnergy(500 + 100 * t));
        }
    }

    /** The same plus the gradient dF/dtheta = &lt;D&gt; (what fine-tuning needs). */
    @Benchmark
    public void freeEnergyAndGradient(Blackhole bh) {
        evaluator.setParameters(theta);
        bh.consume(evaluator.freeEnergy(1000));
        evaluator.gradient(gradient);
        bh.consume(gradient);
    }

    /** A new temperature for an already rotated theta (temperature scans, T_c root finding). */
    @Benchmark
    public double freeEnergyNewTemperature() {
        return evaluator.freeEnergy(1200);
    }

    /** 10,000 thetas at one temperature, one thread (unit: microseconds for the whole batch). */
    @Benchmark
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 5)
    public void batchOf10000SingleThread(Blackhole bh) {
        for (double[] t : ensemble) {
            evaluator.setParameters(t);
            bh.consume(evaluator.freeEnergy(1000));
        }
    }

    /** 10,000 thetas at one temperature through the parallel batch API (both cores). */
    @Benchmark
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 5)
    public Object batchOf10000Parallel() {
        return phase.evaluate(ensemble, new double[] {1000});
    }

    /** Score matching of one whole phase (1,100 fits), one thread. */
    @Benchmark
    public Object scoreMatchingFitOnePhaseSingleThread() {
        return ScoreMatcher.fit(campaign, ScoreMatchingSettings.DEFAULT, false);
    }

    /** Score matching of one whole phase, parallel over isosurfaces. */
    @Benchmark
    public Object scoreMatchingFitOnePhaseParallel() {
        return ScoreMatcher.fit(campaign, ScoreMatchingSettings.DEFAULT, true);
    }
}
