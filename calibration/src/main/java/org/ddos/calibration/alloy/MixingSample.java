package org.ddos.calibration.alloy;

/**
 * One row of a mixing dataset: a planned point (index, parameters, x, T, seed) with, once
 * simulated, its result and the pure lattice parameters at the same T (the Vegard baseline).
 *
 * @param index row index in the design's sample list (0-based)
 * @param parameters the heteronuclear set
 * @param requestedX the composition drawn (the simulated one is {@link MixingResult#x()})
 * @param temperature T (K)
 * @param seed Monte Carlo seed of the alloy run
 * @param screening the screening energy (meV/atom)
 * @param result the simulation, or null while only planned
 * @param pureLatticeA lattice parameter of pure A at T (Å), NaN while planned
 * @param pureLatticeB lattice parameter of pure B at T (Å), NaN while planned
 */
public record MixingSample(int index, HeteronuclearParameters parameters, double requestedX, double temperature, long seed,
        double screening, MixingResult result, double pureLatticeA, double pureLatticeB) {

    /** @return the Vegard lattice parameter (1 - x) a_A(T) + x a_B(T) at the simulated x (Å) */
    public double vegardLatticeParameter() {
        double x = result.x();
        return (1 - x) * pureLatticeA + x * pureLatticeB;
    }
}
