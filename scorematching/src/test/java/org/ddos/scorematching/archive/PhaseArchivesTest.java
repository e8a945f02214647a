package org.ddos.scorematching.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.io.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.scorematching.score.ScoreMatchingSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseArchivesTest {
    static Path pickle;
    static byte[] encoded;

    @BeforeAll
    static void importFe() throws Exception {
        Optional<Path> p = SharedDataDirectory.dataFile("descriptordos/fe/Fe_bcc_444_Hessian_single_vol.pkl");
        Assumptions.assumeTrue(p.isPresent(), "shared Fe pickle not found: skipping archive tests on real data");
        pickle = p.get();
        encoded = PhaseArchives.encode(PhaseArchives.importPickle(pickle, "bcc", ScoreMatchingSettings.DEFAULT, "test"));
    }

    static void assertSameCampaign(PhaseCampaign a, PhaseCampaign b) {
        assertEquals(a.atomCount(), b.atomCount());
        assertEquals(a.mass(), b.mass(), 0);
        assertEquals(a.volume(), b.volume(), 0);
        assertEquals(a.energyScale(), b.energyScale(), 0);
        assertEquals(a.logMeanEigenvalue(), b.logMeanEigenvalue(), 0);
        assertEquals(a.alphaShift(), b.alphaShift(), 0);
        assertEquals(a.flavor(), b.flavor());
        assertTrue(Arrays.deepEquals(a.cell(), b.cell()));
        assertArrayEquals(a.latticePositions(), b.latticePositions(), 0);
        assertArrayEquals(a.latticeDescriptor(), b.latticeDescriptor(), 0);
        assertEquals(a.isosurfaceCount(), b.isosurfaceCount());
        for (int g = 0; g < a.isosurfaceCount(); g++) {
            IsosurfaceStatistics x = a.isosurfaces().get(g);
            IsosurfaceStatistics y = b.isosurfaces().get(g);
            assertEquals(x.isosurface(), y.isosurface(), 0);
            assertArrayEquals(x.mean(), y.mean(), 0);
            assertArrayEquals(x.covarianceEigenvalues(), y.covarianceEigenvalues(), 0);
            assertTrue(Arrays.deepEquals(x.rotation(), y.rotation()), "rotation " + g);
            assertTrue(Arrays.deepEquals(x.binEdges(), y.binEdges()), "edges " + g);
            assertTrue(Arrays.deepEquals(x.counts(), y.counts()), "counts " + g);
        }
    }

    @Test
    void fePickleRoundTripsBitForBitAndFitsIdentically() throws Exception {
        PhaseCampaign original = DescriptorDosPickleReader.read(pickle);
        PhaseArchive back = PhaseArchives.decode(encoded, "fe.ddos");
        assertEquals("bcc", back.name());
        assertEquals("Fe_bcc_444_Hessian_single_vol.pkl", back.provenance().get("source.file"));
        assertEquals(1, back.campaigns().size());
        assertSameCampaign(original, back.campaigns().get(0));
        PhaseEntropy e1 = ScoreMatcher.fit(original, ScoreMatchingSettings.DEFAULT);
        PhaseEntropy e2 = back.entropy(0);
        for (int g = 0; g < e1.isosurfaceCount(); g++) {
            assertArrayEquals(e1.entropy(g), e2.entropy(g), 0);
            assertArrayEquals(e1.coordinates(g), e2.coordinates(g), 0);
        }
        // 20 isosurfaces x 55 descriptors x 99 bins: target at most 1 MB per phase
        assertTrue(encoded.length < 1_000_000, "archive size " + encoded.length + " bytes");
    }

    @Test
    void readsFormatVersion1AndWritesTheSameValuesSmaller() throws Exception {
        PhaseArchive archive = PhaseArchives.decode(encoded, "fe.ddos");
        byte[] v1 = PhaseArchives.encode(archive, 1);
        assertEquals(1, java.nio.ByteBuffer.wrap(v1, 8, 4).getInt(), "container version");
        PhaseArchive old = PhaseArchives.decode(v1, "v1.ddos");
        assertSameCampaign(archive.campaigns().get(0), old.campaigns().get(0));
        assertArrayEquals(encoded, PhaseArchives.encode(old), "v1 -> v2 re-save is the direct v2 encoding");
        assertTrue(encoded.length < v1.length, "v2 " + encoded.length + " bytes, v1 " + v1.length);
        assertThrows(IllegalArgumentException.class, () -> PhaseArchives.encode(archive, PhaseArchives.FORMAT_VERSION + 1));
    }

    @Test
    void binEdgesOfTheFormLoPlusBStepAreStoredByTwoNumbers() {
        double lo = -0.012345678901234567;
        double step = 3.3333333333333335e-4 * 1.07;
        double[] e = new double[101];
        for (int b = 0; b <= 100; b++) {
            e[b] = lo + b * step;
        }
        double s = ArchiveSerializers.stepReproducing(e);
        for (int b = 0; b <= 100; b++) {
            assertEquals(e[b], e[0] + b * s, 0);
        }
        Output out = new Output(4096);
        ArchiveSerializers.writeEdges(out, e, PhaseArchives.FORMAT_VERSION);
        assertEquals(1 + 1 + 8 + 8, out.position());
        double[] back = ArchiveSerializers.readEdges(new com.esotericsoftware.kryo.io.Input(out.toBytes()));
        assertArrayEquals(e, back, 0);
        // irregular edges stay explicit
        e[50] = Math.nextUp(e[50]);
        assertTrue(Double.isNaN(ArchiveSerializers.stepReproducing(e)));
        Output o2 = new Output(4096);
        ArchiveSerializers.writeEdges(o2, e, PhaseArchives.FORMAT_VERSION);
        assertArrayEquals(e, ArchiveSerializers.readEdges(new com.esotericsoftware.kryo.io.Input(o2.toBytes())), 0);
    }

    @Test
    void writesAtomicallyAndDetectsTheMagic(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fe.ddos");
        PhaseArchives.write(f, PhaseArchives.decode(encoded, "x"));
        assertTrue(PhaseArchives.isArchive(f));
        assertTrue(!PhaseArchives.isArchive(pickle));
        assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
        assertSameCampaign(PhaseArchives.read(f).campaigns().get(0), DescriptorDosPickleReader.read(pickle));
    }

    @Test
    void rejectsTruncatedArchives() {
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 100);
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(cut, "cut.ddos"));
        assertTrue(e.getMessage().contains("cut.ddos: truncated"), e.getMessage());
        byte[] header = Arrays.copyOf(encoded, 12);
        assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(header, "h.ddos"));
    }

    @Test
    void rejectsCorruptedArchives() {
        byte[] bad = encoded.clone();
        bad[bad.length / 2] ^= 0x10;
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(bad, "bad.ddos"));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        byte[] notArchive = "hello world, this is not an archive".getBytes();
        assertTrue(assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(notArchive, "t.txt"))
                .getMessage().contains("wrong magic"));
    }

    @Test
    void rejectsNewerFormatVersions() {
        byte[] newer = PhaseArchives.container(new byte[] {1, 2, 3}, PhaseArchives.FORMAT_VERSION + 1);
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(newer, "new.ddos"));
        assertTrue(e.getMessage().contains("version " + (PhaseArchives.FORMAT_VERSION + 1) + " is newer"), e.getMessage());
    }

    @Test
    void rejectsUnregisteredClasses() {
        // a payload naming class id 77 (Kryo writes id + 2), which the archive format does not register
        Output out = new Output(16);
        out.writeVarInt(77 + 2, true);
        byte[] foreign = PhaseArchives.container(out.toBytes(), PhaseArchives.FORMAT_VERSION);
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(foreign, "f.ddos"));
        assertTrue(e.getMessage().contains("not part of the archive format"), e.getMessage());
        // a registered Kryo default (String, id 3... any non-archive class) is refused too
        Output s = new Output(64);
        ArchiveSerializers.newKryo().writeClassAndObject(s, "java.lang.Runtime");
        byte[] str = PhaseArchives.container(s.toBytes(), PhaseArchives.FORMAT_VERSION);
        assertTrue(assertThrows(ArchiveFormatException.class, () -> PhaseArchives.decode(str, "s.ddos"))
                .getMessage().contains("does not hold a phase"));
    }
}
