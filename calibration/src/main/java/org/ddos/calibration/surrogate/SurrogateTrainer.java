package org.ddos.calibration.surrogate;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ddos.calibration.alloy.DatasetDesign;
import org.ddos.calibration.alloy.MixingSample;
import org.ddos.calibration.alloy.StaticMixingModel;

/**
 * Trains a mixing surrogate (model in {@link SurrogateMetadata}) with the Deep Java Library
 * (PyTorch engine, CPU, one thread, offline).
 *
 * <p>The network learns the part of Delta H_mix beyond the closed-form static baseline (see
 * {@link SurrogateMetadata}). Samples whose crystal did not stay a crystal (Lindemann ratio above
 * a multiple of the median at their temperature) are excluded; the rest are split at random into
 * training, validation and test sets. Inputs are standardised with the training mean and standard deviation. The loss is the mean over samples
 * of [(Delta H_pred - Delta H)/s_H]^2 + [(a_pred - a)/s_a]^2 with s_H, s_a the training standard
 * deviations of Delta H and of a - a_Vegard, so both properties weigh alike; Adam with mini-batches,
 * the learning rate halved when the validation loss stalls, and early stopping: the weights of the
 * epoch with the lowest validation loss are kept. Errors are reported on all three sets; the test
 * set is never used for any choice.
 */
public final class SurrogateTrainer {
    private SurrogateTrainer() {
    }

    /** Optional progress: called after every epoch with (epoch, train loss, validation loss). */
    public interface Progress {
        /**
         * @param epoch epoch number
         * @param trainLoss training loss of the epoch
         * @param validationLoss validation loss after the epoch
         */
        void epoch(int epoch, double trainLoss, double validationLoss);
    }

    /**
     * Trains and saves a surrogate into {@code outDir}, which must not exist or be empty.
     *
     * @param samples simulated samples of one binary (all of one design)
     * @param design the dataset design (binary, box, compositions)
     * @param datasetName recorded in the metadata
     * @param settings training settings
     * @param outDir fresh output folder
     * @param progress per-epoch callback, or null
     * @return the trained surrogate (loaded back from the folder)
     * @throws IllegalArgumentException on a non-empty folder or too few samples
     * @throws IOException on write errors
     */
    public static MixingSurrogate train(List<MixingSample> samples, DatasetDesign design, String datasetName,
            TrainingSettings settings, Path outDir, Progress progress) throws IOException {
        if (Files.exists(outDir)) {
            try (Stream<Path> s = Files.list(outDir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(outDir + " is not empty: save each surrogate into a fresh folder"
                            + " (DJL would otherwise load the highest-epoch parameter file it finds)");
                }
            }
        }
        long t0 = System.nanoTime();
        java.util.Map<Double, Double> medianLindemann = medianLindemann(samples);
        List<MixingSample> usable = new ArrayList<>();
        for (MixingSample s : samples) {
            if (s.result() != null && Double.isFinite(s.result().mixingEnthalpy())
                    && s.result().lindemannRatio() <= settings.maxLindemann() * medianLindemann.get(s.temperature())) {
                usable.add(s);
            }
        }
        int excluded = samples.size() - usable.size();
        int n = usable.size();
        int nTest = (int) Math.round(settings.testFraction() * n);
        int nVal = (int) Math.round(settings.validationFraction() * n);
        int nTrain = n - nTest - nVal;
        if (nTrain < 8 || nVal < 2 || nTest < 2) {
            throw new IllegalArgumentException("too few usable samples (" + n + ") to train, validate and test");
        }
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        int[] perm = permutation(n, rnd);
        int[] test = java.util.Arrays.copyOfRange(perm, 0, nTest);
        int[] val = java.util.Arrays.copyOfRange(perm, nTest, nTest + nVal);
        int[] train = java.util.Arrays.copyOfRange(perm, nTest + nVal, n);

        StaticMixingModel baseline = new StaticMixingModel(design.binary(), design.settings());
        double[][] raw = new double[n][];
        double[] dh = new double[n];
        double[] dv = new double[n];
        double[] da = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            MixingSample s = usable.get(i);
            double x = s.result().x();
            f[i] = x * (1 - x);
            dv[i] = baseline.vegardMixingEnergy(s.parameters(), x);
            raw[i] = new double[] {s.parameters().p(), s.parameters().q(), s.parameters().a(), s.parameters().xi(), x,
                s.temperature(), dv[i] / f[i]};
            dh[i] = s.result().mixingEnthalpy();
            da[i] = s.result().latticeParameter() - s.vegardLatticeParameter();
        }
        int nIn = SurrogateMetadata.INPUTS.size();
        double[] mean = new double[nIn];
        double[] std = new double[nIn];
        for (int k = 0; k < nIn; k++) {
            double[] col = new double[train.length];
            for (int i = 0; i < train.length; i++) {
                col[i] = raw[train[i]][k];
            }
            mean[k] = mean(col);
            std[k] = Math.max(stdev(col, mean[k]), 1e-12 * Math.max(1, Math.abs(mean[k])));
        }
        double[] wH = new double[train.length];
        double[] wA = new double[train.length];
        double[] h = new double[train.length];
        double[] a = new double[train.length];
        for (int i = 0; i < train.length; i++) {
            wH[i] = (dh[train[i]] - dv[train[i]]) / f[train[i]];
            wA[i] = da[train[i]] / f[train[i]];
            h[i] = dh[train[i]];
            a[i] = da[train[i]];
        }
        double scaleH = nonZero(stdev(wH, mean(wH)));
        double scaleA = nonZero(stdev(wA, mean(wA)));
        double sigmaH = nonZero(stdev(h, mean(h)));
        double sigmaA = nonZero(stdev(a, mean(a)));

