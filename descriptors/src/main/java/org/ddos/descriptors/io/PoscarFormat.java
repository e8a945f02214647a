package org.ddos.descriptors.io;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.descriptors.structure.PeriodicTable;
import org.ddos.descriptors.structure.Structure;

/**
 * VASP POSCAR / CONTCAR: comment line; universal scale factor (negative: the target cell volume in
 * Å^3); three lattice vectors; element symbols (VASP 5; for VASP 4 files without them the
 * elements come from {@link ReadOptions#typeElements()} or from the comment line); atom counts per
 * element; optional {@code Selective dynamics}; {@code Direct} or {@code Cartesian} (scaled by the
 * scale factor); one position per atom (extra columns such as T/F flags are ignored).
 * Velocities and predictor blocks of a CONTCAR are ignored. POTCAR-style symbols such as
 * {@code Fe_pv} or {@code Fe/abc} are read as the element before the separator.
 *
 * <p>Masses are the standard atomic weights. The writer emits VASP 5 with direct coordinates,
 * atoms grouped by species (in species order, stable within a species).
 */
public final class PoscarFormat implements StructureFormat {

    @Override
    public String name() {
        return "vasp";
    }

    @Override
    public List<String> fileNames() {
        return List.of("poscar", "contcar", "vasp");
    }

