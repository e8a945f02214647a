package org.ddos.thermo.integration;

import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.thermo.freeenergy.HarmonicShell;

/**
 * The classical harmonic free energy of a crystal from its Hessian, the third reference beside TI
 * and D-DOS (exact for a quadratic potential, the low-temperature limit of any other), in the
 * convention of {@link ThermodynamicIntegration} and of the D-DOS harmonic shell:
 * <pre>  F_H(T) = E_0 / N + 3 k_B T / (3N - 3) sum_l ln(hbar omega_l / k_B T)</pre>
 * over the 3N - 3 stable normal modes (the three translations removed), omega_l in rad/ps of the
 * mass-weighted Hessian ({@link NormalModes}).
 *
 * <p>Immutable.
 */
public final class HarmonicFreeEnergy {
    private final double latticeEnergy;
    private final int atomCount;
    private final double[] frequencies;

    private HarmonicFreeEnergy(double latticeEnergy, int atomCount, double[] frequencies) {
        this.latticeEnergy = latticeEnergy;
        this.atomCount = atomCount;
        this.frequencies = frequencies;
    }

    /**
     * Hessian by finite differences of the forces ({@link HessianCalculator#hessian(Potential, Structure)}).
     *
     * @param potential the potential
     * @param lattice the perfect lattice (a minimum of the potential)
     * @return the harmonic free energy of the lattice
     * @throws IllegalStateException when the lattice is not a stable minimum (a non-translational
     *     mode with a non-positive eigenvalue)
     */
    public static HarmonicFreeEnergy of(Potential potential, Structure lattice) {
        return of(NormalModes.of(potential, lattice), potential.energy(lattice), lattice.atomCount());
    }

    /**
     * @param modes normal modes of the lattice
     * @param latticeEnergy E_0 in eV (total)
     * @param atomCount N
     * @return the harmonic free energy of the lattice
     * @throws IllegalStateException when a non-translational mode is not positive
     */
    public static HarmonicFreeEnergy of(NormalModes modes, double latticeEnergy, int atomCount) {
        modes.logMeanEigenvalue(); // throws, naming the mode, when the lattice is not a minimum
        double[] w = modes.frequencies();
        int[] stable = modes.stableModes();
        double[] f = new double[stable.length];
        for (int l = 0; l < stable.length; l++) {
            f[l] = w[stable[l]];
        }
        return new HarmonicFreeEnergy(latticeEnergy, atomCount, f);
    }

    /**
     * @param temperature T in K
     * @return F_H(T) in eV/atom, including E_0 / N
     */
    public double freeEnergy(double temperature) {
        return latticeEnergy / atomCount + vibrationalFreeEnergy(temperature);
    }

    /**
     * @param temperature T in K
     * @return F_H(T) - E_0 / N in eV/atom
     */
    public double vibrationalFreeEnergy(double temperature) {
        // (k_B T / (N - 1)) sum over 3N - 3 modes = 3 k_B T <ln(hbar omega / k_B T)>
        return HarmonicShell.harmonicFreeEnergy(frequencies, atomCount - 1, temperature) * 3 * (atomCount - 1)
                / frequencies.length;
    }

    /** @return E_0 in eV */
    public double latticeEnergy() {
        return latticeEnergy;
    }

    /** @return the stable angular frequencies in rad/ps (copy), 3N - 3 of them */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /** @return &lt;ln omega&gt; over the stable modes, omega in rad/ps */
    public double logMeanFrequency() {
        double s = 0;
        for (double w : frequencies) {
            s += Math.log(w);
        }
        return s / frequencies.length;
    }
}
