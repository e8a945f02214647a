package org.ddos.descriptors.snap;

import java.util.Arrays;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.NeighborListPotential;
import org.ddos.descriptors.structure.Structure;

/**
 * The SNAP potential of LAMMPS {@code pair_style snap}: E = sum_i E_i with
 * E_i = beta0_s + sum_k beta_s,k B_i,k (+ sum_k [alpha_kk B_k^2 / 2 + sum_{l &gt; k} alpha_kl B_k B_l]
 * with {@code quadraticflag 1}), s the element of atom i; forces and virial by the adjoint method
 * (Y = sum_k dE_i/dB_k dB_k/dU computed once per atom, then dE_i/dr_ij = 2 Re sum dU/dr_ij . Y).
 *
 * <p>Reference: A.P. Thompson et al., J. Comp. Phys. 285, 316 (2015); M.A. Wood and A.P. Thompson,
 * J. Chem. Phys. 148, 241721 (2018) (qSNAP).
 *
 * <p>Species mapping as {@link SnapDescriptors}. Units eV, Å. Thread-safe; atoms are spread over
 * {@code threads} threads with results identical for any thread count.
 */
public final class SnapPotential implements LinearPotential, NeighborListPotential {
    private final SnapParameters parameters;
    private final SnapCoefficients coefficients;
    private final String[] mapping;
    private final SnapDescriptors descriptors;
    private final SnapAtomLoop loop;
    private final double[] radius;
    private final double[] weight;
    private final double[] beta0;
    private final double[][] beta;
    private final double[][] alpha; // full symmetric K x K per element (quadratic only), row-major
    private final double cutoff;

    /**
     * @param parameters the {@code .snapparam} content
     * @param coefficients the {@code .snapcoeff} content (K must match 2J_max)
     * @param elementOfSpecies optional: coefficient element name per structure species type
     * @throws IllegalArgumentException when the coefficient count does not match the parameters or
     *     a mapped element is absent
     */
    public SnapPotential(SnapParameters parameters, SnapCoefficients coefficients, String... elementOfSpecies) {
        this(parameters, coefficients, elementOfSpecies, Runtime.getRuntime().availableProcessors());
    }

    private SnapPotential(SnapParameters parameters, SnapCoefficients coefficients, String[] mapping, int threads) {
        int k = parameters.bispectrumCount();
        if (coefficients.linearCount() != k || coefficients.hasQuadratic() != parameters.quadraticFlag()) {
            throw new IllegalArgumentException("SNAP coefficients have " + coefficients.linearCount() + " linear"
                    + (coefficients.hasQuadratic() ? " and quadratic" : "") + " coefficients per element but twojmax "
                    + parameters.twojmax() + (parameters.quadraticFlag() ? " with quadraticflag 1" : "")
                    + " needs K = " + k);
        }
        this.parameters = parameters;
        this.coefficients = coefficients;
        this.descriptors = new SnapDescriptors(parameters, coefficients, mapping).withThreads(threads);
        this.mapping = mapping.clone();
        this.loop = new SnapAtomLoop(parameters, descriptors.kernel(), threads);
        int ne = coefficients.elementCount();
        radius = new double[ne];
        weight = new double[ne];
        beta0 = new double[ne];
        beta = new double[ne][];
        alpha = new double[ne][];
        for (int e = 0; e < ne; e++) {
            radius[e] = coefficients.radius(e);
            weight[e] = coefficients.weight(e);
            beta0[e] = coefficients.beta0(e);
            beta[e] = coefficients.linear(e);
            if (parameters.quadraticFlag()) {
                double[] q = coefficients.quadratic(e);
                double[] a = new double[k * k];
                int p = 0;
                for (int r = 0; r < k; r++) {
                    for (int c = r; c < k; c++) {
                        a[r * k + c] = q[p];
                        a[c * k + r] = q[p];
                        p++;
                    }
                }
                alpha[e] = a;
            }
        }
        cutoff = descriptors.cutoff();
    }

    /**
     * @param threads worker threads (&gt;= 1)
     * @return a copy running on the given number of threads (1 = calling thread only)
     * @throws IllegalArgumentException when threads &lt; 1
     */
    public SnapPotential withThreads(int threads) {
        return new SnapPotential(parameters, coefficients, mapping, threads);
    }

