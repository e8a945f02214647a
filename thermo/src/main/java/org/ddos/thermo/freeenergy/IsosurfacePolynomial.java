package org.ddos.thermo.freeenergy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Least-squares polynomial smoothing of a per-isosurface quantity in the isosurface variable
 * alpha, and the continuous minimisation of the smoothed free-energy profile, as DescriptorDOS
 * does before minimising over alpha (its {@code alpha_poly_order} = 5).
 *
 * <p>With alpha normalised to u = (alpha - centre)/halfWidth in [-1, 1], the fit of G values v_g is
 * q(u) = sum_j c_j u^j with c = P v, P = (V^T V)^-1 V^T the (degree+1) x G projector of the
 * Vandermonde matrix V. The smoothed value at u is therefore a fixed linear combination
 * sum_g w_g(u) v_g with weights w_g(u) = sum_j u^j P_jg (they sum to 1), which is what makes the
 * gradient of the minimised free energy exact (envelope theorem).
 */
public final class IsosurfacePolynomial {
    private final double[] alphas;
    private final int degree;
    private final double centre;
    private final double halfWidth;
    /** P flat [j*G + g]. */
    private final double[] projector;

    /**
     * @param alphas increasing isosurface variables, length G &gt;= 2
     * @param degree requested polynomial degree; lowered to G - 1 when G is small
     */
    public IsosurfacePolynomial(double[] alphas, int degree) {
        int g = alphas.length;
        if (g < 2) {
            throw new IllegalArgumentException("need at least two isosurfaces");
        }
        if (degree < 2) {
            throw new IllegalArgumentException("polynomial degree in alpha must be at least 2, got " + degree);
        }
        this.alphas = alphas.clone();
        this.degree = Math.min(degree, g - 1);
        this.centre = 0.5 * (alphas[0] + alphas[g - 1]);
        this.halfWidth = 0.5 * (alphas[g - 1] - alphas[0]);
        int n = this.degree + 1;
        DMatrixRMaj v = new DMatrixRMaj(g, n);
        for (int gi = 0; gi < g; gi++) {
            double u = normalise(alphas[gi]);
            double p = 1;
            for (int j = 0; j < n; j++) {
                v.set(gi, j, p);
                p *= u;
            }
        }
        DMatrixRMaj vtv = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(v, v, vtv);
        if (!CommonOps_DDRM.invert(vtv)) {
            throw new IllegalArgumentException("isosurface values are degenerate; cannot fit a polynomial in alpha");
        }
        DMatrixRMaj proj = new DMatrixRMaj(n, g);
        CommonOps_DDRM.multTransB(vtv, v, proj);
        projector = proj.data.clone();
    }

    /** @return u = (alpha - centre)/halfWidth */
    public double normalise(double alpha) {
        return (alpha - centre) / halfWidth;
    }

    /** @return alpha for a normalised u */
    public double alphaOf(double u) {
        return centre + halfWidth * u;
    }

    /** @return number of coefficients (degree + 1) */
    public int coefficientCount() {
        return degree + 1;
    }

    /** @return G */
    public int isosurfaceCount() {
        return alphas.length;
    }

    /**
     * Fits values v_g into coefficients c_j of q(u) = sum_j c_j u^j.
     *
     * @param values length G
     * @param coefficients out, length degree+1
     */
    public void fit(double[] values, double[] coefficients) {
        int g = alphas.length;
        for (int j = 0; j <= degree; j++) {
            double c = 0;
            int row = j * g;
            for (int gi = 0; gi < g; gi++) {
                c += projector[row + gi] * values[gi];
            }
            coefficients[j] = c;
        }
    }

    /**
     * @param u normalised alpha
     * @param weights out, length G: w_g(u), the smoothed value at u is sum_g w_g v_g
     */
    public void weights(double u, double[] weights) {
        int g = alphas.length;
        java.util.Arrays.fill(weights, 0, g, 0.0);
        double p = 1;
        for (int j = 0; j <= degree; j++) {
            int row = j * g;
            for (int gi = 0; gi < g; gi++) {
                weights[gi] += p * projector[row + gi];
            }
            p *= u;
        }
    }

    /** Horner evaluation of q(u). */
    public static double value(double[] c, int n, double u) {
        double r = 0;
        for (int j = n - 1; j >= 0; j--) {
            r = r * u + c[j];
        }
        return r;
    }

    private static double derivative(double[] c, int n, double u) {
        double r = 0;
        for (int j = n - 1; j >= 1; j--) {
            r = r * u + j * c[j];
        }
        return r;
    }

    private static double second(double[] c, int n, double u) {
        double r = 0;
        for (int j = n - 1; j >= 2; j--) {
            r = r * u + j * (j - 1) * c[j];
        }
        return r;
    }

    /**
     * Minimises q(u) = sum_j c_j u^j on [-1, 1]: a grid of 8G points locates the best cell, then
     * safeguarded Newton steps on q'(u) = 0 refine it to machine precision.
     *
     * @param c coefficients (degree+1)
     * @return u* in [-1, 1]; it is exactly -1 or 1 when the minimum lies on the boundary
     */
    public double minimise(double[] c) {
        return minimise(c, -1, 1);
    }

    /**
     * Minimises q(u) on [uMin, uMax] (which may extend beyond the sampled [-1, 1]).
     *
     * @return u* in [uMin, uMax]; exactly uMin or uMax when the minimum lies on that boundary
     */
    public double minimise(double[] c, double uMin, double uMax) {
        int n = degree + 1;
        int grid = (int) Math.ceil(4 * alphas.length * (uMax - uMin));
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        double h = (uMax - uMin) / grid;
        for (int i = 0; i <= grid; i++) {
            double u = uMin + h * i;
            double v = value(c, n, u);
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double u0 = uMin + h * best;
        double lo = Math.max(uMin, u0 - h);
        double hi = Math.min(uMax, u0 + h);
        if (best == 0 && derivative(c, n, uMin) >= 0) {
            return uMin;
        }
        if (best == grid && derivative(c, n, uMax) <= 0) {
            return uMax;
        }
        // bracket a root of q' in [lo, hi]
        double dlo = derivative(c, n, lo);
        double dhi = derivative(c, n, hi);
        if (dlo > 0 || dhi < 0) {
            return u0; // no sign change: the grid point is the best estimate
        }
        double u = u0;
        for (int it = 0; it < 60; it++) {
            double d = derivative(c, n, u);
            if (d == 0) {
                break;
            }
            if (d > 0) {
                hi = u;
            } else {
                lo = u;
            }
            double dd = second(c, n, u);
            double next = dd > 0 ? u - d / dd : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - u) < 1e-15) {
                u = next;
                break;
            }
            u = next;
        }
        return u;
    }
}
