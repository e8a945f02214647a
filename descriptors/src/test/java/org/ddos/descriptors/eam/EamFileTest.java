package org.ddos.descriptors.eam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddos.descriptors.io.StructureFileException;
import org.ddos.descriptors.structure.Lattices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EamFileTest {
    @TempDir
    Path dir;

    /** Cu, Nr = Nrho = 21 (5 values per line: 5 lines per table). Lines: 1-3 header, 4 elements, 5 grid, 6 element line, 7-11 F, 12-16 rho, 17-21 r phi. */
    static List<String> small() {
        return new ArrayList<>(AnalyticEam.copper().lines(false, 21, 21, 30.0));
    }

    static StructureFileException fails(List<String> lines, EamStyle style) {
        return assertThrows(StructureFileException.class, () -> EamFile.parse(lines, "bad.eam.alloy", style));
    }

    @Test
    void readsHeaderGridAndTablesInDocumentedOrder() throws Exception {
        AnalyticEam m = AnalyticEam.ironChromium();
        Path p = m.write(dir, "FeCr.eam.fs", true, 31, 21, 40.0);
        EamFile f = EamFile.read(p);
        assertEquals(EamStyle.FS, f.style());
        assertArrayEquals(new String[] {"Fe", "Cr"}, f.elements());
        assertEquals(21, f.densityPoints());
        assertEquals(2.0, f.densitySpacing(), 1e-15);
        assertEquals(31, f.distancePoints());
        assertEquals(0.15, f.distanceSpacing(), 1e-15);
        assertEquals(4.5, f.cutoff());
        assertArrayEquals(new double[] {55.845, 51.996}, f.masses());
        assertEquals("custom", f.latticeTypes()[1]);
        assertEquals(m.embedding(1, 3 * 2.0), f.embedding(1)[3], 1e-12);
        // section of Cr, second table: density of a Cr atom at a Cr site; first: at an Fe site
        assertEquals(m.density(1, 0, 10 * 0.15), f.density(1, 0)[10], 1e-12);
        assertEquals(m.density(1, 1, 10 * 0.15), f.density(1, 1)[10], 1e-12);
        assertEquals(m.density(0, 1, 10 * 0.15), f.density(0, 1)[10], 1e-12);
        // pair tables (1,1), (2,1), (2,2), symmetric access
        assertEquals(1.5 * m.pair(1, 0, 1.5), f.pairTimesR(0, 1)[10], 1e-12);
        assertEquals(1.5 * m.pair(1, 1, 1.5), f.pairTimesR(1, 1)[10], 1e-12);
        // the same file read as eam/alloy fails at the place the layouts differ, with a hint
        StructureFileException e = assertThrows(StructureFileException.class, () -> EamFile.read(p, EamStyle.ALLOY));
        assertTrue(e.getMessage().contains("FeCr.eam.fs line ") && e.getMessage().contains("read it as eam/fs"), e.getMessage());
        assertEquals(EamStyle.ALLOY, EamStyle.fromFileName("Cu_mishin1.eam.alloy"));
        assertEquals(EamStyle.FS, EamStyle.parse("eam/fs"));
    }

    @Test
    void truncatedFileNamesFileLineAndTable() {
        List<String> lines = small();
        List<String> cut = new ArrayList<>(lines.subList(0, 14));
        StructureFileException e = fails(cut, EamStyle.ALLOY);
        assertEquals(14, e.line());
        assertTrue(e.getMessage().startsWith("bad.eam.alloy line 14: unexpected end of file in the rho(r) table of Cu"), e.getMessage());
        assertTrue(e.getMessage().contains("15 of 21 values"), e.getMessage());
        e = fails(new ArrayList<>(lines.subList(0, 2)), EamStyle.ALLOY);
        assertTrue(e.getMessage().contains("comment line 3"), e.getMessage());
    }

    @Test
    void wrongCountsAreErrors() {
        List<String> l = small();
        l.set(3, "2 Cu");
        StructureFileException e = fails(l, EamStyle.ALLOY);
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("Nelements = 2 but 1 element name(s)"), e.getMessage());

        l = small();
        l.set(3, "1 Cu Ni");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("Nelements = 1 but 2"));

        // a table line running on past its count (Nr one too small): the table ends mid-line
        l = small();
        l.set(4, l.get(4).replaceFirst(" 21 ", " 20 "));
        e = fails(l, EamStyle.ALLOY);
        assertEquals(20, e.line());
        assertTrue(e.getMessage().contains("r*phi(r) table of Cu-Cu (Nr = 20) ends after 4 of the 5 values"), e.getMessage());

        // one value too many at the end
        l = small();
        l.add("0.0");
        e = fails(l, EamStyle.ALLOY);
        assertEquals(22, e.line());
        assertTrue(e.getMessage().contains("unexpected content after the last r*phi(r) table"), e.getMessage());

        l = small();
        l.set(4, "21 1.5 3 0.25 5.0");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("Nr must be at least 5, got 3"));
        l.set(4, "21 1.5 21 0.25");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("expected 5 values 'Nrho drho Nr dr cutoff', got 4"));
        l.set(4, "21.5 1.5 21 0.25 5.0");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("expected an integer for Nrho, got '21.5'"));
    }

    @Test
    void negativeAndNonFiniteValuesAreErrors() {
        List<String> l = small();
        l.set(4, "21 1.5 21 -0.25 5.0");
        StructureFileException e = fails(l, EamStyle.ALLOY);
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("dr must be positive, got -0.25"), e.getMessage());
        l.set(4, "21 1.5 21 0.25 -5.0");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("cutoff must be positive"));
        l.set(4, "-21 1.5 21 0.25 5.0");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("Nrho must be at least 5, got -21"));

        l = small();
        l.set(5, "29 -63.5 3.615 FCC");
        e = fails(l, EamStyle.ALLOY);
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("mass of Cu must be positive"), e.getMessage());
        l.set(5, "29 63.5 -3.615 FCC");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("lattice constant of Cu must not be negative"));

        l = small();
        l.set(13, "0.1 0.2 NaN 0.4 0.5");
        e = fails(l, EamStyle.ALLOY);
        assertEquals(14, e.line());
        assertTrue(e.getMessage().contains("value 13 of the rho(r) table of Cu (Nr = 21) is not finite: 'NaN'"), e.getMessage());
        l.set(13, "0.1 0.2 abc 0.4 0.5");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("expected a number for value 13"));
    }

    @Test
    void unknownElementsAreErrors() throws Exception {
        EamFile f = EamFile.parse(small(), "Cu.eam.alloy", EamStyle.ALLOY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EamPotential(f).energy(Lattices.fcc("Ni", 3.52, 1, 1, 1)));
        assertEquals("EAM file Cu.eam.alloy has no element Ni (it covers Cu)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EamPotential(f, "Zr"));
        assertTrue(e.getMessage().contains("has no element Zr"), e.getMessage());
        // a structure with more species than the type map
        e = assertThrows(IllegalArgumentException.class, () -> new EamPotential(f, "Cu").energy(Lattices.randomAlloy(
                Lattices.fcc("Cu", 3.6, 1, 1, 1), new String[] {"Cu", "Ni"}, new double[] {0.5, 0.5}, 1)));
        assertTrue(e.getMessage().contains("names only 1"), e.getMessage());
        List<String> l = small();
        l.set(3, "2 Cu Cu");
        assertTrue(fails(l, EamStyle.ALLOY).getMessage().contains("element Cu is listed twice"));
    }
}
