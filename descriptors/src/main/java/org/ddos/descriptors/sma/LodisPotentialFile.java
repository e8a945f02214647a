package org.ddos.descriptors.sma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddos.descriptors.io.StructureFileException;
import org.ddos.descriptors.io.TextLines;
import org.ddos.descriptors.structure.PeriodicTable;

/**
 * A LoDiS / MolDyn RGL parameter file ({@code *.pot}), as read by LoDiS {@code read_rgl.f90}.
 *
 * <p>After dropping comment lines (first non-blank character {@code #}) and blank lines, the file
 * holds: the two metal symbols; four rows p, q, A (eV), xi (eV), each with the columns
 * metal 1, metal 2, cross pair (trailing labels ignored; Fortran {@code d} exponents accepted);
 * the cohesive energies (eV), atomic radii (Å) and masses (amu) of the two metals; and one
 * {@code cutoffStart cutoffEnd} line (Å). A shorter variant (e.g. LoDiS {@code Cu_Cu.pot}) has
 * only labelled rows {@code p q a qsi}; its radius and cutoffs are then NaN and must be supplied.
 *
 * <p>LoDiS conventions applied by {@link #toParameters()}: r0 of a pure pair is twice the atomic
 * radius (the fcc nearest-neighbour distance, lattice constant = radius sqrt(8)); the cross r0 is
 * the arithmetic mean of the pure ones; every pair uses the file's single cutoff pair with the
 * quintic tail of {@link SmaPairParameters}.
 *
 * @param file the file name (for messages)
 * @param elements the two symbols (equal for a pure metal), or null in the short variant
 * @param p p for columns metal 1, metal 2, cross
 * @param q q per column
 * @param a A per column (eV)
 * @param xi xi per column (eV)
 * @param cohesiveEnergy the file's cohesive energies of metals 1 and 2 (eV), NaN if absent
 * @param radius atomic radii (Å), NaN if absent
 * @param mass masses (amu), NaN if absent
 * @param cutoffStart start of the tail (Å), NaN if absent
 * @param cutoffEnd cutoff (Å), NaN if absent
 */
