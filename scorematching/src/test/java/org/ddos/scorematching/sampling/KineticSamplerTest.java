package org.ddos.scorematching.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ddos.descriptors.dynamics.MolecularDynamics;
import org.ddos.descriptors.potential.HarmonicPotential;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinetic flavour on the 32-atom SMA Cu fcc cell: exact microcanonical statistics of the
 * harmonic potential, energy conservation, determinism and sharding of kinetic campaigns.
 */
class KineticSamplerTest {
    static final HarmonicPotential HARMONIC = HarmonicPotential.of(CampaignRunnerTest.CU, CampaignRunnerTest.FCC);
    static final double U0_KINETIC = 2 * CampaignSettings.DEFAULT_ENERGY_SCALE; // 3 k_B x 1000 K

    /**
     * For H = u.H.u/2 + K with d = 3N - 3 quadratic modes each, the microcanonical measure at total
     * energy N e gives p = (V - E_0) / (N e) ~ Beta(d/2, d/2): mean 1/2, variance 1/(4(d+1)); and the
     * microcanonical temperature identity (d/2 - 1) &lt;1/K&gt; = (d - 1) / (N e). (A Hessian-isosurface
     * start with zero momenta would give mean p of 1 at the start and different energy-share statistics.)
     */
    @Test
    void harmonicPotentialGivesTheExactMicrocanonicalStatistics() {
        HarmonicReference ref = HarmonicReference.of(HARMONIC, CampaignRunnerTest.FCC, 2);
        KineticSampler s = new KineticSampler(ref, HARMONIC, CampaignRunnerTest.FCC, new KineticSettings(0.002, 0, 25, 4));
        assertEquals(HARMONIC.referenceEnergy(), s.latticeEnergy(), 1e-12);
        KineticSampler.Trajectory t = s.newTrajectory();
        int n = 32;
        int d = 3 * n - 3;
        double e = 0.8 * U0_KINETIC;
        double sumP = 0;
        double sumP2 = 0;
        double sumInvK = 0;
        int count = 0;
        for (int traj = 0; traj < 300; traj++) {
            for (int f = 0; f < 4; f++) {
                MolecularDynamics md = t.frame(CampaignRunner.trajectorySeed(7, 0, 0, traj), e, f);
                double p = (md.potentialEnergy() - HARMONIC.referenceEnergy()) / (n * e);
                sumP += p;
                sumP2 += p * p;
                sumInvK += 1 / md.kineticEnergy();
                count++;
            }
        }
        double mean = sumP / count;
        double var = sumP2 / count - mean * mean;
        assertEquals(0.5, mean, 0.006, "<V - E_0> / (N e)");
        assertEquals(1.0, var * 4 * (d + 1), 0.2, "variance of the potential-energy share x 4(d+1)");
        assertEquals(1.0, (d / 2.0 - 1) * (sumInvK / count) * n * e / (d - 1), 0.01, "microcanonical temperature identity");
    }

    @Test
    void trajectoriesHoldTheTargetTotalEnergy() {
        HarmonicReference ref = HarmonicReference.of(CampaignRunnerTest.CU, CampaignRunnerTest.FCC, 2);
        KineticSampler s = new KineticSampler(ref, CampaignRunnerTest.CU, CampaignRunnerTest.FCC, new KineticSettings(0.002, 0, 20, 30));
        KineticSampler.Trajectory t = s.newTrajectory();
        double e = 1.5 * U0_KINETIC; // about 1500 K
        MolecularDynamics md = t.frame(11, e, 0);
        assertEquals(t.targetEnergy(), md.totalEnergy(), 1e-9, "the start holds E_0 + N e exactly");
        assertEquals(s.latticeEnergy() + 32 * e, t.targetEnergy(), 1e-12);
        double worst = 0;
        double sumK = 0;
        for (int f = 1; f < 30; f++) {
            md = t.frame(11, e, f);
            worst = Math.max(worst, Math.abs(md.totalEnergy() - t.targetEnergy()) / 32);
            sumK += md.kineticEnergy() / 32;
        }
        assertTrue(worst < 2e-4, "velocity-Verlet energy error " + worst + " eV/atom");
        // second order: half the timestep over the same time, about a quarter of the error
        KineticSampler half = new KineticSampler(ref, CampaignRunnerTest.CU, CampaignRunnerTest.FCC,
                new KineticSettings(0.001, 0, 40, 30));
        KineticSampler.Trajectory th = half.newTrajectory();
        double worstHalf = 0;
        for (int f = 1; f < 30; f++) {
            worstHalf = Math.max(worstHalf, Math.abs(th.frame(11, e, f).totalEnergy() - th.targetEnergy()) / 32);
        }
        assertEquals(4, worst / worstHalf, 1.5, "energy error ratio dt / (dt/2): " + worst + " / " + worstHalf);
        // anharmonic, but close to equipartition: half the energy is kinetic
        assertEquals(0.5, sumK / 29 / e, 0.05);
        // continuing a trajectory equals recomputing it from its start
        double[] continued = t.frame(11, e, 29).positionsView().clone();
        double continuedInverseK = t.inverseKineticMean();
        KineticSampler.Trajectory restarted = s.newTrajectory();
        double[] fresh = restarted.frame(11, e, 29).positionsView();
        assertArrayEquals(continued, fresh);
        assertEquals(continuedInverseK, restarted.inverseKineticMean(), 0.0, "time-averaged 1/K, continued or restarted");
        // the average runs over the 40 steps before the frame: within the range of 1/K along them
        assertTrue(continuedInverseK > 0 && Math.abs(continuedInverseK * 32 * e / 2 - 1) < 0.3, "<1/K> N e / 2 = "
                + continuedInverseK * 32 * e / 2);
        for (int c = 0; c < 3; c++) {
            double p = 0;
            for (int i = 0; i < 32; i++) {
                p += md.velocitiesView()[3 * i + c];
            }
            assertEquals(0, p, 1e-9, "centre of mass at rest");
        }
    }

