package org.ddos.thermo.freeenergy;

import org.ddos.scorematching.score.PhaseEntropy;

/**
 * The exact convex conjugate, on the histogram bins, of every per-mode entropy of a phase:
 * <pre>  phi_gk(s) = min_b [ s y_b - S_gk(y_b) ]</pre>
 * precomputed once as the upper concave hull of the points (y_b, S_b). A query counts the hull
 * edges steeper than s: first over a compact array holding every 8th edge slope of every pair
 * (it stays in cache), then within one block of 8 contiguous slopes, about B/8 + 8 branch-free
 * comparisons touching three or four cache lines, instead of O(B) or a binary search's scattered
 * misses over the full 3 MB of hull data.
 * The minimiser is the hull vertex whose adjacent slopes bracket s; values are identical to the
 * brute-force minimum over bins.
 *
 * <p>Layout: vertices of all (g, k) pairs are stored flat; pair p = g*K + k owns vertices
 * {@code offset[p] .. offset[p] + size[p] - 1}, ordered by increasing y, and the negated slopes
 * between consecutive vertices (increasing) at the same offsets (one fewer); y, S and band of a
 * vertex are interleaved so the result is one cache line.
 */
public final class ConcaveConjugate {
    /** Edges per block of the two-level search. */
    private static final int BLOCK = 8;
    private final int modes;
    private final int[] offset;
    private final int[] size;
    /** Per pair: first index into {@link #coarse} and its number of blocks. */
    private final int[] coarseOffset;
    private final int[] coarseCount;
    /** Negated edge slopes (increasing within a pair). */
    private final double[] negSlope;
    /** First negated slope of every block of every pair: small enough to stay in cache. */
    private final double[] coarse;
    /** Interleaved vertex data: [3v] = y, [3v+1] = S, [3v+2] = band. */
    private final double[] vertexData;

