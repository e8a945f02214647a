package org.ddos.descriptors.structure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chemical symbols and standard atomic weights (amu) of the elements H (Z = 1) to Bi (Z = 83).
 *
 * <p>Weights are the IUPAC standard atomic weights in their conventional (single-value) form, as
 * ASE tabulates them (e.g. Fe 55.845, W 183.84, Mo 95.95, Cu 63.546, Ni 58.6934, Pd 106.42,
 * Pt 195.084, Rh 102.90550); Tc and Pm, which have no stable isotope, carry the mass of their
 * longest-lived isotope.
 */
public final class PeriodicTable {
    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn",
        "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn",
        "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
        "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi"};
    private static final double[] WEIGHTS = {
        1.008, 4.002602, 6.94, 9.0121831, 10.81, 12.011, 14.007, 15.999, 18.998403163, 20.1797,
        22.98976928, 24.305, 26.9815385, 28.085, 30.973761998, 32.06, 35.45, 39.948, 39.0983, 40.078,
        44.955908, 47.867, 50.9415, 51.9961, 54.938044, 55.845, 58.933194, 58.6934, 63.546, 65.38,
        69.723, 72.630, 74.921595, 78.971, 79.904, 83.798, 85.4678, 87.62, 88.90584, 91.224,
        92.90637, 95.95, 97.90721, 101.07, 102.90550, 106.42, 107.8682, 112.414, 114.818, 118.710,
        121.760, 127.60, 126.90447, 131.293, 132.90545196, 137.327, 138.90547, 140.116, 140.90766, 144.242,
        144.91276, 150.36, 151.964, 157.25, 158.92535, 162.500, 164.93033, 167.259, 168.93422, 173.045,
        174.9668, 178.49, 180.94788, 183.84, 186.207, 190.23, 192.217, 195.084, 196.966569, 200.592,
        204.38, 207.2, 208.98040};
    private static final Map<String, Integer> BY_SYMBOL = new HashMap<>();

    static {
        for (int z = 1; z <= SYMBOLS.length; z++) {
            BY_SYMBOL.put(SYMBOLS[z - 1], z);
        }
    }

    private PeriodicTable() {
    }

    /**
     * @param symbol chemical symbol
     * @return true when {@code symbol} (case-sensitive, e.g. "Fe") is a tabulated element
     */
    public static boolean isElement(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }

    /**
     * @param symbol chemical symbol, case-sensitive ("Fe", not "FE")
     * @return the atomic number Z
     * @throws IllegalArgumentException for an unknown symbol
     */
    public static int atomicNumber(String symbol) {
        Integer z = BY_SYMBOL.get(symbol);
        if (z == null) {
            throw new IllegalArgumentException("unknown element '" + symbol + "'" + hint(symbol)
                    + " (known: H..Bi, Z = 1.." + SYMBOLS.length + ")");
        }
        return z;
    }

    /**
     * @param symbol chemical symbol, case-sensitive
     * @return the standard atomic weight in amu
     * @throws IllegalArgumentException for an unknown symbol
     */
    public static double standardAtomicWeight(String symbol) {
        return WEIGHTS[atomicNumber(symbol) - 1];
    }

    /**
     * @param z atomic number
     * @return the chemical symbol of atomic number z
     * @throws IllegalArgumentException outside 1..83
     */
    public static String symbol(int z) {
        if (z < 1 || z > SYMBOLS.length) {
            throw new IllegalArgumentException("atomic number " + z + " outside the table 1.." + SYMBOLS.length);
        }
        return SYMBOLS[z - 1];
    }

    /**
     * The element whose standard weight is closest to {@code mass}, when within {@code tolerance}.
     *
     * @param mass atomic mass (amu)
     * @param tolerance largest accepted |weight - mass| (amu)
     * @return the symbol, or null when no weight lies within tolerance (amu)
     */
    public static String elementOfMass(double mass, double tolerance) {
        String best = null;
        double bestDiff = tolerance;
        for (int z = 1; z <= SYMBOLS.length; z++) {
            double d = Math.abs(WEIGHTS[z - 1] - mass);
            if (d <= bestDiff) {
                bestDiff = d;
                best = SYMBOLS[z - 1];
            }
        }
        return best;
    }

    private static String hint(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return "";
        }
        String fixed = symbol.substring(0, 1).toUpperCase(Locale.ROOT) + symbol.substring(1).toLowerCase(Locale.ROOT);
        return !fixed.equals(symbol) && BY_SYMBOL.containsKey(fixed) ? " (did you mean '" + fixed + "'?)" : "";
    }
}
