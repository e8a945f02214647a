package org.ddos.calibration.surrogate;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddos.calibration.alloy.HeteronuclearParameters;
import org.ddos.calibration.alloy.StaticMixingModel;

/**
 * A trained mixing-enthalpy / lattice-parameter surrogate of one binary (see
 * {@link SurrogateMetadata} for the model). A saved surrogate is a folder holding
 * {@code surrogate.json} and the DJL parameter file {@code mixing-surrogate-0000.params}; loading
 * rebuilds the same network, loads the parameters with DJL (PyTorch engine) and copies them into a
 * plain-Java {@link DenseNetwork}, which serves all predictions (thread-safe, no native calls).
 */
public final class MixingSurrogate {
    /** Model name: the parameter file is {@code NAME-0000.params}. */
    public static final String MODEL_NAME = "mixing-surrogate";
    /** Metadata file name. */
    public static final String METADATA_FILE = "surrogate.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SurrogateMetadata metadata;
    private final DenseNetwork network;
    private final StaticMixingModel baseline;
    private final ThreadLocal<Workspace> workspace;

    /** Per-thread buffers: standardised inputs and the layer outputs. */
    private static final class Workspace {
        final double[] z = new double[7];
        double staticEnergy;
        HeteronuclearParameters lastCross;
        org.ddos.descriptors.sma.SmaPairTerms lastTerms;
        final double[][] layers;

        Workspace(DenseNetwork net) {
            layers = net.workspace();
        }
    }

    MixingSurrogate(SurrogateMetadata metadata, DenseNetwork network) {
        this(metadata, network, new StaticMixingModel(metadata.binary(), metadata.simulation()));
    }

