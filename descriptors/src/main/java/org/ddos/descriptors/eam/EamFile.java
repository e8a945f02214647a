package org.ddos.descriptors.eam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ddos.descriptors.io.StructureFileException;

/**
 * A LAMMPS tabulated EAM potential file: DYNAMO {@code setfl} ({@code pair_style eam/alloy}) or its
 * Finnis–Sinclair extension ({@code pair_style eam/fs}), laid out as the LAMMPS {@code pair_eam}
 * documentation describes:
 * <pre>
 *   lines 1-3   comments (ignored)
 *   line 4      Nelements Element1 ... ElementN
 *   line 5      Nrho drho Nr dr cutoff
 *   per element I (in line-4 order):
 *     one line    atomic number, mass (amu), lattice constant (Å), lattice type (e.g. FCC)
 *     F_I(rho)    Nrho values at rho = 0, drho, ..., (Nrho-1) drho (eV)
 *     alloy:      rho_I(r), Nr values at r = 0, dr, ..., (Nr-1) dr
 *     fs:         rho_IJ(r) for J = 1 .. Nelements (Nr values each)
 *   r*phi_IJ(r) for I &gt;= J in the order (1,1), (2,1), (2,2), (3,1), ... (Nr values each, eV Å)
 * </pre>
 * Each table starts on a new line and may hold several values per line. Blank lines after the
 * header and {@code #} comments at the end of table lines are ignored; Fortran {@code d} exponents
 * are accepted. Only the mass of the element line is used by LAMMPS (the lattice constant and type
 * are informational; this reader keeps them). The atomic energy (LAMMPS doc) is
 * E_i = F_{s_i}(sum_{j != i} rho_{s_j s_i}(r_ij)) + 1/2 sum_{j != i} phi_{s_i s_j}(r_ij), where for
 * eam/fs rho_{IJ} is the IJ table of element I's section: the density an atom of element I puts
 * at a site of element J (LAMMPS {@code PairEAMFS}: the density at atom i sums the arrays of the
 * neighbours' sections, taken at i's element).
 *
 * <p>Checks (each failure is a {@link StructureFileException} naming the file and line): the
 * element count of line 4 equals the number of names and the names are distinct; Nrho and Nr are
 * integers of at least 5; drho, dr and cutoff are positive; masses are positive and lattice
 * constants non-negative; every table has exactly its count of finite values (a table whose last
 * line runs on, a truncated file and content after the last table are errors). A table grid that
 * ends before the cutoff ((Nr-1) dr &lt; cutoff, common in published files) is accepted: LAMMPS
 * holds the last tabulated value there.
 *
 * <p>Immutable; accessors return copies or read-only values.
 */
public final class EamFile {
    private final String file;
    private final EamStyle style;
    private final String[] comments;
    private final String[] elements;
    private final int[] atomicNumbers;
    private final double[] masses;
    private final double[] latticeConstants;
    private final String[] latticeTypes;
    private final int nrho;
    private final double drho;
    private final int nr;
    private final double dr;
    private final double cutoff;
    private final double[][] embedding;
    /** [I][J] for fs (density of an I atom at a J site); [I][0] for alloy. */
    private final double[][][] density;
    /** [I][J] for J &lt;= I: r phi_IJ(r). */
    private final double[][][] rphi;

    private EamFile(String file, EamStyle style, String[] comments, String[] elements, int[] atomicNumbers,
            double[] masses, double[] latticeConstants, String[] latticeTypes, int nrho, double drho, int nr, double dr,
            double cutoff, double[][] embedding, double[][][] density, double[][][] rphi) {
        this.file = file;
        this.style = style;
        this.comments = comments;
        this.elements = elements;
        this.atomicNumbers = atomicNumbers;
        this.masses = masses;
        this.latticeConstants = latticeConstants;
        this.latticeTypes = latticeTypes;
        this.nrho = nrho;
        this.drho = drho;
        this.nr = nr;
        this.dr = dr;
        this.cutoff = cutoff;
        this.embedding = embedding;
        this.density = density;
        this.rphi = rphi;
    }

