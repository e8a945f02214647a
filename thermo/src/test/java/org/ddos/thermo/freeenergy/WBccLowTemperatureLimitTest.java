package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.HarmonicReference;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The low-temperature check of the method with a real, anharmonic potential, at small scale: a
 * Hessian-isosurface campaign of bcc W (2x2x2 cubic cells, 16 atoms, a = 3.1856 Å, the W SNAP
 * example potential) through our sampler and archive, predicted for the potential's own
 * coefficients, must give at 50-150 K the classical harmonic free energy of that potential's Hessian,
 * F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;] (DescriptorDOS convention), within
 * 0.1 meV/atom (the criterion; anharmonic corrections of W are far below it there).
 */
class WBccLowTemperatureLimitTest {
    @Test
    void lowTemperatureFreeEnergyIsTheHarmonicOne() throws Exception {
        Optional<Path> param = SharedDataDirectory.dataFile("descriptordos/w/D.snapparam");
        Optional<Path> coeff = SharedDataDirectory.dataFile("descriptordos/w/X_W.snapcoeff");
        Assumptions.assumeTrue(param.isPresent() && coeff.isPresent(), "shared W SNAP files not found");
        SnapParameters p = SnapParameters.read(param.get());
        SnapCoefficients c = SnapCoefficients.read(coeff.get(), p);
        SnapPotential w = new SnapPotential(p, c, "X");
        Structure bcc = Lattices.bcc("W", 3.1856343060058365, 2, 2, 2);
        double[] iso = new double[8];
        for (int g = 0; g < iso.length; g++) {
            iso[g] = 0.02 + 0.05 * g; // up to about 370 K
        }
        CampaignSettings settings = new CampaignSettings(iso, new double[] {0}, 200, 50, 40, IsosurfaceFlavor.HESSIAN, 3,
                CampaignSettings.DEFAULT_ENERGY_SCALE);
        PhaseArchive archive = new CampaignRunner("bcc", bcc, w, w, settings).threads(2).run();
        archive = PhaseArchives.decode(PhaseArchives.encode(archive), "W-bcc-small.ddos");
        double lnK = HarmonicReference.of(w, bcc, 2).logMeanStiffness();
        PhaseFreeEnergy phase = new PhaseFreeEnergy(archive.entropy(0));
        double[] theta = c.linear(0);
        double mass = bcc.massOf(0);
        for (double t = 50; t <= 150; t += 50) {
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double harmonic = 1.5 * kt * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK);
            FreeEnergyResult r = phase.evaluate(theta, t);
            assertFalse(r.unsolved(), "alpha* inside the sampled isosurfaces at " + t + " K");
            assertEquals(harmonic, r.vibrationalFreeEnergy(), 1e-4, "F - E_0 at " + t + " K (eV/atom)");
        }
    }
}
