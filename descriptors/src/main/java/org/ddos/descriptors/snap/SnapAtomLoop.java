package org.ddos.descriptors.snap;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * The loop over central atoms shared by {@link SnapDescriptors} and {@link SnapPotential}: maps
 * structure species to coefficient elements, gathers each atom's neighbours inside the pair
 * cutoffs rcutfac (R_i + R_j) into a kernel workspace, and runs atoms in contiguous chunks on up
 * to {@code threads} threads. Every atom's result is written to its own slots, so results do not
 * depend on the number of threads. Workspaces are pooled and reused across calls.
 */
final class SnapAtomLoop {
    /** Atoms per chunk below which a call stays on the calling thread. */
    private static final int MIN_ATOMS_PER_THREAD = 16;

    final SnapParameters parameters;
    final SnapBispectrum kernel;
    final int threads;
    private final double[] sinner;
    private final double[] dinner;
    private final ConcurrentLinkedQueue<State> pool = new ConcurrentLinkedQueue<>();

    /**
     * Per-thread state: the kernel workspace and the list entries of the current neighbours, and a
     * second lane (partner) with the pair workspace for running two atoms together.
     */
    static final class State {
        final SnapBispectrum.Workspace ws;
        int[] entry = new int[64];
        final double[] vec;
        double[] tmp = new double[192];
        final State partner;
        final SnapBispectrum.PairWorkspace pair;
        final double[] pairOut; // B of the two atoms of a pair, 2 K

        State(SnapBispectrum kernel) {
            this(kernel, true);
        }

        private State(SnapBispectrum kernel, boolean withPartner) {
            ws = kernel.newWorkspace();
            vec = new double[kernel.componentCount()];
            partner = withPartner ? new State(kernel, false) : null;
            pair = withPartner ? kernel.newPairWorkspace() : null;
            pairOut = new double[2 * kernel.componentCount()];
        }
    }

    interface AtomTask {
        void run(State state, int atom);
    }

    /** Work on atoms i0 and i1 = i0 + 1 (lanes state and state.partner), or on i0 alone when i1 = -1. */
    interface PairTask {
        void run(State state, int i0, int i1);
    }

    SnapAtomLoop(SnapParameters parameters, SnapBispectrum kernel, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.parameters = parameters;
        this.kernel = kernel;
        this.threads = threads;
        this.sinner = parameters.sinner();
        this.dinner = parameters.dinner();
    }

    private State acquire() {
        State s = pool.poll();
        return s != null ? s : new State(kernel);
    }