        // pure lattice parameters per temperature (the Vegard baseline)
        TreeMap<Double, double[]> pure = new TreeMap<>();
        for (MixingSample s : usable) {
            pure.putIfAbsent(s.temperature(), new double[] {s.pureLatticeA(), s.pureLatticeB()});
        }
        double[] pt = pure.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] pa = pure.values().stream().mapToDouble(v -> v[0]).toArray();
        double[] pb = pure.values().stream().mapToDouble(v -> v[1]).toArray();

        float[][] z = new float[n][nIn];
        float[][] y = new float[n][4]; // residual / sigmaH, da / sigmaA, f scale factors folded in below
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nIn; k++) {
                z[i][k] = (float) ((raw[i][k] - mean[k]) / std[k]);
            }
            y[i][0] = (float) ((dh[i] - dv[i]) / sigmaH);
            y[i][1] = (float) (da[i] / sigmaA);
            // prediction in loss units: o_0 * f * scaleH / sigmaH, o_1 * f * scaleA / sigmaA
            y[i][2] = (float) (f[i] * scaleH / sigmaH);
            y[i][3] = (float) (f[i] * scaleA / sigmaA);
        }

        DjlRuntime.configureOffline();
        Files.createDirectories(outDir);
        int bestEpoch = 0;
        int epoch = 0;
        try (Model model = Model.newInstance(MixingSurrogate.MODEL_NAME)) {
            Engine.getInstance().setRandomSeed((int) settings.seed());
            model.setBlock(MixingSurrogate.buildBlock(settings.hidden(), settings.activation(), 2));
            MutableRate rate = new MutableRate((float) settings.learningRate());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, nIn));
                NDManager manager = trainer.getManager();
                double best = Double.POSITIVE_INFINITY;
                List<float[]> bestParams = snapshot(model);
                int sinceBest = 0;
                int sinceRate = 0;
                int[] order = train.clone();
                for (epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
                    shuffle(order, rnd);
                    double sum = 0;
                    for (int start = 0; start < order.length; start += settings.batchSize()) {
                        int end = Math.min(order.length, start + settings.batchSize());
                        try (NDManager m = manager.newSubManager()) {
                            NDArray[] batch = batch(m, z, y, order, start, end);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray out = trainer.forward(new NDList(batch[0])).singletonOrThrow();
                                NDArray loss = lossOf(out, batch[1]);
                                sum += loss.getFloat() * (end - start);
                                gc.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                    double trainLoss = sum / order.length;
                    double valLoss = evaluateLoss(trainer, manager, z, y, val);
                    if (progress != null) {
                        progress.epoch(epoch, trainLoss, valLoss);
                    }
                    if (valLoss < best * (1 - 1e-4)) {
                        best = valLoss;
                        bestEpoch = epoch;
                        bestParams = snapshot(model);
                        sinceBest = 0;
                        sinceRate = 0;
                    } else {
                        sinceBest++;
                        sinceRate++;
                        if (sinceRate >= Math.max(1, settings.patience() / 4)) {
                            rate.value *= 0.5f;
                            sinceRate = 0;
                        }
                        if (sinceBest >= settings.patience()) {
                            break;
                        }
                    }
                }
                epoch = Math.min(epoch, settings.maxEpochs());
                restore(model, bestParams);
            }
            model.save(outDir, MixingSurrogate.MODEL_NAME);
            DenseNetwork net = MixingSurrogate.toDense(model.getBlock(), settings.activation());
            SurrogateMetadata provisional = metadata(design, datasetName, settings, mean, std, scaleH, scaleA, pt, pa, pb, nTrain,
                    nVal, nTest, excluded, epoch, bestEpoch, 0, null, null, null);
            MixingSurrogate sur = new MixingSurrogate(provisional, net, baseline);
            ErrorSummary eTrain = errors(sur, usable, train);
            ErrorSummary eVal = errors(sur, usable, val);
            ErrorSummary eTest = errors(sur, usable, test);
            SurrogateMetadata meta = metadata(design, datasetName, settings, mean, std, scaleH, scaleA, pt, pa, pb, nTrain, nVal,
                    nTest, excluded, epoch, bestEpoch, (System.nanoTime() - t0) * 1e-9, eTrain, eVal, eTest);
            MixingSurrogate.JSON.writeValue(outDir.resolve(MixingSurrogate.METADATA_FILE).toFile(), meta);
        }
        return MixingSurrogate.load(outDir);
    }

    private static SurrogateMetadata metadata(DatasetDesign d, String datasetName, TrainingSettings s, double[] mean, double[] std,
            double scaleH, double scaleA, double[] pt, double[] pa, double[] pb, int nTrain, int nVal, int nTest, int excluded,
            int epochs, int bestEpoch, double seconds, ErrorSummary tr, ErrorSummary va, ErrorSummary te) {
        return new SurrogateMetadata(1, d.binary(), d.settings(), SurrogateMetadata.INPUTS, mean, std, SurrogateMetadata.OUTPUTS,
                new double[] {scaleH, scaleA}, s.hidden(), s.activation(), pt, pa, pb, d.box().lower(), d.box().upper(), d.xMin(),
                d.xMax(), datasetName, nTrain, nVal, nTest, excluded, epochs, bestEpoch, seconds, s.seed(), tr, va, te);
    }

    /** Errors of a surrogate (plain-Java network) on the samples at the given indices. */
    static ErrorSummary errors(MixingSurrogate sur, List<MixingSample> samples, int[] idx) {
        double sumH = 0;
        double maxH = 0;
        double sq = 0;
        double sumA = 0;
        double maxA = 0;
        double simErr = 0;
        for (int i : idx) {
            MixingSample s = samples.get(i);
            MixingPrediction p = sur.predict(s.parameters(), s.result().x(), s.temperature());
            double eh = Math.abs(p.mixingEnthalpy() - s.result().mixingEnthalpy());
            double ea = Math.abs(p.latticeParameter() - s.result().latticeParameter());
            sumH += eh;
            sq += eh * eh;
            maxH = Math.max(maxH, eh);
            sumA += ea;
            maxA = Math.max(maxA, ea);
            simErr += s.result().mixingEnthalpyError();
        }
        int n = idx.length;
        return new ErrorSummary(n, sumH / n, maxH, Math.sqrt(sq / n), sumA / n, maxA, simErr / n);
    }

    /**
     * Errors of a saved surrogate on any samples (e.g. another dataset).
     *
     * @param sur the surrogate
     * @param samples simulated samples of the same binary
     * @return mean, maximum and rms errors over all samples
     */
    public static ErrorSummary errors(MixingSurrogate sur, List<MixingSample> samples) {
        int[] all = new int[samples.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return errors(sur, samples, all);
    }

    /**
     * @param samples simulated samples (those without a result are skipped)
     * @return the median Lindemann ratio of the samples at each temperature (K), sorted by temperature
     */
    public static java.util.Map<Double, Double> medianLindemann(List<MixingSample> samples) {
        TreeMap<Double, List<Double>> by = new TreeMap<>();
        for (MixingSample s : samples) {
            if (s.result() != null) {
                by.computeIfAbsent(s.temperature(), k -> new ArrayList<>()).add(s.result().lindemannRatio());
            }
        }
        java.util.Map<Double, Double> out = new TreeMap<>();
        by.forEach((t, l) -> {
            java.util.Collections.sort(l);
            int n = l.size();
            out.put(t, n % 2 == 1 ? l.get(n / 2) : 0.5 * (l.get(n / 2 - 1) + l.get(n / 2)));
        });
        return out;
    }

    private static NDArray lossOf(NDArray out, NDArray target) {
        // target columns: y_H, y_a (loss units), c_H, c_a (per-sample factors turning outputs into loss units)
        NDArray y = target.get(":, 0:2");
        NDArray c = target.get(":, 2:4");
        return out.mul(c).sub(y).square().sum(new int[] {1}).mean();
    }

    private static double evaluateLoss(Trainer trainer, NDManager manager, float[][] z, float[][] y, int[] idx) {
        try (NDManager m = manager.newSubManager()) {
            NDArray[] b = batch(m, z, y, idx, 0, idx.length);
            NDArray out = trainer.evaluate(new NDList(b[0])).singletonOrThrow();
            return lossOf(out, b[1]).getFloat();
        }
    }

    private static NDArray[] batch(NDManager m, float[][] z, float[][] y, int[] idx, int start, int end) {
        int n = end - start;
        int k = z[0].length;
        float[] zf = new float[n * k];
        float[] yf = new float[n * 4];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z[idx[start + i]], 0, zf, k * i, k);
            System.arraycopy(y[idx[start + i]], 0, yf, 4 * i, 4);
        }
        return new NDArray[] {m.create(zf, new Shape(n, k)), m.create(yf, new Shape(n, 4))};
    }

    private static List<float[]> snapshot(Model model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private static void restore(Model model, List<float[]> values) {
        int k = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            p.getValue().getArray().set(values.get(k++));
        }
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double stdev(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / Math.max(1, v.length - 1));
    }

    private static double nonZero(double v) {
        return v > 1e-12 ? v : 1.0;
    }

    /** A learning rate the training loop can lower (reduce on plateau). */
    private static final class MutableRate implements Tracker {
        volatile float value;

        MutableRate(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
