package org.ddos.calibration.alloy;

import org.ddos.descriptors.units.PhysicalConstants;

/**
 * Averages of one Monte Carlo run with their block-average standard errors.
 *
 * @param temperature T (K)
 * @param atoms N
 * @param equilibrationSweeps sweeps discarded
 * @param productionSweeps sweeps averaged
 * @param blocks blocks of the error estimate
 * @param potentialEnergy mean potential energy per atom U/N (eV/atom), from the control-variate
 *     estimator W = U - C/2 + (3N - 3) k_B T / 2 of {@link AlloyMonteCarlo#siteVirial()}
 * @param potentialEnergyError its standard error (eV/atom)
 * @param plainPotentialEnergy the plain mean of U/N (eV/atom), same expectation, larger error
 * @param plainPotentialEnergyError its standard error (eV/atom)
 * @param volume mean volume per atom (Å^3/atom)
 * @param volumeError its standard error (Å^3/atom)
 * @param atomAcceptance acceptance ratio of atom moves during production
 * @param volumeAcceptance acceptance ratio of volume moves during production (NaN at constant volume)
 * @param maxDisplacement the frozen atom step (Å)
 * @param maxLogVolumeStep the frozen ln V step
 * @param roundOffDrift |incremental - recomputed| U/N at the end of the run (eV/atom)
 */
public record ThermalAverages(double temperature, int atoms, int equilibrationSweeps, int productionSweeps, int blocks,
        double potentialEnergy, double potentialEnergyError, double plainPotentialEnergy, double plainPotentialEnergyError,
        double volume, double volumeError, double atomAcceptance,
        double volumeAcceptance, double maxDisplacement, double maxLogVolumeStep, double roundOffDrift) {

    /**
     * Enthalpy per atom at zero pressure in the classical limit: H/N = U/N + (3/2) k_B T (the
     * kinetic energy of classical atoms, which Monte Carlo does not sample; P V = 0).
     *
     * @return H/N (eV/atom); its error is {@link #potentialEnergyError()}
     */
    public double enthalpy() {
        return potentialEnergy + 1.5 * PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
    }

    /** @return the cubic fcc lattice parameter a = (4 V/N)^(1/3) of the mean volume (Å) */
    public double fccLatticeParameter() {
        return Math.cbrt(4 * volume);
    }

    /** @return the standard error of {@link #fccLatticeParameter()}, a dV / (3 V) (Å) */
    public double fccLatticeParameterError() {
        return fccLatticeParameter() * volumeError / (3 * volume);
    }
}