    /**
     * @param newCoefficients coefficients for the same elements, radii, weights and count
     * @return a copy with other coefficients (same elements, radii, weights and count)
     */
    public SnapPotential withCoefficients(SnapCoefficients newCoefficients) {
        return new SnapPotential(parameters, newCoefficients, mapping, loop.threads);
    }

    /** @return the hyper-parameters */
    public SnapParameters parameters() {
        return parameters;
    }

    /** @return the coefficients */
    public SnapCoefficients coefficients() {
        return coefficients;
    }

    /** @return the descriptor calculator with the same parameters, radii, weights and mapping */
    public SnapDescriptors descriptors() {
        return descriptors;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int descriptorCount() {
        return parameters.bispectrumCount();
    }

    @Override
    public double[] meanDescriptor(Structure structure) {
        return descriptors.mean(structure);
    }

    @Override
    public void meanDescriptor(Structure structure, NeighborList list, double[] out) {
        descriptors.mean(structure, list, out);
    }

    @Override
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial) {
        return compute(structure, list, forces, virial, null);
    }

    @Override
    public double compute(Structure structure, double[] forces, double[] virial) {
        return compute(structure, CellListNeighborList.build(structure, cutoff), forces, virial, null);
    }

    /**
     * @param structure the configuration
     * @return the per-atom energies E_i (eV), length N
     */
    public double[] perAtomEnergies(Structure structure) {
        double[] e = new double[structure.atomCount()];
        compute(structure, CellListNeighborList.build(structure, cutoff), null, null, e);
        return e;
    }

