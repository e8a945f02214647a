package org.ddos.descriptors.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.descriptors.structure.PeriodicTable;
import org.ddos.descriptors.structure.Structure;

/**
 * LAMMPS data files (the {@code read_data} / {@code write_data} format, as LAMMPS and ASE write
 * them): header counts {@code atoms} and {@code atom types}, box {@code xlo xhi}, {@code ylo yhi},
 * {@code zlo zhi} and optional tilts {@code xy xz yz}; sections {@code Masses} and {@code Atoms}
 * (styles {@code atomic}: id type x y z; {@code charge}: id type q x y z; {@code full}: id mol
 * type q x y z; each optionally followed by three image flags, which are ignored). Other
 * sections ({@code Velocities}, {@code Bonds}, coefficients, ...) are skipped.
 *
 * <p>Conventions: the cell is a = (xhi-xlo, 0, 0), b = (xy, yhi-ylo, 0), c = (xz, yz, zhi-zlo);
 * positions are shifted by -(xlo, ylo, zlo) so the cell starts at the origin; atoms are ordered
 * by increasing id; LAMMPS type t becomes species t-1. Elements of the types come from
 * {@link ReadOptions#typeElements()}, else from a chemical symbol in the comment of a
 * {@code Masses} line ({@code 1 183.84 # W}, what this writer emits), else from a mass within
 * 0.01 amu of a standard atomic weight. Masses come from the {@code Masses} section, else from
 * the standard atomic weights.
 *
 * <p>The writer emits the atomic style with a {@code Masses} section naming the elements. A cell
 * that is not already in LAMMPS' lower-triangular form (a along x, b in the xy plane) is rotated
 * into it (positions with it), so reading gives back a rigidly rotated copy.
 */
public final class LammpsDataFormat implements StructureFormat {
    private static final Set<String> SECTIONS = Set.of("Atoms", "Velocities", "Masses", "Ellipsoids", "Lines",
            "Triangles", "Bodies", "Bonds", "Angles", "Dihedrals", "Impropers", "Pair Coeffs", "PairIJ Coeffs",
            "Bond Coeffs", "Angle Coeffs", "Dihedral Coeffs", "Improper Coeffs", "BondBond Coeffs",
            "BondAngle Coeffs", "MiddleBondTorsion Coeffs", "EndBondTorsion Coeffs", "AngleTorsion Coeffs",
            "AngleAngleTorsion Coeffs", "BondBond13 Coeffs", "AngleAngle Coeffs");

    @Override
    public String name() {
        return "lammps-data";
    }

    @Override
    public List<String> fileNames() {
        return List.of("data", "dat", "lmp", "lammps", "lammps-data");
    }

    @Override
    public boolean sniff(List<String> head) {
        boolean atoms = false;
        boolean box = false;
        for (int k = 1; k < head.size(); k++) {
            String t = stripComment(head.get(k));
            atoms |= t.matches("\\d+\\s+atoms");
            box |= t.endsWith("xlo xhi");
        }
        return atoms && box;
    }

    private static String stripComment(String line) {
        int h = line.indexOf('#');
        return (h >= 0 ? line.substring(0, h) : line).strip();
    }

