package org.ddos.calibration.surrogate;

/**
 * How a mixing surrogate is trained ({@link SurrogateTrainer}).
 *
 * @param hidden widths of the hidden layers, e.g. {64, 64, 64}
 * @param activation "tanh" or "silu" (x sigmoid(x))
 * @param maxEpochs epoch cap
 * @param patience stop when the validation loss has not improved for this many epochs
 * @param batchSize mini-batch size
 * @param learningRate initial Adam learning rate; multiplied by 0.5 whenever the validation loss
 *     has not improved for patience / 4 epochs
 * @param validationFraction share of the samples held out for early stopping
 * @param testFraction share held out for the final error report (never seen in training)
 * @param seed seed of the split, the shuffles and the initial weights
 * @param maxLindemann samples whose Lindemann ratio (rms displacement from the lattice sites over
 *     the nearest-neighbour distance) exceeds this multiple of the dataset's median at the same
 *     temperature are excluded: their cell distorted (local instability of the random alloy) or
 *     melted, and Delta H_mix there is no longer a smooth function of the parameters
 */
public record TrainingSettings(int[] hidden, String activation, int maxEpochs, int patience, int batchSize, double learningRate,
        double validationFraction, double testFraction, long seed, double maxLindemann) {

    /**
     * Validates the settings (copies {@code hidden}).
     *
     * @param hidden widths of the hidden layers (&gt;= 1 layer, each &gt;= 1)
     * @param activation "tanh" or "silu"
     * @param maxEpochs epoch cap (&gt;= 1)
     * @param patience early-stopping patience in epochs (&gt;= 1)
     * @param batchSize mini-batch size (&gt;= 1)
     * @param learningRate initial Adam learning rate (&gt; 0)
     * @param validationFraction share held out for early stopping (&gt; 0)
     * @param testFraction share held out for the error report (&gt; 0; the two sum below 0.9)
     * @param seed seed of the split, shuffles and initial weights
     * @param maxLindemann relative Lindemann limit (&gt; 1, a multiple of the median)
     * @throws IllegalArgumentException naming the first invalid field
     */
    public TrainingSettings {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("at least one hidden layer is needed");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be positive, got " + h);
            }
        }
        hidden = hidden.clone();
        if (!activation.equals("tanh") && !activation.equals("silu")) {
            throw new IllegalArgumentException("activation must be tanh or silu, got '" + activation + "'");
        }
        if (maxEpochs < 1 || patience < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs, patience and batch size must be positive");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(maxLindemann > 1)) {
            throw new IllegalArgumentException("relative Lindemann limit must exceed 1 (a multiple of the median), got " + maxLindemann);
        }
        if (!(validationFraction > 0) || !(testFraction > 0) || !(validationFraction + testFraction < 0.9)) {
            throw new IllegalArgumentException("validation and test fractions must be positive with a sum below 0.9, got "
                    + validationFraction + " and " + testFraction);
        }
    }

    /**
     * Defaults: 3 x 64 SiLU, up to 4000 epochs, patience 400, batch 32, learning rate 3e-3, 15% / 15%
     * held out, seed 1, samples above 1.3 times the median Lindemann ratio excluded.
     *
     * @return the default settings
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(new int[] {64, 64, 64}, "silu", 4000, 400, 32, 3e-3, 0.15, 0.15, 1, 1.3);
    }

    /**
     * @param limit relative Lindemann limit (&gt; 1)
     * @return the same settings with another relative Lindemann limit
     */
    public TrainingSettings withMaxLindemann(double limit) {
        return new TrainingSettings(hidden, activation, maxEpochs, patience, batchSize, learningRate, validationFraction, testFraction,
                seed, limit);
    }

    /** @return a copy of the hidden-layer widths */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * @param max epoch cap
     * @param newPatience early-stopping patience in epochs
     * @return the same settings with another epoch cap and patience
     */
    public TrainingSettings withEpochs(int max, int newPatience) {
        return new TrainingSettings(hidden, activation, max, newPatience, batchSize, learningRate, validationFraction, testFraction,
                seed, maxLindemann);
    }

    /**
     * @param newHidden widths of the hidden layers
     * @param newActivation "tanh" or "silu"
     * @return the same settings with another architecture
     */
    public TrainingSettings withArchitecture(int[] newHidden, String newActivation) {
        return new TrainingSettings(newHidden, newActivation, maxEpochs, patience, batchSize, learningRate, validationFraction,
                testFraction, seed, maxLindemann);
    }

    /**
     * @param newSeed seed of the split, shuffles and initial weights
     * @return the same settings with another seed
     */
    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(hidden, activation, maxEpochs, patience, batchSize, learningRate, validationFraction, testFraction,
                newSeed, maxLindemann);
    }

    /**
     * @param newBatch mini-batch size
     * @param newRate initial Adam learning rate
     * @return the same settings with another batch size and learning rate
     */
    public TrainingSettings withOptimiser(int newBatch, double newRate) {
        return new TrainingSettings(hidden, activation, maxEpochs, patience, newBatch, newRate, validationFraction, testFraction,
                seed, maxLindemann);
    }
}
