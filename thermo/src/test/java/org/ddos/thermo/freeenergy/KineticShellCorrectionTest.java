package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.junit.jupiter.api.Test;

/**
 * {@link KineticShell#anharmonicCorrection}: Delta(e) = integral_0^e b(e') de' with
 * b(e) = beta_mu(N e) - (d - 1)/(N e), integrated piecewise linearly through the measured b_g and
 * held at b_1 below the lowest isosurface; and its linear sensitivity
 * {@link KineticShell#correctionSensitivity}.
 */
class KineticShellCorrectionTest {
    static PhaseCampaign kinetic(PhaseCampaign h, double[] beta) {
        return kinetic(h, beta, new double[0]);
    }

    static PhaseCampaign kinetic(PhaseCampaign h, double[] beta, double[] betaError) {
        return new PhaseCampaign(h.name(), "kinetic", h.atomCount(), h.mass(), h.volume(), h.cell(), h.latticePositions(),
                h.latticeDescriptor(), h.energyScale(), h.logMeanEigenvalue(), h.alphaShift(), h.isosurfaces(), beta,
                betaError);
    }

    /**
     * @param h a harmonic campaign (its isosurfaces and U_0 give e_g = isosurface x U_0, eV/atom)
     * @param b the anharmonic part b(e) in 1/eV
     * @return beta_mu(e_g) = (d - 1)/(N e_g) + b(e_g) per isosurface (1/eV), d = 3N - 3
     */
    static double[] microcanonicalBeta(PhaseCampaign h, DoubleUnaryOperator b) {
        int n = h.atomCount();
        int d = 3 * n - 3;
        double[] beta = new double[h.isosurfaces().size()];
        for (int i = 0; i < beta.length; i++) {
            double e = h.isosurfaces().get(i).isosurface() * h.energyScale();
            beta[i] = (d - 1) / (n * e) + b.applyAsDouble(e);
        }
        return beta;
    }

    /** A15-like b(e) in 1/eV: constant up to e_c, then linear up to e_k, then another slope (kinks at e_c, e_k). */
    static double piecewiseB(double e, double eC, double eK) {
        double b1 = -0.2;
        if (e <= eC) {
            return b1;
        }
        if (e <= eK) {
            return b1 + 1.5 * (e - eC);
        }
        return b1 + 1.5 * (eK - eC) + 0.2 * (e - eK);
    }

    /** Exact integral of {@link #piecewiseB} from 0 to e. */
    static double piecewiseIntegral(double e, double eC, double eK) {
        double b1 = -0.2;
        if (e <= eC) {
            return b1 * e;
        }
        if (e <= eK) {
            return b1 * e + 0.75 * (e - eC) * (e - eC);
        }
        return b1 * e + 0.75 * (eK - eC) * (eK - eC) + 1.5 * (eK - eC) * (e - eK) + 0.1 * (e - eK) * (e - eK);
    }

    @Test
    void piecewiseLinearAnharmonicInverseTemperatureIsIntegratedExactly() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 64);
        int g = h.isosurfaces().size();
        double[] e = new double[g];
        for (int i = 0; i < g; i++) {
            e[i] = h.isosurfaces().get(i).isosurface() * h.energyScale();
        }
        // kinks on isosurfaces (the trapezoid rule is exact there): constant below the first, changes of slope at e_4, e_11
        double eC = e[4];
        double eK = e[11];
        double[] delta = KineticShell.anharmonicCorrection(kinetic(h, microcanonicalBeta(h, x -> piecewiseB(x, eC, eK))));
        for (int i = 0; i < g; i++) {
            assertEquals(piecewiseIntegral(e[i], eC, eK), delta[i], 1e-13, "Delta at e = " + e[i] + " eV/atom");
        }
        // a harmonic reference (b = 0) has no correction
        for (double x : KineticShell.anharmonicCorrection(kinetic(h, microcanonicalBeta(h, x -> 0)))) {
            assertEquals(0, x, 1e-13);
        }
    }

    @Test
    void sensitivityMatchesFiniteDifferences() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 64);
        int g = h.isosurfaces().size();
        double[] beta = microcanonicalBeta(h, e -> 0.3 * Math.sin(7 * e) - 0.1); // curved, changes sign
        double[][] w = KineticShell.correctionSensitivity(kinetic(h, beta));
        assertEquals(g, w.length);
        double eps = 1e-3; // 1/eV; Delta is linear in beta, so the central difference is exact up to rounding
        for (int j = 0; j < g; j++) {
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[j] += eps;
            down[j] -= eps;
            double[] dUp = KineticShell.anharmonicCorrection(kinetic(h, up));
            double[] dDown = KineticShell.anharmonicCorrection(kinetic(h, down));
            for (int i = 0; i < g; i++) {
                assertEquals((dUp[i] - dDown[i]) / (2 * eps), w[i][j], 1e-10, "dDelta_" + i + "/dbeta_" + j);
            }
        }
        // the first isosurface's b covers [0, e_1] and half of [e_1, e_2]: W[G-1][0] = (e_1 + e_2)/2
        double e1 = h.isosurfaces().get(0).isosurface() * h.energyScale();
        double e2 = h.isosurfaces().get(1).isosurface() * h.energyScale();
        assertEquals(0.5 * (e1 + e2), w[g - 1][0], 1e-15);
        assertEquals(e1, w[0][0], 1e-15);
    }

    @Test
    void campaignsWithoutMicrocanonicalTemperaturesAreRefused() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 64);
        assertThrows(IllegalArgumentException.class, () -> KineticShell.anharmonicCorrection(h));
    }
}