    @Override
    public Structure read(List<String> lines, String file, ReadOptions options) throws StructureFileException {
        TextLines in = new TextLines(lines, file);
        in.next("a title line");
        int nAtoms = -1;
        int nTypes = -1;
        double[] lo = new double[3];
        double[] hi = new double[3];
        boolean[] boxSeen = new boolean[3];
        double xy = 0;
        double xz = 0;
        double yz = 0;
        String section = null;
        int sectionLine = 0;
        String sectionComment = "";
        // header
        while (in.hasNext()) {
            String raw = in.next("header");
            String t = stripComment(raw);
            if (t.isEmpty()) {
                continue;
            }
            if (SECTIONS.contains(t)) {
                section = t;
                sectionLine = in.lineNumber();
                sectionComment = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1).strip() : "";
                break;
            }
            String[] tok = TextLines.tokens(t);
            String keyword = String.join(" ", Arrays.copyOfRange(tok, Math.min(tok.length, 1), tok.length));
            if (t.endsWith("xlo xhi") || t.endsWith("ylo yhi") || t.endsWith("zlo zhi")) {
                int a = t.endsWith("xlo xhi") ? 0 : t.endsWith("ylo yhi") ? 1 : 2;
                if (tok.length != 4) {
                    throw in.error("expected 'lo hi " + tok[tok.length - 2] + " " + tok[tok.length - 1] + "', got '" + t + "'");
                }
                lo[a] = in.parseDouble(tok[0], tok[2]);
                hi[a] = in.parseDouble(tok[1], tok[3]);
                if (!(hi[a] > lo[a])) {
                    throw in.error("box " + tok[3] + " = " + tok[1] + " must exceed " + tok[2] + " = " + tok[0]
                            + " (zero or negative cell volume)");
                }
                boxSeen[a] = true;
            } else if (t.endsWith("xy xz yz")) {
                if (tok.length != 6) {
                    throw in.error("expected 'xy xz yz xy xz yz', got '" + t + "'");
                }
                xy = in.parseDouble(tok[0], "xy");
                xz = in.parseDouble(tok[1], "xz");
                yz = in.parseDouble(tok[2], "yz");
            } else if (keyword.equals("atoms")) {
                nAtoms = parseCount(in, tok[0], "atoms");
            } else if (keyword.equals("atom types")) {
                nTypes = parseCount(in, tok[0], "atom types");
            } else if (!tok[0].matches("[-+0-9.eE]+")) {
                throw in.error("unknown header line '" + t + "' (expected counts, box bounds or a section name)");
            }
            // other counts (bonds, angles, ... types, extra ...) are irrelevant here
        }
        if (nAtoms < 0) {
            throw new StructureFileException(file, 0, "no 'N atoms' line in the header");
        }
        if (nTypes < 1) {
            throw new StructureFileException(file, 0, "no 'N atom types' line in the header (at least one type needed)");
        }
        for (int a = 0; a < 3; a++) {
            if (!boxSeen[a]) {
                throw new StructureFileException(file, 0, "no '" + "xyz".charAt(a) + "lo " + "xyz".charAt(a) + "hi' box line in the header");
            }
        }
        double[] masses = null;
        String[] massElements = new String[nTypes];
        double[] positions = null;
        int[] types = null;
        while (section != null) {
            String current = section;
            int headerLine = sectionLine;
            String comment = sectionComment;
            section = null;
            switch (current) {
                case "Masses" -> {
                    masses = new double[nTypes];
                    boolean[] seen = new boolean[nTypes];
                    skipBlankLines(in);
                    for (int k = 0; k < nTypes; k++) {
                        String raw = sectionLine(in, k, nTypes, "Masses");
                        String[] tok = TextLines.tokens(stripComment(raw));
                        if (tok.length != 2) {
                            throw in.error("Masses: expected 'type mass', got '" + raw.strip() + "'");
                        }
                        int type = in.parseInt(tok[0], "atom type");
                        if (type < 1 || type > nTypes) {
                            throw in.error("Masses: atom type " + type + " outside 1.." + nTypes);
                        }
                        double m = in.parseDouble(tok[1], "mass");
                        if (!(m > 0)) {
                            throw in.error("Masses: mass of type " + type + " must be positive, got " + tok[1]);
                        }
                        masses[type - 1] = m;
                        seen[type - 1] = true;
                        if (raw.contains("#")) {
                            String c = raw.substring(raw.indexOf('#') + 1).strip();
                            if (PeriodicTable.isElement(c)) {
                                massElements[type - 1] = c;
                            }
                        }
                    }
                    for (int t = 0; t < nTypes; t++) {
                        if (!seen[t]) {
                            throw in.error(headerLine, "Masses: no mass for atom type " + (t + 1));
                        }
                    }
                }
                case "Atoms" -> {
                    positions = new double[3 * nAtoms];
                    types = new int[nAtoms];
                    readAtoms(in, nAtoms, nTypes, comment, positions, types);
                }
                default -> {
                    // skip an unneeded section: its lines all start with a number
                }
            }
            while (in.hasNext()) {
                String raw = in.next("a section");
                String t = stripComment(raw);
                if (SECTIONS.contains(t)) {
                    section = t;
                    sectionLine = in.lineNumber();
                    sectionComment = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1).strip() : "";
                    break;
                }
                if (t.isEmpty()) {
                    continue;
                }
                if (current.equals("Atoms") || current.equals("Masses")) {
                    throw in.error(current + ": more lines than the " + (current.equals("Atoms") ? nAtoms + " atoms" : nTypes + " atom types")
                            + " of the header, or an unknown section: '" + t + "'");
                }
                if (!(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '+')) {
                    throw in.error("unknown section '" + t + "'");
                }
            }
        }
        if (positions == null) {
            throw new StructureFileException(file, 0, "no Atoms section");
        }
        String[] elements = new String[nTypes];
        double[] typeMasses = new double[nTypes];
        List<String> given = options.typeElements();
        if (!given.isEmpty() && given.size() < nTypes) {
            throw new StructureFileException(file, 0, "the file has " + nTypes + " atom types but only " + given.size()
                    + " elements were given: " + given);
        }
        for (int t = 0; t < nTypes; t++) {
            String el;
            if (!given.isEmpty()) {
                el = given.get(t);
                if (!PeriodicTable.isElement(el)) {
                    throw new StructureFileException(file, 0, "element '" + el + "' given for atom type " + (t + 1)
                            + " is not a known chemical symbol");
                }
            } else if (massElements[t] != null) {
                el = massElements[t];
            } else if (masses != null && PeriodicTable.elementOfMass(masses[t], 0.01) != null) {
                el = PeriodicTable.elementOfMass(masses[t], 0.01);
            } else {
                throw new StructureFileException(file, 0, "cannot tell the element of atom type " + (t + 1)
                        + (masses == null ? " (no Masses section)" : " (mass " + masses[t] + " matches no standard atomic weight)")
                        + ": give the elements of the atom types in order (e.g. --elements W)");
            }
            elements[t] = el;
            typeMasses[t] = masses != null ? masses[t] : PeriodicTable.standardAtomicWeight(el);
        }
        double[][] cell = {{hi[0] - lo[0], 0, 0}, {xy, hi[1] - lo[1], 0}, {xz, yz, hi[2] - lo[2]}};
        for (int i = 0; i < nAtoms; i++) {
            for (int a = 0; a < 3; a++) {
                positions[3 * i + a] -= lo[a];
            }
        }
        return new Structure(cell, positions, types, elements, typeMasses);
    }

    private static int parseCount(TextLines in, String token, String what) throws StructureFileException {
        int n = in.parseInt(token, "the number of " + what);
        if (n < 0) {
            throw in.error("the number of " + what + " must not be negative, got " + n);
        }
        return n;
    }

    private static void skipBlankLines(TextLines in) throws StructureFileException {
        while (in.hasNext() && stripComment(in.peek()).isEmpty()) {
            in.next("");
        }
    }

    /** @return line {@code k} (0-based) of the {@code n} lines of a section, refusing blanks and section names */
    private static String sectionLine(TextLines in, int k, int n, String section) throws StructureFileException {
        String raw = in.next(section + " line " + (k + 1) + " of " + n);
        String t = stripComment(raw);
        if (t.isEmpty()) {
            throw in.error(section + ": expected " + n + " lines, found a blank line after " + k);
        }
        if (SECTIONS.contains(t)) {
            throw in.error(section + ": expected " + n + " lines, found section '" + t + "' after " + k);
        }
        return raw;
    }

    private void readAtoms(TextLines in, int n, int nTypes, String styleComment, double[] positions, int[] types)
            throws StructureFileException {
        String style = styleComment.isEmpty() ? null : TextLines.tokens(styleComment)[0].toLowerCase(Locale.ROOT);
        if (style != null && !Set.of("atomic", "charge", "full").contains(style)) {
            throw in.error("Atoms: atom style '" + style + "' is not supported (atomic, charge, full)");
        }
        int[] ids = new int[n];
        double[] pos = new double[3 * n];
        int[] typ = new int[n];
        skipBlankLines(in);
        for (int k = 0; k < n; k++) {
            String raw = sectionLine(in, k, n, "Atoms");
            String[] tok = TextLines.tokens(stripComment(raw));
            String s = style;
            if (s == null) {
                s = switch (tok.length) {
                    case 5, 8 -> "atomic";
                    case 6, 9 -> "charge";
                    case 7, 10 -> "full";
                    default -> throw in.error("Atoms: expected 5 columns (id type x y z), got " + tok.length);
                };
            }
            int base = switch (s) {
                case "atomic" -> 5;
                case "charge" -> 6;
                default -> 7;
            };
            if (tok.length != base && tok.length != base + 3) {
                throw in.error("Atoms (" + s + "): expected " + base + " columns" + " (or " + (base + 3)
                        + " with image flags), got " + tok.length);
            }
            ids[k] = in.parseInt(tok[0], "atom id");
            int typeCol = s.equals("full") ? 2 : 1;
            int type = in.parseInt(tok[typeCol], "atom type");
            if (type < 1 || type > nTypes) {
                throw in.error("Atoms: atom type " + type + " outside 1.." + nTypes + " (header 'atom types')");
            }
            typ[k] = type - 1;
            for (int a = 0; a < 3; a++) {
                pos[3 * k + a] = in.parseDouble(tok[base - 3 + a], "xyz".charAt(a) + " of atom " + ids[k]);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Integer.compare(ids[p], ids[q]));
        for (int i = 0; i < n; i++) {
            int src = order[i];
            if (i > 0 && ids[src] == ids[order[i - 1]]) {
                throw in.error("Atoms: atom id " + ids[src] + " appears twice");
            }
            types[i] = typ[src];
            System.arraycopy(pos, 3 * src, positions, 3 * i, 3);
        }
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    /**
     * The cell in LAMMPS' lower-triangular form with the same lengths and angles, and the rotation
     * of Cartesian positions into it.
     *
     * @return {lx, ly, lz, xy, xz, yz}
     */
    static double[] lammpsBox(double[][] cell) {
        double[] a = cell[0];
        double[] b = cell[1];
        double[] c = cell[2];
        double la = norm(a);
        double bx = dot(b, a) / la;
        double by = Math.sqrt(Math.max(0, dot(b, b) - bx * bx));
        double cx = dot(c, a) / la;
        double cy = (dot(b, c) - bx * cx) / by;
        double cz = Math.sqrt(Math.max(0, dot(c, c) - cx * cx - cy * cy));
        return new double[] {la, by, cz, bx, cx, cy};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
        return Math.sqrt(dot(u, u));
    }

    @Override
    public void write(Structure structure, Appendable out) throws IOException {
        double[][] cell = structure.cell();
        double[] pos = structure.positions();
        boolean lowerTriangular = cell[0][1] == 0 && cell[0][2] == 0 && cell[1][2] == 0;
        double lx;
        double ly;
        double lz;
        double xy;
        double xz;
        double yz;
        if (lowerTriangular) {
            lx = cell[0][0];
            ly = cell[1][1];
            lz = cell[2][2];
            xy = cell[1][0];
            xz = cell[2][0];
            yz = cell[2][1];
        } else {
            double[] box = lammpsBox(cell);
            lx = box[0];
            ly = box[1];
            lz = box[2];
            xy = box[3];
            xz = box[4];
            yz = box[5];
            double[][] lammpsCell = {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}};
            double[] frac = new double[pos.length];
            CellGeometry.toFractional(CellGeometry.inverse(cell), pos, frac);
            for (int i = 0; i < pos.length; i += 3) {
                for (int x = 0; x < 3; x++) {
                    pos[i + x] = frac[i] * lammpsCell[0][x] + frac[i + 1] * lammpsCell[1][x] + frac[i + 2] * lammpsCell[2][x];
                }
            }
        }
        String[] elements = structure.elements();
        double[] masses = structure.masses();
        StringBuilder sb = new StringBuilder();
        sb.append("(written by ddos) ").append(String.join(" ", elements)).append("\n\n");
        sb.append(structure.atomCount()).append(" atoms\n");
        sb.append(elements.length).append(" atom types\n\n");
        sb.append("0.0 ").append(lx).append(" xlo xhi\n");
        sb.append("0.0 ").append(ly).append(" ylo yhi\n");
        sb.append("0.0 ").append(lz).append(" zlo zhi\n");
        if (xy != 0 || xz != 0 || yz != 0) {
            sb.append(xy).append(' ').append(xz).append(' ').append(yz).append(" xy xz yz\n");
        }
        sb.append("\nMasses\n\n");
        for (int t = 0; t < elements.length; t++) {
            sb.append(t + 1).append(' ').append(masses[t]).append(" # ").append(elements[t]).append('\n');
        }
        sb.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < structure.atomCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%6d %3d %24s %24s %24s\n", i + 1, structure.speciesOf(i) + 1,
                    Double.toString(pos[3 * i]), Double.toString(pos[3 * i + 1]), Double.toString(pos[3 * i + 2])));
        }
        out.append(sb);
    }
}
