package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.ScoreMatcher;
import org.junit.jupiter.api.Test;

/**
 * The exact harmonic limit: a campaign whose one descriptor is the harmonic energy per atom itself
 * (D = h on isosurface h, no spread beyond a negligible width), predicted with theta = 1, must give
 * the classical harmonic free energy F_H = (3/2) k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;] of
 * the reference whose mean log eigenvalue is &lt;ln k&gt; = L + alpha_shift + ln(2 U_0) in the
 * DescriptorDOS convention (alpha = ln(h/U_0) - alpha_shift).
 */
class HarmonicLimitTest {
    static final double U0 = 1.5 * PhysicalConstants.BOLTZMANN_EV_PER_K * 1000;

    static PhaseCampaign harmonicCampaign(double logMean, double shift, double mass, int atoms) {
        List<IsosurfaceStatistics> iso = new ArrayList<>();
        for (int g = 1; g <= 30; g++) {
            double value = 0.1 * g; // h / U_0 from 0.1 (100 K) to 3.0 (3000 K)
            double h = value * U0;
            double width = 1e-7 * h;
            int bins = 21;
            double[] edges = new double[bins + 1];
            long[] counts = new long[bins];
            for (int b = 0; b <= bins; b++) {
                edges[b] = (b - bins / 2.0) * 6 * width / bins;
            }
            for (int b = 0; b < bins; b++) {
                double x = 0.5 * (edges[b] + edges[b + 1]) / width;
                counts[b] = Math.round(1e6 * Math.exp(-x * x / 2));
            }
            iso.add(new IsosurfaceStatistics(value, new double[] {h}, new double[] {width * width}, new double[][] {{1}},
                    new double[][] {edges}, new long[][] {counts}));
        }
        return new PhaseCampaign("harmonic", "hessian", atoms, mass, 100.0, new double[][] {{5, 0, 0}, {0, 5, 0}, {0, 0, 5}},
                new double[0], new double[] {0}, U0, logMean, shift, iso);
    }

    @Test
    void reproducesTheClassicalHarmonicFreeEnergy() {
        double logMean = -0.1134;
        double shift = 3.8232;
        double mass = 55.85;
        PhaseFreeEnergy phase = new PhaseFreeEnergy(ScoreMatcher.fit(harmonicCampaign(logMean, shift, mass, 128)));
        double lnK = logMean + shift + Math.log(2 * U0);
        for (double t = 200; t <= 2800; t += 200) {
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double exact = 1.5 * kt * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK);
            FreeEnergyResult r = phase.evaluate(new double[] {1.0}, t);
            assertFalse(r.unsolved(), "solved at " + t);
            assertEquals(exact, r.freeEnergy(), 1e-6, "F at " + t + " K (eV/atom)");
            // equipartition: alpha* = ln(1.5 k_B T / U_0) - shift, and S = -dF/dT
            assertEquals(Math.log(1.5 * kt / U0) - shift, r.alphaStar(), 2e-3, "alpha* at " + t);
            double entropyExact = -1.5 * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK) + 3.0;
            assertEquals(entropyExact, r.entropy(), 2e-3, "S/k_B at " + t);
        }
    }

    /** The harmonic free energy from explicit frequencies: F_H = (k_B T/N) sum ln(hbar omega / k_B T). */
    @Test
    void harmonicFreeEnergyFromFrequencies() {
        double t = 300;
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
        double omega = 40; // rad/ps
        double f = HarmonicShell.harmonicFreeEnergy(new double[] {omega, omega, omega}, 1, t);
        assertEquals(3 * kt * Math.log(PhysicalConstants.HBAR_EV_PS * omega / kt), f, 1e-15);
        // hbar = 6.582119569e-4 eV ps (CODATA)
        assertEquals(6.582119569e-4, PhysicalConstants.HBAR_EV_PS, 1e-12);
    }
}
