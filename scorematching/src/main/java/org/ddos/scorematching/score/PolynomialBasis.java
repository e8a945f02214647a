package org.ddos.scorematching.score;

import java.util.Locale;

/**
 * One-dimensional polynomial bases for the entropy S(x) of a descriptor mode, evaluated with their
 * first and second derivatives by three-term recurrences (numerically stable, no allocation).
 *
 * <p>The "order" follows DescriptorDOS ({@code DDOSAnalyzer.poly_features}) so that settings
 * compare one to one: {@link #MONOMIAL} of order n uses x^1 .. x^n; {@link #CHEBYSHEV}
 * (first kind, T_k) and {@link #HERMITE} (physicists', H_k) of order n use degrees 1 .. n-1. The
 * constant is never included: an entropy is defined up to a constant, which the score ignores.
 */
public enum PolynomialBasis {
    /** x^1 .. x^order. */
    MONOMIAL,
    /** Chebyshev polynomials of the first kind T_1 .. T_(order-1). */
    CHEBYSHEV,
    /** Physicists' Hermite polynomials H_1 .. H_(order-1). */
    HERMITE;

    /**
     * Parses a case-insensitive name.
     *
     * @param name "chebyshev", "monomial" or "hermite"
     * @return the basis
     * @throws IllegalArgumentException naming the value for any other name
     */
    public static PolynomialBasis parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown polynomial basis '" + name + "': use chebyshev, monomial or hermite");
        }
    }

    /**
     * @param order the DescriptorDOS order (see class comment)
     * @return the number of basis functions: order for monomials, order - 1 otherwise
     * @throws IllegalArgumentException when that number would be below 1 or above 20
     */
    public int functionCount(int order) {
        int m = this == MONOMIAL ? order : order - 1;
        if (m < 1 || m > 20) {
            throw new IllegalArgumentException("polynomial order " + order + " gives " + m
                    + " basis functions for " + name().toLowerCase(Locale.ROOT) + "; allowed 1..20");
        }
        return m;
    }

    /**
     * Evaluates the m = functionCount(order) basis functions at x with their derivatives.
     *
     * @param x the (normalised) argument
     * @param m number of functions (degrees 1..m)
     * @param f out, length &gt;= m: f[i] = P_(i+1)(x)
     * @param df out, length &gt;= m: first derivatives
     * @param ddf out, length &gt;= m: second derivatives
     */
    public void evaluate(double x, int m, double[] f, double[] df, double[] ddf) {
        switch (this) {
            case MONOMIAL -> {
                // x^(i+1), (i+1) x^i, (i+1) i x^(i-1)
                double pm1 = 0;   // x^(i-1)
                double p = 1;     // x^i
                for (int i = 0; i < m; i++) {
                    double next = p * x;
                    f[i] = next;
                    df[i] = (i + 1) * p;
                    ddf[i] = (i + 1) * i * pm1;
                    pm1 = p;
                    p = next;
                }
            }
            case CHEBYSHEV -> {
                // T_{k+1} = 2x T_k - T_{k-1}; derivatives of the recurrence
                double t0 = 1, t1 = x, d0 = 0, d1 = 1, e0 = 0, e1 = 0;
                f[0] = t1;
                df[0] = d1;
                ddf[0] = e1;
                for (int i = 1; i < m; i++) {
                    double t2 = 2 * x * t1 - t0;
                    double d2 = 2 * t1 + 2 * x * d1 - d0;
                    double e2 = 4 * d1 + 2 * x * e1 - e0;
                    f[i] = t2;
                    df[i] = d2;
                    ddf[i] = e2;
                    t0 = t1;
                    t1 = t2;
                    d0 = d1;
                    d1 = d2;
                    e0 = e1;
                    e1 = e2;
                }
            }
            case HERMITE -> {
                // H_{k+1} = 2x H_k - 2k H_{k-1}
                double h0 = 1, h1 = 2 * x, d0 = 0, d1 = 2, e0 = 0, e1 = 0;
                f[0] = h1;
                df[0] = d1;
                ddf[0] = e1;
                for (int i = 1; i < m; i++) {
                    int k = i; // current degree of h1
                    double h2 = 2 * x * h1 - 2 * k * h0;
                    double d2 = 2 * h1 + 2 * x * d1 - 2 * k * d0;
                    double e2 = 4 * d1 + 2 * x * e1 - 2 * k * e0;
                    f[i] = h2;
                    df[i] = d2;
                    ddf[i] = e2;
                    h0 = h1;
                    h1 = h2;
                    d0 = d1;
                    d1 = d2;
                    e0 = e1;
                    e1 = e2;
                }
            }
            default -> throw new IllegalStateException();
        }
    }
}
