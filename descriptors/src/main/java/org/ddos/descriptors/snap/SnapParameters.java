package org.ddos.descriptors.snap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * SNAP hyper-parameters: the content of a LAMMPS {@code .snapparam} file (ML-SNAP package,
 * {@code pair_style snap}), immutable.
 *
 * <p>Keywords and defaults (as LAMMPS {@code pair_snap.cpp}): {@code rcutfac} (required; the pair
 * cutoff is {@code rcutfac * (R_i + R_j)} with the element radii of the {@code .snapcoeff} file),
 * {@code twojmax} (required, 2J_max), {@code rfac0} 0.99363, {@code rmin0} 0, {@code switchflag} 1,
 * {@code bzeroflag} 1, {@code quadraticflag} 0, {@code chemflag} 0 (1 is rejected: explicit
 * multi-element bispectrum is not supported), {@code bnormflag} 0, {@code wselfallflag} 0,
 * {@code switchinnerflag} 0 with per-element lists {@code sinner} and {@code dinner}, and the
 * performance hints {@code chunksize} and {@code parallelthresh}, which are accepted and ignored.
 * Everything after {@code #} on a line is a comment; blank lines are skipped.
 *
 * <p>Reference: A.P. Thompson et al., J. Comp. Phys. 285, 316 (2015); LAMMPS documentation of
 * {@code pair_style snap}.
 */
public final class SnapParameters {
    private final double rcutfac;
    private final double rfac0;
    private final int twojmax;
    private final double rmin0;
    private final boolean switchFlag;
    private final boolean bzeroFlag;
    private final boolean quadraticFlag;
    private final boolean bnormFlag;
    private final boolean wselfallFlag;
    private final boolean switchInnerFlag;
    private final double[] sinner;
    private final double[] dinner;

    /**
     * @param rcutfac cutoff scale (pair cutoff = rcutfac (R_i + R_j), Å per unit radius)
     * @param rfac0 angular mapping parameter, 0 &lt; rfac0 &lt; 1 (LAMMPS default 0.99363)
     * @param twojmax 2 J_max, 0..24
     * @param rmin0 inner distance of the angular mapping (Å), 0 &lt;= rmin0
     * @param switchFlag smooth cosine switching function to zero at the cutoff
     * @param bzeroFlag subtract the bispectrum of an isolated atom
     * @param quadraticFlag the potential has quadratic terms (qSNAP)
     * @param bnormFlag divide Z (and B) by 2j+1 (LAMMPS {@code bnormflag})
     * @param wselfallFlag self weight on all element channels (only differs from 0 with chemflag)
     * @throws IllegalArgumentException on values outside these ranges
     */
    public SnapParameters(double rcutfac, double rfac0, int twojmax, double rmin0, boolean switchFlag,
            boolean bzeroFlag, boolean quadraticFlag, boolean bnormFlag, boolean wselfallFlag) {
        this(rcutfac, rfac0, twojmax, rmin0, switchFlag, bzeroFlag, quadraticFlag, bnormFlag, wselfallFlag,
                false, new double[0], new double[0]);
    }

    private SnapParameters(double rcutfac, double rfac0, int twojmax, double rmin0, boolean switchFlag,
            boolean bzeroFlag, boolean quadraticFlag, boolean bnormFlag, boolean wselfallFlag,
            boolean switchInnerFlag, double[] sinner, double[] dinner) {
        if (!(rcutfac > 0) || !Double.isFinite(rcutfac)) {
            throw new IllegalArgumentException("rcutfac must be positive and finite, got " + rcutfac);
        }
        if (!(rfac0 > 0 && rfac0 < 1)) {
            throw new IllegalArgumentException("rfac0 must lie in (0, 1), got " + rfac0);
        }
        if (twojmax < 0 || twojmax > 24) {
            throw new IllegalArgumentException("twojmax must lie in 0..24, got " + twojmax);
        }
        if (!(rmin0 >= 0) || !Double.isFinite(rmin0)) {
            throw new IllegalArgumentException("rmin0 must be >= 0 and finite, got " + rmin0);
        }
        this.rcutfac = rcutfac;
        this.rfac0 = rfac0;
        this.twojmax = twojmax;
        this.rmin0 = rmin0;
        this.switchFlag = switchFlag;
        this.bzeroFlag = bzeroFlag;
        this.quadraticFlag = quadraticFlag;
        this.bnormFlag = bnormFlag;
        this.wselfallFlag = wselfallFlag;
        this.switchInnerFlag = switchInnerFlag;
        this.sinner = sinner.clone();
        this.dinner = dinner.clone();
    }

    /**
     * @param rcutfac cutoff scale: rcut_ij = rcutfac (R_i + R_j), &gt; 0
     * @param twojmax 2J_max, 0..24
     * @return parameters with LAMMPS defaults for everything but rcutfac and twojmax (rfac0 0.99363,
     *     rmin0 0, switchflag and bzeroflag on, quadraticflag, bnormflag and wselfallflag off)
     * @throws IllegalArgumentException when rcutfac or twojmax is out of range
     */
    public static SnapParameters of(double rcutfac, int twojmax) {
        return new SnapParameters(rcutfac, 0.99363, twojmax, 0.0, true, true, false, false, false);
    }

    /**
     * @param newTwojmax 2J_max, 0..24
     * @return a copy with another 2J_max
     */
    public SnapParameters withTwojmax(int newTwojmax) {
        return new SnapParameters(rcutfac, rfac0, newTwojmax, rmin0, switchFlag, bzeroFlag, quadraticFlag,
                bnormFlag, wselfallFlag, switchInnerFlag, sinner, dinner);
    }

    /**
     * @param quadratic LAMMPS {@code quadraticflag}
     * @return a copy with quadratic terms switched on or off
     */
    public SnapParameters withQuadratic(boolean quadratic) {
        return new SnapParameters(rcutfac, rfac0, twojmax, rmin0, switchFlag, bzeroFlag, quadratic,
                bnormFlag, wselfallFlag, switchInnerFlag, sinner, dinner);
    }

    /**
     * @return a copy with the inner switching function of LAMMPS {@code switchinnerflag}: for each
     *     element e, the switch goes from 0 at sinner[e] to 1 at sinner[e] + dinner[e] (Å); a pair
     *     uses the means of the two elements' values. Arrays are per element of the coefficient
     *     file, in its order.
     * @param sinnerPerElement start of the inner switch per element (Å)
     * @param dinnerPerElement width of the inner switch per element (Å), each &gt; 0
     * @throws IllegalArgumentException when the arrays are empty, differ in length, or a width is not positive
     */
    public SnapParameters withInnerSwitch(double[] sinnerPerElement, double[] dinnerPerElement) {
        if (sinnerPerElement.length != dinnerPerElement.length || sinnerPerElement.length == 0) {
            throw new IllegalArgumentException("sinner and dinner need one value per element, got "
                    + sinnerPerElement.length + " and " + dinnerPerElement.length);
        }
        for (double d : dinnerPerElement) {
            if (!(d > 0)) {
                throw new IllegalArgumentException("dinner values must be positive, got " + d);
            }
        }
        return new SnapParameters(rcutfac, rfac0, twojmax, rmin0, switchFlag, bzeroFlag, quadraticFlag,
                bnormFlag, wselfallFlag, true, sinnerPerElement, dinnerPerElement);
    }

    /**
     * Reads a {@code .snapparam} file.
     *
     * @param file the {@code .snapparam} file
     * @return the parameters it sets, LAMMPS defaults for the rest
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, line and keyword on an unknown keyword, a
     *     malformed value, {@code chemflag 1}, or a missing {@code rcutfac}/{@code twojmax}
     */
    public static SnapParameters read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readAllLines(file));
    }

    /**
     * Parses the lines of a {@code .snapparam} file; {@code source} names it in error messages.
     *
     * @param source file name for messages
     * @param lines the file's lines
     * @return the parameters they set, LAMMPS defaults for the rest
     * @throws IllegalArgumentException as {@link #read(Path)}
     */
    public static SnapParameters parse(String source, List<String> lines) {
        Double rcutfac = null;
        Integer twojmax = null;
        double rfac0 = 0.99363;
        double rmin0 = 0.0;
        boolean switchFlag = true;
        boolean bzeroFlag = true;
        boolean quadraticFlag = false;
        boolean bnormFlag = false;
        boolean wselfallFlag = false;
        boolean switchInner = false;
        double[] sinner = null;
        double[] dinner = null;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            String where = source + " line " + (ln + 1) + ": ";
            String key = words[0];
            if (key.equals("sinner") || key.equals("dinner")) {
                if (words.length < 2) {
                    throw new IllegalArgumentException(where + "keyword '" + key + "' needs one value per element");
                }
                double[] v = new double[words.length - 1];
                for (int k = 1; k < words.length; k++) {
                    v[k - 1] = number(where, key, words[k]);
                }
                if (key.equals("sinner")) {
                    sinner = v;
                } else {
                    dinner = v;
                }
                continue;
            }
            if (words.length != 2) {
                throw new IllegalArgumentException(where + "expected 'keyword value', got '" + line + "'");
            }
            String val = words[1];
            switch (key) {
                case "rcutfac" -> rcutfac = number(where, key, val);
                case "rfac0" -> rfac0 = number(where, key, val);
                case "rmin0" -> rmin0 = number(where, key, val);
                case "twojmax" -> twojmax = integer(where, key, val);
                case "switchflag" -> switchFlag = flag(where, key, val);
                case "bzeroflag" -> bzeroFlag = flag(where, key, val);
                case "quadraticflag" -> quadraticFlag = flag(where, key, val);
                case "bnormflag" -> bnormFlag = flag(where, key, val);
                case "wselfallflag" -> wselfallFlag = flag(where, key, val);
                case "switchinnerflag" -> switchInner = flag(where, key, val);
                case "chemflag" -> {
                    if (flag(where, key, val)) {
                        throw new IllegalArgumentException(where + "chemflag 1 (explicit multi-element "
                                + "bispectrum) is not supported; use chemflag 0");
                    }
                }
                case "chunksize", "parallelthresh" -> integer(where, key, val); // performance hints only
                default -> throw new IllegalArgumentException(where + "unknown keyword '" + key + "'");
            }
        }
        if (rcutfac == null || twojmax == null) {
            throw new IllegalArgumentException(source + ": missing required keyword "
                    + (rcutfac == null ? "'rcutfac'" : "'twojmax'"));
        }
        try {
            SnapParameters p = new SnapParameters(rcutfac, rfac0, twojmax, rmin0, switchFlag, bzeroFlag,
                    quadraticFlag, bnormFlag, wselfallFlag);
            if (switchInner) {
                if (sinner == null || dinner == null) {
                    throw new IllegalArgumentException("switchinnerflag 1 needs both 'sinner' and 'dinner'");
                }
                p = p.withInnerSwitch(sinner, dinner);
            } else if (sinner != null || dinner != null) {
                throw new IllegalArgumentException("'sinner'/'dinner' given without switchinnerflag 1");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static double number(String where, String key, String val) {
        try {
            return Double.parseDouble(val);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "keyword '" + key + "' expects a number, got '" + val + "'");
        }
    }

    private static int integer(String where, String key, String val) {
        try {
            return Integer.parseInt(val);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "keyword '" + key + "' expects an integer, got '" + val + "'");
        }
    }

    private static boolean flag(String where, String key, String val) {
        int v = integer(where, key, val);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(where + "keyword '" + key + "' expects 0 or 1, got '" + val + "'");
        }
        return v == 1;
    }

    /** @return rcutfac: the pair cutoff is rcutfac (R_i + R_j) */
    public double rcutfac() {
        return rcutfac;
    }

    /** @return rfac0 */
    public double rfac0() {
        return rfac0;
    }

    /** @return 2 J_max */
    public int twojmax() {
        return twojmax;
    }

    /** @return rmin0 (Å) */
    public double rmin0() {
        return rmin0;
    }

    /** @return switchflag */
    public boolean switchFlag() {
        return switchFlag;
    }

    /** @return bzeroflag */
    public boolean bzeroFlag() {
        return bzeroFlag;
    }

    /** @return quadraticflag */
    public boolean quadraticFlag() {
        return quadraticFlag;
    }

    /** @return bnormflag */
    public boolean bnormFlag() {
        return bnormFlag;
    }

    /** @return wselfallflag */
    public boolean wselfallFlag() {
        return wselfallFlag;
    }

    /** @return switchinnerflag */
    public boolean switchInnerFlag() {
        return switchInnerFlag;
    }

    /** @return per-element inner switch start (Å), empty unless {@link #switchInnerFlag()} */
    public double[] sinner() {
        return sinner.clone();
    }

    /** @return per-element inner switch width (Å), empty unless {@link #switchInnerFlag()} */
    public double[] dinner() {
        return dinner.clone();
    }

    /** @return K, the number of bispectrum components for this 2J_max (55 for 2J_max = 8) */
    public int bispectrumCount() {
        return bispectrumCount(twojmax);
    }

    /**
     * @param twojmax 2J_max
     * @return K for a given 2J_max: the number of (j1, j2, j) triples with j2 &lt;= j1 &lt;= j
     */
    public static int bispectrumCount(int twojmax) {
        int n = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * @return the number of values after the element line of a {@code .snapcoeff} file: 1 + K, plus
     *     K (K + 1) / 2 with quadratic terms
     */
    public int coefficientCount() {
        int k = bispectrumCount();
        return 1 + k + (quadraticFlag ? k * (k + 1) / 2 : 0);
    }

    @Override
    public String toString() {
        return "SnapParameters[rcutfac=" + rcutfac + ", rfac0=" + rfac0 + ", twojmax=" + twojmax
                + ", rmin0=" + rmin0 + ", switchflag=" + (switchFlag ? 1 : 0) + ", bzeroflag=" + (bzeroFlag ? 1 : 0)
                + ", quadraticflag=" + (quadraticFlag ? 1 : 0) + ", bnormflag=" + (bnormFlag ? 1 : 0)
                + ", wselfallflag=" + (wselfallFlag ? 1 : 0)
                + (switchInnerFlag ? ", sinner=" + Arrays.toString(sinner) + ", dinner=" + Arrays.toString(dinner) : "")
                + "]";
    }
}
