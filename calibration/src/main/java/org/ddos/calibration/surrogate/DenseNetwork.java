package org.ddos.calibration.surrogate;

/**
 * A multilayer perceptron evaluated in plain Java (double precision) from the weights of a
 * trained DJL network: y = W_L f(... f(W_1 x + b_1) ...) + b_L with f = tanh or SiLU
 * (x sigmoid(x)) on the hidden layers and a linear output layer. Used by the calibration, where a
 * few thousand evaluations must cost well under a second and need no native engine. Immutable and
 * thread-safe; {@link #forward(double[], double[][])} with caller workspaces does not allocate.
 */
public final class DenseNetwork {
    private final double[][][] weights;
    private final double[][] biases;
    private final boolean silu;

    /**
     * @param weights per layer, [out][in] (the layout of DJL/PyTorch {@code Linear.weight})
     * @param biases per layer, [out]
     * @param activation "tanh" or "silu"
     * @throws IllegalArgumentException on inconsistent shapes or an unknown activation
     */
    public DenseNetwork(double[][][] weights, double[][] biases, String activation) {
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("need one bias per weight matrix, got " + weights.length + " and " + biases.length);
        }
        for (int l = 0; l < weights.length; l++) {
            if (weights[l].length != biases[l].length) {
                throw new IllegalArgumentException("layer " + l + ": " + weights[l].length + " rows but " + biases[l].length + " biases");
            }
            if (l > 0 && weights[l][0].length != weights[l - 1].length) {
                throw new IllegalArgumentException("layer " + l + " takes " + weights[l][0].length + " inputs, layer " + (l - 1)
                        + " gives " + weights[l - 1].length);
            }
        }
        if (!activation.equals("tanh") && !activation.equals("silu")) {
            throw new IllegalArgumentException("activation must be tanh or silu, got '" + activation + "'");
        }
        this.weights = weights;
        this.biases = biases;
        this.silu = activation.equals("silu");
    }

    /** @return number of inputs */
    public int inputs() {
        return weights[0][0].length;
    }

    /** @return number of outputs */
    public int outputs() {
        return weights[weights.length - 1].length;
    }

    /** @return workspaces for {@link #forward(double[], double[][])}: one array per layer */
    public double[][] workspace() {
        double[][] w = new double[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = new double[weights[l].length];
        }
        return w;
    }

    /**
     * @param input length {@link #inputs()}
     * @return the outputs for one input vector, a new array (allocates its workspace)
     */
    public double[] forward(double[] input) {
        double[][] ws = workspace();
        return forward(input, ws).clone();
    }

    /**
     * @param input length {@link #inputs()}
     * @param ws from {@link #workspace()}
     * @return the last workspace row, the outputs (overwritten by the next call)
     */
    public double[] forward(double[] input, double[][] ws) {
        double[] in = input;
        for (int l = 0; l < weights.length; l++) {
            double[][] w = weights[l];
            double[] b = biases[l];
            double[] out = ws[l];
            boolean hidden = l < weights.length - 1;
            for (int o = 0; o < w.length; o++) {
                double[] row = w[o];
                // four independent partial sums: the dot product is latency-bound otherwise
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int n = row.length;
                int i = 0;
                for (; i + 3 < n; i += 4) {
                    s0 += row[i] * in[i];
                    s1 += row[i + 1] * in[i + 1];
                    s2 += row[i + 2] * in[i + 2];
                    s3 += row[i + 3] * in[i + 3];
                }
                for (; i < n; i++) {
                    s0 += row[i] * in[i];
                }
                double s = b[o] + ((s0 + s1) + (s2 + s3));
                out[o] = hidden ? activate(s) : s;
            }
            in = out;
        }
        return in;
    }

    private double activate(double s) {
        return silu ? s / (1 + Math.exp(-s)) : Math.tanh(s);
    }
}
