package org.ddos.descriptors.units;

/**
 * The unit convention of the whole library, stated once: energy eV, length Å, temperature K,
 * mass amu, time ps. Free energies are reported per atom.
 *
 * <p>Values are CODATA 2018 (exact SI definitions where they exist), the same the DescriptorDOS
 * reference implementation takes from {@code scipy.constants}, so numbers compare one to one.
 */
public final class PhysicalConstants {
    /** Boltzmann constant k_B in eV/K (CODATA 2018, exact). */
    public static final double BOLTZMANN_EV_PER_K = 8.617333262e-5;
    /** Elementary charge in C (exact): 1 eV = this many J. */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    /** Reduced Planck constant in J s (exact). */
    public static final double HBAR_J_S = 1.054571817e-34;
    /** Reduced Planck constant in eV ps. */
    public static final double HBAR_EV_PS = HBAR_J_S / ELEMENTARY_CHARGE_C * 1e12;
    /** Avogadro constant in 1/mol (exact): 1 J/mol = 1 / (AVOGADRO e) eV per atom (CALPHAD data). */
    public static final double AVOGADRO_PER_MOL = 6.02214076e23;
    /** Atomic mass unit in kg (CODATA 2018). */
    public static final double ATOMIC_MASS_KG = 1.66053906660e-27;
    /**
     * 1 eV / (amu Å^2) expressed in ps^-2: multiply a force constant in eV/Å^2 divided by a mass in
     * amu by this to get an angular frequency squared in rad^2/ps^2.
     */
    public static final double EV_PER_AMU_ANGSTROM2_IN_PS2 =
            ELEMENTARY_CHARGE_C / (ATOMIC_MASS_KG * 1e-20 / 1e-24);

    private PhysicalConstants() {
    }
}
