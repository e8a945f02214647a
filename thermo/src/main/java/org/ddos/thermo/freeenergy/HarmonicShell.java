package org.ddos.thermo.freeenergy;

import org.ddos.descriptors.units.PhysicalConstants;

/**
 * The known entropy of the isosurface shells of the harmonic reference, and the harmonic free
 * energy itself, in the DescriptorDOS convention (Swinburne, Lapointe &amp; Marinica,
 * arXiv:2502.18191, Methods; {@code DDOSAnalyzer.S_alpha}).
 *
 * <p>Per atom and in units of k_B T, the shell term entering F(alpha) is
 * <pre>  -S_shell(alpha, T) = 3/2 [ ln(3 hbar^2 / (m k_B T)) + L - 1 - alpha ]</pre>
 * with hbar^2/m in eV Å^2 (hbar in eV ps, m in amu converted by eV/(amu Å^2) in ps^-2) and L the
 * campaign's log-mean eigenvalue constant ({@code log_det}).
 */
public final class HarmonicShell {
    private HarmonicShell() {
    }

    /**
     * Refuses campaigns whose isosurface density is not the uniform-on-shell measure of the harmonic
     * reference, for which this shell entropy would be silently wrong.
     *
     * <p>The Hessian and Einstein flavours (and DescriptorDOS pickles without a flavour) sample
     * configurations uniformly on u.H.u / 2 = N h (resp. the hyper-sphere with the same log_det), whose
     * shell volume is the formula above. A "kinetic" campaign samples the microcanonical measure of the
     * reference Hamiltonian at total energy E_0 + N e (configurations inside V &lt; E with weight
     * (E - V)^(d/2 - 1), kinetic energy as an extra descriptor); its shell entropy is ln Omega(E) of the
     * anharmonic reference ({@link KineticShell}, which {@link PhaseFreeEnergy} uses when the campaign
     * carries its microcanonical temperatures).
     *
     * @param campaign the campaign whose flavour is checked
     * @param route the calling estimator, for the message
     * @throws IllegalArgumentException naming the campaign and flavour when it is kinetic
     */
    public static void requireHarmonicShell(org.ddos.scorematching.campaign.PhaseCampaign campaign, String route) {
        if (isKinetic(campaign)) {
            throw new IllegalArgumentException("phase '" + campaign.name() + "': a kinetic (constant-energy MD) campaign"
                    + " samples the microcanonical measure, not the uniform isosurface measure; its shell entropy is not"
                    + " the harmonic one, and " + route + " does not implement the kinetic shell"
                    + (campaign.hasMicrocanonicalBeta() ? " (use PhaseFreeEnergy)"
                            : " (nor can any route here: the campaign carries no microcanonical temperatures, e.g. a"
                            + " DescriptorDOS kinetic pickle; DescriptorDOS fits that shell to reference free energies)")
                    + "; see docs/formats.md, kinetic flavour");
        }
    }

    /**
     * @param campaign the campaign whose flavour is read
     * @return true when the campaign's flavour is "kinetic" (any case)
     */
    public static boolean isKinetic(org.ddos.scorematching.campaign.PhaseCampaign campaign) {
        return campaign.flavor() != null && campaign.flavor().equalsIgnoreCase("kinetic");
    }

    /**
     * @param massAmu atomic mass m in amu
     * @return hbar^2 / m in eV Å^2 for a mass in amu
     */
    public static double hbarSquaredOverMass(double massAmu) {
        double hbar = PhysicalConstants.HBAR_EV_PS;
        return hbar * hbar / massAmu * PhysicalConstants.EV_PER_AMU_ANGSTROM2_IN_PS2;
    }

    /**
     * @param temperature T in K
     * @param massAmu atomic mass m in amu
     * @param logMeanEigenvalue the campaign's log-mean eigenvalue constant L ({@code log_det})
     * @return the alpha-independent part c0(T) of -S_shell: 3/2 [ln(3 hbar^2 /(m k_B T)) + L - 1];
     *     the full term is c0 - 3/2 alpha
     */
    public static double shellConstant(double temperature, double massAmu, double logMeanEigenvalue) {
        double beta = 1.0 / (PhysicalConstants.BOLTZMANN_EV_PER_K * temperature);
        return 1.5 * (Math.log(3.0 * beta * hbarSquaredOverMass(massAmu)) + logMeanEigenvalue - 1.0);
    }

    /**
     * Classical harmonic free energy per atom, F_H = (k_B T / N) sum_l ln(hbar omega_l / k_B T).
     *
     * @param angularFrequencies omega_l of the stable normal modes in rad/ps (zero modes removed)
     * @param atomCount N
     * @param temperature T in K (&gt; 0)
     * @return F_H in eV/atom
     * @throws IllegalArgumentException when the temperature is not positive
     */
    public static double harmonicFreeEnergy(double[] angularFrequencies, int atomCount, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature + " K");
        }
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        double sum = 0;
        for (double w : angularFrequencies) {
            if (!(w > 0)) {
                throw new IllegalArgumentException("normal-mode frequencies must be positive, got " + w);
            }
            sum += Math.log(PhysicalConstants.HBAR_EV_PS * w / kt);
        }
        return kt * sum / atomCount;
    }
}
