package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.eam.EamFile;
import org.ddos.descriptors.eam.EamPotential;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.ddos.scorematching.sampling.HarmonicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ddos sample with SNAP W descriptors and an analytic tabulated EAM (setfl, written here) as the
 * isosurface reference (key reference_eam): the archive's harmonic reference is the EAM Hessian's,
 * its lattice descriptor SNAP's; bad reference keys are refused.
 */
class SampleEamReferenceTest {
    @TempDir
    Path dir;

    /** A W-like EAM: rho = exp(-3 (r/re - 1)) fc, phi = 1.6 exp(-6 (r/re - 1)) fc, F = -3 sqrt(rho) + 0.002 rho^2. */
    // parameters chosen so that bcc at a = 3.1803 Å is a stable minimum (lowest Hessian eigenvalue
    // of the 2x2x2 cell 0.27 eV/Å^2; steeper pair or density functions make bcc unstable)
    static List<String> tungstenEam(String element) {
        double re = 2.75;
        double rc = 5.5;
        int nr = 1101;
        int nrho = 1001;
        double dr = rc / (nr - 1);
        double drho = 60.0 / (nrho - 1);
        List<String> out = new ArrayList<>(List.of("analytic W-like EAM for tests", "", "", "1 " + element,
                nrho + " " + drho + " " + nr + " " + dr + " " + rc, "74 183.84 3.1803 BCC"));
        double[] f = new double[nrho];
        for (int k = 0; k < nrho; k++) {
            double rho = k * drho;
            f[k] = -3 * Math.sqrt(rho) + 0.002 * rho * rho;
        }
        table(out, f);
        double[] rho = new double[nr];
        double[] rphi = new double[nr];
        for (int k = 0; k < nr; k++) {
            double r = k * dr;
            double x = 1 - (r / rc) * (r / rc);
            double fc = r < rc ? x * x * x : 0;
            rho[k] = Math.exp(-3 * (r / re - 1)) * fc;
            rphi[k] = r * 1.6 * Math.exp(-6 * (r / re - 1)) * fc;
        }
        table(out, rho);
        table(out, rphi);
        return out;
    }

    static void table(List<String> out, double[] v) {
        for (int k = 0; k < v.length; k += 4) {
            StringBuilder sb = new StringBuilder();
            for (int c = k; c < Math.min(k + 4, v.length); c++) {
                sb.append(c == k ? "" : " ").append(v[c]);
            }
            out.add(sb.toString());
        }
    }

    @Test
    void snapDescriptorsWithEamReference() throws Exception {
        Optional<Path> param = SharedDataDirectory.dataFile("descriptordos/w/D.snapparam");
        Optional<Path> coeff = SharedDataDirectory.dataFile("descriptordos/w/X_W.snapcoeff");
        Assumptions.assumeTrue(param.isPresent() && coeff.isPresent(), "shared W SNAP files not found (set DDOS_SHARED_DATA)");
        Structure lattice = Lattices.bcc("W", 3.1803, 2, 2, 2);
        StructureFormats.write(dir.resolve("W-bcc-2.dat"), lattice, "lammps-data");
        Files.write(dir.resolve("W.eam.alloy"), tungstenEam("W"));
        Path config = dir.resolve("w.yaml");
        List<String> yaml = new ArrayList<>(List.of("name: bcc", "structure: W-bcc-2.dat", "elements: W",
                "snapparam: " + param.get(), "snapcoeff: " + coeff.get(), "reference_eam: W.eam.alloy",
                "isosurfaces: [0.3, 0.6, 0.9]", "samples: 24", "pilot_samples: 12", "bins: 6", "seed: 2", "out: w.ddos"));
        Files.write(config, yaml);

        CliTest.Run r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        PhaseArchive a = PhaseArchives.read(dir.resolve("w.ddos"));
        assertTrue(a.complete());
        assertTrue(a.provenance().get("input.reference_eam").startsWith("W.eam.alloy sha256="), a.provenance().toString());
        assertTrue(a.provenance().get("campaign.reference").startsWith("EamPotential[eam/alloy W.eam.alloy (W)"));
        CompressedCampaign state = a.states().get(0);
        // harmonic reference = the EAM Hessian at the lattice (computed here directly; SNAP's differs)
        EamPotential eam = new EamPotential(EamFile.read(dir.resolve("W.eam.alloy")));
        Structure read = StructureFormats.read(dir.resolve("W-bcc-2.dat"), null,
                org.ddos.descriptors.io.ReadOptions.withTypeElements("W"));
        double[] k = HarmonicReference.of(eam, read, 1).stiffness();
        assertArrayEquals(k, state.stiffness, 1e-9 * k[k.length - 1]);
        SnapParameters sp = SnapParameters.read(param.get());
        SnapCoefficients sc = SnapCoefficients.read(coeff.get(), sp);
        SnapPotential snap = new SnapPotential(sp, sc, sc.elements()[0]);
        // the sampled descriptor is SNAP's
        assertArrayEquals(snap.meanDescriptor(read), state.latticeDescriptor, 1e-12);

        // an element map naming no element of the file, and a style key without a file, are refused
        yaml.set(yaml.size() - 1, "out: w2.ddos");
        List<String> bad = new ArrayList<>(yaml);
        bad.add("reference_eam_elements: [Mo]");
        Files.write(config, bad);
        r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("reference_eam: EAM file W.eam.alloy has no element Mo (it covers W)"), r.err());
        bad = new ArrayList<>(yaml);
        bad.remove("reference_eam: W.eam.alloy");
        bad.add("reference_eam_style: fs");
        Files.write(config, bad);
        r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("need 'reference_eam'"), r.err());
    }
}
