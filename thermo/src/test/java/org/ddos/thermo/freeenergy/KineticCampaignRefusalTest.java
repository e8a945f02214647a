package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.scorematching.score.ScoreMatcher;
import org.junit.jupiter.api.Test;

/**
 * A kinetic (constant-energy MD) campaign samples the microcanonical measure, whose shell entropy is
 * not the harmonic one: without its microcanonical temperatures (e.g. a DescriptorDOS kinetic pickle)
 * free energies are refused, not silently computed with the wrong shell; the cumulant estimator
 * refuses kinetic campaigns always.
 */
class KineticCampaignRefusalTest {
    @Test
    void kineticCampaignsWithoutMicrocanonicalTemperaturesAreRefused() {
        PhaseCampaign h = HarmonicLimitTest.harmonicCampaign(-0.1134, 3.8232, 55.85, 128);
        PhaseCampaign k = new PhaseCampaign(h.name(), "kinetic", h.atomCount(), h.mass(), h.volume(), h.cell(),
                h.latticePositions(), h.latticeDescriptor(), h.energyScale(), h.logMeanEigenvalue(), h.alphaShift(),
                h.isosurfaces());
        PhaseEntropy entropy = ScoreMatcher.fit(k);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhaseFreeEnergy(entropy));
        assertTrue(e.getMessage().contains("kinetic") && e.getMessage().contains("shell entropy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CumulantFreeEnergy(entropy));
        // the same data labelled hessian (or einstein) evaluate
        new PhaseFreeEnergy(ScoreMatcher.fit(h)).evaluate(new double[] {1.0}, 500);
    }
}