    /**
     * Reads a file in the given layout (UTF-8).
     *
     * @param path a LAMMPS setfl file
     * @param style eam/alloy or eam/fs layout
     * @return the tables of the file
     * @throws StructureFileException naming file and line on malformed content (see the class comment)
     * @throws IOException when the file cannot be read
     */
    public static EamFile read(Path path, EamStyle style) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.getFileName().toString(), style);
    }

    /**
     * Reads a file in the layout its name signals ({@link EamStyle#fromFileName}: {@code *.fs} is
     * eam/fs, anything else eam/alloy).
     *
     * @param path a LAMMPS setfl file
     * @return the tables of the file
     * @throws StructureFileException naming file and line on malformed content
     * @throws IOException when the file cannot be read
     */
    public static EamFile read(Path path) throws IOException {
        return read(path, EamStyle.fromFileName(path.getFileName().toString()));
    }

    /**
     * Parses file content.
     *
     * @param lines the lines of the file
     * @param file the name used in messages
     * @param style the layout
     * @return the tables of the file
     * @throws StructureFileException naming file and line on malformed content
     */
    public static EamFile parse(List<String> lines, String file, EamStyle style) throws StructureFileException {
        Cursor c = new Cursor(lines, file);
        String[] comments = new String[3];
        for (int k = 0; k < 3; k++) {
            comments[k] = c.raw("comment line " + (k + 1) + " of the 3-line header");
        }
        // line 4: Nelements Element1 ... ElementN
        String[] t = c.tokens("the element line 'Nelements Element1 ... ElementN'");
        int n = c.parseCount(t[0], "Nelements", 1);
        if (t.length - 1 != n) {
            throw c.error("Nelements = " + n + " but " + (t.length - 1) + " element name(s) follow: '"
                    + String.join(" ", Arrays.copyOfRange(t, 1, t.length)) + "'");
        }
        String[] elements = Arrays.copyOfRange(t, 1, t.length);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                if (elements[a].equals(elements[b])) {
                    throw c.error("element " + elements[a] + " is listed twice");
                }
            }
        }
        // line 5: Nrho drho Nr dr cutoff
        t = c.tokens("the grid line 'Nrho drho Nr dr cutoff'");
        if (t.length < 5) {
            throw c.error("expected 5 values 'Nrho drho Nr dr cutoff', got " + t.length + ": '" + String.join(" ", t) + "'");
        }
        int nrho = c.parseCount(t[0], "Nrho", 5);
        double drho = c.parsePositive(t[1], "drho");
        int nr = c.parseCount(t[2], "Nr", 5);
        double dr = c.parsePositive(t[3], "dr");
        double cutoff = c.parsePositive(t[4], "cutoff");
        int[] z = new int[n];
        double[] mass = new double[n];
        double[] lattice = new double[n];
        String[] latticeType = new String[n];
        double[][] embedding = new double[n][];
        int densities = style == EamStyle.FS ? n : 1;
        double[][][] density = new double[n][densities][];
        for (int i = 0; i < n; i++) {
            String what = "the element line 'atomic-number mass lattice-constant lattice-type' of " + elements[i]
                    + " (section " + (i + 1) + " of " + n + ")";
            t = c.tokens(what);
            if (t.length < 2 || t.length > 4 || !c.isNumber(t[0]) || !c.isNumber(t[1])) {
                throw c.error("expected " + what + ", got '" + String.join(" ", t) + "'"
                        + (style == EamStyle.ALLOY && n > 1 ? "; if this is a Finnis-Sinclair file, read it as eam/fs" : ""));
            }
            double zz = c.parseNumber(t[0], "atomic number of " + elements[i]);
            if (zz < 0 || zz != Math.rint(zz) || zz > 200) {
                throw c.error("atomic number of " + elements[i] + " must be a non-negative integer, got '" + t[0] + "'"
                        + (style == EamStyle.ALLOY && n > 1 ? "; if this is a Finnis-Sinclair file, read it as eam/fs" : ""));
            }
            z[i] = (int) zz;
            mass[i] = c.parsePositive(t[1], "mass of " + elements[i]);
            lattice[i] = t.length > 2 ? c.parseNumber(t[2], "lattice constant of " + elements[i]) : Double.NaN;
            if (lattice[i] < 0) {
                throw c.error("lattice constant of " + elements[i] + " must not be negative, got " + t[2]);
            }
            latticeType[i] = t.length > 3 ? t[3] : "";
            embedding[i] = c.table(nrho, "F(rho) table of " + elements[i] + " (Nrho = " + nrho + ")");
            for (int j = 0; j < densities; j++) {
                String name = style == EamStyle.FS
                        ? "rho(r) table of " + elements[i] + " at " + elements[j] + " (Nr = " + nr + ")"
                        : "rho(r) table of " + elements[i] + " (Nr = " + nr + ")";
                density[i][j] = c.table(nr, name);
            }
        }
        double[][][] rphi = new double[n][][];
        for (int i = 0; i < n; i++) {
            rphi[i] = new double[i + 1][];
            for (int j = 0; j <= i; j++) {
                rphi[i][j] = c.table(nr, "r*phi(r) table of " + elements[i] + "-" + elements[j] + " (Nr = " + nr + ")");
            }
        }
        c.expectEnd(style);
        return new EamFile(file, style, comments, elements, z, mass, lattice, latticeType, nrho, drho, nr, dr, cutoff,
                embedding, density, rphi);
    }

    /** @return the file name used in messages */
    public String file() {
        return file;
    }

    /** @return the layout the file was read with */
    public EamStyle style() {
        return style;
    }

    /** @return the three header comment lines (copy) */
    public List<String> comments() {
        return List.of(comments);
    }

    /** @return the element names of line 4, in file order (copy) */
    public String[] elements() {
        return elements.clone();
    }

    /** @return Nelements */
    public int elementCount() {
        return elements.length;
    }

    /**
     * @param element element name as written on line 4 (exact, case-sensitive)
     * @return the index of {@code element} in {@link #elements()}, or -1
     */
    public int indexOf(String element) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].equals(element)) {
                return i;
            }
        }
        return -1;
    }

    /** @return atomic numbers per element (copy) */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /** @return masses per element in amu (copy) */
    public double[] masses() {
        return masses.clone();
    }

    /** @return lattice constants per element in Å (NaN where the line omits it; copy) */
    public double[] latticeConstants() {
        return latticeConstants.clone();
    }

    /** @return lattice types per element as written (e.g. "FCC"; "" where omitted; copy) */
    public String[] latticeTypes() {
        return latticeTypes.clone();
    }

    /** @return Nrho, the number of F(rho) values */
    public int densityPoints() {
        return nrho;
    }

    /** @return drho, the density spacing (density units of the file) */
    public double densitySpacing() {
        return drho;
    }

    /** @return Nr, the number of values of each rho(r) and r*phi(r) table */
    public int distancePoints() {
        return nr;
    }

    /** @return dr in Å */
    public double distanceSpacing() {
        return dr;
    }

    /** @return the global cutoff in Å (pairs with r &lt; cutoff interact) */
    public double cutoff() {
        return cutoff;
    }

    /**
     * @param element I, element index in file order
     * @return F_I(rho_k) at rho_k = k drho, k = 0 .. Nrho-1, in eV (copy)
     */
    public double[] embedding(int element) {
        return embedding[element].clone();
    }

    /**
     * @param source I, the element of the atom that contributes the density
     * @param site J, the element of the atom at which it is felt (ignored for eam/alloy)
     * @return rho_IJ(r_k), k = 0 .. Nr-1 (copy); for eam/alloy rho_I(r_k)
     */
    public double[] density(int source, int site) {
        return density[source][style == EamStyle.FS ? site : 0].clone();
    }

    /**
     * @param i element index I
     * @param j element index J
     * @return r phi_IJ(r_k) at r_k = k dr, in eV Å, k = 0 .. Nr-1, symmetric in I and J (copy)
     */
    public double[] pairTimesR(int i, int j) {
        return (i >= j ? rphi[i][j] : rphi[j][i]).clone();
    }

    @Override
    public String toString() {
        return "EamFile[" + file + ", " + style.pairStyle() + ", " + String.join(" ", elements) + ", Nrho=" + nrho
                + ", drho=" + drho + ", Nr=" + nr + ", dr=" + dr + ", cutoff=" + cutoff + " Å]";
    }

    /** Line cursor: raw header lines, then content lines (blank skipped, '#' comments stripped). */
    private static final class Cursor {
        private final List<String> lines;
        private final String file;
        private int next;
        private int current;

        Cursor(List<String> lines, String file) {
            this.lines = lines;
            this.file = file;
        }

        StructureFileException error(String message) {
            return new StructureFileException(file, current, message);
        }

        String raw(String expected) throws StructureFileException {
            if (next >= lines.size()) {
                throw new StructureFileException(file, lines.size(), "unexpected end of file, expected " + expected);
            }
            current = next + 1;
            return lines.get(next++);
        }

        /** @return the tokens of the next non-blank line, or null at the end of the file */
        String[] nextContent() {
            while (next < lines.size()) {
                String s = lines.get(next++);
                int hash = s.indexOf('#');
                if (hash >= 0) {
                    s = s.substring(0, hash);
                }
                s = s.replace("\uFEFF", "").strip();
                if (!s.isEmpty()) {
                    current = next;
                    return s.split("\\s+");
                }
            }
            return null;
        }

        String[] tokens(String expected) throws StructureFileException {
            String[] t = nextContent();
            if (t == null) {
                throw new StructureFileException(file, lines.size(), "unexpected end of file, expected " + expected);
            }
            return t;
        }

        double[] table(int count, String what) throws StructureFileException {
            double[] v = new double[count];
            int i = 0;
            while (i < count) {
                String[] t = nextContent();
                if (t == null) {
                    throw new StructureFileException(file, lines.size(), "unexpected end of file in the " + what
                            + ": " + i + " of " + count + " values read");
                }
                if (i + t.length > count) {
                    throw error("the " + what + " ends after " + (count - i) + " of the " + t.length
                            + " values on this line (each table starts on a new line; check Nrho / Nr and Nelements)");
                }
                for (String token : t) {
                    v[i] = parseNumber(token, "value " + (i + 1) + " of the " + what);
                    i++;
                }
            }
            return v;
        }

        void expectEnd(EamStyle style) throws StructureFileException {
            String[] t = nextContent();
            if (t != null) {
                throw error("unexpected content after the last r*phi(r) table: '" + String.join(" ", t)
                        + "' (check Nr and Nelements" + (style == EamStyle.ALLOY ? "; eam/cd files are not supported" : "") + ")");
            }
        }

        boolean isNumber(String token) {
            try {
                Double.parseDouble(token.replace('d', 'e').replace('D', 'E'));
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        double parseNumber(String token, String what) throws StructureFileException {
            double v;
            try {
                v = Double.parseDouble(token.replace('d', 'e').replace('D', 'E'));
            } catch (NumberFormatException e) {
                throw error("expected a number for " + what + ", got '" + token + "'");
            }
            if (!Double.isFinite(v)) {
                throw error(what + " is not finite: '" + token + "'");
            }
            return v;
        }

        double parsePositive(String token, String what) throws StructureFileException {
            double v = parseNumber(token, what);
            if (!(v > 0)) {
                throw error(what + " must be positive, got " + token);
            }
            return v;
        }

        int parseCount(String token, String what, int min) throws StructureFileException {
            int v;
            try {
                v = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw error("expected an integer for " + what + ", got '" + token + "'");
            }
            if (v < min) {
                throw error(what + " must be at least " + min + ", got " + v);
            }
            return v;
        }
    }
}
