package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapFilesTest {
    @Test
    void readsTheWParameterFile() throws Exception {
        SnapParameters p = SnapParameters.read(SnapTestData.file("descriptordos/w/D.snapparam"));
        assertEquals(4.7, p.rcutfac());
        assertEquals(0.99363, p.rfac0());
        assertEquals(8, p.twojmax());
        assertEquals(0.0, p.rmin0());
        assertTrue(p.bzeroFlag());
        assertTrue(p.switchFlag(), "switchflag defaults to 1");
        assertFalse(p.quadraticFlag());
        assertFalse(p.bnormFlag());
        assertEquals(55, p.bispectrumCount());
        assertEquals(56, p.coefficientCount());
    }

    @Test
    void componentCountsFollowLammps() {
        // LAMMPS: 2J_max = 2, 4, 6, 8, 10 give 5, 14, 30, 55, 91 components
        int[] expected = {5, 14, 30, 55, 91};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], SnapParameters.bispectrumCount(2 * t + 2));
        }
        // the first components of compute sna/atom: (0,0,0), (1,0,1), (1,1,2), (2,0,2), (2,1,3)
        int[][] l = new SnapBispectrum(SnapParameters.of(4.7, 8)).componentLabels();
        assertArrayEquals(new int[] {0, 0, 0}, l[0]);
        assertArrayEquals(new int[] {1, 0, 1}, l[1]);
        assertArrayEquals(new int[] {1, 1, 2}, l[2]);
        assertArrayEquals(new int[] {2, 0, 2}, l[3]);
        assertArrayEquals(new int[] {2, 1, 3}, l[4]);
        assertArrayEquals(new int[] {8, 8, 8}, l[54]);
    }

    @Test
    void parameterErrorsNameFileLineAndKeyword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SnapParameters.parse("a.snapparam",
                List.of("# c", "rcutfac 4.7", "twojmax 8", "rcutoff 5")));
        assertEquals("a.snapparam line 4: unknown keyword 'rcutoff'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SnapParameters.parse("b.snapparam",
                List.of("rcutfac 4.7", "twojmax 8", "chemflag 1")));
        assertTrue(e.getMessage().startsWith("b.snapparam line 3: chemflag 1") && e.getMessage().contains("not supported"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SnapParameters.parse("c.snapparam",
                List.of("rcutfac 4.7", "twojmax eight")));
        assertTrue(e.getMessage().contains("c.snapparam line 2") && e.getMessage().contains("twojmax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SnapParameters.parse("d.snapparam",
                List.of("rcutfac 4.7 # cutoff")));
        assertTrue(e.getMessage().contains("twojmax"), e.getMessage());
        SnapParameters p = SnapParameters.parse("e.snapparam", List.of("rcutfac 4.7   # cutoff", "", "twojmax 6",
                "switchflag 0", "chunksize 2000"));
        assertFalse(p.switchFlag());
        assertEquals(6, p.twojmax());
    }

    @Test
    void coefficientFileOfFeHas55LinearTerms() throws Exception {
        SnapParameters p = SnapParameters.read(SnapTestData.file("descriptordos/testing/test.snapparam"));
        SnapCoefficients c = SnapCoefficients.read(SnapTestData.file("descriptordos/fe/X_Fe.snapcoeff"), p);
        assertEquals(1, c.elementCount());
        assertEquals("X", c.elements()[0]);
        assertEquals(0.5, c.radius(0));
        assertEquals(1.0, c.weight(0));
        assertEquals(55, c.linear(0).length);
        assertEquals(0, c.quadratic(0).length);
        assertEquals(0.004261964415085586, c.linear(0)[0]);
        assertEquals(-0.0017538426712114807, c.linear(0)[1]);
    }

    @Test
    void coefficientCountMismatchIsReported() throws Exception {
        Path f = SnapTestData.file("descriptordos/w/X_W.snapcoeff");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnapCoefficients.read(f, SnapParameters.of(4.7, 6)));
        assertTrue(e.getMessage().startsWith("X_W.snapcoeff line 4: ncoeff 56 does not match twojmax 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SnapCoefficients.parse("t.snapcoeff",
                List.of("1 15", "X 0.5 1.0", "0.0", "1.0"), SnapParameters.of(4.7, 4)));
        assertTrue(e.getMessage().contains("end of file after 2 of 15"), e.getMessage());
    }

    @Test
    void writerRoundTripsHeaderAndValues(@TempDir Path dir) throws Exception {
        SnapParameters p = SnapParameters.read(SnapTestData.file("descriptordos/w/D.snapparam"));
        SnapCoefficients c = SnapCoefficients.read(SnapTestData.file("descriptordos/w/X_W.snapcoeff"), p);
        double[] lin = c.linear(0);
        lin[3] = Math.PI / 7;
        SnapCoefficients d = c.withLinear(0, -1.25, lin);
        Path out = dir.resolve("new.snapcoeff");
        d.write(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("#", "# Test values for W", "#", "1 56", "X 0.5 1.0"), lines.subList(0, 5));
        SnapCoefficients r = SnapCoefficients.read(out, p);
        assertEquals(-1.25, r.beta0(0));
        assertArrayEquals(lin, r.linear(0), 0.0);
        assertEquals(c.header(), r.header());
    }
}
