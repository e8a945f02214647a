package org.ddos.calibration.alloy;

/**
 * One simulated mixing point of a binary A-B at zero pressure.
 *
 * <p>Delta H_mix(x, T) = H(x) - x H_B - (1 - x) H_A per atom, every term at the same T and zero
 * pressure from runs of the same supercell. H/N = U/N + (3/2) k_B T: the classical kinetic
 * energy is the same per atom in all three terms and cancels, so Delta H_mix is the mixing
 * potential energy (zero-point and other quantum effects are ignored).
 *
 * @param x the simulated fraction of B, countB / N (the requested x rounded to whole atoms)
 * @param temperature T (K)
 * @param atoms N
 * @param countB number of B atoms
 * @param mixingEnthalpy Delta H_mix (meV/atom)
 * @param mixingEnthalpyError its standard error (meV/atom; alloy and pure errors combined)
 * @param latticeParameter the fcc lattice parameter (4 V/N)^(1/3) at the mean volume (Å)
 * @param latticeParameterError its standard error (Å)
 * @param enthalpy H/N of the alloy (eV/atom)
 * @param enthalpyError its standard error (eV/atom)
 * @param pureEnthalpyA H/N of pure A at T (eV/atom)
 * @param pureEnthalpyB H/N of pure B at T (eV/atom)
 * @param staticLatticeParameter the 0 K lattice parameter of the unrelaxed arrangement (Å)
 * @param lindemannRatio rms displacement from the lattice sites over the nearest-neighbour
 *     distance at the end of the run (a crystal stays well below about 0.1)
 * @param warrenCowley1 alpha of the first shell of the arrangement
 * @param atomAcceptance acceptance of atom moves
 * @param sweeps equilibration + production sweeps of the alloy run
 * @param cpuSeconds CPU time of the alloy run (pure runs are cached and not counted)
 */
public record MixingResult(double x, double temperature, int atoms, int countB, double mixingEnthalpy,
        double mixingEnthalpyError, double latticeParameter, double latticeParameterError, double enthalpy,
        double enthalpyError, double pureEnthalpyA, double pureEnthalpyB, double staticLatticeParameter,
        double lindemannRatio, double warrenCowley1, double atomAcceptance, int sweeps, double cpuSeconds) {
}
