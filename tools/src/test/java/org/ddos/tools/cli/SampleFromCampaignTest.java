package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Assumptions;
import org.ddos.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code structure:} naming a published campaign (the DescriptorDOS Fe pickles): the lattice read
 * from it, with examples/fe/Fe.snapparam and X_Fe.snapcoeff, reproduces the authors' D_0 (computed
 * by LAMMPS {@code compute sna/atom}) on all 55 components; a pickle that is not a campaign is
 * refused with a message naming the file.
 */
class SampleFromCampaignTest {
    static final String BCC = "descriptordos/fe/Fe_bcc_444_Hessian_single_vol.pkl";
    static final String FCC = "descriptordos/fe/Fe_fcc_333_Hessian_single_vol.pkl";
    /** the example hyper-parameters, relative to the tools module directory (Maven's working directory) */
    static final Path FE_SNAPPARAM = Path.of("..", "examples", "fe", "Fe.snapparam");

    @TempDir
    Path dir;

    @Test
    void latticeDescriptorOfThePublishedFeCampaignsIsReproduced() throws Exception {
        Path coeff = SharedData.require("descriptordos/fe/X_Fe.snapcoeff");
        assertTrue(Files.exists(FE_SNAPPARAM), FE_SNAPPARAM.toAbsolutePath().toString());
        SnapParameters sp = SnapParameters.read(FE_SNAPPARAM);
        SnapCoefficients sc = SnapCoefficients.read(coeff, sp);
        SnapPotential snap = new SnapPotential(sp, sc, sc.elements()[0]);
        // D_0 components 0, 13, 32, 54 as stored in the pickles (read with Python's pickle + numpy)
        double[][] published = {{632.154252978231, 208.12144587967404, 416.3047278707784, 79.92237696861943},
            {537.1083653600067, 213.1366137783368, 409.00482731264117, 172.47095507164408}};
        String[] files = {BCC, FCC};
        int[] atoms = {128, 108};
        double[] cellEdge = {10.755845955025768, 10.388471015461576};
        for (int p = 0; p < 2; p++) {
            Path pkl = SharedData.require(files[p]);
            Structure lattice = SampleCommand.referenceLattice(pkl, "Fe");
            assertEquals(atoms[p], lattice.atomCount());
            assertEquals(55.85, lattice.massOf(0), 0);
            assertEquals("Fe", lattice.elements()[0]);
            assertEquals(cellEdge[p], lattice.cell()[0][0], 1e-12);
            double[] d0 = snap.meanDescriptor(lattice);
            double[] ref = org.ddos.scorematching.pickle.DescriptorDosPickleReader.read(pkl).latticeDescriptor();
            assertEquals(55, d0.length);
            assertArrayEquals(published[p], new double[] {ref[0], ref[13], ref[32], ref[54]}, 0);
            // measured: 3e-14 relative on every component (the pre-fix reader, x_0 left in C_ref, gave 0.4% on B_0)
            for (int k = 0; k < 55; k++) {
                assertEquals(ref[k], d0[k], 1e-10 * Math.max(1, Math.abs(ref[k])), files[p] + " component " + k);
            }
        }
    }

    @Test
    void anArchiveGivesItsLatticeAndSeveralVolumesAreRefused() throws Exception {
        Optional<Path> param = SharedDataDirectory.dataFile("descriptordos/w/D.snapparam");
        Optional<Path> coeff = SharedDataDirectory.dataFile("descriptordos/w/X_W.snapcoeff");
        Assumptions.assumeTrue(param.isPresent() && coeff.isPresent(), "shared W SNAP files not found (set DDOS_SHARED_DATA)");
        Structure w = org.ddos.descriptors.structure.Lattices.bcc("W", 3.1803, 2, 2, 2);
        org.ddos.descriptors.io.StructureFormats.write(dir.resolve("W-bcc-2.dat"), w, "lammps-data");
        Path config = dir.resolve("w.yaml");
        Files.write(config, List.of("name: bcc", "structure: W-bcc-2.dat", "elements: W", "snapparam: " + param.get(),
                "snapcoeff: " + coeff.get(), "isosurfaces: [0.3, 0.6, 0.9]", "strains: [0.0, 0.03]", "samples: 12",
                "bins: 4", "out: w2.ddos"));
        CliTest.Run r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SampleCommand.referenceLattice(dir.resolve("w2.ddos"), "W"));
        assertTrue(e.getMessage().contains("w2.ddos") && e.getMessage().contains("2 volumes"), e.getMessage());

        Files.write(config, List.of("name: bcc", "structure: W-bcc-2.dat", "elements: W", "snapparam: " + param.get(),
                "snapcoeff: " + coeff.get(), "isosurfaces: [0.3, 0.6, 0.9]", "samples: 12", "bins: 4", "out: w1.ddos"));
        r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        Structure back = SampleCommand.referenceLattice(dir.resolve("w1.ddos"), "W");
        assertEquals(16, back.atomCount());
        assertArrayEquals(w.positions(), back.positions(), 0);
        assertEquals(2 * 3.1803, back.cell()[1][1], 1e-12);
        assertEquals(w.massOf(0), back.massOf(0), 0);
    }

    @Test
    void aPickleThatIsNotACampaignIsRefused() throws Exception {
        Path coeff = SharedData.require("descriptordos/fe/X_Fe.snapcoeff");
        // protocol-2 pickle of the list [1]: PROTO 2, EMPTY_LIST, BININT1 1, APPEND, STOP
        Path bad = dir.resolve("lattice.pkl");
        Files.write(bad, new byte[] {(byte) 0x80, 2, ']', 'K', 1, 'a', '.'});
        Path config = dir.resolve("fe.yaml");
        Files.write(config, List.of("name: bcc", "structure: lattice.pkl", "elements: Fe",
                "snapparam: " + FE_SNAPPARAM.toAbsolutePath(), "snapcoeff: " + coeff, "isosurfaces: [0.5, 1.0, 1.5]",
                "samples: 20", "out: fe.ddos"));
        CliTest.Run r = CliTest.run("sample", "--config", config.toString(), "--threads", "1");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("lattice.pkl") && r.err().contains("entry 0 is not a dict"), r.err());
        assertTrue(Files.notExists(dir.resolve("fe.ddos")));
    }
}
