package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.ScoreMatcher;
import org.junit.jupiter.api.Test;

/**
 * The uncertainty of a kinetic free energy includes the noise of the microcanonical inverse
 * temperatures: with one non-zero standard error sigma_j, the added part of the one-sigma
 * uncertainty (in quadrature with the score band) is |dF/dbeta_j| sigma_j, dF/dbeta_j measured by
 * central finite differences of F over campaigns whose beta_j is moved by +- eps.
 */
class KineticBetaErrorTest {
    /** Synthetic kinetic campaign: the harmonic one-descriptor campaign (D = kappa) with b(e) = -0.2 + 0.4 e in 1/eV. */
    static PhaseCampaign campaign(double[] betaError, int shifted, double eps) {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 183.84, 64);
        double[] beta = KineticShellCorrectionTest.microcanonicalBeta(h, e -> -0.2 + 0.4 * e);
        if (shifted >= 0) {
            beta[shifted] += eps;
        }
        return KineticShellCorrectionTest.kinetic(h, beta, betaError);
    }

    static double freeEnergy(PhaseCampaign c, double t) {
        PhaseFreeEnergy phase = new PhaseFreeEnergy(ScoreMatcher.fit(c));
        return phase.evaluate(new double[0], t).freeEnergy();
    }

    @Test
    void betaNoiseOfOneIsosurfacePropagatesLikeTheFiniteDifference() {
        int g = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 183.84, 64).isosurfaces().size();
        double eps = 1e-3; // 1/eV, against beta_mu of 6-60 /eV
        double sigmaJ = 0.05; // 1/eV
        double t = 800; // e* = 3 k_B T = 0.21 eV/atom, isosurface 1.6 of 30
        PhaseFreeEnergy noErrors = new PhaseFreeEnergy(ScoreMatcher.fit(campaign(new double[0], -1, 0)));
        FreeEnergyResult base = noErrors.evaluate(new double[0], t);
        assertFalse(base.unsolved());
        int checked = 0;
        for (int j : new int[] {0, 5, 14, 15, 16, 29}) {
            double[] errors = new double[g];
            errors[j] = sigmaJ;
            FreeEnergyResult r = new PhaseFreeEnergy(ScoreMatcher.fit(campaign(errors, -1, 0))).evaluate(new double[0], t);
            assertEquals(base.freeEnergy(), r.freeEnergy(), 0.0, "errors do not move F");
            double added = Math.sqrt(r.uncertainty() * r.uncertainty() - base.uncertainty() * base.uncertainty());
            double derivative = (freeEnergy(campaign(new double[0], j, eps), t) - freeEnergy(campaign(new double[0], j, -eps), t))
                    / (2 * eps);
            double expected = Math.abs(derivative) * sigmaJ;
            assertEquals(expected, added, 1e-4 * expected + 1e-12, "sigma_F from beta_mu of isosurface " + j + " (eV/atom)");
            if (expected > 1e-6) {
                checked++;
            }
        }
        // the low isosurfaces enter every Delta above them, so they move F at 800 K; isosurface 29 (about 3000 K) does not
        assertTrue(checked >= 4, "non-trivial sensitivities checked: " + checked);
        // scale: the first isosurface's b covers [0, (e_1 + e_2)/2] = 0.0194 eV/atom of every Delta_g above it,
        // and the polynomial weights sum to 1, so sigma_F is about k_B T x 0.0194 x 0.05 = 6.7e-5 eV/atom (up to
        // the weight of isosurface 1 itself, whose Delta_1 has W = e_1 only: 5%)
        double[] errors = new double[g];
        errors[0] = sigmaJ;
        FreeEnergyResult r = new PhaseFreeEnergy(ScoreMatcher.fit(campaign(errors, -1, 0))).evaluate(new double[0], t);
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
        double e1 = 0.1 * HarmonicLimitTest.U0;
        double e2 = 0.2 * HarmonicLimitTest.U0;
        assertEquals(kt * 0.5 * (e1 + e2) * sigmaJ, Math.sqrt(r.uncertainty() * r.uncertainty()
                - base.uncertainty() * base.uncertainty()), 0.05 * kt * 0.5 * (e1 + e2) * sigmaJ);
    }
}
