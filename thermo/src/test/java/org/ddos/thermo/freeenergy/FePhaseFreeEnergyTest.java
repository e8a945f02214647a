package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.thermo.FeCampaigns;
import org.junit.jupiter.api.Test;

/** Free energies of the published Fe campaign (DescriptorDOS authors) with X_Fe.snapcoeff. */
class FePhaseFreeEnergyTest {

    /** F(T) decreases (S &gt; 0) and is concave (C_V &gt; 0) over 500-2500 K in both phases: no jumps. */
    @Test
    void freeEnergyIsSmoothDecreasingAndConcave() {
        double[] theta = FeCampaigns.theta();
        for (PhaseFreeEnergy phase : new PhaseFreeEnergy[] {FeCampaigns.bcc(), FeCampaigns.fcc()}) {
            PhaseFreeEnergy.Evaluator e = phase.newEvaluator();
            e.setParameters(theta);
            double prev = Double.NaN;
            double prevPrev = Double.NaN;
            for (double t = 500; t <= 2500; t += 25) {
                double f = e.freeEnergy(t);
                assertTrue(e.entropy() > 0, "entropy positive at " + t);
                if (!Double.isNaN(prev)) {
                    assertTrue(f < prev, phase.campaign().name() + ": F must decrease at " + t + " K");
                }
                if (!Double.isNaN(prevPrev)) {
                    // second difference = d2F/dT2 h^2 = -C_V/T h^2 < 0; a jump would break it
                    double second = f - 2 * prev + prevPrev;
                    assertTrue(second < 1e-7, phase.campaign().name() + ": F not concave at " + t + " K: " + second);
                }
                prevPrev = prev;
                prev = f;
            }
        }
    }

    /**
     * The campaign's isosurfaces stop at h/U_0 = 2.0 (about 2000 K): alpha* is inside the sampled
     * range at moderate temperature and is flagged unsolved once it reaches the top isosurface.
     */
    @Test
    void unsolvedIsFlaggedExactlyWhenTheCampaignRunsOut() {
        double[] theta = FeCampaigns.theta();
        for (PhaseFreeEnergy phase : new PhaseFreeEnergy[] {FeCampaigns.bcc(), FeCampaigns.fcc()}) {
            double top = phase.alphaRange()[1];
            for (double t = 500; t <= 1300; t += 100) {
                FreeEnergyResult r = phase.evaluate(theta, t);
                assertFalse(r.unsolved(), phase.campaign().name() + " solved at " + t);
                assertTrue(r.alphaStar() < top);
            }
            FreeEnergyResult hot = phase.evaluate(theta, 2500);
            assertTrue(hot.unsolved());
            assertEquals(top, hot.alphaStar(), 1e-12);
        }
    }

