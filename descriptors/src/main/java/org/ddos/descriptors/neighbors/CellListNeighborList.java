package org.ddos.descriptors.neighbors;

import java.util.Arrays;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.descriptors.structure.Structure;

/**
 * A full periodic neighbour list built in O(N) with cell (bin) lists on the fractional grid of a
 * triclinic cell.
 *
 * <p>Method: atoms are wrapped into the cell and sorted into m_a bins along each cell vector a,
 * with m_a = floor(h_a / r_c) (h_a the distance between opposite cell faces, at least one bin).
 * Two atoms closer than r_c differ in fractional coordinate a by at most r_c / h_a, so scanning
 * k_a = ceil(r_c m_a / h_a) bins either side along every axis (with the periodic image shift of
 * every wrapped bin index) finds all pairs. When the cutoff exceeds the cell (h_a &lt; r_c) k_a
 * grows, so every periodic image within r_c is listed: a two-atom bcc W cell (a = 3.165 Å) with a
 * 5 Å cutoff gives each atom its 26 neighbours (shells of 8, 6 and 12). Every (bin, image) pair
 * is visited once, so there are no duplicates; an atom is its own neighbour only through a
 * non-zero lattice shift.
 *
 * <p>Layout (the {@link NeighborList} contract): entries of atom i are {@code start(i) ..
 * start(i)+count(i)-1}; displacements are r_j + T.cell - r_i in Å, computed from the positions
 * as given (they need not be wrapped), with T the integer image shift returned by
 * {@link #imageShifts()}. Entries of one atom come in a fixed, deterministic order.
 */
public final class CellListNeighborList implements NeighborList {
    private final int atomCount;
    private final double cutoff;
    private final int[] start;
    private final int[] count;
    private final int[] neighbor;
    private final double[] displacement;
    private final int[] shift;

    private CellListNeighborList(int atomCount, double cutoff, int[] start, int[] count, int[] neighbor,
            double[] displacement, int[] shift) {
        this.atomCount = atomCount;
        this.cutoff = cutoff;
        this.start = start;
        this.count = count;
        this.neighbor = neighbor;
        this.displacement = displacement;
        this.shift = shift;
    }

    /**
     * Builds the full list of all pairs closer than {@code cutoff} (strictly).
     *
     * @param structure the periodic structure
     * @param cutoff r_c in Å, positive and finite
     * @return the list
     * @throws IllegalArgumentException when the cutoff is not positive and finite
     */
    public static CellListNeighborList build(Structure structure, double cutoff) {
        return build(structure.cell(), structure.positionsView(), cutoff);
    }

    /**
     * Builds the list from a cell and positions directly (see {@link #build(Structure, double)}).
     *
     * @param cell 3x3, rows are cell vectors (Å), positive volume
     * @param positions flat, length 3N (Å)
     * @param cutoff r_c in Å, positive and finite
     * @return the list
     * @throws IllegalArgumentException when the cutoff is not positive and finite, the cell is
     *     singular or the positions length is not a multiple of 3
     */
    public static CellListNeighborList build(double[][] cell, double[] positions, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour cutoff must be positive and finite, got " + cutoff + " Å");
        }
        if (positions.length % 3 != 0) {
            throw new IllegalArgumentException("positions length " + positions.length + " is not a multiple of 3");
        }
        final int n = positions.length / 3;
        double[][] inv = CellGeometry.inverse(cell);
        double[] h = CellGeometry.perpendicularWidths(cell);

        // Wrapped fractional coordinates s - n and the integer n = floor(s) removed from each atom;
        // the image q of j seen from i is then at r_j - r_i + (q - n_j + n_i).cell.
        double[] frac = new double[3 * n];
        CellGeometry.toFractional(inv, positions, frac);
        int[] wrapShift = new int[3 * n];
        for (int e = 0; e < 3 * n; e++) {
            double f = Math.floor(frac[e]);
            double s = frac[e] - f;
            if (s >= 1.0) { // rounding of a tiny negative value
                s -= 1.0;
                f += 1.0;
            }
            frac[e] = s;
            wrapShift[e] = (int) f;
        }

        // Bins: width >= r_c / 2 along each axis when the cell allows it (a 5x5x5 stencil visits about
        // 15.6 r_c^3 instead of 27 r_c^3 with bins of width r_c); cap the bin count near N.
        int[] m = new int[3];
        for (int a = 0; a < 3; a++) {
            double q = Math.floor(2 * h[a] / (cutoff * (1 + 1e-9))); // bins of width >= r_c / 2
            m[a] = (int) Math.max(1, Math.min(q, 1 << 20));
        }
        long maxBins = 4L * Math.max(n, 1) + 27;
        while ((long) m[0] * m[1] * m[2] > maxBins) {
            int a = m[0] >= m[1] && m[0] >= m[2] ? 0 : (m[1] >= m[2] ? 1 : 2);
            m[a] = Math.max(1, m[a] / 2);
        }
        int[] k = new int[3];
        for (int a = 0; a < 3; a++) {
            k[a] = Math.max(1, (int) Math.ceil(cutoff * m[a] / h[a]));
        }
        int binCount = m[0] * m[1] * m[2];

