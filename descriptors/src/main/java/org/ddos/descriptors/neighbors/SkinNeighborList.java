package org.ddos.descriptors.neighbors;

import java.util.Arrays;
import org.ddos.descriptors.structure.Structure;

/**
 * A Verlet (skin) neighbour list for a fixed cell and small atomic displacements, the scheme MD
 * codes use (LAMMPS {@code neighbor skin}): candidate pairs and their integer image shifts are
 * found once with a {@link CellListNeighborList} at r_c + skin; each {@link #update(double[])}
 * recomputes only the candidate displacements and keeps those below r_c. When some atom has moved
 * more than skin / 2 since the last build (so that a pair outside r_c + skin could have come
 * within r_c), the candidates are rebuilt. The exposed list is therefore always exactly the list
 * a fresh build at r_c would give (same pairs; the entry order of an atom may differ).
 *
 * <p>Not thread-safe: one instance per trajectory. {@link #update(double[])} does not allocate
 * unless it rebuilds.
 */
public final class SkinNeighborList implements NeighborList {
    private final double cutoff;
    private final double skin;
    private double[][] cell;
    private final int atomCount;
    private final double[] referencePositions;
    private CellListNeighborList candidates;
    private final int[] start;
    private final int[] count;
    private int[] neighbor;
    private double[] displacement;
    private int buildCount;

    /**
     * @param structure the initial structure (its cell is kept for all later updates)
     * @param cutoff r_c in Å, positive and finite
     * @param skin extra distance in Å, non-negative and finite (e.g. 0.3 to 1.0 Å)
     * @throws IllegalArgumentException on a non-positive cutoff or a negative skin
     */
    public SkinNeighborList(Structure structure, double cutoff, double skin) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("neighbour cutoff must be positive and finite, got " + cutoff + " Å");
        }
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("neighbour skin must be non-negative and finite, got " + skin + " Å");
        }
        this.cutoff = cutoff;
        this.skin = skin;
        this.cell = structure.cell();
        this.atomCount = structure.atomCount();
        this.referencePositions = structure.positions();
        this.start = new int[atomCount];
        this.count = new int[atomCount];
        rebuild(structure.positionsView());
    }

    /**
     * Moves the atoms (same cell, same atom order) and refreshes the list.
     *
     * @param positions flat, length 3N, Å; not wrapped into the cell between updates (a wrapped
     *     atom counts as a large move and triggers a rebuild, which is still correct)
     * @return true when the candidates had to be rebuilt
     * @throws IllegalArgumentException on a wrong length or non-finite positions
     */
    public boolean update(double[] positions) {
        if (positions.length != 3 * atomCount) {
            throw new IllegalArgumentException("positions has length " + positions.length + ", expected " + 3 * atomCount);
        }
        double limit2 = 0.25 * skin * skin;
        boolean moved = false;
        for (int e = 0; e < positions.length; e += 3) {
            double dx = positions[e] - referencePositions[e];
            double dy = positions[e + 1] - referencePositions[e + 1];
            double dz = positions[e + 2] - referencePositions[e + 2];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (!(d2 <= limit2)) { // also catches NaN
                if (!Double.isFinite(d2)) {
                    throw new IllegalArgumentException("positions contain a non-finite value near atom " + e / 3);
                }
                moved = true;
                break;
            }
        }
        if (moved) {
            rebuild(positions);
            return true;
        }
        filter(positions);
        return false;
    }

    /**
     * Refreshes the list for new positions only when no atom has moved more than skin / 2 from the
     * positions of the last build; otherwise leaves the list unchanged and returns false. Unlike
     * {@link #update(double[])} this never rebuilds, so the entry order is always that of the last
     * build: samplers that draw independent configurations around one reference (isosurface sampling)
     * get results that depend only on each configuration, not on the ones before it.
     *
     * @param positions flat, length 3N, Å (same cell, same atom order)
     * @return true when the list now describes {@code positions}; false when the caller needs a fresh list
     * @throws IllegalArgumentException on a wrong length
     */
    public boolean updateWithinSkin(double[] positions) {
        if (positions.length != 3 * atomCount) {
            throw new IllegalArgumentException("positions has length " + positions.length + ", expected " + 3 * atomCount);
        }
        double limit2 = 0.25 * skin * skin;
        for (int e = 0; e < positions.length; e += 3) {
            double dx = positions[e] - referencePositions[e];
            double dy = positions[e + 1] - referencePositions[e + 1];
            double dz = positions[e + 2] - referencePositions[e + 2];
            if (!(dx * dx + dy * dy + dz * dz <= limit2)) { // also catches NaN
                return false;
            }
        }
        filter(positions);
        return true;
    }

    /**
     * Refreshes the list for a structure with the same atoms; a changed cell forces a rebuild.
     *
     * @param structure the new configuration of the same N atoms
     * @return true when the candidates had to be rebuilt
     * @throws IllegalArgumentException when the atom count differs
     */
    public boolean update(Structure structure) {
        if (structure.atomCount() != atomCount) {
            throw new IllegalArgumentException("structure has " + structure.atomCount() + " atoms, list was built for " + atomCount);
        }
        double[][] c = structure.cell();
        if (!Arrays.deepEquals(c, cell)) {
            cell = c;
            rebuild(structure.positionsView());
            return true;
        }
        return update(structure.positionsView());
    }

    /** @return how many times the candidate pairs were built (1 after construction) */
    public int buildCount() {
        return buildCount;
    }

    /** @return the skin in Å */
    public double skin() {
        return skin;
    }

    private void rebuild(double[] positions) {
        candidates = CellListNeighborList.build(cell, positions, cutoff + skin);
        System.arraycopy(positions, 0, referencePositions, 0, positions.length);
        int entries = candidates.entryCount();
        neighbor = new int[entries];
        displacement = new double[3 * entries];
        buildCount++;
        filter(positions);
    }

    private void filter(double[] positions) {
        int[] cand = candidates.neighborIndex();
        int[] sh = candidates.imageShifts();
        double[] a = cell[0];
        double[] b = cell[1];
        double[] c = cell[2];
        double rc2 = cutoff * cutoff;
        int out = 0;
        for (int i = 0; i < atomCount; i++) {
            start[i] = out;
            double xi = positions[3 * i];
            double yi = positions[3 * i + 1];
            double zi = positions[3 * i + 2];
            int end = candidates.start(i) + candidates.count(i);
            for (int e = candidates.start(i); e < end; e++) {
                int j = cand[e];
                int t0 = sh[3 * e];
                int t1 = sh[3 * e + 1];
                int t2 = sh[3 * e + 2];
                double dx = positions[3 * j] - xi + t0 * a[0] + t1 * b[0] + t2 * c[0];
                double dy = positions[3 * j + 1] - yi + t0 * a[1] + t1 * b[1] + t2 * c[1];
                double dz = positions[3 * j + 2] - zi + t0 * a[2] + t1 * b[2] + t2 * c[2];
                if (dx * dx + dy * dy + dz * dz < rc2) {
                    neighbor[out] = j;
                    displacement[3 * out] = dx;
                    displacement[3 * out + 1] = dy;
                    displacement[3 * out + 2] = dz;
                    out++;
                }
            }
            count[i] = out - start[i];
        }
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

    /** @return neighbour index per entry; only the first sum of counts entries are meaningful */
    @Override
    public int[] neighborIndex() {
        return neighbor;
    }

    /** @return displacements, 3 per entry; only the first 3 x (sum of counts) values are meaningful */
    @Override
    public double[] displacements() {
        return displacement;
    }
}