public record LodisPotentialFile(String file, String[] elements, double[] p, double[] q, double[] a, double[] xi,
        double[] cohesiveEnergy, double[] radius, double[] mass, double cutoffStart, double cutoffEnd) {

    /**
     * Reads a file (UTF-8).
     *
     * @param path a LoDiS / MolDyn RGL parameter file
     * @return its columns (pure metal or binary)
     * @throws StructureFileException naming file and line on malformed content
     * @throws IOException when the file cannot be read
     */
    public static LodisPotentialFile read(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.getFileName().toString());
    }

    /**
     * Parses file content.
     *
     * @param lines the file's lines
     * @param file file name used in messages
     * @return its columns (pure metal or binary)
     * @throws StructureFileException naming file and line on a missing row, too few numbers, a
     *     non-numeric value or an unknown element
     */
    public static LodisPotentialFile parse(List<String> lines, String file) throws StructureFileException {
        List<String> content = new ArrayList<>();
        List<Integer> lineNo = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String t = lines.get(k).replace("\uFEFF", "").strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            content.add(t);
            lineNo.add(k + 1);
        }
        if (content.isEmpty()) {
            throw new StructureFileException(file, 0, "no parameters (only comments)");
        }
        Cursor c = new Cursor(content, lineNo, file, lines);
        String[] first = TextLines.tokens(content.get(0));
        if (first[0].equals("p")) {
            double[] p = c.labelled("p");
            double[] q = c.labelled("q");
            double[] a = c.labelled("a");
            double[] xi = c.labelled("qsi");
            double[] nan = {Double.NaN, Double.NaN};
            return new LodisPotentialFile(file, null, p, q, a, xi, nan, nan.clone(), nan.clone(), Double.NaN, Double.NaN);
        }
        c.next();
        if (first.length < 2 || !PeriodicTable.isElement(first[0]) || !PeriodicTable.isElement(first[1])) {
            throw c.error("expected the two metal symbols (e.g. 'Cu Ni'), got '" + content.get(0) + "'");
        }
        String[] elements = {first[0], first[1]};
        double[] p = c.numbers(3, "p (metal 1, metal 2, cross)");
        double[] q = c.numbers(3, "q (metal 1, metal 2, cross)");
        double[] a = c.numbers(3, "A in eV (metal 1, metal 2, cross)");
        double[] xi = c.numbers(3, "xi in eV (metal 1, metal 2, cross)");
        double[] ecoh = c.numbers(2, "cohesive energies in eV");
        double[] radius = c.numbers(2, "atomic radii in Å");
        double[] mass = c.numbers(2, "masses in amu");
        double[] cut = c.numbers(2, "cutoff start and end in Å");
        return new LodisPotentialFile(file, elements, p, q, a, xi, ecoh, radius, mass, cut[0], cut[1]);
    }

    /**
     * Writes a pure-metal parameter file that {@link #read} and {@link #toParameters()} turn back
     * into exactly {@code pair} (every number in shortest round-trip form; radius = r0 / 2, the
     * LoDiS convention).
     *
     * @param element chemical symbol
     * @param pair the parameters (its cutoffs become the file's single cutoff line)
     * @param cohesiveEnergy cohesive energy in eV (informational; not used by the model)
     * @param mass mass in amu (informational; structures carry their own masses)
     * @param comments header lines, each written after "# "
     * @return the file content
     * @throws IllegalArgumentException on an unknown element
     */
    public static String formatPure(String element, SmaPairParameters pair, double cohesiveEnergy, double mass,
            List<String> comments) {
        PeriodicTable.atomicNumber(element);
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append("# ").append(c).append('\n');
        }
        sb.append(element).append(' ').append(element).append('\n');
        row(sb, pair.p(), "p");
        row(sb, pair.q(), "q");
        row(sb, pair.a(), "a(eV)");
        row(sb, pair.xi(), "qsi(eV)");
        sb.append("# other metal properties\n");
        sb.append(cohesiveEnergy).append(' ').append(cohesiveEnergy).append("   Cohesion energy [eV]\n");
        sb.append(pair.r0() / 2).append(' ').append(pair.r0() / 2).append("   Atomic radius [Angstrom] (r0 / 2)\n");
        sb.append(mass).append(' ').append(mass).append("   Mass [amu]\n");
        sb.append("# cutoff_start and cutoff_end [Angstrom]\n");
        sb.append(pair.cutoffStart()).append(' ').append(pair.cutoffEnd()).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, double v, String label) {
        sb.append(v).append(' ').append(v).append(' ').append(v).append("   ").append(label).append('\n');
    }

    /** @return true when both metals are the same element (columns 1 and 2 describe one metal) */
    public boolean pureMetal() {
        return elements != null && elements[0].equals(elements[1]);
    }

    /**
     * The parameter set with LoDiS conventions (see the class comment): a single species for a
     * pure-metal file, else a binary with the cross column.
     *
     * @throws IllegalArgumentException when the file lacks symbols, radii or cutoffs (short
     *     variant: use {@link #pairParameters(int, double, double, double)}) or a value is invalid
     * @return the parameter set: r0 = 2 radius per metal, r0_AB their mean, the file's cutoffs for
     *     every pair
     */
    public SmaParameters toParameters() {
        if (elements == null || Double.isNaN(cutoffStart) || Double.isNaN(radius[0])) {
            throw new IllegalArgumentException(file + ": no metal symbols, radii or cutoffs in the file;"
                    + " give r0 and cutoffs with pairParameters(column, r0, cutoffStart, cutoffEnd)");
        }
        double r01 = 2 * radius[0];
        SmaPairParameters aa = pairParameters(0, r01, cutoffStart, cutoffEnd);
        if (pureMetal()) {
            return SmaParameters.single(elements[0], aa);
        }
        double r02 = 2 * radius[1];
        SmaPairParameters bb = pairParameters(1, r02, cutoffStart, cutoffEnd);
        SmaPairParameters ab = pairParameters(2, 0.5 * (r01 + r02), cutoffStart, cutoffEnd);
        return SmaParameters.binary(elements[0], elements[1], aa, bb, ab);
    }

    /**
     * @param column 0 = metal 1, 1 = metal 2, 2 = cross pair
     * @param r0 reference distance (Å)
     * @param start start of the polynomial tail (Å)
     * @param end cutoff (Å), &gt; start
     * @return the parameters of that column with the given r0 and cutoffs (Å)
     * @throws IllegalArgumentException on a column outside 0..2 or invalid values (naming file and column)
     */
    public SmaPairParameters pairParameters(int column, double r0, double start, double end) {
        if (column < 0 || column > 2) {
            throw new IllegalArgumentException("column must be 0, 1 or 2, got " + column);
        }
        try {
            return new SmaPairParameters(p[column], q[column], a[column], xi[column], r0, start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " column " + (column + 1) + ": " + e.getMessage(), e);
        }
    }

    private static final class Cursor {
        private final List<String> content;
        private final List<Integer> lineNo;
        private final String file;
        private final List<String> lines;
        private int k;

        Cursor(List<String> content, List<Integer> lineNo, String file, List<String> lines) {
            this.content = content;
            this.lineNo = lineNo;
            this.file = file;
            this.lines = lines;
        }

        void next() {
            k++;
        }

        StructureFileException error(String message) {
            return new StructureFileException(file, lineNo.get(Math.max(0, Math.min(k, lineNo.size()) - 1)), message);
        }

        double[] numbers(int count, String what) throws StructureFileException {
            if (k >= content.size()) {
                throw new StructureFileException(file, lines.size(), "unexpected end of file, expected " + what);
            }
            String line = content.get(k);
            k++;
            String[] tok = TextLines.tokens(line);
            if (tok.length < count) {
                throw error("expected " + count + " numbers for " + what + ", got '" + line + "'");
            }
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    v[i] = Double.parseDouble(tok[i].replace('d', 'e').replace('D', 'E'));
                } catch (NumberFormatException e) {
                    throw error("expected a number for " + what + ", got '" + tok[i] + "'");
                }
                if (!Double.isFinite(v[i])) {
                    throw error(what + " is not finite: '" + tok[i] + "'");
                }
            }
            return v;
        }

        double[] labelled(String label) throws StructureFileException {
            if (k >= content.size()) {
                throw new StructureFileException(file, lines.size(), "unexpected end of file, expected the '" + label + "' row");
            }
            String[] tok = TextLines.tokens(content.get(k));
            if (!tok[0].equals(label)) {
                k++;
                throw error("expected the '" + label + "' row, got '" + content.get(k - 1) + "'");
            }
            String rest = content.get(k).substring(label.length());
            content.set(k, rest);
            return numbers(3, label);
        }
    }
}
