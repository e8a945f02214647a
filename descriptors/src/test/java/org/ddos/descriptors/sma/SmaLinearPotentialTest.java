package org.ddos.descriptors.sma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmaLinearPotentialTest {
    static final SmaPairParameters MG = CleriRosato.MG.withFifthNeighbourCutoff(3.21);

    static Structure displaced(Structure lattice, double amplitude, long seed) {
        Random r = new Random(seed);
        double[] x = lattice.positions();
        for (int a = 0; a < x.length; a++) {
            x[a] += amplitude * (2 * r.nextDouble() - 1);
        }
        return lattice.withPositions(x);
    }

    /** The anchored list gives the fresh list's descriptors, energy and forces, also beyond the skin. */
    @Test
    void anchoredNeighbourListsReproduceFreshLists() {
        Structure fcc = Lattices.fcc("Mg", 4.527, 3, 3, 3);
        SmaLinearPotential fresh = new SmaLinearPotential("Mg", MG);
        SmaLinearPotential anchored = fresh.anchoredAt(fcc, 1.0);
        for (double amp : new double[] {0.0, 0.05, 0.4, 0.9}) { // 0.9 Å: some atoms beyond skin / 2 -> fresh fallback
            Structure s = displaced(fcc, amp, 7);
            double[] d0 = fresh.meanDescriptor(s);
            double[] d1 = anchored.meanDescriptor(s);
            assertArrayEquals(d0, d1, 1e-12 * Math.abs(d0[0]), "descriptor at amplitude " + amp);
            double[] f0 = new double[3 * s.atomCount()];
            double[] f1 = new double[3 * s.atomCount()];
            double[] w0 = new double[6];
            double[] w1 = new double[6];
            assertEquals(fresh.compute(s, f0, w0), anchored.compute(s, f1, w1), 1e-10, "energy at amplitude " + amp);
            assertArrayEquals(f0, f1, 1e-11);
            assertArrayEquals(w0, w1, 1e-10);
        }
        NeighborList small = anchored.neighborList(displaced(fcc, 0.05, 1));
        NeighborList large = anchored.neighborList(displaced(fcc, 0.9, 1));
        assertEquals("SkinNeighborList", small.getClass().getSimpleName());
        assertEquals(CellListNeighborList.class, large.getClass());
        // another cell: never the anchored list
        assertEquals(CellListNeighborList.class, anchored.neighborList(Lattices.fcc("Mg", 4.6, 3, 3, 3)).getClass());
    }

    /** A configuration's descriptor does not depend on which thread evaluates it, or in what order. */
    @Test
    void anchoredResultsDoNotDependOnTheThread() throws Exception {
        Structure hcp = Lattices.hcp("Mg", 3.2, 5.23, 3, 3, 2);
        SmaLinearPotential anchored = new SmaLinearPotential("Mg", MG).anchoredAt(hcp, 3.0);
        List<Structure> configs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            configs.add(displaced(hcp, i % 2 == 0 ? 0.2 : 1.8, i));
        }
        double[][] serial = new double[configs.size()][];
        for (int i = configs.size() - 1; i >= 0; i--) {
            serial[i] = anchored.meanDescriptor(configs.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> f = new ArrayList<>();
            for (Structure c : configs) {
                f.add(pool.submit(() -> anchored.meanDescriptor(c)));
            }
            for (int i = 0; i < configs.size(); i++) {
                assertArrayEquals(serial[i], f.get(i).get(), 0.0, "bit-identical descriptor of configuration " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anchorRejectsBadInput() {
        SmaLinearPotential p = new SmaLinearPotential("Mg", MG);
        Structure fcc = Lattices.fcc("Mg", 4.527, 2, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> p.anchoredAt(fcc, 0));
        assertThrows(IllegalArgumentException.class, () -> p.anchoredAt(Lattices.fcc("Cu", 3.6, 2, 2, 2), 1));
        assertNotSame(p, p.anchoredAt(fcc, 1));
        assertEquals(p.toString(), p.anchoredAt(fcc, 1).toString(), "the anchor is not part of the description");
        assertSame(MG, p.parameters());
    }

    /** The LoDiS writer round-trips the parameters exactly (r0 through the radius r0 / 2). */
    @Test
    void lodisPureMetalFileRoundTrip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Mg.pot");
        Files.writeString(f, LodisPotentialFile.formatPure("Mg", MG, 1.52, 24.305, List.of("test file")));
        LodisPotentialFile read = LodisPotentialFile.read(f);
        assertEquals(true, read.pureMetal());
        SmaParameters p = read.toParameters();
        assertEquals(MG, p.pair(0, 0));
        assertEquals("Mg", p.elements()[0]);
        assertThrows(IllegalArgumentException.class, () -> LodisPotentialFile.formatPure("Xx", MG, 1, 1, List.of()));
    }
}
