package org.ddos.descriptors.snap;

import java.util.Arrays;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * Per-atom SNAP bispectrum components B_i (LAMMPS {@code compute sna/atom}) and their mean
 * D = (1/N) sum_i B_i, the descriptor a D-DOS campaign samples; also the gradient dD/dr.
 *
 * <p>Element radii R_e and weights w_e come from a {@code .snapcoeff} file (its coefficients are
 * not used) or are given directly; the pair cutoff is rcutfac (R_i + R_j). Structure species types
 * map to coefficient elements by an explicit mapping (one element name per species type, as the
 * element list of LAMMPS {@code pair_coeff * * file.snapcoeff file.snapparam X X}) or, without
 * one, by the structure's element symbols.
 *
 * <p>Thread-safe; work is spread over {@code threads} threads (default: available processors),
 * with results independent of the thread count.
 */
public final class SnapDescriptors {
    private final SnapCoefficients coefficients;
    private final String[] mapping;
    private final SnapAtomLoop loop;
    private final double[] radius;
    private final double[] weight;
    private final double cutoff;

    /**
     * @param parameters the hyper-parameters
     * @param coefficients the element radii and weights (coefficient values unused)
     * @param elementOfSpecies optional: coefficient element name per structure species type
     * @throws IllegalArgumentException on a mapping element absent from the coefficients, or inner
     *     switch lists whose length differs from the number of elements
     */
    public SnapDescriptors(SnapParameters parameters, SnapCoefficients coefficients, String... elementOfSpecies) {
        this(parameters, coefficients, elementOfSpecies, Runtime.getRuntime().availableProcessors());
    }

    private SnapDescriptors(SnapParameters parameters, SnapCoefficients coefficients, String[] mapping, int threads) {
        this.coefficients = coefficients;
        this.mapping = SnapAtomLoop.checkMapping(coefficients, mapping);
        if (parameters.switchInnerFlag() && parameters.sinner().length != coefficients.elementCount()) {
            throw new IllegalArgumentException("sinner/dinner have " + parameters.sinner().length
                    + " values but the coefficients have " + coefficients.elementCount() + " elements");
        }
        this.loop = new SnapAtomLoop(parameters, new SnapBispectrum(parameters), threads);
        int ne = coefficients.elementCount();
        radius = new double[ne];
        weight = new double[ne];
        double rmax = 0;
        for (int e = 0; e < ne; e++) {
            radius[e] = coefficients.radius(e);
            weight[e] = coefficients.weight(e);
            rmax = Math.max(rmax, radius[e]);
        }
        cutoff = 2 * rmax * parameters.rcutfac();
    }

    /**
     * Descriptors for elements given directly (the arguments of LAMMPS {@code compute sna/atom}).
     *
     * @param parameters the bispectrum hyper-parameters
     * @param elements element names (matched against structure element symbols)
     * @param radius R_e per element
     * @param weight w_e per element
     * @return descriptors for those elements (coefficients all zero), on as many threads as
     *     available processors, with no species mapping
     */
    public static SnapDescriptors of(SnapParameters parameters, String[] elements, double[] radius, double[] weight) {
        double[][] zero = new double[elements.length][parameters.coefficientCount()];
        SnapCoefficients c = new SnapCoefficients(java.util.List.of(), elements, radius, weight, zero,
                parameters.quadraticFlag());
        return new SnapDescriptors(parameters, c);
    }

    /**
     * @param threads worker threads (&gt;= 1)
     * @return a copy running on the given number of threads (1 = calling thread only)
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public SnapDescriptors withThreads(int threads) {
        return new SnapDescriptors(loop.parameters, coefficients, mapping, threads);
    }

    /** @return K, the number of components per atom */
    public int componentCount() {
        return loop.kernel.componentCount();
    }

    /** @return the largest pair cutoff (Å) */
    public double cutoff() {
        return cutoff;
    }

    /** @return the kernel (component labels, workspaces) */
    public SnapBispectrum kernel() {
        return loop.kernel;
    }

    /** @return the hyper-parameters */
    public SnapParameters parameters() {
        return loop.parameters;
    }

    /**
     * @param structure the configuration (its cell and positions in Å)
     * @return B, flat N x K row-major: {@code B[i * K + k]} is component k of atom i (LAMMPS order)
     * @throws IllegalArgumentException when a structure element has no SNAP element
     */
    public double[] perAtom(Structure structure) {
        return perAtom(structure, CellListNeighborList.build(structure, cutoff));
    }

    /**
     * As {@link #perAtom(Structure)} with a neighbour list built for at least {@link #cutoff()}.
     *
     * @param structure the configuration
     * @param list neighbour list of this structure with cutoff &gt;= {@link #cutoff()}
     * @return B, flat N x K row-major, as {@link #perAtom(Structure)}
     * @throws IllegalArgumentException when the list's cutoff is too short or its size differs
     */
    public double[] perAtom(Structure structure, NeighborList list) {
        checkList(structure, list);
        final int n = structure.atomCount();
        final int k = componentCount();
        final int[] map = SnapAtomLoop.resolveElements(coefficients, mapping, structure);
        final double[] out = new double[n * k];
        final SnapBispectrum kern = loop.kernel;
        loop.forEachPair(n, (st, i0, i1) -> {
            SnapBispectrum.Workspace w1 = expansionsOfPair(st, structure, list, map, i0, i1);
            kern.bispectrumPair(st.ws, w1, st.pair, out, i0 * k, i1 >= 0 ? i1 * k : -1);
        });
        return out;
    }

