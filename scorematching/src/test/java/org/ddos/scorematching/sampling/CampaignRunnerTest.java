package org.ddos.scorematching.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny SMA Cu campaigns (fcc 2x2x2, 32 atoms): determinism, shards, resume, isosurface geometry. */
class CampaignRunnerTest {
    static final SmaLinearPotential CU = new SmaLinearPotential("Cu",
            SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));
    static final Structure FCC = Lattices.fcc("Cu", 3.615, 2, 2, 2);
    static final CampaignSettings SETTINGS = new CampaignSettings(new double[] {0.1, 0.5, 1.0, 1.5}, new double[] {0.0},
            150, 40, 20, IsosurfaceFlavor.HESSIAN, 42, CampaignSettings.DEFAULT_ENERGY_SCALE);

    static CampaignRunner runner() {
        return new CampaignRunner("fcc", FCC, CU, CU, SETTINGS);
    }

    @Test
    void samplesLieOnTheIsosurfaceOfTheReferenceHessian() {
        HarmonicReference ref = HarmonicReference.of(CU, FCC, 2);
        assertEquals(3 * 32 - 3, ref.modeCount());
        double[] k = ref.stiffness();
        IsosurfaceSampler s = new IsosurfaceSampler(ref, IsosurfaceFlavor.HESSIAN);
        double h = 0.05;
        double[] z = new double[ref.modeCount()];
        double[] u = new double[96];
        RandomGenerator rng = new SplittableRandom(3);
        s.displace(h, rng, z, u);
        // h(u) = sum_l k_l (e_l . u)^2 / (2N) with independently projected normal coordinates
        double energy = 0;
        double[] modes = ref.modes();
        for (int l = 0; l < k.length; l++) {
            double q = 0;
            for (int a = 0; a < 96; a++) {
                q += modes[l * 96 + a] * u[a];
            }
            energy += k[l] * q * q / (2 * 32);
        }
        assertEquals(h, energy, 1e-12 * h);
        // no centre-of-mass motion
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int i = 0; i < 32; i++) {
                sum += u[3 * i + c];
            }
            assertEquals(0, sum, 1e-10);
        }
    }

    @Test
    void bitIdenticalForOneAndTwoThreads() throws Exception {
        byte[] one = PhaseArchives.encode(runner().threads(1).run());
        byte[] two = PhaseArchives.encode(runner().threads(2).run());
        assertArrayEquals(one, two);
        PhaseArchive a = PhaseArchives.decode(one, "x");
        PhaseCampaign c = a.campaigns().get(0);
        assertEquals(4, c.isosurfaceCount());
        assertEquals(150, c.isosurfaces().get(0).sampleCount(0) + a.states().get(0).accumulator(0).clipped()[0]);
        assertEquals(0.0, c.alphaShift());
        // the mean descriptor moves away from D_0 as the isosurface grows
        assertTrue(Math.abs(c.isosurfaces().get(3).mean()[0] - c.latticeDescriptor()[0])
                > Math.abs(c.isosurfaces().get(0).mean()[0] - c.latticeDescriptor()[0]));
    }

    /** Sampled archives (exact sums, accumulators) read back from format version 1 identically. */
    @Test
    void campaignArchivesReadBackFromFormatVersion1() throws Exception {
        PhaseArchive a = runner().run();
        byte[] v2 = PhaseArchives.encode(a);
        byte[] v1 = PhaseArchives.encode(a, 1);
        PhaseArchive old = PhaseArchives.decode(v1, "v1.ddos");
        for (int g = 0; g < 4; g++) {
            assertTrue(a.states().get(0).accumulator(g).sameState(old.states().get(0).accumulator(g)), "isosurface " + g);
        }
        assertArrayEquals(v2, PhaseArchives.encode(old));
        assertTrue(v2.length < v1.length, "v2 " + v2.length + " bytes, v1 " + v1.length);
    }

    @Test
    void shardsMergeExactlyIntoTheUnshardedCampaign() throws Exception {
        PhaseArchive whole = runner().threads(2).run();
        CompressedCampaign s0 = runner().shard(0, 2).run().states().get(0).copy();
        CompressedCampaign s1 = runner().shard(1, 2).run().states().get(0);
        assertThrows(IllegalArgumentException.class, () -> s0.copy().merge(s0));
        CompressedCampaign other = new CampaignRunner("fcc", FCC, CU, CU, new CampaignSettings(new double[] {0.1, 0.5, 1.0, 1.5},
                new double[] {0.0}, 150, 40, 20, IsosurfaceFlavor.HESSIAN, 43, CampaignSettings.DEFAULT_ENERGY_SCALE))
                .shard(1, 2).run().states().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s0.copy().merge(other));
        assertTrue(e.getMessage().contains("rotations differ"), e.getMessage());
        s0.merge(s1);
        assertTrue(s0.complete() && s0.allShards());
        CompressedCampaign w = whole.states().get(0);
        for (int g = 0; g < 4; g++) {
            assertTrue(w.accumulator(g).sameState(s0.accumulator(g)), "isosurface " + g);
        }
    }

    @Test
    void resumesFromACheckpointToTheSameArchive(@TempDir Path dir) throws Exception {
        byte[] whole = PhaseArchives.encode(runner().threads(2).run());
        Path ck = dir.resolve("fcc.ddos");
        PhaseArchive partial = runner().threads(2).checkpoint(ck, 0).stopAfter(250).run();
        assertFalse(partial.complete());
        assertTrue(Files.exists(ck));
        assertFalse(PhaseArchives.read(ck).complete());
        PhaseArchive resumed = runner().threads(1).checkpoint(ck, 1e9).run();
        assertArrayEquals(whole, PhaseArchives.encode(resumed));
        assertArrayEquals(whole, Files.readAllBytes(ck));
        // a checkpoint of another campaign is refused
        CampaignRunner otherSeed = new CampaignRunner("fcc", FCC, CU, CU, new CampaignSettings(SETTINGS.isosurfaces(),
                SETTINGS.strains(), 150, 40, 20, IsosurfaceFlavor.HESSIAN, 7, SETTINGS.energyScale())).checkpoint(ck, 1);
        assertTrue(assertThrows(java.io.IOException.class, otherSeed::run).getMessage().contains("another campaign"));
    }

    @Test
    void logDetFollowsTheHarmonicConvention() throws Exception {
        HarmonicReference ref = HarmonicReference.of(CU, FCC, 2);
        PhaseCampaign c = runner().threads(2).run().campaigns().get(0);
        assertEquals(ref.logMeanStiffness() - Math.log(2 * CampaignSettings.DEFAULT_ENERGY_SCALE), c.logMeanEigenvalue(), 1e-12);
        assertEquals(Arrays.stream(ref.stiffness()).map(Math::log).average().orElseThrow(), ref.logMeanStiffness(), 1e-12);
    }
}
