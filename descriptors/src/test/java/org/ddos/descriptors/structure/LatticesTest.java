package org.ddos.descriptors.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.junit.jupiter.api.Test;

class LatticesTest {

    /** @return {count of neighbours within rc of atom i, shortest distance} */
    static double[] shell(Structure s, int i, double rc) {
        CellListNeighborList l = CellListNeighborList.build(s, rc);
        double[] d = l.displacements();
        double min = Double.POSITIVE_INFINITY;
        for (int e = l.start(i); e < l.start(i) + l.count(i); e++) {
            min = Math.min(min, Math.sqrt(d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2]));
        }
        return new double[] {l.count(i), min};
    }

    @Test
    void cubicLattices() {
        double a = 3.0;
        Structure bcc = Lattices.bcc("Mo", a, 2, 3, 4);
        assertEquals(2 * 24, bcc.atomCount());
        assertEquals(a * a * a / 2, bcc.volume() / bcc.atomCount(), 1e-12);
        Structure fcc = Lattices.fcc("Cu", a, 3, 3, 3);
        assertEquals(108, fcc.atomCount());
        assertEquals(a * a * a / 4, fcc.volume() / fcc.atomCount(), 1e-12);
        Structure dia = Lattices.diamond("Si", a, 2, 2, 2);
        assertEquals(64, dia.atomCount());
        Structure a15 = Lattices.a15("W", a, 2, 2, 2);
        assertEquals(64, a15.atomCount());
        assertEquals(a * a * a / 8, a15.volume() / 64, 1e-12);
        for (int i = 0; i < bcc.atomCount(); i++) {
            assertArrayEquals(new double[] {8, a * Math.sqrt(3) / 2}, shell(bcc, i, 0.5 * (a * Math.sqrt(3) / 2 + a)), 1e-12);
        }
        for (int i = 0; i < fcc.atomCount(); i++) {
            assertArrayEquals(new double[] {12, a / Math.sqrt(2)}, shell(fcc, i, 0.5 * (a / Math.sqrt(2) + a)), 1e-12);
        }
        for (int i = 0; i < dia.atomCount(); i++) {
            // diamond: 4 neighbours at a sqrt(3)/4, next 12 at a / sqrt(2)
            assertArrayEquals(new double[] {4, a * Math.sqrt(3) / 4}, shell(dia, i, 0.5 * (a * Math.sqrt(3) / 4 + a / Math.sqrt(2))), 1e-12);
        }
        // A15: the 2 corner/centre (2a) sites have 12 neighbours at a sqrt(5)/4; the 6 chain (6c)
        // sites have 2 chain neighbours at a/2, then 4 at a sqrt(6)/4 and 8 at a sqrt(5)/4
        assertArrayEquals(new double[] {12, a * Math.sqrt(5) / 4}, shell(a15, 0, 0.5 * (a * Math.sqrt(5) / 4 + a * Math.sqrt(6) / 4)), 1e-12);
        assertArrayEquals(new double[] {2, a / 2}, shell(a15, 2, 0.5 * (a / 2 + a * Math.sqrt(5) / 4)), 1e-12);
        assertEquals(14, shell(a15, 2, 0.5 * (a * Math.sqrt(6) / 4 + a * Math.sqrt(8) / 4))[0]);
    }

    @Test
    void hcpIdealAndGivenRatio() {
        double a = 2.95;
        Structure hcp = Lattices.hcp("Ti", a, 3, 3, 2);
        assertEquals(36, hcp.atomCount());
        double c = a * Math.sqrt(8.0 / 3.0);
        assertEquals(Math.sqrt(3) / 2 * a * a * c / 2, hcp.volume() / 36, 1e-12);
        for (int i = 0; i < 36; i++) {
            assertArrayEquals(new double[] {12, a}, shell(hcp, i, 1.2 * a), 1e-12);
        }
        // real Ti c/a = 1.588 < ideal: the 6 out-of-plane neighbours come closer than a
        Structure ti = Lattices.hcp("Ti", a, 1.588 * a, 3, 3, 2);
        double out = Math.sqrt(a * a / 3 + Math.pow(1.588 * a, 2) / 4);
        assertArrayEquals(new double[] {6, out}, shell(ti, 5, 0.5 * (out + a)), 1e-12);
    }

    @Test
    void reproducesDescriptorDosTungstenCells() throws IOException {
        Optional<Path> bccFile = SharedDataDirectory.dataFile("descriptordos/w/W-bcc.dat");
        Optional<Path> a15File = SharedDataDirectory.dataFile("descriptordos/w/W-a15.dat");
        assumeTrue(bccFile.isPresent() && a15File.isPresent(), "shared W data not found");
        Structure fileBcc = StructureFormats.read(bccFile.get(), null, ReadOptions.withTypeElements("W"));
        Structure ours = Lattices.bcc("W", 12.742537224023346 / 4, 4, 4, 4);
        assertArrayEquals(fileBcc.positions(), ours.positions(), 1e-12);
        assertArrayEquals(fileBcc.cell(), ours.cell());
        Structure fileA15 = StructureFormats.read(a15File.get(), null, ReadOptions.withTypeElements("W"));
        assertArrayEquals(fileA15.positions(), Lattices.a15("W", 10.182917621744457 / 2, 2, 2, 2).positions(), 1e-12);
    }

    @Test
    void randomAlloyHasExactCompositionAndIsSeeded() {
        Structure fcc = Lattices.fcc("Cu", 3.6, 3, 3, 3);
        Structure alloy = Lattices.randomAlloy(fcc, new String[] {"Cu", "Ni"}, new double[] {0.25, 0.75}, 42);
        int ni = 0;
        for (int s : alloy.species()) {
            ni += s;
        }
        assertEquals(81, ni);
        assertArrayEquals(new double[] {63.546, 58.6934}, alloy.masses(), 0);
        assertArrayEquals(alloy.species(), Lattices.randomAlloy(fcc, new String[] {"Cu", "Ni"}, new double[] {0.25, 0.75}, 42).species());
        assertFalse(Arrays.equals(alloy.species(), Lattices.randomAlloy(fcc, new String[] {"Cu", "Ni"}, new double[] {0.25, 0.75}, 43).species()));
        // 108 x 1/3 = 36 each; 108 x (0.5, 0.3, 0.2) = 54, 32.4, 21.6 -> 54, 32, 22
        Structure ternary = Lattices.randomAlloy(fcc, new String[] {"Pt", "Rh", "Pd"}, new double[] {0.5, 0.3, 0.2}, 1);
        int[] counts = new int[3];
        for (int s : ternary.species()) {
            counts[s]++;
        }
        assertArrayEquals(new int[] {54, 32, 22}, counts);
        assertThrows(IllegalArgumentException.class, () -> Lattices.randomAlloy(fcc, new String[] {"Cu", "Ni"}, new double[] {0.5, 0.6}, 1));
        assertThrows(IllegalArgumentException.class, () -> Lattices.randomAlloy(fcc, new String[] {"Cu", "Zz"}, new double[] {0.5, 0.5}, 1));
        assertThrows(IllegalArgumentException.class, () -> Lattices.bcc("W", -3, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Lattices.bcc("W", 3, 0, 1, 1));
    }

    @Test
    void periodicTableWeights() {
        assertEquals(55.845, PeriodicTable.standardAtomicWeight("Fe"), 0);
        assertEquals(183.84, PeriodicTable.standardAtomicWeight("W"), 0);
        assertEquals(102.90550, PeriodicTable.standardAtomicWeight("Rh"), 0);
        assertEquals(196.966569, PeriodicTable.standardAtomicWeight("Au"), 0);
        assertEquals(26, PeriodicTable.atomicNumber("Fe"));
        assertEquals(74, PeriodicTable.atomicNumber("W"));
        assertEquals("Bi", PeriodicTable.symbol(83));
        assertEquals("Fe", PeriodicTable.elementOfMass(55.85, 0.01));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeriodicTable.atomicNumber("FE"));
        assertEquals("unknown element 'FE' (did you mean 'Fe'?) (known: H..Bi, Z = 1..83)", e.getMessage());
    }
}