    /** &lt;D&gt; - D_0 is the exact derivative of the vibrational free energy (central differences). */
    @Test
    void gradientMatchesFiniteDifferences() {
        double[] theta = FeCampaigns.theta();
        for (PhaseFreeEnergy phase : new PhaseFreeEnergy[] {FeCampaigns.bcc(), FeCampaigns.fcc()}) {
            for (double t : new double[] {800, 1200}) {
                FreeEnergyResult r = phase.evaluate(theta, t);
                double[] d0 = phase.campaign().latticeDescriptor();
                double[] dvib = new double[theta.length];
                for (int j = 0; j < theta.length; j++) {
                    dvib[j] = r.meanDescriptor()[j] - d0[j];
                }
                Integer[] order = IntStream.range(0, theta.length).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble(j -> -Math.abs(dvib[j])));
                PhaseFreeEnergy.Evaluator e = phase.newEvaluator();
                for (int n = 0; n < 5; n++) {
                    int j = order[n];
                    double h = 1e-7 * Math.max(1e-3, Math.abs(theta[j]));
                    double[] tp = theta.clone();
                    double[] tm = theta.clone();
                    tp[j] += h;
                    tm[j] -= h;
                    e.setParameters(tp);
                    e.freeEnergy(t);
                    double fp = e.vibrationalFreeEnergy();
                    e.setParameters(tm);
                    e.freeEnergy(t);
                    double fm = e.vibrationalFreeEnergy();
                    double fd = (fp - fm) / (2 * h);
                    assertEquals(fd, dvib[j], 1e-3 * Math.abs(dvib[j]), phase.campaign().name() + " component " + j + " at " + t);
                }
                // the full gradient dF/dtheta includes D_0: F(theta) = theta.D_0 + F_vib
                assertEquals(r.latticeEnergy(), phase.campaign().latticeEnergy(theta), 1e-12);
            }
        }
    }

    /** The entropy -dF/dT from the envelope theorem equals the temperature derivative of F. */
    @Test
    void entropyMatchesTemperatureDerivative() {
        double[] theta = FeCampaigns.theta();
        PhaseFreeEnergy.Evaluator e = FeCampaigns.fcc().newEvaluator();
        e.setParameters(theta);
        for (double t : new double[] {600, 1000, 1250}) {
            double h = 0.01;
            double fd = -(e.freeEnergy(t + h) - e.freeEnergy(t - h)) / (2 * h) / PhysicalConstants.BOLTZMANN_EV_PER_K;
            e.freeEnergy(t);
            assertEquals(fd, e.entropy(), 1e-3 * Math.abs(fd), "S at " + t);
        }
    }

    /** Independent estimator: the Gaussian cumulant expansion of the same histograms agrees within both stated uncertainties. */
    @Test
    void cumulantAndScoreEstimatorsAgreeWithinTheirUncertainties() {
        double[] theta = FeCampaigns.theta();
        for (PhaseFreeEnergy phase : new PhaseFreeEnergy[] {FeCampaigns.bcc(), FeCampaigns.fcc()}) {
            CumulantFreeEnergy cumulant = new CumulantFreeEnergy(phase.entropy());
            for (double t = 500; t <= 1500; t += 250) {
                FreeEnergyResult s = phase.evaluate(theta, t);
                FreeEnergyResult c = cumulant.evaluate(theta, t, false);
                double allowed = Math.hypot(s.uncertainty(), c.uncertainty());
                assertTrue(Math.abs(s.freeEnergy() - c.freeEnergy()) <= allowed,
                        phase.campaign().name() + " at " + t + " K: score " + s.freeEnergy() + " +- " + s.uncertainty()
                                + ", cumulant " + c.freeEnergy() + " +- " + c.uncertainty());
                // uncertainties are meV-scale, not vacuous
                assertTrue(allowed < 0.01, "uncertainty " + allowed);
            }
        }
    }

    @Test
    void batchEvaluationEqualsSingleEvaluations() {
        double[] theta = FeCampaigns.theta();
        double[][] thetas = new double[7][];
        for (int m = 0; m < thetas.length; m++) {
            thetas[m] = theta.clone();
            thetas[m][m] *= 1.01;
        }
        double[] temps = {700, 1100};
        FreeEnergyResult[][] batch = FeCampaigns.bcc().evaluate(thetas, temps);
        for (int m = 0; m < thetas.length; m++) {
            for (int t = 0; t < temps.length; t++) {
                FreeEnergyResult one = FeCampaigns.bcc().evaluate(thetas[m], temps[t]);
                assertEquals(one.freeEnergy(), batch[m][t].freeEnergy(), 0);
                assertEquals(one.alphaStar(), batch[m][t].alphaStar(), 0);
            }
        }
    }

    @Test
    void badInputIsAClearError() {
        PhaseFreeEnergy bcc = FeCampaigns.bcc();
        double[] theta = FeCampaigns.theta();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bcc.evaluate(new double[54], 1000));
        assertTrue(e.getMessage().contains("length 54") && e.getMessage().contains("55"), e.getMessage());
        for (double t : new double[] {0, -5, Double.NaN, Double.POSITIVE_INFINITY}) {
            e = assertThrows(IllegalArgumentException.class, () -> bcc.evaluate(theta, t));
            assertTrue(e.getMessage().contains("temperature"), e.getMessage());
        }
        double[] bad = theta.clone();
        bad[3] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> bcc.evaluate(bad, 1000));
        assertTrue(e.getMessage().contains("theta[3]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> bcc.newEvaluator().freeEnergy(1000));
    }
}
