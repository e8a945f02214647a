package org.ddos.calibration.alloy;

import java.util.Locale;

/**
 * Bounds of the heteronuclear parameters (p, q, A, xi) sampled for a dataset and searched by the
 * calibration.
 *
 * <p>Default ({@link #bracketed}): each interval is bracketed by the two pure values and widened
 * by a relative margin m at both ends, [min(v_A, v_B) (1 - m), max(v_A, v_B) (1 + m)]. With
 * m = 0.15 the heteronuclear parameters may leave the bracket of the pure ones, as published
 * sets do (e.g. xi_AB of Cu-Ni, Zhang et al. 2015, lies above both pure values of its paper).
 *
 * @param lower lower bounds {p, q, A, xi}
 * @param upper upper bounds {p, q, A, xi}, each above the lower one
 */
public record ParameterBox(double[] lower, double[] upper) {

    /**
     * @param lower lower bounds {p, q, A (eV), xi (eV)}, each &gt; 0; copied
     * @param upper upper bounds, each above the lower one and finite; copied
     * @throws IllegalArgumentException on wrong lengths or empty or non-positive intervals
     */
    public ParameterBox {
        if (lower.length != 4 || upper.length != 4) {
            throw new IllegalArgumentException("parameter box needs 4 lower and 4 upper bounds (p, q, A, xi)");
        }
        for (int k = 0; k < 4; k++) {
            if (!(lower[k] > 0) || !(upper[k] > lower[k]) || !Double.isFinite(upper[k])) {
                throw new IllegalArgumentException("bad interval for " + HeteronuclearParameters.NAMES[k] + ": [" + lower[k] + ", "
                        + upper[k] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * @param b the binary whose pure (homonuclear) values bracket each interval
     * @param margin relative margin m in [0, 1)
     * @return the box bracketed by the pure values of the binary and widened by the relative margin
     * @throws IllegalArgumentException when the margin lies outside [0, 1)
     */
    public static ParameterBox bracketed(SmaBinary b, double margin) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("relative margin must lie in [0, 1), got " + margin);
        }
        double[] va = {b.aa().p(), b.aa().q(), b.aa().a(), b.aa().xi()};
        double[] vb = {b.bb().p(), b.bb().q(), b.bb().a(), b.bb().xi()};
        double[] lo = new double[4];
        double[] hi = new double[4];
        for (int k = 0; k < 4; k++) {
            lo[k] = Math.min(va[k], vb[k]) * (1 - margin);
            hi[k] = Math.max(va[k], vb[k]) * (1 + margin);
        }
        return new ParameterBox(lo, hi);
    }

    /** @return a copy of the lower bounds {p, q, A, xi} */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return a copy of the upper bounds {p, q, A, xi} */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * @param u unit-cube coordinates, length 4, each in [0, 1] (not checked; the result must be
     *     positive)
     * @return the point lower + u (upper - lower)
     */
    public HeteronuclearParameters at(double[] u) {
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = lower[k] + u[k] * (upper[k] - lower[k]);
        }
        return HeteronuclearParameters.of(v);
    }

    /**
     * @param h a parameter set
     * @return unit-cube coordinates of a parameter set, length 4 (outside [0, 1] when outside the box)
     */
    public double[] unit(HeteronuclearParameters h) {
        double[] v = h.toArray();
        double[] u = new double[4];
        for (int k = 0; k < 4; k++) {
            u[k] = (v[k] - lower[k]) / (upper[k] - lower[k]);
        }
        return u;
    }

    /**
     * @param h a parameter set
     * @return true when every parameter lies within its bounds
     */
    public boolean contains(HeteronuclearParameters h) {
        for (double u : unit(h)) {
            if (u < 0 || u > 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            b.append(String.format(Locale.ROOT, "%s in [%.6g, %.6g]%s", HeteronuclearParameters.NAMES[k], lower[k], upper[k],
                    k < 3 ? ", " : ""));
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterBox b && java.util.Arrays.equals(lower, b.lower) && java.util.Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(lower) + java.util.Arrays.hashCode(upper);
    }
}