    /**
     * Builds the hulls of all (isosurface, mode) pairs of a learned phase entropy.
     *
     * @param entropy the learned per-mode entropies S_gk(y_b) on the histogram bins (per atom)
     */
    public ConcaveConjugate(PhaseEntropy entropy) {
        int g = entropy.isosurfaceCount();
        int k = entropy.descriptorCount();
        int bins = entropy.binCount();
        this.modes = k;
        offset = new int[g * k];
        size = new int[g * k];
        coarseOffset = new int[g * k];
        coarseCount = new int[g * k];
        double[] vd = new double[3 * g * k * bins];
        double[] ns = new double[g * k * bins];
        double[] cs = new double[g * k * (bins / BLOCK + 2)];
        int[] stack = new int[bins];
        int pos = 0;
        int cpos = 0;
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
                    vd[3 * (pos + v)] = yy[b];
                    vd[3 * (pos + v) + 1] = ss[b];
                    vd[3 * (pos + v) + 2] = bb[b];
                    if (v + 1 < top) {
                        int c = base + stack[v + 1];
                        ns[pos + v] = -(ss[c] - ss[b]) / (yy[c] - yy[b]);
                    }
                }
                int edges = top - 1;
                int blocks = (edges + BLOCK - 1) / BLOCK;
                coarseOffset[p] = cpos;
                coarseCount[p] = blocks;
                for (int blk = 0; blk < blocks; blk++) {
                    cs[cpos++] = ns[pos + blk * BLOCK];
                }
                pos += top;
            }
        }
        vertexData = java.util.Arrays.copyOf(vd, 3 * pos);
        negSlope = java.util.Arrays.copyOf(ns, pos);
        coarse = java.util.Arrays.copyOf(cs, cpos);
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
        int nb = coarseBlocks(p, -slope);
        return nb == 0 ? offset[p] : refine(p, nb, -slope);
    }

    /**
     * Batch form of {@link #argmin} for every (isosurface, mode) pair at once.
     *
     * <p>Cold ({@code warm == false}): two sweeps so that the cache misses of different pairs
     * overlap instead of forming one dependent chain per query: first the coarse block of every
     * pair (cache-resident data), then the fine search.
     *
     * <p>Warm ({@code warm == true}): {@code vertices} holds the minimisers of a previous query
     * (another temperature or a nearby theta); each is walked along the hull to the new minimiser,
     * falling back to the full search after {@link #MAX_WALK} steps. Temperature scans, root
     * finding and ensembles of nearby thetas move each minimiser by a few vertices, so a query
     * touches one cache line that is usually already cached. The result is identical to the cold
     * search: the minimiser is the unique v with negSlope[v-1] &lt;= x &lt; negSlope[v].
     *
     * @param rotated t flat [g*K + k], length G*K (eV per descriptor unit)
     * @param beta 1/(k_B T) in 1/eV
     * @param vertices in (when warm) and out, length G*K: the minimising hull vertex of every pair
     * @param warm whether {@code vertices} holds valid vertices of a previous query
     */
    public void argminAll(double[] rotated, double beta, int[] vertices, boolean warm) {
        int pairs = offset.length;
        if (warm) {
            for (int p = 0; p < pairs; p++) {
                vertices[p] = walk(p, -beta * rotated[p], vertices[p]);
            }
            return;
        }
        for (int p = 0; p < pairs; p++) {
            vertices[p] = coarseBlocks(p, -beta * rotated[p]);
        }
        for (int p = 0; p < pairs; p++) {
            int nb = vertices[p];
            vertices[p] = nb == 0 ? offset[p] : refine(p, nb, -beta * rotated[p]);
        }
    }

    /** Steps a warm start may walk along the hull before the full search takes over. */
    static final int MAX_WALK = 6;

    /** The minimiser for x = -slope found by walking from vertex v of pair p. */
    private int walk(int p, double x, int v) {
        int base = offset[p];
        int last = base + size[p] - 1;
        for (int step = 0; step < MAX_WALK; step++) {
            if (v > base && negSlope[v - 1] > x) {
                v--;
            } else if (v < last && negSlope[v] <= x) {
                v++;
            } else {
                return v;
            }
        }
        int nb = coarseBlocks(p, x);
        return nb == 0 ? base : refine(p, nb, x);
    }

    /** Level 1: the number of blocks of pair p whose first negated slope is &lt;= x. */
    private int coarseBlocks(int p, double x) {
        int c0 = coarseOffset[p];
        int nb = 0;
        for (int i = 0, n = coarseCount[p]; i < n; i++) {
            nb += coarse[c0 + i] <= x ? 1 : 0;
        }
        return nb;
    }

    /** Level 2: within block nb-1 (at most BLOCK contiguous edges); returns the vertex index. */
    private int refine(int p, int nb, double x) {
        int base = offset[p];
        int from = base + (nb - 1) * BLOCK;
        int to = Math.min(from + BLOCK, base + size[p] - 1);
        int count = (nb - 1) * BLOCK;
        for (int e = from; e < to; e++) {
            count += negSlope[e] <= x ? 1 : 0;
        }
        return base + count;
    }

    /**
     * @param vertex flat hull-vertex index, as returned by {@link #argmin} or {@link #argminAll}
     * @return y of a hull vertex (descriptor units, from the lattice)
     */
    public double y(int vertex) {
        return vertexData[3 * vertex];
    }

    /**
     * @param vertex flat hull-vertex index, as returned by {@link #argmin} or {@link #argminAll}
     * @return S of a hull vertex (per atom, max 0)
     */
    public double entropy(int vertex) {
        return vertexData[3 * vertex + 1];
    }

    /**
     * @param vertex flat hull-vertex index, as returned by {@link #argmin} or {@link #argminAll}
     * @return one-sigma band of S at a hull vertex
     */
    public double band(int vertex) {
        return vertexData[3 * vertex + 2];
    }

    /** @return the total number of hull vertices over all (isosurface, mode) pairs */
    public int vertexCount() {
        return negSlope.length;
    }
}
