package org.ddos.thermo.integration;

/**
 * The result of a thermodynamic-integration run (see {@link ThermodynamicIntegration} for the
 * free-energy convention). Energies in eV, per atom where stated; index t runs over
 * {@link #temperatures()}, r over the repeats.
 *
 * @param atomCount N
 * @param latticeEnergy E_0, the potential energy of the perfect lattice (eV, total)
 * @param referenceTemperature T_0 of the Frenkel–Ladd switch (K); NaN when every temperature had its own
 * @param einsteinFrequency omega_E of the Einstein crystal (rad/ps), from the MSD at T_0; NaN when the
 *     reference was the harmonic crystal
 * @param rmsDisplacement sqrt(&lt;|u_i|^2&gt;) at T_0 (the highest temperature when every temperature had its
 *     own switch) (Å), mass-weighted mean over atoms; harmonic estimate with the harmonic reference
 * @param settings the switching settings
 * @param temperatures ascending temperatures (K), length T
 * @param freeEnergy mean over repeats of F(T) in eV/atom (D-DOS convention: E_0/N + A/(N-1))
 * @param standardError standard error of the mean over repeats (eV/atom; NaN with one repeat)
 * @param repeatFreeEnergy F per repeat and temperature, [r][t] (eV/atom)
 * @param frenkelLaddDissipation per repeat, (W_forward + W_backward) / 2 of the Frenkel–Ladd (or harmonic-reference)
 *     switch per N - 1 (eV/atom; positive, small for a quasi-static switch)
 * @param scalingDissipation per repeat, the same for the reversible-scaling switch over the whole
 *     range (eV/atom; 0 when only T_0 was asked)
 * @param steps MD steps done over all repeats (and the MSD run)
 * @param seconds wall time (s)
 */
public record IntegrationResult(int atomCount, double latticeEnergy, double referenceTemperature, double einsteinFrequency,
        double rmsDisplacement, SwitchingSettings settings, double[] temperatures, double[] freeEnergy,
        double[] standardError, double[][] repeatFreeEnergy, double[] frenkelLaddDissipation,
        double[] scalingDissipation, long steps, double seconds) {

    /** @return E_0 / N (eV/atom) */
    public double latticeEnergyPerAtom() {
        return latticeEnergy / atomCount;
    }

    /**
     * @param t temperature index
     * @return F(T_t) - E_0 / N (eV/atom)
     */
    public double vibrationalFreeEnergy(int t) {
        return freeEnergy[t] - latticeEnergyPerAtom();
    }

    /**
     * @param temperature T in K
     * @return the index of temperature T (exact match), or -1
     */
    public int indexOf(double temperature) {
        for (int t = 0; t < temperatures.length; t++) {
            if (temperatures[t] == temperature) {
                return t;
            }
        }
        return -1;
    }
}