    static final CampaignSettings KINETIC = new CampaignSettings(new double[] {0.4, 1.0, 1.5}, new double[] {0.0},
            32, 16, 8, IsosurfaceFlavor.KINETIC, 5, U0_KINETIC);
    static final KineticSettings MD = new KineticSettings(0.002, 6, 6, 4);

    static CampaignRunner kinetic() {
        return new CampaignRunner("fcc", CampaignRunnerTest.FCC, CampaignRunnerTest.CU, CampaignRunnerTest.CU, KINETIC).kinetic(MD);
    }

    @Test
    void kineticCampaignIsDeterministicShardableAndRecordsTheKineticEnergy() throws Exception {
        PhaseArchive a1 = kinetic().threads(1).run();
        byte[] one = PhaseArchives.encode(a1);
        byte[] two = PhaseArchives.encode(kinetic().threads(2).run());
        assertArrayEquals(one, two);
        PhaseCampaign c = a1.campaigns().get(0);
        assertEquals("kinetic", c.flavor());
        int k = CampaignRunnerTest.CU.descriptorCount();
        assertEquals(k + 1, c.descriptorCount(), "descriptors plus kinetic energy per atom");
        assertEquals(0.0, c.latticeDescriptor()[k]);
        for (int g = 0; g < 3; g++) {
            double e = c.isosurfaces().get(g).isosurface() * U0_KINETIC;
            double kin = c.isosurfaces().get(g).mean()[k];
            assertEquals(0.5, kin / e, 0.06, "mean kinetic share on isosurface " + g);
        }
        assertTrue(a1.provenance().get("campaign.kinetic").contains("md_frames=4"));
        // shards merge exactly into the unsharded campaign
        CompressedCampaign s0 = kinetic().shard(0, 2).run().states().get(0).copy();
        s0.merge(kinetic().shard(1, 2).run().states().get(0));
        for (int g = 0; g < 3; g++) {
            assertTrue(a1.states().get(0).accumulator(g).sameState(s0.accumulator(g)), "isosurface " + g);
        }
        assertTrue(a1.states().get(0).trajectorySums().sameState(s0.trajectorySums()), "per-trajectory sums merge exactly");
        assertEquals(8, s0.trajectorySums().trajectoryCount(), "32 samples = 8 trajectories of 4 frames");
        // other MD settings are another campaign
        assertNotEquals(kinetic().fingerprint(), kinetic().kinetic(new KineticSettings(0.002, 6, 6, 5)).fingerprint());
    }

