package org.ddos.descriptors.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ddos.descriptors.structure.PeriodicTable;
import org.ddos.descriptors.structure.Structure;

/**
 * Extended XYZ in the ASE / libAtoms convention: line 1 the atom count N, line 2 key=value pairs
 * with {@code Lattice="ax ay az bx by bz cx cy cz"} (rows are the cell vectors, Å) and
 * {@code Properties=name:type:columns:...} (default {@code species:S:1:pos:R:3}), then N atom lines.
 * Recognised columns: {@code species} (S, chemical symbol) or {@code Z} (I, atomic number),
 * {@code pos} (R:3, Cartesian Å) and optionally {@code masses} (R:1, amu); others are skipped.
 * Values may be quoted with double quotes or braces. A frame without {@code Lattice} is rejected:
 * the library handles periodic crystals only ({@code pbc} is not read: all three directions are
 * treated as periodic).
 *
 * <p>Species are numbered in order of first appearance. Masses come from the {@code masses}
 * column when present (all atoms of an element must agree), else from the standard atomic
 * weights. The writer emits {@code species:S:1:pos:R:3}, plus {@code masses:R:1} when a mass
 * differs from the standard weight, with every number printed to round-trip exactly.
 */
public final class ExtendedXyzFormat implements StructureFormat {

    @Override
    public String name() {
        return "extxyz";
    }

    @Override
    public List<String> fileNames() {
        return List.of("xyz", "extxyz");
    }

    @Override
    public boolean sniff(List<String> head) {
        return head.size() >= 2 && head.get(0).strip().matches("\\d+")
                && (head.get(1).contains("Lattice=") || head.get(1).contains("Properties="));
    }

    @Override
    public Structure read(List<String> lines, String file, ReadOptions options) throws StructureFileException {
        TextLines in = new TextLines(lines, file);
        return readFrame(in);
    }

    /**
     * Reads every frame of a multi-frame file.
     *
     * @param lines the file's lines
     * @param file file name used in messages
     * @return the frames in file order (at least one)
     * @throws StructureFileException naming file and line on malformed content
     */
    public List<Structure> readAll(List<String> lines, String file) throws StructureFileException {
        TextLines in = new TextLines(lines, file);
        List<Structure> frames = new ArrayList<>();
        do {
            frames.add(readFrame(in));
            while (in.hasNext() && in.peek().isBlank()) {
                in.next("");
            }
        } while (in.hasNext());
        return frames;
    }

