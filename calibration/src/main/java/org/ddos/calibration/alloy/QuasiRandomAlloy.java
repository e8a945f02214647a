package org.ddos.calibration.alloy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * A binary arrangement on the sites of a lattice whose pair correlations over the first shells
 * are as close as possible to those of the ideal random alloy: a special quasirandom structure in
 * the sense of Zunger, Wei, Ferreira, Bernard, PRL 65, 353 (1990), found by greedy swaps.
 *
 * <p>For shell s (z_s neighbours per site) the Warren–Cowley parameter is
 * alpha_s = 1 - N_AB^s / (z_s N x (1 - x)), with N_AB^s the number of A-B bonds of the shell
 * (each counted once) and x the fraction of B; the random alloy has alpha_s = 0. Starting from
 * a seeded shuffle, swaps of an A and a B site are kept when they lower sum_s alpha_s^2. A single
 * shuffle of 256 sites leaves |alpha_1| of a few 10^-2, i.e. a mixing-enthalpy bias of a few
 * percent; after the swaps it is below about 10^-3 (limited by the integer bond counts).
 *
 * <p>Deterministic given the seed.
 */
public final class QuasiRandomAlloy {
    private QuasiRandomAlloy() {
    }

    /**
     * The arrangement and its Warren–Cowley parameters.
     *
     * @param species per site: 0 = A, 1 = B
     * @param warrenCowley alpha_s for the shells used, nearest first
     * @param shellSizes z_s, neighbours per site in each shell
     */
    public record Arrangement(int[] species, double[] warrenCowley, int[] shellSizes) {
    }

    /**
     * @param lattice the perfect lattice (species ignored), every site equivalent (e.g. an fcc supercell)
     * @param countB number of B atoms, 1 .. N-1
     * @param shells number of neighbour shells to balance (1..6)
     * @param seed random seed of the starting shuffle and of the swaps
     * @return the arrangement
     * @throws IllegalArgumentException on a count outside 1..N-1 or a bad shell count
     */
    public static Arrangement arrange(Structure lattice, int countB, int shells, long seed) {
        int n = lattice.atomCount();
        if (countB < 1 || countB >= n) {
            throw new IllegalArgumentException("number of B atoms must lie in 1.." + (n - 1) + ", got " + countB);
        }
        if (shells < 1 || shells > 6) {
            throw new IllegalArgumentException("shells must lie in 1..6, got " + shells);
        }
        int[][][] nb = shellNeighbours(lattice, shells);
        int[] z = new int[shells];
        for (int s = 0; s < shells; s++) {
            z[s] = nb[s][0].length;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] sp = new int[n];
        for (int i = 0; i < countB; i++) {
            sp[i] = 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = sp[i];
            sp[i] = sp[j];
            sp[j] = t;
        }
        double x = (double) countB / n;
        double[] ideal = new double[shells];
        long[] ab = new long[shells];
        for (int s = 0; s < shells; s++) {
            ideal[s] = z[s] * n * x * (1 - x);
            long twice = 0;
            for (int i = 0; i < n; i++) {
                twice += unlike(sp, i, nb[s][i]);
            }
            ab[s] = twice / 2;
        }
        double obj = objective(ab, ideal);
        long[] delta = new long[shells];
        int maxTrials = 200 * n;
        for (int trial = 0; trial < maxTrials && obj > 1e-12; trial++) {
            int i = rnd.nextInt(n);
            int j = rnd.nextInt(n);
            if (sp[i] == sp[j]) {
                continue;
            }
            for (int s = 0; s < shells; s++) {
                delta[s] = -unlike(sp, i, nb[s][i]) - unlike(sp, j, nb[s][j]);
            }
            swap(sp, i, j);
            for (int s = 0; s < shells; s++) {
                // the i-j bond (if any) is unlike before and after and cancels
                delta[s] += unlike(sp, i, nb[s][i]) + unlike(sp, j, nb[s][j]);
                ab[s] += delta[s];
            }
            double o = objective(ab, ideal);
            if (o < obj) {
                obj = o;
            } else {
                swap(sp, i, j);
                for (int s = 0; s < shells; s++) {
                    ab[s] -= delta[s];
                }
            }
        }
        double[] alpha = new double[shells];
        for (int s = 0; s < shells; s++) {
            alpha[s] = 1 - ab[s] / ideal[s];
        }
        return new Arrangement(sp, alpha, z);
    }

