package org.ddos.thermo.transition;

/**
 * The A -&gt; B transition temperature of one parameter vector, where DeltaF = F_B - F_A changes
 * sign (B becomes stable above T_c when DeltaF decreases through zero).
 *
 * @param found true when DeltaF changes sign inside the scanned range
 * @param transitionTemperature T_c in K (NaN when not found)
 * @param uncertainty one-sigma uncertainty of T_c in K from the score bands of both phases,
 *     sigma_DeltaF(T_c) / |dDeltaF/dT| (NaN when not found)
 * @param gradient dT_c/dtheta = -(&lt;D&gt;_B - &lt;D&gt;_A) / (dDeltaF/dT), length K, in K per
 *     (eV per descriptor unit) (null when not found)
 * @param slope dDeltaF/dT at T_c in eV/(atom K) = -(S_B - S_A) k_B (NaN when not found)
 * @param unsolved true when either phase's free energy at T_c is unsolved (alpha* on the edge of
 *     its sampled isosurfaces): T_c then rests on values outside the sampled range
 * @param crossings number of sign changes of DeltaF on the scan grid (T_c is the first)
 * @param temperatures the scan grid (K)
 * @param deltaF DeltaF on the grid (eV/atom), including the 0 K energy difference
 * @param deltaFUncertainty one-sigma uncertainty of DeltaF on the grid (eV/atom)
 * @param gridUnsolved per grid point, true when either phase is unsolved there
 */
public record TransitionResult(boolean found, double transitionTemperature, double uncertainty, double[] gradient,
        double slope, boolean unsolved, int crossings, double[] temperatures, double[] deltaF,
        double[] deltaFUncertainty, boolean[] gridUnsolved) {
}
