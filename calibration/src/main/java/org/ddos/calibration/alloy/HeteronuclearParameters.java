package org.ddos.calibration.alloy;

/**
 * The heteronuclear (A-B) second-moment parameters that the surrogates learn and the calibration
 * fits; r0_AB and the cutoffs of the cross pair follow from the pure metals ({@link SmaBinary}).
 *
 * @param p repulsion exponent p_AB (dimensionless, positive)
 * @param q hopping exponent q_AB (dimensionless, positive)
 * @param a repulsion prefactor A_AB (eV, positive)
 * @param xi hopping prefactor xi_AB (eV, positive)
 */
public record HeteronuclearParameters(double p, double q, double a, double xi) {
    /** Column names in the order of {@link #toArray()}: p_AB, q_AB, A_AB (eV), xi_AB (eV). */
    public static final String[] NAMES = {"p_AB", "q_AB", "A_AB", "xi_AB"};

    /**
     * @param p repulsion exponent p_AB (&gt; 0)
     * @param q hopping exponent q_AB (&gt; 0)
     * @param a repulsion prefactor A_AB in eV (&gt; 0)
     * @param xi hopping prefactor xi_AB in eV (&gt; 0)
     * @throws IllegalArgumentException naming the parameter when one is not positive and finite
     */
    public HeteronuclearParameters {
        check(p, "p_AB");
        check(q, "q_AB");
        check(a, "A_AB");
        check(xi, "xi_AB");
    }

    private static void check(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("heteronuclear parameter " + name + " must be positive and finite, got " + v);
        }
    }

    /** @return {p, q, A, xi} */
    public double[] toArray() {
        return new double[] {p, q, a, xi};
    }

    /**
     * @param v {p, q, A, xi}
     * @return the parameters
     * @throws IllegalArgumentException on a wrong length or invalid value
     */
    public static HeteronuclearParameters of(double[] v) {
        if (v.length != 4) {
            throw new IllegalArgumentException("heteronuclear parameters are (p, q, A, xi): 4 values, got " + v.length);
        }
        return new HeteronuclearParameters(v[0], v[1], v[2], v[3]);
    }

    /**
     * Parses "p,q,A,xi" (commas or blanks).
     *
     * @param text four numbers p, q, A (eV), xi (eV)
     * @return the parameters
     * @throws IllegalArgumentException naming the text when it does not hold four positive numbers
     */
    public static HeteronuclearParameters parse(String text) {
        String[] t = text.trim().split("[,\\s]+");
        if (t.length != 4) {
            throw new IllegalArgumentException("expected four numbers p,q,A,xi, got '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(t[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number for " + NAMES[i] + " in '" + text + "', got '" + t[i] + "'");
            }
        }
        return of(v);
    }
}
