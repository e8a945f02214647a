package org.ddos.descriptors.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.structure.StructureChecks;
import org.ddos.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFormatsTest {

    static List<String> lines(String text) {
        return text.lines().toList(); // as Files.readAllLines gives them
    }

    static double[] sortedDistances(Structure s, int atom, double rc) {
        CellListNeighborList l = CellListNeighborList.build(s, rc);
        double[] d = new double[l.count(atom)];
        double[] disp = l.displacements();
        for (int k = 0; k < d.length; k++) {
            int e = l.start(atom) + k;
            d[k] = Math.sqrt(disp[3 * e] * disp[3 * e] + disp[3 * e + 1] * disp[3 * e + 1] + disp[3 * e + 2] * disp[3 * e + 2]);
        }
        Arrays.sort(d);
        return d;
    }

    @Test
    void readsAseWrittenTungstenBcc() throws IOException {
        Path p = SharedData.require("descriptordos/w/W-bcc.dat");
        Structure s = StructureFormats.read(p, null, ReadOptions.withTypeElements("W"));
        assertEquals(128, s.atomCount());
        assertArrayEquals(new String[] {"W"}, s.elements());
        assertEquals(183.84, s.masses()[0], 0);
        double l = 12.742537224023346;
        assertEquals(l * l * l, s.volume(), 1e-9);
        assertEquals(16.16, s.volume() / 128, 0.01);
        // atom 2 (id 2) is at (a/2, a/2, a/2) with a = l/4
        assertEquals(1.5928171530029183, s.positions()[3], 0);
        double a = l / 4;
        double[] d = sortedDistances(s, 0, 3.0);
        assertEquals(8, d.length);
        assertEquals(a * Math.sqrt(3) / 2, d[0], 1e-12);
    }

    @Test
    void readsA15AndTestCells() throws IOException {
        Structure a15 = StructureFormats.read(SharedData.require("descriptordos/w/W-a15.dat"), null, ReadOptions.withTypeElements("W"));
        assertEquals(64, a15.atomCount());
        double l = 10.182917621744457;
        assertEquals(l * l * l / 64, a15.volume() / 64, 1e-12);
        Structure fe = StructureFormats.read(SharedData.require("descriptordos/testing/test.dat"), null, ReadOptions.withTypeElements("Fe"));
        assertEquals(54, fe.atomCount());
        assertEquals(55.845, fe.massOf(0), 0);
        assertEquals(7.9870223545609127 / 3 * Math.sqrt(3) / 2, sortedDistances(fe, 5, 2.6)[0], 1e-12);
    }

    @Test
    void lammpsWithoutMassesNeedsElements() throws IOException {
        Path p = SharedData.require("descriptordos/w/W-bcc.dat");
        StructureFileException e = assertThrows(StructureFileException.class, () -> StructureFormats.read(p));
        assertTrue(e.getMessage().startsWith("W-bcc.dat"), e.getMessage());
        assertTrue(e.getMessage().contains("element of atom type 1"), e.getMessage());
    }

    static final String TRICLINIC_DATA = String.join("\n",
            "LAMMPS data file via write_data, version 2 Aug 2023",
            "",
            "3 atoms",
            "2 atom types",
            "",
            "-1.0 3.0 xlo xhi",
            "0.5 4.5 ylo yhi",
            "0.0 5.0 zlo zhi",
            "1.0 -0.5 0.25 xy xz yz",
            "",
            "Masses",
            "",
            "1 63.546",
            "2 58.6934",
            "",
            "Atoms # atomic",
            "",
            "3 1 0.0 1.0 2.0 0 0 0",
            "1 2 -1.0 0.5 0.0 0 0 0",
            "2 1 1.0 2.5 1.0 0 1 0",
            "",
            "Velocities",
            "",
            "1 0.1 0.0 0.0",
            "2 0.0 0.0 0.0",
            "3 0.0 0.0 0.0",
            "");

    @Test
    void readsTriclinicLammpsDataWithMasses() throws IOException {
        Structure s = StructureFormats.parse(lines(TRICLINIC_DATA), "tri.data", null, ReadOptions.DEFAULT);
        assertArrayEquals(new double[] {4, 0, 0}, s.cell()[0], 0);
        assertArrayEquals(new double[] {1, 4, 0}, s.cell()[1], 0);
        assertArrayEquals(new double[] {-0.5, 0.25, 5}, s.cell()[2], 0);
        // element guessed from the standard weights; atoms ordered by id; origin removed
        assertArrayEquals(new String[] {"Cu", "Ni"}, s.elements());
        assertArrayEquals(new int[] {1, 0, 0}, s.species());
        assertArrayEquals(new double[] {0, 0, 0, 2, 2, 1, 1, 0.5, 2}, s.positions(), 1e-15);
    }

    static Structure randomStructure(long seed, boolean lowerTriangular) {
        Random rnd = new Random(seed);
        double[][] cell = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int x = 0; x < 3; x++) {
                if (!lowerTriangular || x <= a) {
                    cell[a][x] = (a == x ? 5 : 0) + rnd.nextDouble() - 0.5;
                }
            }
        }
        int n = 7;
        double[] pos = new double[3 * n];
        int[] species = new int[n];
        for (int i = 0; i < n; i++) {
            double s0 = rnd.nextDouble();
            double s1 = rnd.nextDouble();
            double s2 = rnd.nextDouble();
            for (int x = 0; x < 3; x++) {
                pos[3 * i + x] = s0 * cell[0][x] + s1 * cell[1][x] + s2 * cell[2][x];
            }
            species[i] = i % 3 == 0 ? 1 : 0;
        }
        return new Structure(cell, pos, species, new String[] {"Pt", "Rh"}, new double[] {195.084, 102.9055});
    }

    @Test
    void extendedXyzRoundTripIsExact() throws IOException {
        Structure s = randomStructure(1, false);
        String text = StructureFormats.format(s, "extxyz");
        Structure back = StructureFormats.parse(lines(text), "x.xyz", null, ReadOptions.DEFAULT);
        assertArrayEquals(s.positions(), back.positions(), 0);
        assertArrayEquals(s.cell(), back.cell());
        for (int i = 0; i < s.atomCount(); i++) {
            // species are renumbered in order of first appearance; elements and masses per atom stay
            assertEquals(s.elements()[s.speciesOf(i)], back.elements()[back.speciesOf(i)]);
            assertEquals(s.massOf(i), back.massOf(i), 0);
        }
        // a non-standard mass travels in a masses column
        Structure heavy = new Structure(s.cell(), s.positions(), s.species(), s.elements(), new double[] {195.0, 103.0});
        Structure heavyBack = StructureFormats.parse(lines(StructureFormats.format(heavy, "extxyz")), "h.xyz", null,
                ReadOptions.DEFAULT);
        assertEquals(103.0, heavyBack.massOf(0), 0);
        assertEquals(195.0, heavyBack.massOf(1), 0);
    }

    @Test
    void readsAseStyleExtendedXyzWithExtraColumns() throws IOException {
        String text = String.join("\n",
                "2",
                "Lattice=\"3.165 0.0 0.0 0.0 3.165 0.0 0.0 0.0 3.165\" Properties=species:S:1:pos:R:3:forces:R:3 "
                        + "energy=-25.9 pbc=\"T T T\"",
                "W        0.00000000       0.00000000       0.00000000  0.1 0.0 0.0",
                "W        1.58250000       1.58250000       1.58250000  -0.1 0.0 0.0",
                "2",
                "Lattice=\"3.2 0.0 0.0 0.0 3.2 0.0 0.0 0.0 3.2\" Properties=species:S:1:pos:R:3:forces:R:3",
                "W        0.00000000       0.00000000       0.00000000  0.1 0.0 0.0",
                "W        1.6       1.6       1.6  -0.1 0.0 0.0",
                "");
        Structure s = StructureFormats.parse(lines(text), "traj.extxyz", null, ReadOptions.DEFAULT);
        assertEquals(2, s.atomCount());
        assertEquals(1.5825, s.positions()[4], 0);
        assertEquals(3.165 * 3.165 * 3.165, s.volume(), 1e-12);
        List<Structure> frames = new ExtendedXyzFormat().readAll(lines(text), "traj.extxyz");
        assertEquals(2, frames.size());
        assertEquals(3.2 * 3.2 * 3.2, frames.get(1).volume(), 1e-12);
    }

    @Test
    void lammpsRoundTripExactForLammpsCellsAndRigidRotationOtherwise() throws IOException {
        Structure s = randomStructure(2, true);
        Structure back = StructureFormats.parse(lines(StructureFormats.format(s, "lammps-data")), "r.data", null,
                ReadOptions.DEFAULT);
        assertArrayEquals(s.positions(), back.positions(), 0);
        assertArrayEquals(s.cell(), back.cell());
        assertArrayEquals(s.elements(), back.elements());
        assertArrayEquals(s.masses(), back.masses(), 0);
        assertArrayEquals(s.species(), back.species());

        Structure g = randomStructure(3, false);
        Structure rot = StructureFormats.parse(lines(StructureFormats.format(g, "lammps-data")), "g.data", null,
                ReadOptions.DEFAULT);
        assertEquals(g.volume(), rot.volume(), 1e-10);
        double[][] c = rot.cell();
        assertEquals(0, c[0][1], 0);
        assertEquals(0, c[0][2], 0);
        assertEquals(0, c[1][2], 0);
        for (int i = 0; i < g.atomCount(); i++) {
            assertArrayEquals(sortedDistances(g, i, 6), sortedDistances(rot, i, 6), 1e-10);
        }
    }

    static final String POSCAR = String.join("\n",
            "bcc Fe",
            "2.0",
            "  1.435 0.0 0.0",
            "  0.0 1.435 0.0",
            "  0.0 0.0 1.435",
            "Fe_pv",
            "2",
            "Selective dynamics",
            "Direct",
            "  0.0 0.0 0.0 T T T",
            "  0.5 0.5 0.5 T T T",
            "");

    @Test
    void readsPoscarDirectCartesianAndNegativeScale() throws IOException {
        Structure s = StructureFormats.parse(lines(POSCAR), "POSCAR", null, ReadOptions.DEFAULT);
        assertEquals(2.87 * 2.87 * 2.87, s.volume(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1.435, 1.435, 1.435}, s.positions(), 1e-15);
        assertArrayEquals(new String[] {"Fe"}, s.elements());
        assertEquals(55.845, s.massOf(0), 0);

        String cart = String.join("\n", "Cu3Au", "-53.0", "1 0 0", "0 1 0", "0 0 1", "Au Cu", "1 3", "Cartesian",
                "0 0 0", "0 0.5 0.5", "0.5 0 0.5", "0.5 0.5 0", "");
        Structure c = StructureFormats.parse(lines(cart), "CONTCAR", null, ReadOptions.DEFAULT);
        double a = Math.cbrt(53.0);
        assertEquals(53.0, c.volume(), 1e-10);
        assertEquals(0.5 * a, c.positions()[4], 1e-14);
        assertArrayEquals(new int[] {0, 1, 1, 1}, c.species());

        String vasp4 = String.join("\n", "Mo", "3.147", "1 0 0", "0 1 0", "0 0 1", "2", "Direct", "0 0 0", "0.5 0.5 0.5", "");
        Structure m = StructureFormats.parse(lines(vasp4), "Mo.vasp", null, ReadOptions.DEFAULT);
        assertArrayEquals(new String[] {"Mo"}, m.elements());
        assertEquals(95.95, m.massOf(1), 0);

        Structure r = randomStructure(4, false);
        Structure back = StructureFormats.parse(lines(StructureFormats.format(r, "vasp")), "POSCAR", null, ReadOptions.DEFAULT);
        assertEquals(r.volume(), back.volume(), 1e-12);
        assertArrayEquals(r.cell(), back.cell());
    }

    @Test
    void registryDetectsByNameAndContent(@TempDir Path dir) throws IOException {
        assertSame(StructureFormats.byName("lammps-data"), StructureFormats.byFileName("W-bcc.dat"));
        assertEquals("vasp", StructureFormats.byFileName("POSCAR").name());
        assertEquals("vasp", StructureFormats.byFileName("CONTCAR_relaxed").name());
        assertEquals("extxyz", StructureFormats.byFileName("traj.extxyz").name());
        // content wins over a misleading extension
        Structure s = randomStructure(5, false);
        Path xyzAsDat = dir.resolve("frame.dat");
        Files.writeString(xyzAsDat, StructureFormats.format(s, "extxyz"));
        assertArrayEquals(s.positions(), StructureFormats.read(xyzAsDat).positions(), 0);
        // no extension: sniffed
        Path bare = dir.resolve("structure");
        StructureFormats.write(bare, s, "lammps-data");
        assertEquals(s.atomCount(), StructureFormats.read(bare).atomCount());
        Path unknown = dir.resolve("notes.txt");
        Files.writeString(unknown, "hello\nworld\n");
        StructureFileException e = assertThrows(StructureFileException.class, () -> StructureFormats.read(unknown));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("lammps-data"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StructureFormats.byName("cif"));
        assertThrows(IllegalArgumentException.class, () -> StructureFormats.write(dir.resolve("x.cif"), s));
    }

    // ---- bad input ----

    static StructureFileException parseFails(String text, String name) {
        return assertThrows(StructureFileException.class,
                () -> StructureFormats.parse(lines(text), name, null, ReadOptions.DEFAULT));
    }

    @Test
    void truncatedLammpsAtomsSectionNamesFileAndLine() {
        String truncated = TRICLINIC_DATA.substring(0, TRICLINIC_DATA.indexOf("2 1 1.0 2.5"));
        StructureFileException e = parseFails(truncated, "tri.data");
        assertEquals("tri.data", e.file());
        assertTrue(e.line() >= 19, e.getMessage());
        assertTrue(e.getMessage().contains("Atoms"), e.getMessage());
    }

    @Test
    void malformedLammpsLinesNameLineAndValue() {
        StructureFileException bad = parseFails(TRICLINIC_DATA.replace("1 2 -1.0 0.5 0.0", "1 2 -1.0 abc 0.0"), "tri.data");
        assertEquals(19, bad.line());
        assertTrue(bad.getMessage().contains("'abc'"), bad.getMessage());
        StructureFileException cols = parseFails(TRICLINIC_DATA.replace("1 2 -1.0 0.5 0.0 0 0 0", "1 2 -1.0"), "tri.data");
        assertEquals("tri.data line 19: Atoms (atomic): expected 5 columns (or 8 with image flags), got 3", cols.getMessage());
        StructureFileException type = parseFails(TRICLINIC_DATA.replace("1 2 -1.0", "1 3 -1.0"), "tri.data");
        assertTrue(type.getMessage().contains("atom type 3 outside 1..2"), type.getMessage());
        StructureFileException box = parseFails(TRICLINIC_DATA.replace("0.5 4.5 ylo yhi", "4.5 4.5 ylo yhi"), "tri.data");
        assertEquals(7, box.line());
        assertTrue(box.getMessage().contains("zero or negative cell volume"), box.getMessage());
        StructureFileException dup = parseFails(TRICLINIC_DATA.replace("3 1 0.0 1.0", "1 1 0.0 1.0"), "tri.data");
        assertTrue(dup.getMessage().contains("atom id 1 appears twice"), dup.getMessage());
        StructureFileException mass = parseFails(TRICLINIC_DATA.replace("2 58.6934", "2 12345.0"), "tri.data");
        assertTrue(mass.getMessage().contains("element of atom type 2"), mass.getMessage());
    }

    @Test
    void unknownElementsAreRejected() {
        String xyz = "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3\nXx 0 0 0\n";
        StructureFileException e = parseFails(xyz, "bad.xyz");
        assertEquals("bad.xyz line 3: unknown element 'Xx'", e.getMessage());
        StructureFileException p = parseFails(POSCAR.replace("Fe_pv", "Qq"), "POSCAR");
        assertEquals(6, p.line());
        assertTrue(p.getMessage().contains("'Qq'"), p.getMessage());
        assertThrows(StructureFileException.class, () -> StructureFormats.parse(lines(TRICLINIC_DATA), "tri.data", null,
                ReadOptions.withTypeElements("Cu", "Unobtainium")));
    }

    @Test
    void degenerateCellsAndTruncatedFilesAreRejected() {
        String flat = "1\nLattice=\"3 0 0 0 3 0 6 0 0\" Properties=species:S:1:pos:R:3\nW 0 0 0\n";
        StructureFileException e = parseFails(flat, "flat.xyz");
        assertTrue(e.getMessage().startsWith("flat.xyz line 2") && e.getMessage().contains("volume"), e.getMessage());
        StructureFileException left = parseFails(POSCAR.replace("  0.0 0.0 1.435", "  0.0 0.0 -1.435"), "POSCAR");
        assertTrue(left.getMessage().contains("negative cell volume"), left.getMessage());
        StructureFileException shortXyz = parseFails("3\nLattice=\"3 0 0 0 3 0 0 0 3\"\nW 0 0 0\nW 1 1 1\n", "short.xyz");
        assertTrue(shortXyz.getMessage().contains("atom 3 of 3"), shortXyz.getMessage());
        StructureFileException shortPoscar = parseFails(POSCAR.substring(0, POSCAR.indexOf("  0.5 0.5 0.5")), "POSCAR");
        assertTrue(shortPoscar.getMessage().contains("atom 2 of 2"), shortPoscar.getMessage());
        StructureFileException noLattice = parseFails("1\nProperties=species:S:1:pos:R:3\nW 0 0 0\n", "mol.xyz");
        assertTrue(noLattice.getMessage().contains("non-periodic"), noLattice.getMessage());
    }

    @Test
    void minimumDistanceCheck() {
        double[][] cell = {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}};
        Structure ok = new Structure(cell, new double[] {0, 0, 0, 2, 2, 2}, new int[2], new String[] {"W"}, new double[] {183.84});
        StructureChecks.requireMinimumDistance(ok, StructureChecks.DEFAULT_MINIMUM_DISTANCE, "ok.xyz");
        assertEquals(2 * Math.sqrt(3), StructureChecks.minimumDistance(ok, 4), 1e-12);
        // atoms 0.3 Å apart across the periodic boundary
        Structure close = new Structure(cell, new double[] {0.1, 0, 0, 3.8, 0, 0}, new int[2], new String[] {"W"},
                new double[] {183.84});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructureChecks.requireMinimumDistance(close, 0.5, "close.xyz"));
        assertTrue(e.getMessage().startsWith("close.xyz: atoms 1 and 2 are 0.3000 Å apart"), e.getMessage());
        // a cell so small that an atom meets its own image
        Structure tiny = new Structure(new double[][] {{0.4, 0, 0}, {0, 4, 0}, {0, 0, 4}}, new double[3], new int[1],
                new String[] {"W"}, new double[] {183.84});
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> StructureChecks.requireMinimumDistance(tiny, 0.5, "tiny"));
        assertTrue(t.getMessage().contains("periodic image"), t.getMessage());
    }

    @Test
    void cellGeometryIsConsistent() {
        Structure s = randomStructure(6, false);
        double[][] inv = CellGeometry.inverse(s.cell());
        double[][] c = s.cell();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double sum = 0;
                for (int x = 0; x < 3; x++) {
                    sum += c[a][x] * inv[x][b];
                }
                assertEquals(a == b ? 1 : 0, sum, 1e-14);
            }
        }
    }
}
