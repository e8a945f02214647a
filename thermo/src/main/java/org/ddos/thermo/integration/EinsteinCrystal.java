package org.ddos.thermo.integration;

import org.ddos.descriptors.dynamics.ForceField;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * The Einstein crystal of Frenkel–Ladd thermodynamic integration: independent harmonic springs
 * tying every atom to its lattice site,
 * <pre>  U_E = sum_i k_i |x_i - x0_i|^2 / 2,   k_i = m_i omega_E^2</pre>
 * with one Einstein frequency omega_E for all atoms (springs proportional to the masses, so that
 * the crystal with its centre of mass fixed still has 3N - 3 modes all at omega_E, also for several
 * species). Units: omega_E in rad/ps, k_i in eV/Å^2 (k_i = m_i omega_E^2 / c with c =
 * {@link PhysicalConstants#EV_PER_AMU_ANGSTROM2_IN_PS2}).
 *
 * <p>Reference: D. Frenkel and A.J.C. Ladd, J. Chem. Phys. 81, 3188 (1984); R. Freitas, M. Asta
 * and M. de Koning, Comput. Mater. Sci. 112, 333 (2016).
 *
 * <p>Immutable and thread-safe as a {@link ForceField} (no scratch).
 */
public final class EinsteinCrystal implements ForceField {
    private final double[] sites;
    private final double[] spring;
    private final double frequency;

    /**
     * @param lattice the sites x0 (its positions) and masses
     * @param omega omega_E in rad/ps, positive
     * @throws IllegalArgumentException on a non-positive or non-finite frequency
     */
    public EinsteinCrystal(Structure lattice, double omega) {
        if (!(omega > 0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("Einstein frequency must be positive and finite (rad/ps), got " + omega);
        }
        this.sites = lattice.positions();
        this.spring = new double[lattice.atomCount()];
        for (int i = 0; i < spring.length; i++) {
            spring[i] = lattice.massOf(i) * omega * omega / PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2;
        }
        this.frequency = omega;
    }

    /** @return omega_E in rad/ps */
    public double frequency() {
        return frequency;
    }

    /**
     * @param i atom index
     * @return the spring constant k_i of atom i in eV/Å^2
     */
    public double springConstant(int i) {
        return spring[i];
    }

    @Override
    public double compute(double[] positions, double[] forces) {
        double e = 0;
        for (int i = 0; i < spring.length; i++) {
            double k = spring[i];
            int a = 3 * i;
            double ux = positions[a] - sites[a];
            double uy = positions[a + 1] - sites[a + 1];
            double uz = positions[a + 2] - sites[a + 2];
            forces[a] = -k * ux;
            forces[a + 1] = -k * uy;
            forces[a + 2] = -k * uz;
            e += 0.5 * k * (ux * ux + uy * uy + uz * uz);
        }
        return e;
    }

    /**
     * Classical Helmholtz free energy of {@code modes} harmonic modes at omega_E (positions and
     * momenta, phase-space measure h = 2 pi hbar): modes k_B T ln(hbar omega_E / k_B T).
     *
     * @param omega rad/ps
     * @param temperature K
     * @param modes 3N - 3 for the crystal with its centre of mass fixed
     * @return eV (total, not per atom)
     */
    public static double freeEnergy(double omega, double temperature, int modes) {
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        return modes * kt * Math.log(PhysicalConstants.HBAR_EV_PS * omega / kt);
    }

    /**
     * The Einstein frequency whose constrained crystal has the given mean-squared displacement:
     * omega_E^2 = (3N - 3) k_B T / sum_i m_i &lt;|u_i|^2&gt; (equality holds for the Einstein crystal itself).
     *
     * @param massWeightedMsd sum_i m_i &lt;|u_i|^2&gt; in amu Å^2
     * @param temperature K
     * @param modes 3N - 3
     * @return omega_E in rad/ps
     */
    public static double frequencyFromMsd(double massWeightedMsd, double temperature, int modes) {
        if (!(massWeightedMsd > 0)) {
            throw new IllegalArgumentException("mean-squared displacement must be positive, got " + massWeightedMsd);
        }
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        return Math.sqrt(modes * kt * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2 / massWeightedMsd);
    }
}
