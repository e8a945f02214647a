package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.potential.LinearPotential;
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
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * End to end through our own sampler: a campaign whose potential IS its harmonic reference
 * (E = u.H.u / 2 with H the Hessian of SMA Cu, fcc 2x2x2) sampled on Hessian isosurfaces, written
 * to an archive, read back and predicted with theta = 1 must give
 * F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;] (the DescriptorDOS harmonic convention,
 * 3 degrees of freedom per atom) from 100 to 1000 K: this checks the sampler's
 * log_det = &lt;ln k&gt; - ln(2 U_0), alpha_shift = 0 convention.
 */
class SampledHarmonicLimitTest {
    /** E = u.H.u / 2 about fixed lattice positions; descriptor D = E / N (one component). */
    static final class HarmonicPotential implements LinearPotential {
        final double[] x0;
        final DMatrixRMaj h;

        HarmonicPotential(Structure lattice, DMatrixRMaj h) {
            this.x0 = lattice.positions();
            this.h = h;
        }

        @Override
        public double cutoff() {
            return 1.0;
        }

        @Override
        public int descriptorCount() {
            return 1;
        }

        @Override
        public double compute(Structure s, double[] forces, double[] virial) {
            double[] x = s.positionsView();
            int n = x.length;
            double e = 0;
            for (int a = 0; a < n; a++) {
                double f = 0;
                for (int b = 0; b < n; b++) {
                    f -= h.data[a * n + b] * (x[b] - x0[b]);
                }
                if (forces != null) {
                    forces[a] = f;
                }
                e -= 0.5 * f * (x[a] - x0[a]);
            }
            if (virial != null) {
                java.util.Arrays.fill(virial, 0);
            }
            return e;
        }

        @Override
        public double[] meanDescriptor(Structure s) {
            return new double[] {compute(s, null, null) / s.atomCount()};
        }

        @Override
        public String toString() {
            return "harmonic(SMA Cu Hessian)";
        }
    }

    @Test
    void sampledHarmonicCampaignGivesTheHarmonicFreeEnergy() throws Exception {
        SmaLinearPotential cu = new SmaLinearPotential("Cu", SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));
        Structure fcc = Lattices.fcc("Cu", 3.615, 2, 2, 2);
        HarmonicPotential harmonic = new HarmonicPotential(fcc, HessianCalculator.hessian(cu, fcc, HessianCalculator.DEFAULT_STEP, 2));
        double[] iso = new double[12];
        for (int g = 0; g < iso.length; g++) {
            iso[g] = 0.06 + g * 0.1;
        }
        CampaignSettings settings = new CampaignSettings(iso, new double[] {0}, 200, 50, 20, IsosurfaceFlavor.HESSIAN, 5,
                CampaignSettings.DEFAULT_ENERGY_SCALE);
        PhaseArchive archive = new CampaignRunner("harmonic", fcc, harmonic, harmonic, settings).threads(2).run();
        archive = PhaseArchives.decode(PhaseArchives.encode(archive), "harmonic.ddos");
        double lnK = HarmonicReference.of(harmonic, fcc, 2).logMeanStiffness();
        PhaseFreeEnergy phase = new PhaseFreeEnergy(archive.entropy(0));
        double mass = fcc.massOf(0);
        for (double t = 100; t <= 1000; t += 100) {
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
            double exact = 1.5 * kt * (Math.log(HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK);
            FreeEnergyResult r = phase.evaluate(new double[] {1.0}, t);
            assertEquals(exact, r.freeEnergy(), 1e-4, "F at " + t + " K (eV/atom), within 0.1 meV/atom");
        }
    }
}
