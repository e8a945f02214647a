package org.ddos.calibration.surrogate;

/**
 * A surrogate prediction.
 *
 * @param mixingEnthalpy Delta H_mix (meV/atom)
 * @param latticeParameter fcc lattice parameter (Å)
 * @param extrapolated true when the point lies outside the sampled box, composition range or
 *     temperature range
 */
public record MixingPrediction(double mixingEnthalpy, double latticeParameter, boolean extrapolated) {
}
