package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ddos.descriptors.potential.HarmonicPotential;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.HarmonicReference;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.scorematching.sampling.KineticSettings;
import org.junit.jupiter.api.Test;

/**
 * End to end through the kinetic flavour: constant-energy MD of the exactly harmonic potential of SMA
 * Cu (fcc 2x2x2, 32 atoms), written to an archive, read back and predicted with theta = 1 (plus the
 * fixed coefficient 1 of the kinetic energy) must give the harmonic free energy
 * F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;], with the kinetic shell entropy and its
 * measured (here, for a harmonic potential, null up to noise) anharmonic correction. One frame per
 * trajectory (4 NVE steps from the exact harmonic microcanonical start): independent samples, whose
 * noise in &lt;1/K&gt; (about 0.3% for 800 samples of 32 atoms) sets the tolerance (measured: within
 * 0.22 meV/atom from 100 to 1000 K).
 */
class KineticHarmonicLimitTest {
    @Test
    void kineticCampaignOfAHarmonicPotentialGivesTheHarmonicFreeEnergy() throws Exception {
        SmaLinearPotential cu = new SmaLinearPotential("Cu", SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));
        Structure fcc = Lattices.fcc("Cu", 3.615, 2, 2, 2);
        HarmonicPotential harmonic = HarmonicPotential.of(cu, fcc);
        double[] iso = new double[12];
        for (int g = 0; g < iso.length; g++) {
            iso[g] = 0.06 + g * 0.1; // total energy / (3 k_B x 1000 K): about 60 K to 1160 K
        }
        CampaignSettings settings = new CampaignSettings(iso, new double[] {0}, 800, 100, 20, IsosurfaceFlavor.KINETIC, 5,
                2 * CampaignSettings.DEFAULT_ENERGY_SCALE);
        PhaseArchive archive = new CampaignRunner("harmonic", fcc, harmonic, harmonic, settings)
                .kinetic(new KineticSettings(0.002, 4, 1, 1)).threads(2).run();
        archive = PhaseArchives.decode(PhaseArchives.encode(archive), "kinetic.ddos");
        double lnK = HarmonicReference.of(harmonic, fcc, 2).logMeanStiffness();
        PhaseFreeEnergy phase = new PhaseFreeEnergy(archive.entropy(0));
        assertEquals(1, phase.descriptorCount(), "theta without the kinetic-energy coefficient");
        assertThrows(IllegalArgumentException.class, () -> new CumulantFreeEnergy(phase.entropy()));
        double mass = fcc.massOf(0);
        PhaseFreeEnergy.Evaluator ev = phase.newEvaluator();
        ev.setParameters(new double[] {1.0});
        for (double t = 100; t <= 1000; t += 150) {
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double exact = 1.5 * kt * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK);
            FreeEnergyResult r = ev.evaluate(t);
            assertFalse(r.unsolved(), "solved at " + t);
            double entropyExact = -1.5 * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK) + 3.0;
            assertEquals(entropyExact, r.entropy(), 0.02, "S/k_B at " + t);
            // equipartition at the optimum: <D> = <kappa> = 3/2 k_B T
            assertEquals(1.0, r.meanDescriptor()[0] / (1.5 * kt), 0.015, "<D> at " + t);
            assertEquals(1.0, ev.meanKineticEnergy() / (1.5 * kt), 0.015, "<kappa> at " + t);
            assertEquals(exact, r.freeEnergy(), 5e-4, "F at " + t + " K (eV/atom), within 0.5 meV/atom");
        }
    }
}
