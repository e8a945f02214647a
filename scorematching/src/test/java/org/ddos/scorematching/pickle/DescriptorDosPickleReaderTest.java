package org.ddos.scorematching.pickle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorDosPickleReaderTest {
    static final String BCC = "descriptordos/fe/Fe_bcc_444_Hessian_single_vol.pkl";

    @Test
    void readsThePublishedFeBccCampaign() throws Exception {
        PhaseCampaign c = DescriptorDosPickleReader.read(SharedData.require(BCC));
        assertEquals(20, c.isosurfaceCount());
        assertEquals(55, c.descriptorCount());
        assertEquals(128, c.atomCount());
        assertEquals(55.85, c.mass(), 0);
        assertEquals("hessian", c.flavor());
        assertEquals(9.7213, c.volumePerAtom(), 1e-4);
        // values below were read independently with Python's pickle + numpy 2.4
        assertEquals(1244.3246968826656, c.volume(), 0);
        assertEquals(-0.11341069783297308, c.logMeanEigenvalue(), 0);
        assertEquals(3.823234628027203, c.alphaShift(), 0);
        assertEquals(632.154252978231, c.latticeDescriptor()[0], 0);
        assertEquals(79.92237696861943, c.latticeDescriptor()[54], 0);
        assertEquals(10.75584596, c.cell()[0][0], 1e-8);
        assertEquals(384, c.latticePositions().length);
        // x_0 is stored in the unstrained cell C_ref = C_0 / 1.01; the lattice is x_0 mapped into C_0
        // (values from Python: x_0 @ inv(C_ref) @ C_0)
        assertArrayEquals(new double[] {1.344480744378221, 1.344480744378221, 1.344480744378221},
                Arrays.copyOfRange(c.latticePositions(), 3, 6), 1e-12);
        assertArrayEquals(new double[] {9.411365210647547, 9.411365210647547, 9.411365210647547},
                Arrays.copyOfRange(c.latticePositions(), 381, 384), 1e-12);
        IsosurfaceStatistics iso = c.isosurfaces().get(9);
        assertEquals(1.0, iso.isosurface(), 1e-12);
        assertEquals(8.479037327024082, iso.covarianceEigenvalues()[54], 0);
        assertEquals(0.1555632472049133, iso.rotation()[3][7], 0);
        assertEquals(-6.6186270866370664, iso.mean()[10], 0);
        assertEquals(-7.437182330872504, iso.binEdges()[54][0], 0);
        assertArrayEquals(new long[] {49, 52, 44, 57, 48}, Arrays.copyOfRange(iso.counts()[54], 40, 45));
        assertEquals(99, iso.binCount());
        for (int g = 1; g < 20; g++) {
            assertTrue(c.isosurfaces().get(g).isosurface() > c.isosurfaces().get(g - 1).isosurface(), "sorted");
        }
        // alpha = ln(isosurface) - alpha_shift
        assertEquals(-3.823234628027203, c.alpha(9), 1e-12);
    }

    @Test
    void readsTheFccCampaignWithItsOwnShape() throws Exception {
        PhaseCampaign c = DescriptorDosPickleReader.read(SharedData.require("descriptordos/fe/Fe_fcc_333_Hessian_single_vol.pkl"));
        assertEquals(108, c.atomCount());
        assertEquals(10.3808, c.volumePerAtom(), 1e-4);
        assertEquals(324, c.latticePositions().length);
        // C_0 = 1.005 C_ref: positions mapped into C_0 (values from Python)
        assertArrayEquals(new double[] {1.7314118359102626, 1.7314118359102626, 0.0},
                Arrays.copyOfRange(c.latticePositions(), 3, 6), 1e-12);
        assertArrayEquals(new double[] {6.92564734364105, 8.657059179551311, 8.657059179551311},
                Arrays.copyOfRange(c.latticePositions(), 321, 324), 1e-12);
    }

    @Test
    void positionsKeepTheirFractionalCoordinatesInATriclinicCell() {
        double[][] from = {{3, 0, 0}, {1, 2, 0}, {0.5, 0.25, 4}};
        double[][] to = {{3.3, 0.1, 0}, {0.9, 2.2, 0.2}, {0.4, 0.3, 4.1}};
        // fractional (0.25, 0.5, 0.75) and (1, 0, -0.5): x = f . from, expected f . to
        double[] x = {0.25 * 3 + 0.5 * 1 + 0.75 * 0.5, 0.5 * 2 + 0.75 * 0.25, 0.75 * 4, 3 - 0.25, -0.125, -2};
        double[] y = DescriptorDosPickleReader.mapIntoCell(x, from, to, Path.of("t.pkl"));
        assertArrayEquals(new double[] {0.25 * 3.3 + 0.5 * 0.9 + 0.75 * 0.4, 0.25 * 0.1 + 0.5 * 2.2 + 0.75 * 0.3,
            0.5 * 0.2 + 0.75 * 4.1, 3.3 - 0.2, 0.1 - 0.15, -2.05}, y, 1e-14);
        assertThrows(CampaignFormatException.class,
                () -> DescriptorDosPickleReader.mapIntoCell(x, new double[3][3], to, Path.of("t.pkl")));
    }

    @Test
    void truncatedPickleIsAClearError(@TempDir Path dir) throws Exception {
        byte[] all = Files.readAllBytes(SharedData.require(BCC));
        Path cut = dir.resolve("cut.pkl");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        CampaignFormatException e = assertThrows(CampaignFormatException.class, () -> DescriptorDosPickleReader.read(cut));
        assertTrue(e.getMessage().contains("cut.pkl"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("truncated") || e.getMessage().contains("not a readable"), e.getMessage());
    }

    @Test
    void foreignFileIsAClearError(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("notes.pkl");
        Files.writeString(txt, "rcutfac 4.7\ntwojmax 8\n");
        CampaignFormatException e = assertThrows(CampaignFormatException.class, () -> DescriptorDosPickleReader.read(txt));
        assertTrue(e.getMessage().contains("notes.pkl"), e.getMessage());
        assertTrue(!DescriptorDosPickleReader.looksLikePickle(txt));
    }

    /** A protocol-2 pickle calling os.system("echo hi") on load: must be refused before anything runs. */
    @Test
    void refusesPicklesNamingNonNumpyClasses(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x80, 2});
        b.write("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        b.write('X');
        byte[] arg = "echo hi".getBytes(StandardCharsets.US_ASCII);
        b.write(new byte[] {(byte) arg.length, 0, 0, 0});
        b.write(arg);
        b.write(new byte[] {(byte) 0x85, 'R', '.'}); // TUPLE1, REDUCE, STOP
        Path evil = dir.resolve("evil.pkl");
        Files.write(evil, b.toByteArray());
        CampaignFormatException e = assertThrows(CampaignFormatException.class, () -> DescriptorDosPickleReader.read(evil));
        assertTrue(e.getMessage().contains("os.system"), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    /** A pickle holding collections.OrderedDict (a non-numpy class) instead of the campaign list. */
    @Test
    void refusesNonNumpyContainerClasses(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x80, 2});
        b.write("ccollections\nOrderedDict\n".getBytes(StandardCharsets.US_ASCII));
        b.write(new byte[] {')', 'R', '.'}); // EMPTY_TUPLE, REDUCE, STOP
        Path f = dir.resolve("od.pkl");
        Files.write(f, b.toByteArray());
        CampaignFormatException e = assertThrows(CampaignFormatException.class, () -> DescriptorDosPickleReader.read(f));
        assertTrue(e.getMessage().contains("collections.OrderedDict"), e.getMessage());
    }

    /** A valid pickle of the wrong shape: a list of ints. */
    @Test
    void wrongContentNamesTheProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ints.pkl");
        Files.write(f, new byte[] {(byte) 0x80, 2, ']', 'K', 1, 'a', '.'}); // [1]
        CampaignFormatException e = assertThrows(CampaignFormatException.class, () -> DescriptorDosPickleReader.read(f));
        assertTrue(e.getMessage().contains("entry 0 is not a dict"), e.getMessage());
    }
}