    /**
     * Gathers the neighbours of atom i0 (and of i1 when i1 &gt;= 0) and computes their expansions U
     * (no derivatives), the shared start of the paired bispectrum loops.
     *
     * @return the workspace of the second atom: the partner's, or i0's own when i1 &lt; 0
     */
    private SnapBispectrum.Workspace expansionsOfPair(SnapAtomLoop.State st, Structure structure, NeighborList list,
            int[] map, int i0, int i1) {
        loop.gather(st, structure, list, i0, map, radius, weight);
        loop.kernel.computeU(st.ws, false);
        if (i1 < 0) {
            return st.ws;
        }
        loop.gather(st.partner, structure, list, i1, map, radius, weight);
        loop.kernel.computeU(st.partner.ws, false);
        return st.partner.ws;
    }

    /**
     * @param structure the configuration
     * @return D, length K: the mean over atoms of B_i
     */
    public double[] mean(Structure structure) {
        return mean(perAtom(structure), structure.atomCount(), componentCount());
    }

    /**
     * D for a structure with a given neighbour list (e.g. a {@link org.ddos.descriptors.neighbors.SkinNeighborList}
     * reused across samples), without allocating: on one thread the per-atom components are summed
     * as they are made, in atom order, giving exactly {@link #mean(Structure)}.
     *
     * @param structure the configuration
     * @param list built for at least {@link #cutoff()} on this structure's positions
     * @param out receives D, length K
     * @throws IllegalArgumentException when the list does not fit or out has the wrong length
     */
    public void mean(Structure structure, NeighborList list, double[] out) {
        checkList(structure, list);
        final int k = componentCount();
        if (out.length != k) {
            throw new IllegalArgumentException("out must have length K = " + k + ", got " + out.length);
        }
        final int n = structure.atomCount();
        if (loop.threads > 1) {
            System.arraycopy(mean(perAtom(structure, list), n, k), 0, out, 0, k);
            return;
        }
        final int[] map = SnapAtomLoop.resolveElements(coefficients, mapping, structure);
        final SnapBispectrum kern = loop.kernel;
        Arrays.fill(out, 0.0);
        loop.forEachPair(n, (st, i0, i1) -> {
            SnapBispectrum.Workspace w1 = expansionsOfPair(st, structure, list, map, i0, i1);
            final double[] b = st.pairOut;
            kern.bispectrumPair(st.ws, w1, st.pair, b, 0, i1 >= 0 ? k : -1);
            for (int c = 0; c < k; c++) {
                out[c] += b[c];
            }
            if (i1 >= 0) {
                for (int c = 0; c < k; c++) {
                    out[c] += b[k + c];
                }
            }
        });
        for (int c = 0; c < k; c++) {
            out[c] /= n;
        }
    }

    static double[] mean(double[] perAtom, int n, int k) {
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                d[c] += perAtom[i * k + c];
            }
        }
        for (int c = 0; c < k; c++) {
            d[c] /= n;
        }
        return d;
    }

    /**
     * The gradient of the mean descriptor with respect to all positions.
     *
     * @param structure the configuration
     * @return flat K x 3N: {@code g[k * 3N + 3 a + xyz]} = dD_k / dr_{a, xyz} (per Å)
     */
    public double[] meanGradient(Structure structure) {
        final NeighborList list = CellListNeighborList.build(structure, cutoff);
        final int n = structure.atomCount();
        final int k = componentCount();
        final int[] map = SnapAtomLoop.resolveElements(coefficients, mapping, structure);
        final int entries = SnapAtomLoop.entryCount(list);
        final double[] perEntry = new double[entries * 3 * k];
        final boolean[] inside = new boolean[entries];
        final SnapBispectrum kern = loop.kernel;
        loop.forEachAtom(n, (st, i) -> {
            int m = loop.gather(st, structure, list, i, map, radius, weight);
            kern.computeU(st.ws, false);
            kern.computeZ(st.ws, null, 0);
            for (int e = 0; e < m; e++) {
                int entry = st.entry[e];
                inside[entry] = true;
                kern.dbidrj(st.ws, e, perEntry, entry * 3 * k);
            }
        });
        final int[] nbr = list.neighborIndex();
        double[] g = new double[k * 3 * n];
        double inv = 1.0 / n;
        for (int i = 0; i < n; i++) {
            for (int e = list.start(i); e < list.start(i) + list.count(i); e++) {
                if (!inside[e]) {
                    continue;
                }
                int j = nbr[e];
                for (int c = 0; c < k; c++) {
                    for (int x = 0; x < 3; x++) {
                        double v = perEntry[(e * k + c) * 3 + x] * inv;
                        g[c * 3 * n + 3 * j + x] += v;
                        g[c * 3 * n + 3 * i + x] -= v;
                    }
                }
            }
        }
        return g;
    }

    private void checkList(Structure structure, NeighborList list) {
        if (list.atomCount() != structure.atomCount()) {
            throw new IllegalArgumentException("neighbour list has " + list.atomCount() + " atoms, structure "
                    + structure.atomCount());
        }
        if (list.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is shorter than the "
                    + "SNAP cutoff " + cutoff + " Å");
        }
    }

    @Override
    public String toString() {
        return "SnapDescriptors[" + loop.parameters + ", elements=" + Arrays.toString(coefficients.elements()) + "]";
    }
}
