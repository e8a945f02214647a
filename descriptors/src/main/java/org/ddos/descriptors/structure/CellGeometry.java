package org.ddos.descriptors.structure;

/**
 * Small geometry of a triclinic cell given as 3x3 rows of cell vectors ({@code cell[a][xyz]}, Å),
 * the convention of {@link Structure}: Cartesian r = sum_a s_a cell[a] for fractional s.
 */
public final class CellGeometry {
    private CellGeometry() {
    }

    /**
     * @param cell 3x3, rows are cell vectors {@code cell[a][xyz]} (Å)
     * @return det(cell), the signed cell volume in Å^3
     */
    public static double volume(double[][] cell) {
        return cell[0][0] * (cell[1][1] * cell[2][2] - cell[1][2] * cell[2][1])
                - cell[0][1] * (cell[1][0] * cell[2][2] - cell[1][2] * cell[2][0])
                + cell[0][2] * (cell[1][0] * cell[2][1] - cell[1][1] * cell[2][0]);
    }

    /**
     * The inverse cell G = cell^-1, so that fractional s_a = sum_x r_x G[x][a].
     *
     * @param cell 3x3, rows are cell vectors {@code cell[a][xyz]} (Å)
     * @return 3x3 inverse (Å^-1), {@code inv[xyz][a]}
     * @throws IllegalArgumentException when the cell is singular
     */
    public static double[][] inverse(double[][] cell) {
        double det = volume(cell);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("cell is singular (volume " + det + " Å^3)");
        }
        double[][] m = cell;
        double[][] inv = new double[3][3];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }

    /**
     * Distances between opposite faces of the cell: h_a = |V| / |b x c| and cyclic. A sphere of
     * radius r fits in the cell without touching its own images only if 2r &lt; min h_a.
     *
     * @param cell 3x3, rows are cell vectors {@code cell[a][xyz]} (Å)
     * @return length 3, Å
     */
    public static double[] perpendicularWidths(double[][] cell) {
        double v = Math.abs(volume(cell));
        double[] h = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] b = cell[(a + 1) % 3];
            double[] c = cell[(a + 2) % 3];
            double cx = b[1] * c[2] - b[2] * c[1];
            double cy = b[2] * c[0] - b[0] * c[2];
            double cz = b[0] * c[1] - b[1] * c[0];
            h[a] = v / Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        return h;
    }

    /**
     * Fractional coordinates of Cartesian positions.
     *
     * @param inverse the inverse cell from {@link #inverse}
     * @param positions flat, length 3N, Å
     * @param out flat, length 3N, overwritten with s[3*i + a] (not wrapped)
     */
    public static void toFractional(double[][] inverse, double[] positions, double[] out) {
        for (int i = 0; i < positions.length; i += 3) {
            double x = positions[i];
            double y = positions[i + 1];
            double z = positions[i + 2];
            out[i] = x * inverse[0][0] + y * inverse[1][0] + z * inverse[2][0];
            out[i + 1] = x * inverse[0][1] + y * inverse[1][1] + z * inverse[2][1];
            out[i + 2] = x * inverse[0][2] + y * inverse[1][2] + z * inverse[2][2];
        }
    }
}
