package org.ddos.thermo.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.sampling.CampaignRunner;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Diagnostic benchmark of docs/accuracy.md (second-moment Pt): how much of the D-DOS - TI difference
 * comes from the rank-one compression of the two SMA descriptors (R, -B)? The same campaign
 * (examples/pt/fcc.yaml settings, 2,000 samples per isosurface) is run with the one-component
 * descriptor D = (E - E_0)/N of the potential itself (theta = 1), for which the compression is
 * exact, and the free energies are printed beside those from (R, -B). Run with
 * {@code mvn -pl thermo -am test -Dtest=SecondMomentCompressionBenchmark -Dddos.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (a few minutes on one core).
 */
class SecondMomentCompressionBenchmark {
    /** The potential's own energy per atom above the lattice as the single descriptor. */
    record EnergyDescriptor(Potential potential, double latticeEnergy) implements LinearPotential {
        @Override
        public double cutoff() {
            return potential.cutoff();
        }

        @Override
        public int descriptorCount() {
            return 1;
        }

        @Override
        public double compute(Structure s, double[] forces, double[] virial) {
            return potential.compute(s, forces, virial);
        }

        @Override
        public double[] meanDescriptor(Structure s) {
            return new double[] {(potential.energy(s) - latticeEnergy) / s.atomCount()};
        }
    }

    @Test
    void energyDescriptorAgainstSecondMomentDescriptors() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ddos.benchmark"), "benchmark skipped (enable with -Dddos.benchmark=true)");
        Optional<Path> pot = SharedDataDirectory.dataFile("tbsma/lodis/Pt_Pt.pot");
        Path lattice = Path.of("..", "examples", "pt", "Pt-fcc.dat");
        Assumptions.assumeTrue(pot.isPresent() && Files.exists(lattice), "Pt_Pt.pot or examples/pt/Pt-fcc.dat not found");
        LodisPotentialFile f = LodisPotentialFile.read(pot.get());
        SmaLinearPotential pt = new SmaLinearPotential("Pt", f.toParameters().pair(0, 0));
        Structure s = StructureFormats.read(lattice);
        double e0 = pt.energy(s);
        double[] iso = new double[20];
        for (int g = 0; g < iso.length; g++) {
            iso[g] = 0.1 + g * (2.2 - 0.1) / (iso.length - 1);
        }
        int samples = Integer.getInteger("ddos.benchmark.samples", 2000);
        CampaignSettings cs = new CampaignSettings(iso, new double[] {0}, samples, 200, 99, IsosurfaceFlavor.HESSIAN, 1,
                CampaignSettings.DEFAULT_ENERGY_SCALE);
        PhaseArchive energy = new CampaignRunner("energy", s, new EnergyDescriptor(pt, e0), pt, cs).threads(2).run();
        PhaseArchive sma = new CampaignRunner("sma", s, pt, pt, cs).threads(2).run();
        PhaseFreeEnergy fe = new PhaseFreeEnergy(energy.entropy(0));
        PhaseFreeEnergy fs = new PhaseFreeEnergy(sma.entropy(0));
        HarmonicFreeEnergy h = HarmonicFreeEnergy.of(pt, s);
        System.out.printf(Locale.ROOT, "Pt (LoDiS Pt_Pt.pot), %d atoms, %d samples per isosurface%n", s.atomCount(), samples);
        for (double t : new double[] {300, 750, 1500}) {
            FreeEnergyResult a = fe.evaluate(new double[] {1.0}, t);
            FreeEnergyResult b = fs.evaluate(pt.coefficients(), t);
            double fa = e0 / s.atomCount() + a.freeEnergy();
            System.out.printf(Locale.ROOT, "T = %6.1f K  D-DOS(E/N) %.6f +- %.3f meV  D-DOS(R,-B) %.6f +- %.3f meV  harmonic %.6f%n",
                    t, fa, 1000 * a.uncertainty(), b.freeEnergy(), 1000 * b.uncertainty(), h.freeEnergy(t));
            assertTrue(Double.isFinite(fa) && Double.isFinite(b.freeEnergy()));
        }
    }
}