    private Structure readFrame(TextLines in) throws StructureFileException {
        String first = in.next("the atom count").strip();
        int n;
        try {
            n = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw in.error("expected the number of atoms, got '" + first + "'");
        }
        if (n < 1) {
            throw in.error("the number of atoms must be positive, got " + n);
        }
        String comment = in.next("the comment line with Lattice=... Properties=...");
        int commentLine = in.lineNumber();
        Map<String, String> info = parseKeyValues(comment, in);
        String lattice = info.get("Lattice");
        if (lattice == null) {
            throw in.error("no Lattice=\"...\" key: non-periodic structures are not supported");
        }
        String[] lt = TextLines.tokens(lattice);
        if (lt.length != 9) {
            throw in.error("Lattice needs 9 numbers (3 cell vectors), got " + lt.length + ": \"" + lattice + "\"");
        }
        double[][] cell = new double[3][3];
        for (int k = 0; k < 9; k++) {
            cell[k / 3][k % 3] = in.parseDouble(lt[k], "Lattice component " + (k + 1));
        }
        String props = info.getOrDefault("Properties", "species:S:1:pos:R:3");
        String[] pt = props.split(":");
        if (pt.length % 3 != 0) {
            throw in.error("Properties must be name:type:columns triples, got '" + props + "'");
        }
        int col = 0;
        int speciesCol = -1;
        int zCol = -1;
        int posCol = -1;
        int massCol = -1;
        for (int k = 0; k < pt.length; k += 3) {
            int width = in.parseInt(pt[k + 2], "the column count of property '" + pt[k] + "'");
            String name = pt[k];
            if (name.equals("species") && width == 1) {
                speciesCol = col;
            } else if (name.equals("Z") && width == 1) {
                zCol = col;
            } else if (name.equals("pos") && width == 3) {
                posCol = col;
            } else if (name.equals("masses") && width == 1) {
                massCol = col;
            }
            col += width;
        }
        if (posCol < 0) {
            throw in.error("Properties has no pos:R:3 column: '" + props + "'");
        }
        if (speciesCol < 0 && zCol < 0) {
            throw in.error("Properties has neither species:S:1 nor Z:I:1: '" + props + "'");
        }
        double[] positions = new double[3 * n];
        int[] species = new int[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Double> massOfSpecies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = in.next("atom " + (i + 1) + " of " + n);
            String[] tok = TextLines.tokens(line);
            if (tok.length != col) {
                throw in.error("atom " + (i + 1) + " of " + n + ": expected " + col + " columns (" + props + "), got "
                        + tok.length);
            }
            String el;
            if (speciesCol >= 0) {
                el = tok[speciesCol];
                if (!PeriodicTable.isElement(el)) {
                    throw in.error("unknown element '" + el + "'");
                }
            } else {
                int z = in.parseInt(tok[zCol], "Z");
                try {
                    el = PeriodicTable.symbol(z);
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
            }
            double m = massCol >= 0 ? in.parseDouble(tok[massCol], "mass") : PeriodicTable.standardAtomicWeight(el);
            if (!(m > 0)) {
                throw in.error("mass must be positive, got " + m);
            }
            Integer s = index.get(el);
            if (s == null) {
                s = index.size();
                index.put(el, s);
                massOfSpecies.add(m);
            } else if (massOfSpecies.get(s) != m) {
                throw in.error("atoms of " + el + " have different masses (" + massOfSpecies.get(s) + " and " + m + ")");
            }
            species[i] = s;
            for (int a = 0; a < 3; a++) {
                positions[3 * i + a] = in.parseDouble(tok[posCol + a], "xyz".charAt(a) + " of atom " + (i + 1));
            }
        }
        String[] elements = index.keySet().toArray(new String[0]);
        double[] masses = massOfSpecies.stream().mapToDouble(Double::doubleValue).toArray();
        try {
            return new Structure(cell, positions, species, elements, masses);
        } catch (IllegalArgumentException e) {
            throw in.error(commentLine, e.getMessage());
        }
    }

    /** Parses {@code key=value key="quoted value" key={braced} flag} pairs of a comment line. */
    static Map<String, String> parseKeyValues(String line, TextLines in) throws StructureFileException {
        Map<String, String> out = new LinkedHashMap<>();
        int p = 0;
        int len = line.length();
        while (p < len) {
            while (p < len && Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            if (p >= len) {
                break;
            }
            int k0 = p;
            while (p < len && line.charAt(p) != '=' && !Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            String key = line.substring(k0, p);
            while (p < len && Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            if (p >= len || line.charAt(p) != '=') {
                out.put(key, "T");
                continue;
            }
            p++;
            while (p < len && Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            String value;
            if (p < len && (line.charAt(p) == '"' || line.charAt(p) == '{')) {
                char close = line.charAt(p) == '"' ? '"' : '}';
                int end = line.indexOf(close, p + 1);
                if (end < 0) {
                    throw in.error("unterminated " + line.charAt(p) + " in the value of key '" + key + "'");
                }
                value = line.substring(p + 1, end);
                p = end + 1;
            } else {
                int v0 = p;
                while (p < len && !Character.isWhitespace(line.charAt(p))) {
                    p++;
                }
                value = line.substring(v0, p);
            }
            out.put(key, value);
        }
        return out;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(Structure structure, Appendable out) throws IOException {
        double[][] c = structure.cell();
        String[] elements = structure.elements();
        double[] masses = structure.masses();
        boolean writeMasses = false;
        for (int s = 0; s < elements.length; s++) {
            writeMasses |= !PeriodicTable.isElement(elements[s]) || PeriodicTable.standardAtomicWeight(elements[s]) != masses[s];
        }
        StringBuilder sb = new StringBuilder();
        sb.append(structure.atomCount()).append('\n');
        sb.append("Lattice=\"");
        for (int a = 0; a < 3; a++) {
            for (int x = 0; x < 3; x++) {
                sb.append(a + x == 0 ? "" : " ").append(c[a][x]);
            }
        }
        sb.append("\" Properties=species:S:1:pos:R:3").append(writeMasses ? ":masses:R:1" : "").append(" pbc=\"T T T\"\n");
        double[] pos = structure.positionsView();
        for (int i = 0; i < structure.atomCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%-2s %24s %24s %24s", elements[structure.speciesOf(i)],
                    Double.toString(pos[3 * i]), Double.toString(pos[3 * i + 1]), Double.toString(pos[3 * i + 2])));
            if (writeMasses) {
                sb.append(' ').append(structure.massOf(i));
            }
            sb.append('\n');
        }
        out.append(sb);
    }
}
