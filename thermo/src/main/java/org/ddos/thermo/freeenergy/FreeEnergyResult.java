package org.ddos.thermo.freeenergy;

/**
 * A free-energy prediction for one phase, one parameter vector and one temperature.
 *
 * @param temperature T in K
 * @param freeEnergy F in eV/atom, including the 0 K lattice energy theta . D_0
 * @param vibrationalFreeEnergy F - theta . D_0 in eV/atom (the temperature-dependent part)
 * @param latticeEnergy theta . D_0 in eV/atom
 * @param uncertainty one-sigma uncertainty of F from the score-matching band, eV/atom
 * @param entropy S = -dF/dT in units of k_B per atom
 * @param alphaStar the minimising isosurface variable alpha*
 * @param unsolved true when alpha* lies on the edge of the sampled isosurfaces: the campaign did
 *     not reach this temperature for this theta, and F is not trustworthy
 * @param meanDescriptor &lt;D&gt; = dF/dtheta, length K (descriptor units; the envelope theorem)
 */
public record FreeEnergyResult(double temperature, double freeEnergy, double vibrationalFreeEnergy,
        double latticeEnergy, double uncertainty, double entropy, double alphaStar, boolean unsolved,
        double[] meanDescriptor) {
}