    MixingSurrogate(SurrogateMetadata metadata, DenseNetwork network, StaticMixingModel baseline) {
        this.metadata = metadata;
        this.network = network;
        this.baseline = baseline;
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(network));
    }

    /** @return the metadata */
    public SurrogateMetadata metadata() {
        return metadata;
    }

    /**
     * Builds the quasirandom cells and environment tables of the static baseline for these
     * compositions (tens of ms each, done once), so that later predictions cost microseconds.
     *
     * @param compositions fractions x of B
     */
    public void prepare(double... compositions) {
        HeteronuclearParameters mean = metadata.binary().arithmeticMean();
        for (double x : compositions) {
            baseline.vegardMixingEnergy(mean, x);
        }
    }

    /** @return the closed-form static baseline */
    public StaticMixingModel baseline() {
        return baseline;
    }

    /** @return the plain-Java network (inputs standardised, outputs before scaling) */
    public DenseNetwork network() {
        return network;
    }

    /**
     * Loads a saved surrogate.
     *
     * @param dir folder written by {@link SurrogateTrainer} ({@value #METADATA_FILE} and the DJL
     *     parameter file)
     * @return the surrogate, evaluated in plain Java
     * @throws IOException when files are missing or unreadable
     * @throws IllegalArgumentException when the parameter file does not fit the metadata
     */
    public static MixingSurrogate load(Path dir) throws IOException {
        SurrogateMetadata meta = readMetadata(dir);
        DjlRuntime.configureOffline();
        try (Model model = Model.newInstance(MODEL_NAME)) {
            model.setBlock(buildBlock(meta.hidden(), meta.activation(), meta.outputs().size()));
            model.load(dir, MODEL_NAME);
            return new MixingSurrogate(meta, toDense(model.getBlock(), meta.activation()));
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException(dir + ": parameter file does not match " + METADATA_FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param dir folder of a saved surrogate
     * @return the metadata of a saved surrogate
     * @throws IOException when {@value #METADATA_FILE} is missing or cannot be parsed
     */
    public static SurrogateMetadata readMetadata(Path dir) throws IOException {
        Path f = dir.resolve(METADATA_FILE);
        if (!Files.exists(f)) {
            throw new IOException("no " + METADATA_FILE + " in " + dir + " (not a saved mixing surrogate)");
        }
        return JSON.readValue(f.toFile(), SurrogateMetadata.class);
    }

    /**
     * Predicts with DJL itself (the PyTorch engine, float32) from the saved folder: the reference
     * for checking the plain-Java network and the reload.
     *
     * @param dir folder of a saved surrogate
     * @param rows raw inputs (p, q, A, xi, x, T, W_static), one row per point
     * @return raw network outputs (o_0, o_1) per row, before scaling
     * @throws IOException when the saved files are missing or unreadable
     */
    public static float[][] djlOutputs(Path dir, double[][] rows) throws IOException {
        SurrogateMetadata meta = readMetadata(dir);
        DjlRuntime.configureOffline();
        try (Model model = Model.newInstance(MODEL_NAME)) {
            model.setBlock(buildBlock(meta.hidden(), meta.activation(), meta.outputs().size()));
            model.load(dir, MODEL_NAME);
            return forward(model.getBlock(), model.getNDManager(), standardise(meta, rows));
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
    }

    static float[][] forward(Block block, NDManager parent, float[][] z) {
        try (NDManager m = parent.newSubManager()) {
            int n = z.length;
            int k = z[0].length;
            float[] flat = new float[n * k];
            for (int i = 0; i < n; i++) {
                System.arraycopy(z[i], 0, flat, i * k, k);
            }
            NDArray in = m.create(flat, new Shape(n, k));
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow();
            float[] o = out.toFloatArray();
            int c = (int) out.getShape().get(1);
            float[][] r = new float[n][c];
            for (int i = 0; i < n; i++) {
                System.arraycopy(o, i * c, r[i], 0, c);
            }
            return r;
        }
    }

    static float[][] standardise(SurrogateMetadata meta, double[][] rows) {
        float[][] z = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != meta.inputs().size()) {
                throw new IllegalArgumentException("input row " + i + " has " + rows[i].length + " values, the surrogate takes "
                        + meta.inputs().size() + " " + meta.inputs());
            }
            z[i] = new float[rows[i].length];
            for (int k = 0; k < rows[i].length; k++) {
                z[i][k] = (float) ((rows[i][k] - meta.inputMean()[k]) / meta.inputStd()[k]);
            }
        }
        return z;
    }

    /**
     * The network of a surrogate: Linear layers of the hidden widths, each followed by the
     * activation, and a linear output layer.
     */
    static SequentialBlock buildBlock(int[] hidden, String activation, int outputs) {
        SequentialBlock b = new SequentialBlock();
        for (int h : hidden) {
            b.add(Linear.builder().setUnits(h).build());
            b.add(activation.equals("silu") ? Activation.swishBlock(1f) : Activation.tanhBlock());
        }
        b.add(Linear.builder().setUnits(outputs).build());
        return b;
    }

    /** Copies the Linear weights and biases of a block (in order) into a plain-Java network. */
    static DenseNetwork toDense(Block block, String activation) {
        List<double[][]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            float[] v = a.toFloatArray();
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                int rows = (int) a.getShape().get(0);
                int cols = (int) a.getShape().get(1);
                double[][] m = new double[rows][cols];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        m[r][c] = v[r * cols + c];
                    }
                }
                w.add(m);
            } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = v[i];
                }
                b.add(d);
            } else {
                throw new IllegalArgumentException("unexpected parameter " + p.getKey() + " of type " + p.getValue().getType());
            }
        }
        return new DenseNetwork(w.toArray(new double[0][][]), b.toArray(new double[0][]), activation);
    }

    /**
     * Predicts Delta H_mix and a at one point. At x &lt;= 0 or x &gt;= 1 it returns the pure metal
     * (Delta H_mix = 0, the interpolated pure lattice parameter) flagged as extrapolated.
     *
     * @param h heteronuclear parameters
     * @param x fraction of B
     * @param temperature T (K)
     * @return Delta H_mix (meV/atom), a (Å) and whether the point is extrapolated
     * @throws IllegalArgumentException when x is NaN or T is not positive and finite
     */
    public MixingPrediction predict(HeteronuclearParameters h, double x, double temperature) {
        if (x <= 0 || x >= 1) {
            double[] pure = metadata.pureLattice(temperature);
            return new MixingPrediction(0, x <= 0 ? pure[0] : pure[1], true);
        }
        double[] o = outputs(h, x, temperature);
        return fromOutputs(o, workspace.get().staticEnergy, x, temperature, extrapolated(h, x, temperature));
    }

    /**
     * @param h heteronuclear parameters
     * @param x fraction of B, 0 &lt; x &lt; 1 (no pure-metal special case, unlike {@link #predict})
     * @param temperature T (K)
     * @return Delta H_mix (meV/atom) only
     * @throws IllegalArgumentException when x is not strictly between 0 and 1, or T is not positive and finite
     */
    public double mixingEnthalpy(HeteronuclearParameters h, double x, double temperature) {
        double[] o = outputs(h, x, temperature);
        return workspace.get().staticEnergy + x * (1 - x) * o[0] * metadata.outputScale()[0];
    }

    /**
     * @param h heteronuclear parameters
     * @param x fraction of B, 0 &lt; x &lt; 1 (no pure-metal special case, unlike {@link #predict})
     * @param temperature T (K)
     * @return the lattice parameter (Å) only; allocation-free except the pure interpolation
     * @throws IllegalArgumentException when x is not strictly between 0 and 1, or T is not positive and finite
     */
    public double latticeParameter(HeteronuclearParameters h, double x, double temperature) {
        double[] o = outputs(h, x, temperature);
        double[] pure = metadata.pureLattice(temperature);
        return (1 - x) * pure[0] + x * pure[1] + x * (1 - x) * o[1] * metadata.outputScale()[1];
    }

    private double[] outputs(HeteronuclearParameters h, double x, double temperature) {
        // the network's composition input is the static energy divided by x(1 - x): undefined at the pure metals
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException("composition x must lie strictly between 0 and 1 here, got " + x
                    + " (predict(...) returns the pure metals at x = 0 and 1)");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature + " K");
        }
        Workspace ws = workspace.get();
        double[] z = ws.z;
        double[] mean = metadata.inputMean();
        double[] std = metadata.inputStd();
        z[0] = (h.p() - mean[0]) / std[0];
        z[1] = (h.q() - mean[1]) / std[1];
        z[2] = (h.a() - mean[2]) / std[2];
        z[3] = (h.xi() - mean[3]) / std[3];
        z[4] = (x - mean[4]) / std[4];
        z[5] = (temperature - mean[5]) / std[5];
        if (!h.equals(ws.lastCross)) {
            ws.lastCross = h;
            ws.lastTerms = new org.ddos.descriptors.sma.SmaPairTerms(metadata.binary().cross(h));
        }
        ws.staticEnergy = baseline.vegardMixingEnergy(ws.lastTerms, x);
        z[6] = (ws.staticEnergy / (x * (1 - x)) - mean[6]) / std[6];
        return network.forward(z, ws.layers);
    }

    /** Predictions from raw network outputs (o_0, o_1) and the static baseline at (x, T). */
    MixingPrediction fromOutputs(double[] o, double staticEnergy, double x, double temperature, boolean extrapolated) {
        double f = x * (1 - x);
        double[] pure = metadata.pureLattice(temperature);
        double dh = staticEnergy + f * o[0] * metadata.outputScale()[0];
        double a = (1 - x) * pure[0] + x * pure[1] + f * o[1] * metadata.outputScale()[1];
        return new MixingPrediction(dh, a, extrapolated);
    }

    /**
     * @param h heteronuclear parameters
     * @param x fraction of B
     * @param temperature T (K)
     * @return true when the point lies outside the sampled box, compositions or temperatures
     */
    public boolean extrapolated(HeteronuclearParameters h, double x, double temperature) {
        double[] v = h.toArray();
        for (int k = 0; k < 4; k++) {
            if (v[k] < metadata.boxLower()[k] || v[k] > metadata.boxUpper()[k]) {
                return true;
            }
        }
        double[] tr = metadata.temperatureRange();
        return x < metadata.xMin() || x > metadata.xMax() || temperature < tr[0] || temperature > tr[1];
    }
}
