package org.ddos.descriptors.structure;

import java.util.Arrays;

/**
 * An atomic structure in a triclinic periodic cell: immutable.
 *
 * <p>Conventions (shared by every reader, writer, descriptor and potential of the library):
 * <ul>
 *   <li>{@code cell}: 3x3, row {@code a} is cell vector {@code a} in Cartesian Å
 *       ({@code cell[a][xyz]}); the cell must have positive volume (right-handed).</li>
 *   <li>{@code positions}: flat, length 3N, {@code positions[3*i + xyz]} in Å (Cartesian).</li>
 *   <li>{@code species}: length N, 0-based index into {@code elements} and {@code masses}.</li>
 *   <li>{@code elements}: chemical symbols of the species types; {@code masses}: amu per type.</li>
 * </ul>
 * Arrays are copied on the way in and out; hot loops use {@link #positionsView()} read-only.
 */
public final class Structure {
    private final double[][] cell;
    private final double[] positions;
    private final int[] species;
    private final String[] elements;
    private final double[] masses;

    /**
     * @param cell 3x3, rows are cell vectors {@code cell[a][xyz]} (Å), positive volume; copied
     * @param positions flat Cartesian positions {@code [3*i + xyz]}, length 3N (Å); copied
     * @param species per atom, 0-based index into elements and masses, length N; copied
     * @param elements chemical symbol per species type; copied
     * @param masses mass per species type (amu, &gt; 0); copied
     * @throws IllegalArgumentException on inconsistent lengths, non-finite values, a species index
     *     out of range, a non-positive mass or a cell of zero or negative volume
     */
    public Structure(double[][] cell, double[] positions, int[] species, String[] elements, double[] masses) {
        if (cell == null || cell.length != 3) {
            throw new IllegalArgumentException("cell must be 3x3 (rows are cell vectors, Å)");
        }
        this.cell = new double[3][];
        for (int a = 0; a < 3; a++) {
            if (cell[a] == null || cell[a].length != 3) {
                throw new IllegalArgumentException("cell must be 3x3 (rows are cell vectors, Å)");
            }
            for (double v : cell[a]) {
                requireFinite(v, "cell");
            }
            this.cell[a] = cell[a].clone();
        }
        double vol = determinant(this.cell);
        if (!(vol > 0)) {
            throw new IllegalArgumentException("cell volume must be positive (right-handed cell), got " + vol + " Å^3");
        }
        if (positions.length != 3 * species.length) {
            throw new IllegalArgumentException("positions has length " + positions.length
                    + " but 3 x " + species.length + " atoms = " + 3 * species.length + " expected");
        }
        for (double v : positions) {
            requireFinite(v, "positions");
        }
        if (elements.length != masses.length || elements.length == 0) {
            throw new IllegalArgumentException("elements and masses must be non-empty and of equal length");
        }
        for (double m : masses) {
            if (!(m > 0) || !Double.isFinite(m)) {
                throw new IllegalArgumentException("masses must be positive and finite (amu), got " + m);
            }
        }
        for (int s : species) {
            if (s < 0 || s >= elements.length) {
                throw new IllegalArgumentException("species index " + s + " outside 0.." + (elements.length - 1));
            }
        }
        this.positions = positions.clone();
        this.species = species.clone();
        this.elements = elements.clone();
        this.masses = masses.clone();
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " contains a non-finite value: " + v);
        }
    }

    private static double determinant(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** @return N, the number of atoms */
    public int atomCount() {
        return species.length;
    }

    /** @return cell volume in Å^3 */
    public double volume() {
        return determinant(cell);
    }

    /** @return a copy of the 3x3 cell, rows are cell vectors (Å) */
    public double[][] cell() {
        return new double[][] {cell[0].clone(), cell[1].clone(), cell[2].clone()};
    }

    /** @return a copy of the flat positions, length 3N (Å) */
    public double[] positions() {
        return positions.clone();
    }

    /** @return the internal flat positions array (length 3N, Å); callers must not modify it */
    public double[] positionsView() {
        return positions;
    }

    /** @return a copy of the per-atom species indices, length N */
    public int[] species() {
        return species.clone();
    }

    /**
     * @param i atom index, 0 &lt;= i &lt; N
     * @return species index of atom i
     */
    public int speciesOf(int i) {
        return species[i];
    }

    /** @return a copy of the element symbols, one per species type */
    public String[] elements() {
        return elements.clone();
    }

    /** @return a copy of the masses (amu), one per species type */
    public double[] masses() {
        return masses.clone();
    }

    /**
     * @param i atom index, 0 &lt;= i &lt; N
     * @return mass of atom i in amu
     */
    public double massOf(int i) {
        return masses[species[i]];
    }

    /**
     * @param newPositions flat Cartesian positions, length 3N (Å)
     * @return a structure with the same cell and species and new positions (length 3N, Å)
     * @throws IllegalArgumentException on a wrong length or non-finite values
     */
    public Structure withPositions(double[] newPositions) {
        return new Structure(cell, newPositions, species, elements, masses);
    }

    /**
     * @param newCell 3x3, rows are cell vectors (Å), positive volume
     * @return a structure with the same atoms (Cartesian positions unchanged) in a new cell
     * @throws IllegalArgumentException on a malformed or non-positive-volume cell
     */
    public Structure withCell(double[][] newCell) {
        return new Structure(newCell, positions, species, elements, masses);
    }

    @Override
    public String toString() {
        return "Structure[N=" + atomCount() + ", elements=" + Arrays.toString(elements)
                + ", volume=" + volume() + " Å^3]";
    }
}