    /**
     * @param lattice the lattice the arrangement lives on (its neighbour shells are used)
     * @param species per atom 0 (A) or 1 (B), length N
     * @param shells number of neighbour shells
     * @return Warren–Cowley alpha_s of an arbitrary arrangement (species 0/1) on the lattice, length shells
     */
    public static double[] warrenCowley(Structure lattice, int[] species, int shells) {
        int[][][] nb = shellNeighbours(lattice, shells);
        int n = lattice.atomCount();
        int countB = 0;
        for (int v : species) {
            countB += v;
        }
        double x = (double) countB / n;
        double[] alpha = new double[shells];
        for (int s = 0; s < shells; s++) {
            long twice = 0;
            for (int i = 0; i < n; i++) {
                twice += unlike(species, i, nb[s][i]);
            }
            alpha[s] = 1 - (twice / 2.0) / (nb[s][0].length * n * x * (1 - x));
        }
        return alpha;
    }

    private static void swap(int[] sp, int i, int j) {
        int t = sp[i];
        sp[i] = sp[j];
        sp[j] = t;
    }

    private static int unlike(int[] sp, int i, int[] neighbours) {
        int c = 0;
        int si = sp[i];
        for (int j : neighbours) {
            if (sp[j] != si) {
                c++;
            }
        }
        return c;
    }

    private static double objective(long[] ab, double[] ideal) {
        double o = 0;
        for (int s = 0; s < ab.length; s++) {
            double a = 1 - ab[s] / ideal[s];
            o += a * a;
        }
        return o;
    }

    /**
     * Neighbours of every site grouped by shell (distinct distances, 1e-4 relative tolerance).
     *
     * @return [shell][site][neighbour index]
     */
    static int[][][] shellNeighbours(Structure lattice, int shells) {
        int n = lattice.atomCount();
        double volume = lattice.volume() / n;
        // shells up to the sixth of fcc lie within 1.75 nearest-neighbour distances; the nn distance
        // of a dense lattice is about (sqrt 2 V)^(1/3)
        double nn = Math.cbrt(Math.sqrt(2) * volume);
        double cutoff = nn * (1.2 + 0.3 * shells);
        CellListNeighborList list = CellListNeighborList.build(lattice, cutoff);
        double[] d = list.displacements();
        List<Double> distances = new ArrayList<>();
        for (int e = 0; e < list.count(0); e++) {
            int k = list.start(0) + e;
            distances.add(Math.sqrt(d[3 * k] * d[3 * k] + d[3 * k + 1] * d[3 * k + 1] + d[3 * k + 2] * d[3 * k + 2]));
        }
        double[] sorted = distances.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Double> shellRadius = new ArrayList<>();
        for (double r : sorted) {
            if (shellRadius.isEmpty() || r > shellRadius.get(shellRadius.size() - 1) * (1 + 1e-4)) {
                shellRadius.add(r);
            }
        }
        if (shellRadius.size() < shells + 1) {
            throw new IllegalArgumentException("lattice too small to resolve " + shells + " neighbour shells");
        }
        int[][][] out = new int[shells][n][];
        int[] nbr = list.neighborIndex();
        for (int i = 0; i < n; i++) {
            int[] counts = new int[shells];
            int[][] tmp = new int[shells][list.count(i)];
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                double r = Math.sqrt(d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2]);
                for (int s = 0; s < shells; s++) {
                    if (Math.abs(r - shellRadius.get(s)) <= 1e-4 * shellRadius.get(s)) {
                        tmp[s][counts[s]++] = nbr[e];
                        break;
                    }
                }
            }
            for (int s = 0; s < shells; s++) {
                out[s][i] = Arrays.copyOf(tmp[s], counts[s]);
                if (out[s][i].length != out[s][0].length) {
                    throw new IllegalArgumentException("lattice sites are not equivalent: site " + i + " has "
                            + out[s][i].length + " neighbours in shell " + (s + 1) + ", site 0 has " + out[s][0].length);
                }
            }
        }
        return out;
    }
}