    void forEachAtom(int n, AtomTask task) {
        int tasks = Math.min(threads, Math.max(1, n / MIN_ATOMS_PER_THREAD));
        if (tasks == 1) {
            State s = acquire();
            try {
                for (int i = 0; i < n; i++) {
                    task.run(s, i);
                }
            } finally {
                pool.offer(s);
            }
            return;
        }
        int chunks = tasks * 4;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = (int) ((long) n * c / chunks);
            int hi = (int) ((long) n * (c + 1) / chunks);
            State s = acquire();
            try {
                for (int i = lo; i < hi; i++) {
                    task.run(s, i);
                }
            } finally {
                pool.offer(s);
            }
        });
    }

    /**
     * Runs atoms in pairs (0, 1), (2, 3), ... (the last one alone when N is odd), pairs spread over
     * the threads in contiguous chunks.
     */
    void forEachPair(int n, PairTask task) {
        final int pairs = (n + 1) / 2;
        int tasks = Math.min(threads, Math.max(1, n / MIN_ATOMS_PER_THREAD));
        if (tasks == 1) {
            State s = acquire();
            try {
                for (int p = 0; p < pairs; p++) {
                    task.run(s, 2 * p, 2 * p + 1 < n ? 2 * p + 1 : -1);
                }
            } finally {
                pool.offer(s);
            }
            return;
        }
        int chunks = Math.min(pairs, tasks * 4);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = (int) ((long) pairs * c / chunks);
            int hi = (int) ((long) pairs * (c + 1) / chunks);
            State s = acquire();
            try {
                for (int p = lo; p < hi; p++) {
                    task.run(s, 2 * p, 2 * p + 1 < n ? 2 * p + 1 : -1);
                }
            } finally {
                pool.offer(s);
            }
        });
    }

    /**
     * Gathers atom i's neighbours inside their pair cutoffs into the state's workspace.
     *
     * @param elementOfSpecies structure species type -&gt; coefficient element index
     * @param radius per coefficient element
     * @param weight per coefficient element
     * @return the number of neighbours kept; their list entries are in {@code state.entry}
     */
    int gather(State state, Structure structure, NeighborList list, int i, int[] elementOfSpecies,
            double[] radius, double[] weight) {
        SnapBispectrum.Workspace ws = state.ws;
        ws.clear();
        final int[] nbr = list.neighborIndex();
        final double[] d = list.displacements();
        final int ei = elementOfSpecies[structure.speciesOf(i)];
        final double ri = radius[ei];
        final double rcutfac = parameters.rcutfac();
        final boolean inner = parameters.switchInnerFlag();
        int s0 = list.start(i);
        int cnt = list.count(i);
        if (state.entry.length < cnt) {
            state.entry = new int[Math.max(cnt, 2 * state.entry.length)];
        }
        int kept = 0;
        for (int e = s0; e < s0 + cnt; e++) {
            double dx = d[3 * e];
            double dy = d[3 * e + 1];
            double dz = d[3 * e + 2];
            double rsq = dx * dx + dy * dy + dz * dz;
            int ej = elementOfSpecies[structure.speciesOf(nbr[e])];
            double rc = rcutfac * (ri + radius[ej]);
            if (rsq < rc * rc && rsq > 1e-20) {
                if (inner) {
                    ws.addNeighbor(dx, dy, dz, rc, weight[ej], 0.5 * (sinner[ei] + sinner[ej]),
                            0.5 * (dinner[ei] + dinner[ej]));
                } else {
                    ws.addNeighbor(dx, dy, dz, rc, weight[ej]);
                }
                state.entry[kept++] = e;
            }
        }
        return kept;
    }

    /** @return the number of entries of a list (one past the last entry of any atom) */
    static int entryCount(NeighborList list) {
        int m = 0;
        for (int i = 0; i < list.atomCount(); i++) {
            m = Math.max(m, list.start(i) + list.count(i));
        }
        return m;
    }

    /**
     * Maps structure species types to coefficient elements: by the explicit mapping when given
     * (one coefficient element name per species type), else by the structure's element symbols.
     *
     * @throws IllegalArgumentException when a species has no coefficient element
     */
    static int[] resolveElements(SnapCoefficients coefficients, String[] mapping, Structure structure) {
        String[] symbols = structure.elements();
        int[] map = new int[symbols.length];
        if (mapping.length > 0) {
            if (mapping.length < symbols.length) {
                throw new IllegalArgumentException("the structure has " + symbols.length + " species types but the "
                        + "SNAP element mapping names only " + mapping.length);
            }
            for (int t = 0; t < symbols.length; t++) {
                map[t] = coefficients.indexOf(mapping[t]);
            }
            return map;
        }
        for (int t = 0; t < symbols.length; t++) {
            map[t] = coefficients.indexOf(symbols[t]);
            if (map[t] < 0) {
                throw new IllegalArgumentException("structure element '" + symbols[t] + "' is not in the SNAP "
                        + "coefficients (elements " + String.join(", ", coefficients.elements())
                        + "); give an explicit species -> element mapping");
            }
        }
        return map;
    }

    /** Checks an explicit mapping against the coefficient elements. */
    static String[] checkMapping(SnapCoefficients coefficients, String[] mapping) {
        for (String m : mapping) {
            if (coefficients.indexOf(m) < 0) {
                throw new IllegalArgumentException("element '" + m + "' of the species mapping is not in the SNAP "
                        + "coefficients (elements " + String.join(", ", coefficients.elements()) + ")");
            }
        }
        return mapping.clone();
    }
}
