package org.ddos.thermo.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.thermo.FeCampaigns;
import org.junit.jupiter.api.Test;

/** The bcc-fcc transition of the Fe SNAP potential from the authors' single-volume campaign. */
class FeTransitionTest {

    /** The published NVT data put the crossing near 1950 K (the paper's NPT value is 2030 K). */
    @Test
    void transitionTemperatureOfTheReferencePotential() {
        PhaseComparison cmp = new PhaseComparison(FeCampaigns.bcc(), FeCampaigns.fcc());
        TransitionResult r = cmp.transition(FeCampaigns.theta(), 500, 2500, 41);
        assertTrue(r.found());
        assertEquals(1950, r.transitionTemperature(), 25);
        assertEquals(1, r.crossings());
        assertTrue(r.uncertainty() > 0 && r.uncertainty() < 300, "sigma T_c " + r.uncertainty());
        // fcc above T_c: DeltaF = F_fcc - F_bcc decreases through zero
        assertTrue(r.slope() < 0);
        assertTrue(r.deltaF()[0] > 0 && r.deltaF()[r.deltaF().length - 1] < 0);
        // both phases are beyond their top isosurface at 1950 K: the result says so
        assertTrue(r.unsolved());
        // at T_c DeltaF vanishes
        cmp.setParameters(FeCampaigns.theta());
        assertEquals(0, cmp.deltaF(r.transitionTemperature()), 1e-9);
    }

    /** dT_c/dtheta (implicit function theorem) against central differences of T_c. */
    @Test
    void transitionGradientMatchesFiniteDifferences() {
        PhaseComparison cmp = new PhaseComparison(FeCampaigns.bcc(), FeCampaigns.fcc());
        double[] theta = FeCampaigns.theta();
        // a parameter vector whose transition lies inside the solved range: shift the fcc-bcc 0 K gap
        TransitionResult base = cmp.transition(theta, 500, 2500, 41);
        double[] g = base.gradient();
        int best = 0;
        for (int j = 1; j < g.length; j++) {
            if (Math.abs(g[j] * theta[j]) > Math.abs(g[best] * theta[best])) {
                best = j;
            }
        }
        for (int j : new int[] {best, 0, 1}) {
            double h = 1e-6 * Math.max(1e-3, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            double fd = (cmp.transition(tp, 500, 2500, 41).transitionTemperature()
                    - cmp.transition(tm, 500, 2500, 41).transitionTemperature()) / (2 * h);
            assertEquals(fd, g[j], 1e-3 * Math.abs(g[j]) + 1e-6 * Math.abs(g[best]), "component " + j);
        }
    }

    @Test
    void noCrossingIsReportedNotInvented() {
        PhaseComparison cmp = new PhaseComparison(FeCampaigns.bcc(), FeCampaigns.fcc());
        TransitionResult r = cmp.transition(FeCampaigns.theta(), 500, 1500, 11);
        assertFalse(r.found());
        assertTrue(Double.isNaN(r.transitionTemperature()));
        assertEquals(11, r.deltaF().length);
        assertThrows(IllegalArgumentException.class, () -> cmp.transition(FeCampaigns.theta(), 1500, 500, 11));
        assertThrows(IllegalArgumentException.class, () -> cmp.transition(FeCampaigns.theta(), 0, 500, 11));
    }
}
