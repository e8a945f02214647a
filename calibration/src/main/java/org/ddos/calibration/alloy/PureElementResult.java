package org.ddos.calibration.alloy;

/**
 * A pure fcc metal at temperature T and zero pressure.
 *
 * @param element chemical symbol
 * @param staticLatticeParameter the 0 K (static) equilibrium lattice parameter (Å)
 * @param staticEnergy the 0 K energy per atom (eV/atom), minus the cohesive energy of the model
 * @param averages the Monte Carlo averages at T
 */
public record PureElementResult(String element, double staticLatticeParameter, double staticEnergy, ThermalAverages averages) {
    /** @return H/N (eV/atom) */
    public double enthalpy() {
        return averages.enthalpy();
    }

    /** @return the lattice parameter at T (Å) */
    public double latticeParameter() {
        return averages.fccLatticeParameter();
    }
}
