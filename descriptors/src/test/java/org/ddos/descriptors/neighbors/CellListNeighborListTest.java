package org.ddos.descriptors.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;

class CellListNeighborListTest {

    /** Brute force: every pair (i, j) and every lattice shift that can reach the cutoff. */
    static List<double[]> bruteForce(double[][] cell, double[] pos, double rc) {
        int n = pos.length / 3;
        double[] h = CellGeometry.perpendicularWidths(cell);
        // positions may lie outside the cell: add the spread of fractional coordinates
        double[][] inv = CellGeometry.inverse(cell);
        double[] frac = new double[pos.length];
        CellGeometry.toFractional(inv, pos, frac);
        double spread = 0;
        for (double f : frac) {
            spread = Math.max(spread, Math.abs(f));
        }
        int[] reach = new int[3];
        for (int a = 0; a < 3; a++) {
            reach[a] = (int) Math.ceil(rc / h[a] + 2 * spread) + 1;
        }
        List<double[]> perAtom = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> d = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                for (int t0 = -reach[0]; t0 <= reach[0]; t0++) {
                    for (int t1 = -reach[1]; t1 <= reach[1]; t1++) {
                        for (int t2 = -reach[2]; t2 <= reach[2]; t2++) {
                            if (i == j && t0 == 0 && t1 == 0 && t2 == 0) {
                                continue;
                            }
                            double r2 = 0;
                            for (int x = 0; x < 3; x++) {
                                double dx = pos[3 * j + x] - pos[3 * i + x]
                                        + t0 * cell[0][x] + t1 * cell[1][x] + t2 * cell[2][x];
                                r2 += dx * dx;
                            }
                            if (r2 < rc * rc) {
                                d.add(Math.sqrt(r2));
                            }
                        }
                    }
                }
            }
            perAtom.add(d.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }
        return perAtom;
    }

    static double[] sortedDistances(NeighborList list, int i) {
        double[] d = new double[list.count(i)];
        double[] disp = list.displacements();
        for (int k = 0; k < d.length; k++) {
            int e = list.start(i) + k;
            d[k] = Math.sqrt(disp[3 * e] * disp[3 * e] + disp[3 * e + 1] * disp[3 * e + 1]
                    + disp[3 * e + 2] * disp[3 * e + 2]);
        }
        Arrays.sort(d);
        return d;
    }

    static double[][] randomTriclinic(Random rnd) {
        double[][] cell;
        do {
            cell = new double[3][3];
            for (int a = 0; a < 3; a++) {
                for (int x = 0; x < 3; x++) {
                    cell[a][x] = (a == x ? 3 + 6 * rnd.nextDouble() : 0) + 2.5 * (rnd.nextDouble() - 0.5);
                }
            }
        } while (CellGeometry.volume(cell) < 10);
        return cell;
    }

    static Structure structure(double[][] cell, double[] pos) {
        return new Structure(cell, pos, new int[pos.length / 3], new String[] {"W"}, new double[] {183.84});
    }

    @Test
    void matchesBruteForceOnRandomTriclinicCells() {
        Random rnd = new Random(20240611L);
        for (int trial = 0; trial < 40; trial++) {
            double[][] cell = randomTriclinic(rnd);
            int n = 1 + rnd.nextInt(24);
            double[] pos = new double[3 * n];
            for (int i = 0; i < n; i++) {
                // fractional in [-0.5, 1.5): positions need not be wrapped
                double s0 = 2 * rnd.nextDouble() - 0.5;
                double s1 = 2 * rnd.nextDouble() - 0.5;
                double s2 = 2 * rnd.nextDouble() - 0.5;
                for (int x = 0; x < 3; x++) {
                    pos[3 * i + x] = s0 * cell[0][x] + s1 * cell[1][x] + s2 * cell[2][x];
                }
            }
            double rc = 1.5 + 7 * rnd.nextDouble();
            CellListNeighborList list = CellListNeighborList.build(structure(cell, pos), rc);
            List<double[]> expected = bruteForce(cell, pos, rc);
            int total = 0;
            for (int i = 0; i < n; i++) {
                double[] got = sortedDistances(list, i);
                assertEquals(expected.get(i).length, got.length, "trial " + trial + " atom " + i + " count");
                assertArrayEquals(expected.get(i), got, 1e-10, "trial " + trial + " atom " + i);
                total += got.length;
            }
            assertEquals(total, list.entryCount());
            checkShiftsReproduceDisplacements(list, cell, pos);
        }
    }

    static void checkShiftsReproduceDisplacements(CellListNeighborList list, double[][] cell, double[] pos) {
        int[] sh = list.imageShifts();
        int[] nb = list.neighborIndex();
        double[] disp = list.displacements();
        for (int i = 0; i < list.atomCount(); i++) {
            for (int e = list.start(i); e < list.start(i) + list.count(i); e++) {
                int j = nb[e];
                assertFalse(j == i && sh[3 * e] == 0 && sh[3 * e + 1] == 0 && sh[3 * e + 2] == 0, "self pair without shift");
                for (int x = 0; x < 3; x++) {
                    double d = pos[3 * j + x] - pos[3 * i + x]
                            + sh[3 * e] * cell[0][x] + sh[3 * e + 1] * cell[1][x] + sh[3 * e + 2] * cell[2][x];
                    assertEquals(d, disp[3 * e + x], 1e-12);
                }
            }
        }
    }

    @Test
    void fullListIsSymmetric() {
        Random rnd = new Random(7);
        double[][] cell = randomTriclinic(rnd);
        int n = 15;
        double[] pos = new double[3 * n];
        for (int e = 0; e < pos.length; e++) {
            pos[e] = 5 * rnd.nextDouble();
        }
        CellListNeighborList list = CellListNeighborList.build(structure(cell, pos), 6.0);
        int[] nb = list.neighborIndex();
        double[] disp = list.displacements();
        // for every entry i->j with displacement d there is an entry j->i with displacement -d
        for (int i = 0; i < n; i++) {
            for (int e = list.start(i); e < list.start(i) + list.count(i); e++) {
                int j = nb[e];
                boolean found = false;
                for (int f = list.start(j); f < list.start(j) + list.count(j) && !found; f++) {
                    found = nb[f] == i && Math.abs(disp[3 * f] + disp[3 * e]) < 1e-10
                            && Math.abs(disp[3 * f + 1] + disp[3 * e + 1]) < 1e-10
                            && Math.abs(disp[3 * f + 2] + disp[3 * e + 2]) < 1e-10;
                }
                assertTrue(found, "reverse of " + i + "->" + j);
            }
        }
    }

    @Test
    void twoAtomBccCellWithFiveAngstromCutoff() {
        double a = 3.165;
        double[][] cell = {{a, 0, 0}, {0, a, 0}, {0, 0, a}};
        double[] pos = {0, 0, 0, a / 2, a / 2, a / 2};
        CellListNeighborList list = CellListNeighborList.build(structure(cell, pos), 5.0);
        // shells of bcc: 8 at a sqrt(3)/2 = 2.741, 6 at a = 3.165, 12 at a sqrt(2) = 4.476; next 24 at 5.249
        for (int i = 0; i < 2; i++) {
            assertEquals(26, list.count(i));
            double[] d = sortedDistances(list, i);
            assertEquals(a * Math.sqrt(3) / 2, d[0], 1e-12);
            assertEquals(a * Math.sqrt(3) / 2, d[7], 1e-12);
            assertEquals(a, d[8], 1e-12);
            assertEquals(a, d[13], 1e-12);
            assertEquals(a * Math.sqrt(2), d[14], 1e-12);
            assertEquals(a * Math.sqrt(2), d[25], 1e-12);
        }
    }

    @Test
    void oneAtomPrimitiveCellWithLargeCutoff() {
        // primitive fcc cell (a = 3.615 Å Cu), one atom, cutoff 3 nearest-neighbour distances
        double a = 3.615;
        double[][] cell = {{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}};
        double[] pos = {0.1, -0.2, 0.05};
        double rc = 2.02 * a / Math.sqrt(2) + 0.01; // fcc shells 12, 6, 24, 12 (up to 2 d_nn)
        CellListNeighborList list = CellListNeighborList.build(structure(cell, pos), rc);
        assertEquals(12 + 6 + 24 + 12, list.count(0));
        List<double[]> expected = bruteForce(cell, pos, rc);
        assertArrayEquals(expected.get(0), sortedDistances(list, 0), 1e-10);
    }

    @Test
    void bccShellsInSupercell() {
        double a = 3.1652;
        int rep = 4;
        double[][] cell = {{rep * a, 0, 0}, {0, rep * a, 0}, {0, 0, rep * a}};
        double[] pos = new double[3 * 2 * rep * rep * rep];
        int k = 0;
        for (int x = 0; x < rep; x++) {
            for (int y = 0; y < rep; y++) {
                for (int z = 0; z < rep; z++) {
                    for (int b = 0; b < 2; b++) {
                        pos[k++] = (x + 0.5 * b) * a;
                        pos[k++] = (y + 0.5 * b) * a;
                        pos[k++] = (z + 0.5 * b) * a;
                    }
                }
            }
        }
        Structure s = structure(cell, pos);
        double first = a * Math.sqrt(3) / 2;
        CellListNeighborList l1 = CellListNeighborList.build(s, 0.5 * (first + a));
        CellListNeighborList l2 = CellListNeighborList.build(s, 0.5 * (a + a * Math.sqrt(2)));
        for (int i = 0; i < s.atomCount(); i++) {
            assertEquals(8, l1.count(i));
            assertEquals(14, l2.count(i));
            double[] d = sortedDistances(l2, i);
            assertEquals(first, d[7], 1e-12);
            assertEquals(a, d[8], 1e-12);
        }
    }

    @Test
    void rejectsBadCutoff() {
        Structure s = structure(new double[][] {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}, new double[3]);
        assertThrows(IllegalArgumentException.class, () -> CellListNeighborList.build(s, 0));
        assertThrows(IllegalArgumentException.class, () -> CellListNeighborList.build(s, -1));
        assertThrows(IllegalArgumentException.class, () -> CellListNeighborList.build(s, Double.NaN));
    }

    @Test
    void skinListEqualsFreshBuildAndRebuildsOnlyWhenNeeded() {
        Random rnd = new Random(99);
        double[][] cell = randomTriclinic(rnd);
        int n = 20;
        double[] pos = new double[3 * n];
        for (int e = 0; e < pos.length; e++) {
            pos[e] = 6 * rnd.nextDouble();
        }
        double rc = 4.5;
        double skin = 0.6;
        Structure s = structure(cell, pos);
        SkinNeighborList skinList = new SkinNeighborList(s, rc, skin);
        assertEquals(1, skinList.buildCount());
        double[] current = pos.clone();
        double[] velocity = new double[pos.length];
        for (int e = 0; e < velocity.length; e++) {
            velocity[e] = 0.06 * (rnd.nextDouble() - 0.5); // at most 0.03 Å per coordinate per step
        }
        int rebuilds = 0;
        for (int step = 0; step < 30; step++) {
            for (int e = 0; e < current.length; e++) {
                current[e] += velocity[e];
            }
            boolean rebuilt = skinList.update(current);
            if (step < 5) {
                // moved at most 5 * 0.03 * sqrt(3) = 0.26 Å < skin / 2
                assertFalse(rebuilt, "step " + step);
            }
            if (rebuilt) {
                rebuilds++;
            }
            CellListNeighborList fresh = CellListNeighborList.build(cell, current, rc);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(sortedDistances(fresh, i), sortedDistances(skinList, i), 1e-12, "step " + step);
            }
        }
        assertEquals(1 + rebuilds, skinList.buildCount());
        assertTrue(rebuilds >= 1 && rebuilds < 30, "rebuilds " + rebuilds);
        // a single large move forces a rebuild
        current[0] += 1.0;
        assertTrue(skinList.update(current));
    }
}
