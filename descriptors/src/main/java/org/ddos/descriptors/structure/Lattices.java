package org.ddos.descriptors.structure;

import java.util.Random;

/**
 * Builders of perfect crystals and random substitutional alloys.
 *
 * <p>Cubic phases use their conventional cubic cell of edge a (Å): bcc (2 atoms), fcc (4),
 * A15 / beta-W / Cr3Si (8: corners and body centre plus two atoms on each face, at
 * (1/4, 0, 1/2) and equivalents), diamond (8). hcp uses the hexagonal primitive cell
 * a1 = (a, 0, 0), a2 = (-a/2, a sqrt(3)/2, 0), a3 = (0, 0, c) with atoms at (1/3, 2/3, 1/4) and
 * (2/3, 1/3, 3/4). An n1 x n2 x n3 supercell repeats the unit cell along its three vectors; atoms
 * are ordered with the first repetition index fastest and the basis innermost (the order of
 * LAMMPS {@code create_atoms}, and of the DescriptorDOS W-bcc.dat / W-a15.dat files). Masses are
 * standard atomic weights.
 */
public final class Lattices {
    private static final double[][] BCC = {{0, 0, 0}, {0.5, 0.5, 0.5}};
    private static final double[][] FCC = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
    private static final double[][] A15 = {{0, 0, 0}, {0.5, 0.5, 0.5}, {0.25, 0, 0.5}, {0.75, 0, 0.5},
        {0.5, 0.25, 0}, {0.5, 0.75, 0}, {0, 0.5, 0.25}, {0, 0.5, 0.75}};
    private static final double[][] DIAMOND = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
        {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
    private static final double[][] HCP = {{1.0 / 3, 2.0 / 3, 0.25}, {2.0 / 3, 1.0 / 3, 0.75}};

    private Lattices() {
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a cubic lattice constant (Å, &gt; 0)
     * @param n1 repetitions along x (&gt;= 1)
     * @param n2 repetitions along y (&gt;= 1)
     * @param n3 repetitions along z (&gt;= 1)
     * @return a bcc supercell of 2 n1 n2 n3 atoms, nearest-neighbour distance a sqrt(3)/2
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure bcc(String element, double a, int n1, int n2, int n3) {
        return cubic(element, a, BCC, n1, n2, n3);
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a cubic lattice constant (Å, &gt; 0)
     * @param n1 repetitions along x (&gt;= 1)
     * @param n2 repetitions along y (&gt;= 1)
     * @param n3 repetitions along z (&gt;= 1)
     * @return an fcc supercell of 4 n1 n2 n3 atoms, nearest-neighbour distance a / sqrt(2)
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure fcc(String element, double a, int n1, int n2, int n3) {
        return cubic(element, a, FCC, n1, n2, n3);
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a cubic lattice constant (Å, &gt; 0)
     * @param n1 repetitions along x (&gt;= 1)
     * @param n2 repetitions along y (&gt;= 1)
     * @param n3 repetitions along z (&gt;= 1)
     * @return an A15 supercell of 8 n1 n2 n3 atoms, nearest-neighbour distance a / 2 (the chains)
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure a15(String element, double a, int n1, int n2, int n3) {
        return cubic(element, a, A15, n1, n2, n3);
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a cubic lattice constant (Å, &gt; 0)
     * @param n1 repetitions along x (&gt;= 1)
     * @param n2 repetitions along y (&gt;= 1)
     * @param n3 repetitions along z (&gt;= 1)
     * @return a diamond supercell of 8 n1 n2 n3 atoms, nearest-neighbour distance a sqrt(3)/4
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure diamond(String element, double a, int n1, int n2, int n3) {
        return cubic(element, a, DIAMOND, n1, n2, n3);
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a in-plane lattice constant (Å, &gt; 0), the nearest-neighbour distance
     * @param n1 repetitions along the first hexagonal vector (&gt;= 1)
     * @param n2 repetitions along the second hexagonal vector (&gt;= 1)
     * @param n3 repetitions along c (&gt;= 1)
     * @return an hcp supercell with the ideal ratio c/a = sqrt(8/3) (12 neighbours at distance a)
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure hcp(String element, double a, int n1, int n2, int n3) {
        return hcp(element, a, a * Math.sqrt(8.0 / 3.0), n1, n2, n3);
    }

    /**
     * @param element chemical symbol (its standard atomic weight is the mass)
     * @param a in-plane lattice constant (Å), the in-plane nearest-neighbour distance
     * @param c lattice constant along the hexagonal axis (Å)
     * @param n1 repetitions along the first hexagonal vector (&gt;= 1)
     * @param n2 repetitions along the second hexagonal vector (&gt;= 1)
     * @param n3 repetitions along c (&gt;= 1)
     * @return an hcp supercell of 2 n1 n2 n3 atoms in the hexagonal cell
     * @throws IllegalArgumentException on an unknown element, a non-positive lattice constant or a
     *     repetition count below 1
     */
    public static Structure hcp(String element, double a, double c, int n1, int n2, int n3) {
        requirePositive(c, "c");
        requirePositive(a, "a");
        double[][] cell = {{a, 0, 0}, {-a / 2, a * Math.sqrt(3) / 2, 0}, {0, 0, c}};
        return supercell(unit(element, cell, HCP), n1, n2, n3);
    }

    private static Structure cubic(String element, double a, double[][] basis, int n1, int n2, int n3) {
        requirePositive(a, "lattice constant a");
        double[][] cell = {{a, 0, 0}, {0, a, 0}, {0, 0, a}};
        return supercell(unit(element, cell, basis), n1, n2, n3);
    }

    private static Structure unit(String element, double[][] cell, double[][] fractional) {
        double mass = PeriodicTable.standardAtomicWeight(element);
        double[] pos = new double[3 * fractional.length];
        for (int i = 0; i < fractional.length; i++) {
            for (int x = 0; x < 3; x++) {
                pos[3 * i + x] = fractional[i][0] * cell[0][x] + fractional[i][1] * cell[1][x] + fractional[i][2] * cell[2][x];
            }
        }
        return new Structure(cell, pos, new int[fractional.length], new String[] {element}, new double[] {mass});
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v + " Å");
        }
    }

    /**
     * Repeats a structure n1 x n2 x n3 times along its cell vectors.
     *
     * @param unit the structure to repeat
     * @param n1 repetitions along the first cell vector
     * @param n2 repetitions along the second
     * @param n3 repetitions along the third
     * @return the supercell, N n1 n2 n3 atoms, first index fastest, the unit's atoms innermost
     * @throws IllegalArgumentException when a repetition count is below 1
     */
    public static Structure supercell(Structure unit, int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("supercell repetitions must be at least 1, got " + n1 + " x " + n2 + " x " + n3);
        }
        double[][] c = unit.cell();
        int nu = unit.atomCount();
        long total = (long) nu * n1 * n2 * n3;
        if (total > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("supercell of " + total + " atoms is too large");
        }
        double[] up = unit.positionsView();
        double[] pos = new double[(int) (3 * total)];
        int[] species = new int[(int) total];
        int k = 0;
        for (int i3 = 0; i3 < n3; i3++) {
            for (int i2 = 0; i2 < n2; i2++) {
                for (int i1 = 0; i1 < n1; i1++) {
                    for (int b = 0; b < nu; b++) {
                        for (int x = 0; x < 3; x++) {
                            pos[3 * k + x] = up[3 * b + x] + i1 * c[0][x] + i2 * c[1][x] + i3 * c[2][x];
                        }
                        species[k++] = unit.speciesOf(b);
                    }
                }
            }
        }
        double[][] cell = new double[3][3];
        int[] n = {n1, n2, n3};
        for (int a = 0; a < 3; a++) {
            for (int x = 0; x < 3; x++) {
                cell[a][x] = n[a] * c[a][x];
            }
        }
        return new Structure(cell, pos, species, unit.elements(), unit.masses());
    }

    /**
     * A random substitutional alloy on the sites of {@code lattice}: exact atom counts from the
     * composition (largest-remainder rounding of fraction x N), placed by a seeded shuffle
     * ({@link java.util.Random}, so the same seed gives the same alloy on every JVM).
     *
     * @param lattice the sites (its species are ignored)
     * @param elements chemical symbols; species index s of the result is {@code elements[s]}
     * @param fractions atomic fractions, non-negative, summing to 1 (within 1e-9)
     * @param seed random seed
     * @return the alloy, with standard atomic weights
     * @throws IllegalArgumentException on unknown elements, mismatched lengths or a bad composition
     */
    public static Structure randomAlloy(Structure lattice, String[] elements, double[] fractions, long seed) {
        if (elements.length != fractions.length || elements.length == 0) {
            throw new IllegalArgumentException("need one fraction per element, got " + elements.length + " elements and "
                    + fractions.length + " fractions");
        }
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("atomic fractions must be non-negative, got " + f);
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("atomic fractions must sum to 1, got " + sum);
        }
        double[] masses = new double[elements.length];
        for (int s = 0; s < elements.length; s++) {
            masses[s] = PeriodicTable.standardAtomicWeight(elements[s]);
        }
        int n = lattice.atomCount();
        int[] counts = new int[elements.length];
        double[] remainder = new double[elements.length];
        int assigned = 0;
        for (int s = 0; s < elements.length; s++) {
            double exact = fractions[s] * n;
            counts[s] = (int) Math.floor(exact);
            remainder[s] = exact - counts[s];
            assigned += counts[s];
        }
        while (assigned < n) {
            int best = 0;
            for (int s = 1; s < elements.length; s++) {
                if (remainder[s] > remainder[best]) {
                    best = s;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        int[] species = new int[n];
        int k = 0;
        for (int s = 0; s < elements.length; s++) {
            for (int c = 0; c < counts[s]; c++) {
                species[k++] = s;
            }
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = species[i];
            species[i] = species[j];
            species[j] = t;
        }
        return new Structure(lattice.cell(), lattice.positionsView(), species, elements, masses);
    }
}