        // Counting sort of atoms into bins (ascending atom index inside a bin).
        int[] binOf = new int[n];
        int[] binStart = new int[binCount + 1];
        for (int i = 0; i < n; i++) {
            int b0 = Math.min(m[0] - 1, (int) (frac[3 * i] * m[0]));
            int b1 = Math.min(m[1] - 1, (int) (frac[3 * i + 1] * m[1]));
            int b2 = Math.min(m[2] - 1, (int) (frac[3 * i + 2] * m[2]));
            binOf[i] = (b0 * m[1] + b1) * m[2] + b2;
            binStart[binOf[i] + 1]++;
        }
        for (int b = 0; b < binCount; b++) {
            binStart[b + 1] += binStart[b];
        }
        int[] binAtoms = new int[n];
        int[] fill = Arrays.copyOf(binStart, binCount);
        for (int i = 0; i < n; i++) {
            binAtoms[fill[binOf[i]]++] = i;
        }

        double volumePerAtom = Math.abs(CellGeometry.volume(cell)) / Math.max(n, 1);
        double expected = 4.0 / 3.0 * Math.PI * cutoff * cutoff * cutoff / volumePerAtom;
        int capacity = (int) Math.min(Integer.MAX_VALUE / 4, (long) (n * (1.3 * expected + 8)) + 16);
        int[] nb = new int[capacity];
        double[] disp = new double[3 * capacity];
        int[] sh = new int[3 * capacity];
        int[] start = new int[n];
        int[] count = new int[n];
        int entries = 0;
        double rc2 = cutoff * cutoff;
        double[] c0 = cell[0];
        double[] c1 = cell[1];
        double[] c2 = cell[2];

        for (int i = 0; i < n; i++) {
            start[i] = entries;
            int bin = binOf[i];
            int bi2 = bin % m[2];
            int bi1 = (bin / m[2]) % m[1];
            int bi0 = bin / (m[1] * m[2]);
            double xi = positions[3 * i];
            double yi = positions[3 * i + 1];
            double zi = positions[3 * i + 2];
            for (int d0 = -k[0]; d0 <= k[0]; d0++) {
                int u0 = bi0 + d0;
                int q0 = Math.floorDiv(u0, m[0]);
                int w0 = u0 - q0 * m[0];
                for (int d1 = -k[1]; d1 <= k[1]; d1++) {
                    int u1 = bi1 + d1;
                    int q1 = Math.floorDiv(u1, m[1]);
                    int w1 = u1 - q1 * m[1];
                    for (int d2 = -k[2]; d2 <= k[2]; d2++) {
                        int u2 = bi2 + d2;
                        int q2 = Math.floorDiv(u2, m[2]);
                        int w2 = u2 - q2 * m[2];
                        int nbBin = (w0 * m[1] + w1) * m[2] + w2;
                        for (int p = binStart[nbBin]; p < binStart[nbBin + 1]; p++) {
                            int j = binAtoms[p];
                            int t0 = q0 - wrapShift[3 * j] + wrapShift[3 * i];
                            int t1 = q1 - wrapShift[3 * j + 1] + wrapShift[3 * i + 1];
                            int t2 = q2 - wrapShift[3 * j + 2] + wrapShift[3 * i + 2];
                            if (j == i && q0 == 0 && q1 == 0 && q2 == 0) {
                                continue;
                            }
                            double dx = positions[3 * j] - xi + t0 * c0[0] + t1 * c1[0] + t2 * c2[0];
                            double dy = positions[3 * j + 1] - yi + t0 * c0[1] + t1 * c1[1] + t2 * c2[1];
                            double dz = positions[3 * j + 2] - zi + t0 * c0[2] + t1 * c1[2] + t2 * c2[2];
                            double r2 = dx * dx + dy * dy + dz * dz;
                            if (r2 >= rc2) {
                                continue;
                            }
                            if (entries == nb.length) {
                                int newCap = Math.max(16, nb.length * 2);
                                nb = Arrays.copyOf(nb, newCap);
                                disp = Arrays.copyOf(disp, 3 * newCap);
                                sh = Arrays.copyOf(sh, 3 * newCap);
                            }
                            nb[entries] = j;
                            disp[3 * entries] = dx;
                            disp[3 * entries + 1] = dy;
                            disp[3 * entries + 2] = dz;
                            sh[3 * entries] = t0;
                            sh[3 * entries + 1] = t1;
                            sh[3 * entries + 2] = t2;
                            entries++;
                        }
                    }
                }
            }
            count[i] = entries - start[i];
        }
        return new CellListNeighborList(n, cutoff, start, count, Arrays.copyOf(nb, entries),
                Arrays.copyOf(disp, 3 * entries), Arrays.copyOf(sh, 3 * entries));
    }

    @Override
    public int atomCount() {
        return atomCount;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int start(int i) {
        return start[i];
    }

    @Override
    public int count(int i) {
        return count[i];
    }

    @Override
    public int[] neighborIndex() {
        return neighbor;
    }

    @Override
    public double[] displacements() {
        return displacement;
    }

    /** @return total number of entries (sum of counts; each unordered pair appears twice) */
    public int entryCount() {
        return neighbor.length;
    }

    /**
     * @return the integer lattice shift T per entry, 3 per entry ({@code T[3*e + a]}), such that
     *     the displacement is r_j + sum_a T_a cell[a] - r_i with the positions as given to the
     *     builder (read-only view)
     */
    public int[] imageShifts() {
        return shift;
    }
}
