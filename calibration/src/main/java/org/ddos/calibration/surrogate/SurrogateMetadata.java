package org.ddos.calibration.surrogate;

import java.util.List;
import org.ddos.calibration.alloy.MixingSettings;
import org.ddos.calibration.alloy.SmaBinary;

/**
 * Everything besides the weights that a saved mixing surrogate needs to predict and to be judged,
 * written as {@code surrogate.json} next to the DJL parameter file.
 *
 * <p>Model: with Delta E_V(x) the static mixing energy of the quasirandom cell at the Vegard
 * lattice parameter ({@link org.ddos.calibration.alloy.StaticMixingModel}, closed form, from the
 * binary and the simulation settings) and W_V = Delta E_V / (x (1 - x)), the inputs
 * u = (p_AB, q_AB, A_AB, xi_AB, x, T, W_V) are standardised by {@code inputMean} and
 * {@code inputStd}; an MLP gives (o_0, o_1); the predictions are
 * Delta H_mix = Delta E_V + x (1 - x) o_0 outputScale[0] (meV/atom) and
 * a = (1 - x) a_A(T) + x a_B(T) + x (1 - x) o_1 outputScale[1] (Å), with the pure lattice
 * parameters a_A(T), a_B(T) interpolated linearly in T from the dataset's pure runs. The network
 * learns only what the static unrelaxed energy misses (volume and local relaxation, vibrations),
 * and the factor x (1 - x) makes its share vanish for the pure metals.
 *
 * @param formatVersion 1
 * @param binary the binary and its homonuclear sets
 * @param simulation the simulation settings of the dataset (supercell, quasirandom shells and seed)
 * @param inputs input names
 * @param inputMean per-input mean of the training samples
 * @param inputStd per-input standard deviation of the training samples
 * @param outputs output names
 * @param outputScale scales of the two outputs (meV/atom, Å)
 * @param hidden hidden layer widths
 * @param activation hidden activation (tanh or silu)
 * @param pureTemperatures temperatures of the pure runs (K), ascending
 * @param pureLatticeA a_A at those temperatures (Å)
 * @param pureLatticeB a_B at those temperatures (Å)
 * @param boxLower lower bounds of (p, q, A, xi) sampled
 * @param boxUpper upper bounds of (p, q, A, xi) sampled
 * @param xMin smallest composition sampled
 * @param xMax largest composition sampled
 * @param dataset the dataset file name
 * @param trainSamples samples used to fit the weights
 * @param validationSamples samples used for early stopping
 * @param testSamples held-out samples of the error report
 * @param excludedSamples samples excluded (crystal not stable)
 * @param epochs epochs run
 * @param bestEpoch epoch of the saved weights (lowest validation loss)
 * @param trainingSeconds wall time of the training
 * @param seed training seed
 * @param train errors on the training samples
 * @param validation errors on the validation samples
 * @param test errors on the held-out test samples
 */
public record SurrogateMetadata(int formatVersion, SmaBinary binary, MixingSettings simulation, List<String> inputs, double[] inputMean, double[] inputStd,
        List<String> outputs, double[] outputScale, int[] hidden, String activation, double[] pureTemperatures,
        double[] pureLatticeA, double[] pureLatticeB, double[] boxLower, double[] boxUpper, double xMin, double xMax,
        String dataset, int trainSamples, int validationSamples, int testSamples, int excludedSamples, int epochs, int bestEpoch,
        double trainingSeconds, long seed, ErrorSummary train, ErrorSummary validation, ErrorSummary test) {

    /** Input names in order. */
    public static final List<String> INPUTS = List.of("p_AB", "q_AB", "A_AB", "xi_AB", "x", "T", "W_static_meV");
    /** Output names in order. */
    public static final List<String> OUTPUTS = List.of("dH_mix_meV", "lattice_parameter_A");

    /**
     * Pure lattice parameters at T by linear interpolation (linear extrapolation outside).
     *
     * @param temperature T (K)
     * @return {a_A, a_B} (Å)
     */
    public double[] pureLattice(double temperature) {
        double[] t = pureTemperatures;
        if (t.length == 1) {
            return new double[] {pureLatticeA[0], pureLatticeB[0]};
        }
        int k = 0;
        while (k < t.length - 2 && temperature > t[k + 1]) {
            k++;
        }
        double w = (temperature - t[k]) / (t[k + 1] - t[k]);
        return new double[] {pureLatticeA[k] + w * (pureLatticeA[k + 1] - pureLatticeA[k]),
            pureLatticeB[k] + w * (pureLatticeB[k + 1] - pureLatticeB[k])};
    }

    /** @return the temperature range of the training data (K) */
    public double[] temperatureRange() {
        return new double[] {pureTemperatures[0], pureTemperatures[pureTemperatures.length - 1]};
    }
}
