package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ddos.scorematching.campaign.PhaseCampaign;
import org.junit.jupiter.api.Test;

/**
 * {@link KineticShell#anharmonicCorrection}: Delta(e) = integral_0^e [beta_mu(N e') - (d - 1)/(N e')] de'.
 * When the anharmonic part b(e) of the measured inverse temperatures is exactly a quadratic in e, the
 * least-squares fit of degree 2 reproduces it and Delta is its integral in closed form.
 */
class KineticShellCorrectionTest {
    static PhaseCampaign kinetic(PhaseCampaign h, double[] beta) {
        return new PhaseCampaign(h.name(), "kinetic", h.atomCount(), h.mass(), h.volume(), h.cell(), h.latticePositions(),
                h.latticeDescriptor(), h.energyScale(), h.logMeanEigenvalue(), h.alphaShift(), h.isosurfaces(), beta);
    }

    @Test
    void quadraticAnharmonicInverseTemperatureIsIntegratedExactly() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 64);
        int n = h.atomCount();
        int d = 3 * n - 3;
        // b(e) = b0 + b1 e + b2 e^2 in 1/eV (e in eV/atom): A15-like, negative at low e and positive above
        double b0 = -0.4;
        double b1 = 2.0;
        double b2 = -0.5;
        int g = h.isosurfaces().size();
        double[] beta = new double[g];
        double[] e = new double[g];
        for (int i = 0; i < g; i++) {
            e[i] = h.isosurfaces().get(i).isosurface() * h.energyScale();
            beta[i] = (d - 1) / (n * e[i]) + b0 + b1 * e[i] + b2 * e[i] * e[i];
        }
        double[] delta = KineticShell.anharmonicCorrection(kinetic(h, beta));
        for (int i = 0; i < g; i++) {
            double exact = b0 * e[i] + b1 * e[i] * e[i] / 2 + b2 * e[i] * e[i] * e[i] / 3;
            assertEquals(exact, delta[i], 1e-12, "Delta at e = " + e[i] + " eV/atom");
        }
        // a harmonic reference (b = 0) has no correction
        for (int i = 0; i < g; i++) {
            beta[i] = (d - 1) / (n * e[i]);
        }
        for (double x : KineticShell.anharmonicCorrection(kinetic(h, beta))) {
            assertEquals(0, x, 1e-13);
        }
    }

    @Test
    void campaignsWithoutMicrocanonicalTemperaturesAreRefused() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 64);
        assertThrows(IllegalArgumentException.class, () -> KineticShell.anharmonicCorrection(h));
    }
}
