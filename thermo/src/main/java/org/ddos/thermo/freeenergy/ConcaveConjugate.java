package org.ddos.thermo.freeenergy;

import org.ddos.scorematching.score.PhaseEntropy;

/**
 * The exact convex conjugate, on the histogram bins, of every per-mode entropy of a phase:
 * <pre>  phi_gk(s) = min_b [ s y_b - S_gk(y_b) ]</pre>
 * precomputed once as the upper concave hull of the points (y_b, S_b), so that each query costs
 * O(log B) (a branch-free binary search over the hull's decreasing edge slopes) instead of O(B).
 * The minimiser is the hull vertex whose adjacent slopes bracket s; values are identical to the
 * brute-force minimum over bins.
 *
 * <p>Layout: vertices of all (g, k) pairs are stored flat; pair p = g*K + k owns vertices
 * {@code offset[p] .. offset[p] + size[p] - 1}, ordered by increasing y, and the negated slopes
 * between consecutive vertices (increasing) at the same offsets (one fewer).
 */
public final class ConcaveConjugate {
    private final int modes;
    private final int[] offset;
    private final int[] size;
    private final double[] y;
    private final double[] s;
    private final double[] band;
    private final double[] negSlope;

    /** Builds the hulls of all (isosurface, mode) pairs of a learned phase entropy. */
    public ConcaveConjugate(PhaseEntropy entropy) {
        int g = entropy.isosurfaceCount();
        int k = entropy.descriptorCount();
        int bins = entropy.binCount();
        this.modes = k;
        offset = new int[g * k];
        size = new int[g * k];
        double[] hy = new double[g * k * bins];
        double[] hs = new double[g * k * bins];
        double[] hb = new double[g * k * bins];
        double[] ns = new double[g * k * bins];
        int[] stack = new int[bins];
        int pos = 0;
        for (int gi = 0; gi < g; gi++) {
            double[] yy = entropy.coordinates(gi);
            double[] ss = entropy.entropy(gi);
            double[] bb = entropy.band(gi);
            for (int m = 0; m < k; m++) {
                int base = m * bins;
                // monotone chain, upper hull of points sorted by y
                int top = 0;
                for (int b = 0; b < bins; b++) {
                    while (top >= 2 && cross(yy, ss, base + stack[top - 2], base + stack[top - 1], base + b) >= 0) {
                        top--;
                    }
                    stack[top++] = b;
                }
                int p = gi * k + m;
                offset[p] = pos;
                size[p] = top;
                for (int v = 0; v < top; v++) {
                    int b = base + stack[v];
                    hy[pos + v] = yy[b];
                    hs[pos + v] = ss[b];
                    hb[pos + v] = bb[b];
                    if (v + 1 < top) {
                        int c = base + stack[v + 1];
                        ns[pos + v] = -(ss[c] - ss[b]) / (yy[c] - yy[b]);
                    }
                }
                pos += top;
            }
        }
        y = java.util.Arrays.copyOf(hy, pos);
        s = java.util.Arrays.copyOf(hs, pos);
        band = java.util.Arrays.copyOf(hb, pos);
        negSlope = java.util.Arrays.copyOf(ns, pos);
    }

    /** z-component of (b - a) x (c - a); &gt;= 0 means b is not above the chord a-c. */
    private static double cross(double[] yy, double[] ss, int a, int b, int c) {
        return (yy[b] - yy[a]) * (ss[c] - ss[a]) - (ss[b] - ss[a]) * (yy[c] - yy[a]);
    }

    /**
     * @param g isosurface
     * @param k mode
     * @param slope s = beta * theta_gk (1/descriptor unit)
     * @return the flat index of the minimising hull vertex; read it with {@link #y(int)},
     *     {@link #entropy(int)} and {@link #band(int)}
     */
    public int argmin(int g, int k, double slope) {
        int p = g * modes + k;
        int base = offset[p];
        int n = size[p] - 1; // number of edges
        if (n <= 0) {
            return base;
        }
        // number of edges with -slope_e <= -s, i.e. slope_e >= s: the vertex index
        double x = -slope;
        int lo = base;
        int len = n;
        double[] a = negSlope;
        while (len > 1) {
            int half = len >>> 1;
            lo = a[lo + half] <= x ? lo + half : lo;
            len -= half;
        }
        return lo + (a[lo] <= x ? 1 : 0); // vertex index = offset + edges with slope >= s
    }

    /** @return y of a hull vertex (descriptor units, from the lattice) */
    public double y(int vertex) {
        return y[vertex];
    }

    /** @return S of a hull vertex (per atom, max 0) */
    public double entropy(int vertex) {
        return s[vertex];
    }

    /** @return one-sigma band of S at a hull vertex */
    public double band(int vertex) {
        return band[vertex];
    }

    /** @return the total number of hull vertices over all (isosurface, mode) pairs */
    public int vertexCount() {
        return y.length;
    }
}