    /**
     * Energy, and when the arrays are non-null forces, virial and per-atom energies, with a given
     * neighbour list (built for at least {@link #cutoff()}).
     *
     * @param structure the configuration
     * @param list neighbour list of this structure with cutoff &gt;= {@link #cutoff()}
     * @param forces null or length 3N: F = -dE/dr (eV/Å)
     * @param virial null or length 6: W = -sum_pairs r_ij (x) dE_i/dr_ij, Voigt xx, yy, zz, yz, xz, xy (eV);
     *     W_ab = -dE/d(epsilon_ab) for a homogeneous strain epsilon
     * @param perAtomEnergy null or length N: E_i (eV)
     * @return E (eV)
     * @throws IllegalArgumentException on wrong array lengths, a list that does not fit, or an
     *     unmapped species
     */
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial,
            double[] perAtomEnergy) {
        final int n = structure.atomCount();
        if (forces != null && forces.length != 3 * n) {
            throw new IllegalArgumentException("forces must have length 3N = " + 3 * n + ", got " + forces.length);
        }
        if (virial != null && virial.length != 6) {
            throw new IllegalArgumentException("virial must have length 6, got " + virial.length);
        }
        if (perAtomEnergy != null && perAtomEnergy.length != n) {
            throw new IllegalArgumentException("perAtomEnergy must have length N = " + n + ", got "
                    + perAtomEnergy.length);
        }
        if (list.atomCount() != n || list.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbour list (" + list.atomCount() + " atoms, cutoff " + list.cutoff()
                    + " Å) does not fit the structure (" + n + " atoms) and the SNAP cutoff " + cutoff + " Å");
        }
        final int k = descriptorCount();
        final int[] map = SnapAtomLoop.resolveElements(coefficients, mapping, structure);
        final boolean derivatives = forces != null || virial != null;
        final boolean quadratic = parameters.quadraticFlag();
        final double[] energies = new double[n];
        final double[] b = new double[n * k];
        final int entries = derivatives ? SnapAtomLoop.entryCount(list) : 0;
        final double[] dedr = new double[3 * entries];
        final SnapBispectrum kern = loop.kernel;
        if (quadratic) {
            loop.forEachAtom(n, (st, i) -> {
                int m = loop.gather(st, structure, list, i, map, radius, weight);
                int el = map[structure.speciesOf(i)];
                kern.computeU(st.ws);
                kern.bispectrum(st.ws, b, i * k);
                final double[] be = beta[el];
                double ei = beta0[el];
                // E += B.alpha.B / 2 and dE/dB = beta + alpha.B
                final double[] a = alpha[el];
                final double[] g = st.vec;
                for (int r = 0; r < k; r++) {
                    double s = 0.0;
                    for (int c = 0; c < k; c++) {
                        s += a[r * k + c] * b[i * k + c];
                    }
                    ei += be[r] * b[i * k + r] + 0.5 * b[i * k + r] * s;
                    g[r] = be[r] + s;
                }
                energies[i] = ei;
                if (derivatives) {
                    kern.computeY(st.ws, g);
                    storeDerivatives(kern, st, m, dedr);
                }
            });
        } else {
            loop.forEachPair(n, (st, i0, i1) -> {
                int m0 = loop.gather(st, structure, list, i0, map, radius, weight);
                kern.computeU(st.ws, derivatives);
                int el0 = map[structure.speciesOf(i0)];
                SnapAtomLoop.State s1 = st;
                int m1 = 0;
                int el1 = el0;
                if (i1 >= 0) {
                    s1 = st.partner;
                    m1 = loop.gather(s1, structure, list, i1, map, radius, weight);
                    kern.computeU(s1.ws, derivatives);
                    el1 = map[structure.speciesOf(i1)];
                }
                int off1 = i1 >= 0 ? i1 * k : -1;
                if (derivatives) {
                    kern.bispectrumAndYPair(st.ws, s1.ws, st.pair, beta[el0], beta[el1], b, i0 * k, off1);
                } else {
                    kern.bispectrumPair(st.ws, s1.ws, st.pair, b, i0 * k, off1);
                }
                energies[i0] = linearEnergy(el0, b, i0 * k);
                if (derivatives) {
                    storeDerivatives(kern, st, m0, dedr);
                }
                if (i1 >= 0) {
                    energies[i1] = linearEnergy(el1, b, i1 * k);
                    if (derivatives) {
                        storeDerivatives(kern, s1, m1, dedr);
                    }
                }
            });
        }
        double energy = 0.0;
        for (int i = 0; i < n; i++) {
            energy += energies[i];
        }
        if (perAtomEnergy != null) {
            System.arraycopy(energies, 0, perAtomEnergy, 0, n);
        }
        if (derivatives) {
            if (forces != null) {
                Arrays.fill(forces, 0.0);
            }
            double wxx = 0;
            double wyy = 0;
            double wzz = 0;
            double wyz = 0;
            double wxz = 0;
            double wxy = 0;
            final int[] nbr = list.neighborIndex();
            final double[] d = list.displacements();
            for (int i = 0; i < n; i++) {
                int s0 = list.start(i);
                int s1 = s0 + list.count(i);
                for (int e = s0; e < s1; e++) {
                    double fx = dedr[3 * e];
                    double fy = dedr[3 * e + 1];
                    double fz = dedr[3 * e + 2];
                    if (forces != null) {
                        int j = nbr[e];
                        forces[3 * i] += fx;
                        forces[3 * i + 1] += fy;
                        forces[3 * i + 2] += fz;
                        forces[3 * j] -= fx;
                        forces[3 * j + 1] -= fy;
                        forces[3 * j + 2] -= fz;
                    }
                    double rx = d[3 * e];
                    double ry = d[3 * e + 1];
                    double rz = d[3 * e + 2];
                    wxx -= rx * fx;
                    wyy -= ry * fy;
                    wzz -= rz * fz;
                    wyz -= ry * fz;
                    wxz -= rx * fz;
                    wxy -= rx * fy;
                }
            }
            if (virial != null) {
                virial[0] = wxx;
                virial[1] = wyy;
                virial[2] = wzz;
                virial[3] = wyz;
                virial[4] = wxz;
                virial[5] = wxy;
            }
        }
        return energy;
    }

    private double linearEnergy(int element, double[] b, int offset) {
        final double[] be = beta[element];
        double e = beta0[element];
        for (int c = 0; c < be.length; c++) {
            e += be[c] * b[offset + c];
        }
        return e;
    }

    /** dE_i/dr_ij of the state's current atom (after its Y) into the per-entry array. */
    private static void storeDerivatives(SnapBispectrum kern, SnapAtomLoop.State st, int m, double[] dedr) {
        if (st.tmp.length < 3 * m) {
            st.tmp = new double[3 * m];
        }
        kern.deidrj(st.ws, st.tmp, 0);
        for (int e = 0; e < m; e++) {
            int entry = st.entry[e];
            dedr[3 * entry] = st.tmp[3 * e];
            dedr[3 * entry + 1] = st.tmp[3 * e + 1];
            dedr[3 * entry + 2] = st.tmp[3 * e + 2];
        }
    }

    @Override
    public String toString() {
        return "SnapPotential[" + parameters + ", elements=" + Arrays.toString(coefficients.elements()) + "]";
    }
}
