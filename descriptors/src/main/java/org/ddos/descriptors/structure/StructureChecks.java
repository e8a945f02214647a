package org.ddos.descriptors.structure;

import java.util.Locale;
import org.ddos.descriptors.neighbors.CellListNeighborList;

/**
 * Physical sanity checks for structures coming from files or users, for readers and the CLI.
 */
public final class StructureChecks {
    /**
     * Default smallest acceptable interatomic distance (Å): no pair of atoms in a condensed metal
     * comes closer than about 1.5 Å even at melting, while H2 has 0.74 Å; 0.5 Å catches duplicated
     * atoms and unit mistakes (e.g. positions in fractional or Bohr coordinates).
     */
    public static final double DEFAULT_MINIMUM_DISTANCE = 0.5;

    private StructureChecks() {
    }

    /**
     * @param structure the structure
     * @param searchRadius largest distance looked at (Å)
     * @return the shortest distance between two atoms (or an atom and a periodic image of itself
     *     or of another atom) in Å; {@code Double.POSITIVE_INFINITY} when none is below {@code searchRadius}
     */
    public static double minimumDistance(Structure structure, double searchRadius) {
        CellListNeighborList list = CellListNeighborList.build(structure, searchRadius);
        double[] d = list.displacements();
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < list.entryCount(); e++) {
            double r = Math.sqrt(d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2]);
            best = Math.min(best, r);
        }
        return best;
    }

    /**
     * Throws when two atoms (with periodic images) are closer than {@code minimum}.
     *
     * @param structure the structure
     * @param minimum the smallest acceptable distance in Å (e.g. {@link #DEFAULT_MINIMUM_DISTANCE})
     * @param source what the structure is (a file name) for the message
     * @throws IllegalArgumentException naming the first offending pair (1-based atom numbers), the
     *     distance and the limit
     */
    public static void requireMinimumDistance(Structure structure, double minimum, String source) {
        if (!(minimum > 0)) {
            throw new IllegalArgumentException("minimum distance must be positive, got " + minimum);
        }
        CellListNeighborList list = CellListNeighborList.build(structure, minimum);
        for (int i = 0; i < structure.atomCount(); i++) {
            if (list.count(i) > 0) {
                int e = list.start(i);
                double[] d = list.displacements();
                double r = Math.sqrt(d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2]);
                int j = list.neighborIndex()[e];
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: atoms %d and %d%s are %.4f Å apart, closer than the physical minimum %.4f Å"
                        + " (duplicate atoms, or coordinates in the wrong units?)",
                        source, i + 1, j + 1, j == i ? " (periodic image)" : "", r, minimum));
            }
        }
    }
}
