package org.ddos.calibration.surrogate;

/**
 * Errors of a surrogate on a set of samples against the simulated values.
 *
 * @param samples number of samples
 * @param maeEnthalpy mean absolute error of Delta H_mix (meV/atom)
 * @param maxEnthalpy largest absolute error of Delta H_mix (meV/atom)
 * @param rmseEnthalpy root-mean-square error of Delta H_mix (meV/atom)
 * @param maeLattice mean absolute error of the lattice parameter (Å)
 * @param maxLattice largest absolute error of the lattice parameter (Å)
 * @param meanSimulationError mean statistical error of the simulated Delta H_mix of these samples
 *     (meV/atom): the floor below which the surrogate error cannot be measured
 */
public record ErrorSummary(int samples, double maeEnthalpy, double maxEnthalpy, double rmseEnthalpy, double maeLattice,
        double maxLattice, double meanSimulationError) {
}
