package org.ddos.thermo.freeenergy;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Least-squares smoothing of a per-isosurface quantity across the isosurfaces, and the continuous
 * minimisation of the smoothed free-energy profile over the isosurface variable alpha.
 *
 * <p>DescriptorDOS fits a degree-5 polynomial in alpha. The quantities smoothed here (the tilted
 * descriptor term of beta F_g) are, to leading order, linear in the isosurface energy
 * h = U_0 exp(alpha + shift): a polynomial in alpha represents that only approximately (0.06
 * meV/atom error at 200 K for an exactly harmonic crystal), whereas a polynomial in
 * v = exp(alpha - alpha_max) represents it exactly. So the fit is q(u) = sum_j c_j u^j of degree 5
 * in u = 2 (v - v_min)/(v_max - v_min) - 1, c = P values with P = (V^T V)^-1 V^T, and the smoothed
 * value at alpha is a fixed linear combination sum_g w_g(alpha) values_g (weights sum to 1), which
 * keeps gradients of the minimised free energy exact (envelope theorem).
 *
 * <p>The profile minimised is f(alpha) = q(u(alpha)) + a0 + a1 alpha: the harmonic shell term is
 * linear in alpha and is added exactly rather than fitted.
 */
public final class IsosurfacePolynomial {
    private final double[] alphas;
    private final int degree;
    private final double alphaMax;
    private final double vMin;
    private final double vSpan;
    /** P flat [j*G + g]. */
    private final double[] projector;
    /** The minimisation grid over alpha, and u(alpha) there (precomputed: no exp per call). */
    private final double[] gridAlpha;
    private final double[] gridU;

    /**
     * @param alphas increasing isosurface variables, length G &gt;= 3
     * @param degree requested polynomial degree (&gt;= 2); lowered to G - 1 when G is small
     * @throws IllegalArgumentException when G &lt; 3, degree &lt; 2, the alphas do not increase
     *     strictly, or the least-squares system is singular
     */
    public IsosurfacePolynomial(double[] alphas, int degree) {
        int g = alphas.length;
        if (g < 3) {
            throw new IllegalArgumentException("need at least three isosurfaces, got " + g);
        }
        if (degree < 2) {
            throw new IllegalArgumentException("polynomial degree must be at least 2, got " + degree);
        }
        for (int i = 1; i < g; i++) {
            if (!(alphas[i] > alphas[i - 1])) {
                throw new IllegalArgumentException("isosurface variables must increase strictly");
            }
        }
        this.alphas = alphas.clone();
        this.degree = Math.min(degree, g - 1);
        this.alphaMax = alphas[g - 1];
        this.vMin = Math.exp(alphas[0] - alphaMax);
        this.vSpan = 1 - vMin;
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
            throw new IllegalArgumentException("isosurface values are degenerate; cannot fit the smoothing polynomial");
        }
        DMatrixRMaj proj = new DMatrixRMaj(n, g);
        CommonOps_DDRM.multTransB(vtv, v, proj);
        projector = proj.data.clone();
        int grid = 8 * g;
        gridAlpha = new double[grid + 1];
        gridU = new double[grid + 1];
        for (int i = 0; i <= grid; i++) {
            gridAlpha[i] = i == grid ? alphaMax : alphas[0] + (alphaMax - alphas[0]) * i / grid;
            gridU[i] = normalise(gridAlpha[i]);
        }
    }

    /**
     * @param alpha isosurface variable
     * @return u(alpha) = 2 (exp(alpha - alpha_max) - v_min) / (1 - v_min) - 1, in [-1, 1] on the
     *     sampled range
     */
    public double normalise(double alpha) {
        return 2 * (Math.exp(alpha - alphaMax) - vMin) / vSpan - 1;
    }

    /** @return du/dalpha */
    private double slope(double alpha) {
        return 2 * Math.exp(alpha - alphaMax) / vSpan;
    }

    /** @return the lowest sampled alpha */
    public double alphaMin() {
        return alphas[0];
    }

    /** @return the highest sampled alpha */
    public double alphaMax() {
        return alphaMax;
    }

    /** @return number of coefficients (degree + 1) */
    public int coefficientCount() {
        return degree + 1;
    }

    /**
     * Fits values v_g into coefficients c_j of q(u).
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
     * @param alpha isosurface variable
     * @param weights out, length G: w_g(alpha); the smoothed value at alpha is sum_g w_g v_g
     */
    public void weights(double alpha, double[] weights) {
        int g = alphas.length;
        double u = normalise(alpha);
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

    /**
     * @param c polynomial coefficients c_j of q(u), length degree+1 (from {@link #fit})
     * @param a0 constant added to the profile
     * @param a1 slope of the exact linear term in alpha
     * @param alpha isosurface variable
     * @return f(alpha) = q(u(alpha)) + a0 + a1 alpha
     */
    public double value(double[] c, double a0, double a1, double alpha) {
        double u = normalise(alpha);
        double r = 0;
        for (int j = degree; j >= 0; j--) {
            r = r * u + c[j];
        }
        return r + a0 + a1 * alpha;
    }

    private double derivative(double[] c, double a1, double alpha) {
        double u = normalise(alpha);
        double r = 0;
        for (int j = degree; j >= 1; j--) {
            r = r * u + j * c[j];
        }
        return r * slope(alpha) + a1;
    }

    private double second(double[] c, double alpha) {
        double u = normalise(alpha);
        double d1 = 0;
        double d2 = 0;
        for (int j = degree; j >= 1; j--) {
            d1 = d1 * u + j * c[j];
        }
        for (int j = degree; j >= 2; j--) {
            d2 = d2 * u + j * (j - 1) * c[j];
        }
        double s = slope(alpha);
        return d2 * s * s + d1 * s;
    }

    /**
     * Minimises f(alpha) = q(u(alpha)) + a1 alpha on the sampled range: a grid of 8G points
     * locates the best cell, then safeguarded Newton steps on f'(alpha) = 0 refine it.
     *
     * @param c polynomial coefficients c_j of q(u), length degree+1 (from {@link #fit})
     * @param a1 slope of the exact linear term in alpha
     * @return alpha* in [alphaMin, alphaMax]; exactly an end point when the minimum lies there
     */
    public double minimise(double[] c, double a1) {
        double lo0 = alphas[0];
        double hi0 = alphaMax;
        int grid = gridAlpha.length - 1;
        double h = (hi0 - lo0) / grid;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= grid; i++) {
            double u = gridU[i];
            double r = 0;
            for (int j = degree; j >= 0; j--) {
                r = r * u + c[j];
            }
            double v = r + a1 * gridAlpha[i];
            if (v < bestValue) {
                bestValue = v;
                best = i;
            }
        }
        if (best == 0 && derivative(c, a1, lo0) >= 0) {
            return lo0;
        }
        if (best == grid && derivative(c, a1, hi0) <= 0) {
            return hi0;
        }
        double a = gridAlpha[best];
        double lo = Math.max(lo0, a - h);
        double hi = Math.min(hi0, a + h);
        if (derivative(c, a1, lo) > 0 || derivative(c, a1, hi) < 0) {
            return a;
        }
        for (int it = 0; it < 60; it++) {
            double d = derivative(c, a1, a);
            if (d == 0) {
                break;
            }
            if (d > 0) {
                hi = a;
            } else {
                lo = a;
            }
            double dd = second(c, a);
            double next = dd > 0 ? a - d / dd : 0.5 * (lo + hi);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - a) < 1e-14) {
                a = next;
                break;
            }
            a = next;
        }
        return a;
    }
}