    /**
     * A kinetic campaign of the harmonic potential records the microcanonical inverse temperature
     * (d/2 - 1) &lt;1/K&gt; = (d - 1) / (N e) of the harmonic density of states, and mean descriptor
     * (harmonic energy per atom) e/2 and mean kinetic energy per atom e/2.
     */
    @Test
    void harmonicKineticCampaignRecordsTheMicrocanonicalTemperature() throws Exception {
        CampaignSettings cs = new CampaignSettings(new double[] {0.3, 1.0, 2.0}, new double[] {0.0}, 160, 40, 10,
                IsosurfaceFlavor.KINETIC, 3, U0_KINETIC);
        PhaseArchive a = new CampaignRunner("h", CampaignRunnerTest.FCC, HARMONIC, HARMONIC, cs)
                .kinetic(new KineticSettings(0.002, 0, 15, 4)).threads(2).run();
        CompressedCampaign c = a.states().get(0);
        assertEquals(3, c.inverseKineticSums().length);
        int d = 3 * 32 - 3;
        double[] error = a.campaigns().get(0).microcanonicalBetaError();
        assertEquals(3, error.length, "standard errors from the 40 trajectories of each isosurface");
        for (int g = 0; g < 3; g++) {
            double e = cs.isosurfaces()[g] * U0_KINETIC;
            assertEquals(1.0, c.microcanonicalBeta(g) * 32 * e / (d - 1), 0.015, "beta_mu x N e / (d - 1), isosurface " + g);
            // the exact value lies within four standard errors, and the error is not inflated
            double exact = (d - 1) / (32 * e);
            assertTrue(error[g] > 0 && Math.abs(c.microcanonicalBeta(g) - exact) < 4 * error[g],
                    "isosurface " + g + ": beta_mu " + c.microcanonicalBeta(g) + " +- " + error[g] + ", exact " + exact);
            assertTrue(error[g] < 0.01 * exact, "standard error " + error[g] + " of " + exact);
            double[] mean = a.campaigns().get(0).isosurfaces().get(g).mean();
            assertEquals(0.5, mean[0] / e, 0.015, "harmonic energy share " + g);
            assertEquals(0.5, mean[1] / e, 0.015, "kinetic energy share " + g);
        }
        // format version 1 cannot hold the sums: refused rather than dropped
        assertThrows(IllegalArgumentException.class, () -> PhaseArchives.encode(a, 1));
        // nor version 2 the per-trajectory sums
        assertThrows(IllegalArgumentException.class, () -> PhaseArchives.encode(a, 2));
        assertTrue(PhaseArchives.decode(PhaseArchives.encode(a), "k").states().get(0).sameState(c));
    }

    /**
     * A Langevin-thermalized start (canonical at the harmonic temperature, then rescaled to the exact
     * total energy) still gives the exact microcanonical temperature of the harmonic potential within
     * its standard error, and holds the target energy.
     */
    @Test
    void thermalizedStartKeepsTheHarmonicMicrocanonicalTemperature() throws Exception {
        CampaignSettings cs = new CampaignSettings(new double[] {0.5, 1.0, 2.0}, new double[] {0.0}, 120, 40, 10,
                IsosurfaceFlavor.KINETIC, 5, U0_KINETIC);
        KineticSettings md = new KineticSettings(0.002, 20, 15, 4, 60);
        PhaseArchive a = new CampaignRunner("h", CampaignRunnerTest.FCC, HARMONIC, HARMONIC, cs).kinetic(md).threads(2).run();
        PhaseCampaign c = a.campaigns().get(0);
        int d = 3 * 32 - 3;
        for (int g = 0; g < 3; g++) {
            double e = cs.isosurfaces()[g] * U0_KINETIC;
            double exact = (d - 1) / (32 * e);
            double beta = c.microcanonicalBeta()[g];
            double err = c.microcanonicalBetaError()[g];
            assertTrue(Math.abs(beta - exact) < 4 * err && err < 0.01 * exact,
                    "isosurface " + g + ": beta_mu " + beta + " +- " + err + ", exact " + exact);
        }
        assertTrue(a.provenance().get("campaign.kinetic").contains("md_thermalization_steps=60"));
        KineticSampler s = new KineticSampler(HarmonicReference.of(HARMONIC, CampaignRunnerTest.FCC, 1), HARMONIC,
                CampaignRunnerTest.FCC, new KineticSettings(0.002, 0, 15, 4, 60));
        KineticSampler.Trajectory t = s.newTrajectory();
        assertEquals(t.sampler().latticeEnergy() + 32 * 0.1, t.frame(3, 0.1, 0).totalEnergy(), 1e-9,
                "the thermalized start is rescaled to E_0 + N e");
        assertThrows(IllegalArgumentException.class, () -> new KineticSettings(0.002, 20, 15, 4, -1));
    }

    @Test
    void resumedKineticCampaignMatchesTheUninterruptedOne(@TempDir Path dir) throws Exception {
        byte[] whole = PhaseArchives.encode(kinetic().run());
        Path ck = dir.resolve("k.ddos");
        kinetic().threads(2).checkpoint(ck, 0).stopAfter(40).run();
        PhaseArchive resumed = kinetic().threads(2).checkpoint(ck, 0).run();
        assertArrayEquals(whole, PhaseArchives.encode(resumed));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new KineticSettings(0, 10, 8, 4));
        assertThrows(IllegalArgumentException.class, () -> new KineticSettings(0.002, -1, 8, 4));
        assertThrows(IllegalArgumentException.class, () -> new KineticSettings(0.002, 10, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new KineticSettings(0.002, 10, 8, 0));
        assertEquals(IsosurfaceFlavor.KINETIC, IsosurfaceFlavor.parse("Kinetic"));
    }
}