    @Override
    public boolean sniff(List<String> head) {
        if (head.size() < 7) {
            return false;
        }
        if (!head.get(1).strip().matches("[-+0-9.eE]+")) {
            return false;
        }
        for (int k = 2; k < 5; k++) {
            if (TextLines.tokens(head.get(k)).length < 3) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Structure read(List<String> lines, String file, ReadOptions options) throws StructureFileException {
        TextLines in = new TextLines(lines, file);
        String comment = in.next("a comment line");
        String[] st = TextLines.tokens(in.next("the scale factor"));
        if (st.length < 1) {
            throw in.error("expected the scale factor, got an empty line");
        }
        double scale = in.parseDouble(st[0], "the scale factor");
        if (scale == 0) {
            throw in.error("scale factor must not be zero");
        }
        double[][] cell = new double[3][3];
        for (int a = 0; a < 3; a++) {
            String[] t = TextLines.tokens(in.next("lattice vector " + (a + 1)));
            if (t.length < 3) {
                throw in.error("lattice vector " + (a + 1) + ": expected 3 numbers, got " + t.length);
            }
            for (int x = 0; x < 3; x++) {
                cell[a][x] = in.parseDouble(t[x], "lattice vector " + (a + 1));
            }
        }
        double rawVolume = CellGeometry.volume(cell);
        if (!(rawVolume > 0)) {
            throw in.error("lattice vectors give zero or negative cell volume (" + rawVolume + "): the cell must be right-handed");
        }
        double factor = scale > 0 ? scale : Math.cbrt(-scale / rawVolume);
        for (double[] row : cell) {
            for (int x = 0; x < 3; x++) {
                row[x] *= factor;
            }
        }
        String[] next = TextLines.tokens(in.next("element symbols or atom counts"));
        if (next.length == 0) {
            throw in.error("expected element symbols or atom counts, got an empty line");
        }
        String[] elements;
        String[] countTokens;
        if (next[0].matches("\\d+")) {
            countTokens = next;
            int countLine = in.lineNumber();
            if (!options.typeElements().isEmpty()) {
                elements = options.typeElements().toArray(new String[0]);
            } else {
                elements = TextLines.tokens(comment);
            }
            if (elements.length < countTokens.length) {
                throw in.error(countLine, "VASP 4 file without element line: give the " + countTokens.length
                        + " elements (or name them on the comment line)");
            }
            elements = java.util.Arrays.copyOf(elements, countTokens.length);
            for (String el : elements) {
                if (!PeriodicTable.isElement(el)) {
                    throw in.error(countLine, "VASP 4 file without element line and '" + el
                            + "' (from the comment line or the given elements) is not an element");
                }
            }
        } else {
            elements = next.clone();
            for (int s = 0; s < elements.length; s++) {
                elements[s] = elements[s].split("[_/]")[0];
                if (!PeriodicTable.isElement(elements[s])) {
                    throw in.error("unknown element '" + next[s] + "'");
                }
            }
            countTokens = TextLines.tokens(in.next("atom counts"));
            if (countTokens.length != elements.length) {
                throw in.error("expected " + elements.length + " atom counts (one per element), got " + countTokens.length);
            }
        }
        int[] counts = new int[countTokens.length];
        int n = 0;
        for (int s = 0; s < counts.length; s++) {
            counts[s] = in.parseInt(countTokens[s], "the atom count of " + elements[s]);
            if (counts[s] < 0) {
                throw in.error("atom count of " + elements[s] + " must not be negative, got " + counts[s]);
            }
            n += counts[s];
        }
        if (n == 0) {
            throw in.error("no atoms");
        }
        String mode = in.next("Direct or Cartesian").strip();
        if (!mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's')) {
            mode = in.next("Direct or Cartesian").strip();
        }
        boolean cartesian;
        char m0 = mode.isEmpty() ? ' ' : Character.toLowerCase(mode.charAt(0));
        if (m0 == 'c' || m0 == 'k') {
            cartesian = true;
        } else if (m0 == 'd') {
            cartesian = false;
        } else {
            throw in.error("expected 'Direct' or 'Cartesian', got '" + mode + "'");
        }
        double[] positions = new double[3 * n];
        int[] species = new int[n];
        int i = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int k = 0; k < counts[s]; k++, i++) {
                String[] t = TextLines.tokens(in.next("position of atom " + (i + 1) + " of " + n));
                if (t.length < 3) {
                    throw in.error("expected 3 coordinates for atom " + (i + 1) + ", got " + t.length);
                }
                double[] v = new double[3];
                for (int x = 0; x < 3; x++) {
                    v[x] = in.parseDouble(t[x], "coordinate " + "xyz".charAt(x) + " of atom " + (i + 1));
                }
                for (int x = 0; x < 3; x++) {
                    positions[3 * i + x] = cartesian ? factor * v[x]
                            : v[0] * cell[0][x] + v[1] * cell[1][x] + v[2] * cell[2][x];
                }
                species[i] = s;
            }
        }
        double[] masses = new double[elements.length];
        for (int s = 0; s < elements.length; s++) {
            masses[s] = PeriodicTable.standardAtomicWeight(elements[s]);
        }
        return new Structure(cell, positions, species, elements, masses);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(Structure structure, Appendable out) throws IOException {
        String[] elements = structure.elements();
        double[][] cell = structure.cell();
        double[] frac = new double[3 * structure.atomCount()];
        CellGeometry.toFractional(CellGeometry.inverse(cell), structure.positionsView(), frac);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(" ", elements)).append(" (written by ddos)\n1.0\n");
        for (double[] row : cell) {
            sb.append(String.format(Locale.ROOT, " %24s %24s %24s\n", Double.toString(row[0]), Double.toString(row[1]),
                    Double.toString(row[2])));
        }
        int[] counts = new int[elements.length];
        for (int i = 0; i < structure.atomCount(); i++) {
            counts[structure.speciesOf(i)]++;
        }
        StringBuilder names = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (int s = 0; s < elements.length; s++) {
            if (counts[s] > 0) {
                names.append(' ').append(elements[s]);
                numbers.append(' ').append(counts[s]);
            }
        }
        sb.append(names).append('\n').append(numbers).append("\nDirect\n");
        for (int s = 0; s < elements.length; s++) {
            for (int i = 0; i < structure.atomCount(); i++) {
                if (structure.speciesOf(i) == s) {
                    sb.append(String.format(Locale.ROOT, " %24s %24s %24s\n", Double.toString(frac[3 * i]),
                            Double.toString(frac[3 * i + 1]), Double.toString(frac[3 * i + 2])));
                }
            }
        }
        out.append(sb);
    }
}
