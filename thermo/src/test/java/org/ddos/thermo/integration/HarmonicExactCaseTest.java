package org.ddos.thermo.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

import org.ddos.descriptors.potential.HarmonicPotential;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact case: a quadratic potential U = E_0 + u.H.u / 2 (H the Hessian of second-moment Cu,
 * fcc 2x2x2, 32 atoms). Its free energy is known in closed form, so the three routes must agree:
 * the Hessian formula F_H = E_0/N + 3 k_B T &lt;ln(hbar omega / k_B T)&gt;, D-DOS from a sampled
 * campaign, and thermodynamic integration (Frenkel–Ladd + reversible scaling) within its error bar.
 * The convention matters at the level tested: normalising the vibrational free energy by N instead
 * of N - 1 would move F by 13 meV/atom at 1000 K here.
 */
class HarmonicExactCaseTest {
    static Structure fcc;
    static HarmonicPotential harmonic;
    static HarmonicFreeEnergy exact;

    @BeforeAll
    static void setUp() {
        SmaLinearPotential cu = new SmaLinearPotential("Cu", SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));
        fcc = Lattices.fcc("Cu", 3.615, 2, 2, 2);
        harmonic = HarmonicPotential.of(cu, fcc);
        exact = HarmonicFreeEnergy.of(harmonic, fcc);
    }

    /** The Hessian formula against the closed form written out from the eigenvalues. */
    @Test
    void hessianFormulaIsThreeKtTimesTheMeanLogFrequency() {
        double[] w = exact.frequencies();
        assertEquals(3 * fcc.atomCount() - 3, w.length);
        double t = 700;
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
        double sum = 0;
        for (double omega : w) {
            sum += Math.log(PhysicalConstants.HBAR_EV_PS * omega / kt);
        }
        double expected = harmonic.referenceEnergy() / 32 + 3 * kt * sum / w.length;
        assertEquals(expected, exact.freeEnergy(t), 1e-13);
    }

    /** D-DOS through our sampler and archive, theta = 1, plus beta0 = E_0/N: within 0.05 meV/atom. */
    @Test
    void ddosAgreesWithTheHessianFormula() throws Exception {
        double[] iso = new double[12];
        for (int g = 0; g < iso.length; g++) {
            iso[g] = 0.06 + g * 0.1;
        }
        CampaignSettings settings = new CampaignSettings(iso, new double[] {0}, 200, 50, 20, IsosurfaceFlavor.HESSIAN, 5,
                CampaignSettings.DEFAULT_ENERGY_SCALE);
        PhaseArchive archive = new CampaignRunner("harmonic", fcc, harmonic, harmonic, settings).threads(2).run();
        PhaseFreeEnergy phase = new PhaseFreeEnergy(archive.entropy(0));
        double beta0 = harmonic.referenceEnergy() / fcc.atomCount();
        for (double t = 100; t <= 1000; t += 100) {
            FreeEnergyResult r = phase.evaluate(new double[] {1.0}, t);
            assertFalse(r.unsolved(), "solved at " + t + " K");
            assertEquals(exact.freeEnergy(t), r.freeEnergy() + beta0, 5e-5, "D-DOS vs Hessian at " + t + " K");
        }
    }

    /**
     * A coarse TI run (4 repeats of 4 ps switches, about a second): Frenkel–Ladd at 1000 K and
     * reversible scaling down to 300 K agree with the exact free energy within 4 standard errors,
     * and the error bars are small enough (below 1 meV/atom) to rule out the wrong conventions.
     */
    @Test
    void thermodynamicIntegrationAgreesWithinItsErrorBar() throws Exception {
        SwitchingSettings s = new SwitchingSettings(0.002, 20.0, 300, 2000, 500, 4, 11);
        double[] temps = {300, 600, 1000};
        IntegrationResult r = new ThermodynamicIntegration(fcc, harmonic, s).threads(2).run(temps);
        assertEquals(1000, r.referenceTemperature());
        for (int t = 0; t < temps.length; t++) {
            double err = r.standardError()[t];
            assertTrue(err > 0 && err < 1e-3, "standard error at " + temps[t] + " K: " + err);
            assertEquals(exact.freeEnergy(temps[t]), r.freeEnergy()[t], 4 * err, "TI vs Hessian at " + temps[t] + " K");
        }
        // the Einstein frequency from the MSD of a harmonic crystal: 1/omega_E^2 = <1/omega_l^2>
        double inv = 0;
        for (double w : exact.frequencies()) {
            inv += 1 / (w * w);
        }
        double omegaMsd = 1 / Math.sqrt(inv / exact.frequencies().length);
        assertEquals(omegaMsd, r.einsteinFrequency(), 0.1 * omegaMsd, "omega_E from the MSD");
    }

    /**
     * The documented benchmark of the exact case (docs/accuracy.md): the same three temperatures with
     * 200 repeats of 40 ps switches (17 million MD steps, a few minutes on two cores), so that the
     * TI error bar falls to a few hundredths of a meV/atom; TI must then agree with the Hessian formula
     * (and hence D-DOS) within 0.05 meV/atom. Run with
     * {@code mvn -pl thermo -am test -Dtest='HarmonicExactCaseTest#benchmark' -Dddos.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ddos.benchmark"), "benchmark skipped (enable with -Dddos.benchmark=true)");
        int repeats = Integer.getInteger("ddos.benchmark.repeats", 200);
        SwitchingSettings s = new SwitchingSettings(0.002, 20.0, 2000, 20000, 2000, repeats, 2024);
        double[] temps = {300, 600, 1000};
        IntegrationResult r = new ThermodynamicIntegration(fcc, harmonic, s).threads(2).run(temps);
        System.out.printf(Locale.ROOT, "harmonic exact case, N = %d, %d repeats, %d MD steps in %.1f s%n", fcc.atomCount(), repeats,
                r.steps(), r.seconds());
        for (int t = 0; t < temps.length; t++) {
            System.out.printf(Locale.ROOT, "T = %6.1f K  TI %.7f +- %.4f meV  Hessian %.7f  TI - Hessian %+.4f meV/atom%n", temps[t],
                    r.freeEnergy()[t], 1000 * r.standardError()[t], exact.freeEnergy(temps[t]),
                    1000 * (r.freeEnergy()[t] - exact.freeEnergy(temps[t])));
        }
        for (int t = 0; t < temps.length; t++) {
            assertEquals(exact.freeEnergy(temps[t]), r.freeEnergy()[t], 5e-5, "TI vs Hessian at " + temps[t] + " K");
        }
    }
}
