package org.ddos.calibration.quickstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ddos.descriptors.sma.CleriRosato;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.junit.jupiter.api.Test;

/** The orchestration on a tiny version of the example (32- and 36-atom cells, 6 isosurfaces). */
class QuickstartTest {
    static QuickstartSettings tiny() {
        return new QuickstartSettings(CleriRosato.MG, QuickstartSettings.MG_R0, 2, new int[] {3, 3, 2},
                QuickstartSettings.logSpaced(0.03, 1.5, 6), 150, 30, 40, 3, 3.0, 4, 100, 700, 13, 400, 5, 50, 0.02, 30, 2, 2);
    }

    @Test
    void tinyRunGoesThroughEveryStep() throws Exception {
        QuickstartSettings s = tiny();
        Map<Quickstart.Step, List<long[]>> seen = new EnumMap<>(Quickstart.Step.class);
        QuickstartResult r = Quickstart.run(s, null, (step, done, total, msg) -> {
            synchronized (seen) {
                seen.computeIfAbsent(step, k -> new ArrayList<>()).add(new long[] {done, total});
            }
        });
        for (Quickstart.Step step : Quickstart.Step.values()) {
            List<long[]> u = seen.get(step);
            assertTrue(u != null && !u.isEmpty(), "progress reported for " + step);
            long[] last = u.get(u.size() - 1);
            assertEquals(last[1], last[0], "step " + step + " finished");
        }
        assertArrayEquals(new double[] {0.029, 0.4992}, r.theta0(), 0.0);
        assertEquals(32, r.phase("fcc").structure().atomCount());
        assertEquals(36, r.phase("hcp").structure().atomCount());
        double kB = PhysicalConstants.BOLTZMANN_EV_PER_K;
        for (QuickstartResult.PhaseSetup p : r.phases()) {
            assertTrue(p.stable(), p.name());
            PhaseCampaign c = r.archives().get(p.name()).campaigns().get(0);
            // the campaign's lattice energy theta0 . D_0 is the relaxed lattice energy
            assertEquals(p.lattice().energyPerAtom(), c.latticeEnergy(r.theta0()), 1e-12, p.name());
            assertEquals(s.isosurfaces().length, c.isosurfaceCount());
            long binned = c.isosurfaces().get(0).sampleCount(0);
            assertTrue(binned <= s.samples() && binned > 0.95 * s.samples(), "histogrammed samples (outliers beyond the pilot bins dropped): " + binned);
            FreeEnergyResult[] f = r.freeEnergies().get(p.name());
            for (int i = 1; i < f.length; i++) {
                assertTrue(f[i].freeEnergy() < f[i - 1].freeEnergy(), p.name() + " F decreases with T");
            }
            // harmonic reference: F_H derivative is -S_H = 3 k_B (ln(hbar w / k_B T) - 1 + ...)
            double t = 300;
            double dfdt = (Quickstart.harmonicFreeEnergy(0, p.logMeanFrequency(), t + 1e-3)
                    - Quickstart.harmonicFreeEnergy(0, p.logMeanFrequency(), t - 1e-3)) / 2e-3;
            double kt = kB * t;
            assertEquals(3 * kB * (p.logMeanFrequency() + Math.log(PhysicalConstants.HBAR_EV_PS / kt) - 1), dfdt, 1e-9);
            assertEquals(p.harmonicFreeEnergy()[0], Quickstart.harmonicFreeEnergy(p.lattice().energyPerAtom(), p.logMeanFrequency(),
                    r.temperatures()[0]), 0.0);
            // low-temperature harmonic limit, loose for this tiny campaign: within 2 meV/atom at 100 K
            assertEquals(p.harmonicFreeEnergy()[0], f[0].freeEnergy(), 2e-3, p.name() + " at 100 K");
        }
        // the fine-tuning holds the 0 K energy difference exactly
        double before = r.latticeEnergyDifference();
        double after = r.archives().get("hcp").campaigns().get(0).latticeEnergy(r.tuning().theta())
                - r.archives().get("fcc").campaigns().get(0).latticeEnergy(r.tuning().theta());
        // to round-off: each lattice energy is about -5 eV (ulp 9e-16), so their difference carries ~1e-15
        assertEquals(before, after, 1e-14);
        assertEquals(30, r.ensemble().members());
        assertEquals(s.relativeSigma() * s.relativeSigma() * 0.029 * 0.029, r.covariance()[0][0], 1e-20);
        assertEquals(0.0, r.covariance()[0][1], 0.0);
    }

    @Test
    void harmonicTransitionIsTheRootOfDeltaFH() {
        QuickstartSettings s = tiny();
        var fcc = new QuickstartResult.PhaseSetup("fcc", new org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice("fcc", 4, 4,
                -1.5210, 16), null, 1, 1, 3.375, null);
        var hcp = new QuickstartResult.PhaseSetup("hcp", new org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice("hcp", 3, 5,
                -1.5195, 16), null, 1, 1, 3.368, null);
        double tc = Quickstart.harmonicTransition(fcc, hcp, 10, 5000);
        assertEquals(Quickstart.harmonicFreeEnergy(-1.5210, 3.375, tc), Quickstart.harmonicFreeEnergy(-1.5195, 3.368, tc), 1e-12);
        assertTrue(Double.isNaN(Quickstart.harmonicTransition(fcc, hcp, 10, 100)), "outside the range");
        assertEquals(s.tMin(), s.temperatures()[0], 0.0);
        assertEquals(s.tMax(), s.temperatures()[s.gridPoints() - 1], 0.0);
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new QuickstartSettings(CleriRosato.MG, 3.21, 2, new int[] {3, 3, 2},
                QuickstartSettings.logSpaced(0.03, 1.5, 6), 150, 30, 40, 3, 3.0, 4, 100, 700, 13, 900, 5, 50, 0.02, 30, 2, 2),
                "target outside the range");
        assertThrows(IllegalArgumentException.class, () -> new QuickstartSettings(CleriRosato.MG, 3.21, 2, new int[] {3, 3},
                QuickstartSettings.logSpaced(0.03, 1.5, 6), 150, 30, 40, 3, 3.0, 4, 100, 700, 13, 400, 5, 50, 0.02, 30, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new QuickstartSettings(CleriRosato.MG, 3.21, 2, new int[] {3, 3, 2},
                new double[] {0.1, 0.2}, 150, 30, 40, 3, 3.0, 4, 100, 700, 13, 400, 5, 50, 0.02, 30, 2, 2), "too few isosurfaces");
        double[] iso = QuickstartSettings.logSpaced(0.03, 2.0, 20);
        assertEquals(0.03, iso[0], 0.0);
        assertEquals(2.0, iso[19], 0.0);
        assertEquals(Math.sqrt(0.03 * 2.0), Math.sqrt(iso[9] * iso[10]), 1e-12, "log spacing");
        assertEquals(7, QuickstartSettings.full(2).withSeed(7).seed());
    }
}
