package org.ddos.descriptors.neighbors;

/**
 * A full neighbour list (both i-&gt;j and j-&gt;i) with periodic images, stored flat.
 *
 * <p>For atom i the entries are {@code start(i) .. start(i) + count(i) - 1}; entry e holds the
 * neighbour's index {@code neighborIndex()[e]} (0..N-1, in the original cell) and the
 * displacement {@code r_j + image shift - r_i} in Å at {@code displacements()[3*e + xyz]}. An
 * atom is its own neighbour only through a non-zero lattice shift. Pairs at distance below the
 * cutoff are listed (strictly less than; LAMMPS lists r &lt; cutoff as well).
 */
public interface NeighborList {
    /** @return N */
    int atomCount();

    /** @return the cutoff the list was built for (Å) */
    double cutoff();

    /**
     * @param i atom index, 0 &lt;= i &lt; N
     * @return first entry of atom i in {@link #neighborIndex()} (and entry e's displacement at 3e)
     */
    int start(int i);

    /**
     * @param i atom index, 0 &lt;= i &lt; N
     * @return number of neighbours of atom i
     */
    int count(int i);

    /** @return neighbour atom index per entry (read-only view) */
    int[] neighborIndex();

    /** @return displacement r_j - r_i (with image shift) per entry, 3 per entry, Å (read-only view) */
    double[] displacements();
}
