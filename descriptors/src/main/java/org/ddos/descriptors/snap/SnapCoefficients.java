package org.ddos.descriptors.snap;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SNAP coefficients: the content of a LAMMPS {@code .snapcoeff} file, immutable.
 *
 * <p>File layout (LAMMPS {@code pair_style snap}): comment lines ({@code #}) and blank lines, then
 * a line {@code nelements ncoeffall}, then per element a line {@code Elem radius weight} followed by
 * {@code ncoeffall} values, one per line: beta0 (eV), the K linear coefficients beta_k (eV per unit
 * of B_k) in LAMMPS component order, and with {@code quadraticflag 1} the K (K + 1) / 2 quadratic
 * coefficients alpha in row order of the upper triangle (k, l &gt;= k); the energy is
 * E_i = beta0 + sum_k beta_k B_k + sum_k [ alpha_kk B_k^2 / 2 + sum_{l &gt; k} alpha_kl B_k B_l ].
 *
 * <p>The coefficient count is checked against K (from 2J_max) and the quadratic flag at
 * {@link #read(Path, SnapParameters)}.
 */
public final class SnapCoefficients {
    private final List<String> header;
    private final String[] elements;
    private final double[] radius;
    private final double[] weight;
    private final double[][] coefficients;
    private final int linearCount;
    private final boolean quadratic;

    /**
     * @param header comment lines written before the counts line (each should start with {@code #})
     * @param elements element names, one per element
     * @param radius element radii R_e (the pair cutoff is rcutfac (R_i + R_j))
     * @param weight neighbour weights w_e
     * @param coefficients per element: [beta0, beta_1..beta_K, quadratic upper triangle if any]
     * @param quadratic whether quadratic coefficients follow the linear ones
     * @throws IllegalArgumentException on inconsistent lengths or non-finite values
     */
    public SnapCoefficients(List<String> header, String[] elements, double[] radius, double[] weight,
            double[][] coefficients, boolean quadratic) {
        int ne = elements.length;
        if (ne == 0 || radius.length != ne || weight.length != ne || coefficients.length != ne) {
            throw new IllegalArgumentException("elements, radius, weight and coefficients need one entry per element");
        }
        int nall = coefficients[0].length;
        int k = linearCountFor(nall, quadratic);
        if (k < 0) {
            throw new IllegalArgumentException(nall + " coefficients per element do not fit 1 + K"
                    + (quadratic ? " + K(K+1)/2" : "") + " for any K");
        }
        for (int e = 0; e < ne; e++) {
            if (coefficients[e].length != nall) {
                throw new IllegalArgumentException("element " + elements[e] + " has " + coefficients[e].length
                        + " coefficients, expected " + nall);
            }
            if (!(radius[e] > 0) || !Double.isFinite(radius[e]) || !Double.isFinite(weight[e])) {
                throw new IllegalArgumentException("element " + elements[e] + ": radius must be positive and "
                        + "weight finite, got " + radius[e] + ", " + weight[e]);
            }
            for (double c : coefficients[e]) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("element " + elements[e] + " has a non-finite coefficient");
                }
            }
        }
        this.header = List.copyOf(header);
        this.elements = elements.clone();
        this.radius = radius.clone();
        this.weight = weight.clone();
        this.coefficients = new double[ne][];
        for (int e = 0; e < ne; e++) {
            this.coefficients[e] = coefficients[e].clone();
        }
        this.linearCount = k;
        this.quadratic = quadratic;
    }

    private static int linearCountFor(int nall, boolean quadratic) {
        if (!quadratic) {
            return nall >= 1 ? nall - 1 : -1;
        }
        for (int k = 0; 1 + k + k * (k + 1) / 2 <= nall; k++) {
            if (1 + k + k * (k + 1) / 2 == nall) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Reads a {@code .snapcoeff} file and checks the coefficient count against the parameters.
     *
     * @param file the {@code .snapcoeff} file
     * @param parameters the SNAP hyper-parameters (fix K and the quadratic flag)
     * @return the coefficients of every element
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line on malformed content, or when the
     *     coefficient count is not 1 + K (+ K (K + 1) / 2 with quadraticflag) for the parameters' K
     */
    public static SnapCoefficients read(Path file, SnapParameters parameters) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file), parameters);
    }

    /**
     * Reads a {@code .snapcoeff} file of a linear potential without its {@code .snapparam}: every
     * value after beta0 is taken as a linear coefficient (K = ncoeff - 1). This is how a parameter
     * vector theta is given to the free-energy commands, whose campaign fixes K.
     *
     * @param file the {@code .snapcoeff} file
     * @return the coefficients; theta of element e is {@link #linear(int) linear(e)}
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line on malformed content
     */
    public static SnapCoefficients readLinear(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file), null);
    }

    /**
     * Parses the lines of a {@code .snapcoeff} file; {@code source} names it in error messages.
     *
     * @param source the file name for messages
     * @param lines the file's lines
     * @param parameters the SNAP hyper-parameters, or null to read every value after beta0 as linear
     * @return the coefficients of every element
     * @throws IllegalArgumentException as {@link #read(Path, SnapParameters)}
     */
    public static SnapCoefficients parse(String source, List<String> lines, SnapParameters parameters) {
        List<String> header = new ArrayList<>();
        int ln = 0;
        int[] counts = null;
        // header comments and the counts line
        while (ln < lines.size()) {
            String raw = lines.get(ln);
            String s = stripComment(raw);
            ln++;
            if (s.isEmpty()) {
                if (counts == null) {
                    header.add(raw);
                }
                continue;
            }
            String[] w = s.split("\\s+");
            if (w.length != 2) {
                throw new IllegalArgumentException(source + " line " + ln + ": expected 'nelements ncoeff', got '" + s + "'");
            }
            counts = new int[] {parseInt(source, ln, w[0], "nelements"), parseInt(source, ln, w[1], "ncoeff")};
            break;
        }
        if (counts == null) {
            throw new IllegalArgumentException(source + ": no 'nelements ncoeff' line found");
        }
        int ne = counts[0];
        int nall = counts[1];
        if (ne < 1 || nall < 1) {
            throw new IllegalArgumentException(source + " line " + ln + ": nelements and ncoeff must be positive, got "
                    + ne + " " + nall);
        }
        int expected = parameters == null ? nall : parameters.coefficientCount();
        if (nall != expected) {
            int k = parameters.bispectrumCount();
            throw new IllegalArgumentException(source + " line " + ln + ": ncoeff " + nall + " does not match twojmax "
                    + parameters.twojmax() + " (K = " + k + " bispectrum components"
                    + (parameters.quadraticFlag() ? ", quadraticflag 1" : "") + "): expected " + expected
                    + " = 1 + " + k + (parameters.quadraticFlag() ? " + " + k * (k + 1) / 2 : ""));
        }
        String[] elements = new String[ne];
        double[] radius = new double[ne];
        double[] weight = new double[ne];
        double[][] coeff = new double[ne][nall];
        for (int e = 0; e < ne; e++) {
            String s = "";
            while (ln < lines.size() && (s = stripComment(lines.get(ln))).isEmpty()) {
                ln++;
            }
            if (ln >= lines.size()) {
                throw new IllegalArgumentException(source + ": end of file before the line of element " + (e + 1)
                        + " of " + ne);
            }
            ln++;
            String[] w = s.split("\\s+");
            if (w.length != 3) {
                throw new IllegalArgumentException(source + " line " + ln + ": expected 'element radius weight', got '"
                        + s + "'");
            }
            elements[e] = w[0];
            radius[e] = parseDouble(source, ln, w[1], "radius");
            weight[e] = parseDouble(source, ln, w[2], "weight");
            int c = 0;
            while (c < nall) {
                if (ln >= lines.size()) {
                    throw new IllegalArgumentException(source + ": end of file after " + c + " of " + nall
                            + " coefficients of element " + elements[e]);
                }
                String t = stripComment(lines.get(ln));
                ln++;
                if (t.isEmpty()) {
                    continue;
                }
                for (String tok : t.split("\\s+")) {
                    if (c >= nall) {
                        throw new IllegalArgumentException(source + " line " + ln + ": more values than the "
                                + nall + " coefficients of element " + elements[e]);
                    }
                    coeff[e][c++] = parseDouble(source, ln, tok, "coefficient " + c + " of " + elements[e]);
                }
            }
        }
        while (ln < lines.size()) {
            String t = stripComment(lines.get(ln));
            ln++;
            if (!t.isEmpty()) {
                throw new IllegalArgumentException(source + " line " + ln + ": unexpected content after the "
                        + ne + " element block(s): '" + t + "'");
            }
        }
        try {
            return new SnapCoefficients(header, elements, radius, weight, coeff, parameters != null && parameters.quadraticFlag());
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }

    private static String stripComment(String line) {
        int h = line.indexOf('#');
        return (h >= 0 ? line.substring(0, h) : line).strip();
    }

    private static int parseInt(String source, int ln, String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + ln + ": " + what + " must be an integer, got '" + s + "'");
        }
    }

    private static double parseDouble(String source, int ln, String s, String what) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + ln + ": " + what + " must be a number, got '" + s + "'");
        }
    }

    /**
     * Writes a {@code .snapcoeff} file with this object's header comments, element lines and
     * coefficients (17 significant digits, enough to read back the same doubles).
     *
     * @param file the file to write
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            for (String h : header) {
                w.write(h);
                w.write('\n');
            }
            w.write(elements.length + " " + coefficients[0].length + "\n");
            for (int e = 0; e < elements.length; e++) {
                w.write(elements[e] + " " + Double.toString(radius[e]) + " " + Double.toString(weight[e]) + "\n");
                for (double c : coefficients[e]) {
                    w.write(String.format(java.util.Locale.ROOT, "%.17g%n", c));
                }
            }
        }
    }

    /**
     * @param newCoefficients per element, same shape as now: [beta0, beta_1..beta_K, quadratic...]
     * @return a copy with the same header, elements, radii and weights and new coefficients
     * @throws IllegalArgumentException when the shape differs
     */
    public SnapCoefficients withCoefficients(double[][] newCoefficients) {
        if (newCoefficients.length != elements.length) {
            throw new IllegalArgumentException("need coefficients for " + elements.length + " element(s), got "
                    + newCoefficients.length);
        }
        for (double[] c : newCoefficients) {
            if (c.length != coefficients[0].length) {
                throw new IllegalArgumentException("each element needs " + coefficients[0].length
                        + " coefficients, got " + c.length);
            }
        }
        return new SnapCoefficients(header, elements, radius, weight, newCoefficients, quadratic);
    }

    /**
     * @param e element index
     * @param beta0 new constant term (eV)
     * @param linear new linear coefficients, length K
     * @return a copy with element e's beta0 and linear coefficients replaced (quadratic ones kept)
     */
    public SnapCoefficients withLinear(int e, double beta0, double[] linear) {
        if (linear.length != linearCount) {
            throw new IllegalArgumentException("need " + linearCount + " linear coefficients, got " + linear.length);
        }
        double[][] c = new double[elements.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = coefficients[k].clone();
        }
        c[e][0] = beta0;
        System.arraycopy(linear, 0, c[e], 1, linearCount);
        return new SnapCoefficients(header, elements, radius, weight, c, quadratic);
    }

    /** @return the element names, in file order */
    public String[] elements() {
        return elements.clone();
    }

    /** @return number of elements */
    public int elementCount() {
        return elements.length;
    }

    /**
     * @param element an element name of the file
     * @return its index, or -1
     */
    public int indexOf(String element) {
        for (int e = 0; e < elements.length; e++) {
            if (elements[e].equals(element)) {
                return e;
            }
        }
        return -1;
    }

    /**
     * @param e element index
     * @return radius R_e of element e (the pair cutoff is rcutfac (R_i + R_j))
     */
    public double radius(int e) {
        return radius[e];
    }

    /**
     * @param e element index
     * @return neighbour weight w_e of element e
     */
    public double weight(int e) {
        return weight[e];
    }

    /**
     * @param e element index
     * @return beta0 of element e (eV)
     */
    public double beta0(int e) {
        return coefficients[e][0];
    }

    /**
     * @param e element index
     * @return the K linear coefficients of element e (theta), LAMMPS component order; a copy
     */
    public double[] linear(int e) {
        return Arrays.copyOfRange(coefficients[e], 1, 1 + linearCount);
    }

    /**
     * @param e element index
     * @return the K (K + 1) / 2 quadratic coefficients of element e (upper triangle, row order: the
     *     diagonal ones multiply B_k^2 / 2, the others B_k B_l), empty without quadratic terms
     */
    public double[] quadratic(int e) {
        return Arrays.copyOfRange(coefficients[e], 1 + linearCount, coefficients[e].length);
    }

    /**
     * @param e element index
     * @return all values of element e: [beta0, linear, quadratic]; a copy
     */
    public double[] all(int e) {
        return coefficients[e].clone();
    }

    /** @return K, the number of linear coefficients */
    public int linearCount() {
        return linearCount;
    }

    /** @return whether quadratic coefficients are present */
    public boolean hasQuadratic() {
        return quadratic;
    }

    /** @return the header comment lines */
    public List<String> header() {
        return header;
    }
}
