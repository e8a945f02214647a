package org.ddos.calibration.alloy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.sma.SmaPairTerms;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;

/**
 * The static mixing energy of the quasirandom cells of {@link MixingSimulator} on the perfect fcc
 * lattice at the Vegard lattice parameter, in closed form: on a perfect lattice every atom's
 * energy depends only on its species and on how many A and B neighbours it has in each shell, so
 * E = sum over distinct environments of multiplicity x [sum_shells sum_t n_t phi(d_s) -
 * sqrt(sum_shells sum_t n_t Xi(d_s)^2)], with the pair functions evaluated once per shell and
 * pair type. It equals the direct {@link MixingSimulator#vegardMixingEnergy} (to round-off) at
 * microseconds per call instead of milliseconds, which makes it usable inside the calibration
 * loop as the physical baseline of the surrogate: Delta H_mix = this + relaxation and thermal
 * parts, the only parts the network has to learn.
 *
 * <p>Thread-safe (environment tables cached per B count; an evaluation allocates only small
 * per-shell tables).
 */
public final class StaticMixingModel {
    private static final int SHELLS = 5;
    private final SmaBinary binary;
    private final MixingSettings settings;
    private final Structure unitLattice;
    private final double[] shellFactor;
    private final SmaPairTerms[] terms;
    private final double[] pureLattice = new double[2];
    private final double[] pureEnergy = new double[2];
    private final Map<Integer, Environments> cache = new ConcurrentHashMap<>();

    /** Environments of one arrangement: species, neighbour counts per (shell, species) and multiplicity. */
    private record Environments(int[] species, int[][] counts, int[] multiplicity) {
    }

    /**
     * @param binary the binary with its homonuclear sets
     * @param settings supercell, quasirandom shells and seed (as for the simulations)
     * @throws IllegalStateException when a cutoff reaches the sixth fcc shell
     */
    public StaticMixingModel(SmaBinary binary, MixingSettings settings) {
        this.binary = binary;
        this.settings = settings;
        int c = settings.cells();
        this.unitLattice = Lattices.fcc(binary.elementA(), 1.0, c, c, c);
        this.shellFactor = new double[] {Math.sqrt(0.5), 1, Math.sqrt(1.5), Math.sqrt(2), Math.sqrt(2.5)};
        this.terms = new SmaPairTerms[3];
        terms[0] = new SmaPairTerms(binary.aa());
        terms[2] = new SmaPairTerms(binary.bb());
        for (int s = 0; s < 2; s++) {
            SmaPairParameters p = binary.pure(s);
            double[] m = MixingSimulator.staticMinimum(org.ddos.descriptors.sma.SmaParameters.single(binary.element(s), p),
                    Lattices.fcc(binary.element(s), 1.0, c, c, c), p.r0() * Math.sqrt(2));
            pureLattice[s] = m[0];
            pureEnergy[s] = m[1];
            SmaPairTerms t = new SmaPairTerms(p);
            if (Math.sqrt(3) * m[0] * 0.9 <= t.cutoff()) {
                throw new IllegalStateException(binary.element(s) + " cutoff " + t.cutoff() + " Å reaches the sixth fcc shell");
            }
        }
    }

    /** @return the 0 K equilibrium lattice parameters of pure A and B (Å) */
    public double[] pureLatticeParameters() {
        return pureLattice.clone();
    }

    /** @return the 0 K energies per atom of pure A and B (eV/atom) */
    public double[] pureEnergies() {
        return pureEnergy.clone();
    }

    /**
     * @param x fraction of B
     * @return the number of B atoms used for composition x: round(x N) clamped to [1, N - 1] (at
     *     least one of each species)
     */
    public int countB(double x) {
        int n = settings.atoms();
        return Math.max(1, Math.min(n - 1, (int) Math.round(x * n)));
    }

    /**
     * Static mixing energy at the Vegard lattice parameter of the pure 0 K lattice parameters.
     *
     * @param h heteronuclear parameters
     * @param x fraction of B, in (0, 1); 0 and 1 give 0
     * @return Delta E (meV/atom)
     */
    public double vegardMixingEnergy(HeteronuclearParameters h, double x) {
        return x <= 0 || x >= 1 ? 0 : vegardMixingEnergy(new SmaPairTerms(binary.cross(h)), x);
    }

    /**
     * As {@link #vegardMixingEnergy(HeteronuclearParameters, double)} with the cross-pair terms
     * already built (e.g. reused over several compositions).
     *
     * @param cross the A-B pair terms
     * @param x fraction of B; x &lt;= 0 or x &gt;= 1 gives 0
     * @return Delta E (meV/atom)
     */
    public double vegardMixingEnergy(SmaPairTerms cross, double x) {
        if (x <= 0 || x >= 1) {
            return 0;
        }
        int k = countB(x);
        double xs = (double) k / settings.atoms();
        double a = (1 - xs) * pureLattice[0] + xs * pureLattice[1];
        double e = energyPerAtom(cross, k, a);
        return 1e3 * (e - xs * pureEnergy[1] - (1 - xs) * pureEnergy[0]);
    }

    /**
     * Static energy per atom of the arrangement with countB B atoms at lattice parameter a.
     *
     * @param cross the A-B pair terms
     * @param countB number of B atoms
     * @param a fcc lattice parameter (Å)
     * @return E / N (eV/atom)
     */
    public double energyPerAtom(SmaPairTerms cross, int countB, double a) {
        Environments env = environments(countB);
        double[] v = new double[2];
        // phi and Xi^2 per (pair type, shell): type 0 = AA, 1 = AB, 2 = BB
        double[][] phi = new double[3][SHELLS];
        double[][] xi2 = new double[3][SHELLS];
        for (int t = 0; t < 3; t++) {
            SmaPairTerms pt = t == 1 ? cross : terms[t];
            for (int s = 0; s < SHELLS; s++) {
                pt.values(a * shellFactor[s], v);
                phi[t][s] = v[0];
                xi2[t][s] = v[1];
            }
        }
        double total = 0;
        int n = 0;
        for (int e = 0; e < env.species().length; e++) {
            int si = env.species()[e];
            int[] cnt = env.counts()[e];
            double rep = 0;
            double rho = 0;
            for (int s = 0; s < SHELLS; s++) {
                int nA = cnt[2 * s];
                int nB = cnt[2 * s + 1];
                int tA = si == 0 ? 0 : 1;
                int tB = si == 0 ? 1 : 2;
                rep += nA * phi[tA][s] + nB * phi[tB][s];
                rho += nA * xi2[tA][s] + nB * xi2[tB][s];
            }
            total += env.multiplicity()[e] * (rep - Math.sqrt(rho));
            n += env.multiplicity()[e];
        }
        return total / n;
    }

    /**
     * @param countB number of B atoms
     * @return the quasirandom arrangement for countB (the same as the simulator's; not cached here)
     */
    public QuasiRandomAlloy.Arrangement arrangement(int countB) {
        return QuasiRandomAlloy.arrange(unitLattice, countB, settings.shells(), settings.arrangementSeed() + 7919L * countB);
    }

    private Environments environments(int countB) {
        return cache.computeIfAbsent(countB, k -> {
            int[] sp = arrangement(k).species();
            int[][][] nb = QuasiRandomAlloy.shellNeighbours(unitLattice, SHELLS);
            Map<String, Integer> index = new HashMap<>();
            List<int[]> keys = new ArrayList<>();
            List<Integer> mult = new ArrayList<>();
            for (int i = 0; i < sp.length; i++) {
                int[] key = new int[1 + 2 * SHELLS];
                key[0] = sp[i];
                for (int s = 0; s < SHELLS; s++) {
                    for (int j : nb[s][i]) {
                        key[1 + 2 * s + sp[j]]++;
                    }
                }
                String ks = Arrays.toString(key);
                Integer at = index.get(ks);
                if (at == null) {
                    index.put(ks, keys.size());
                    keys.add(key);
                    mult.add(1);
                } else {
                    mult.set(at, mult.get(at) + 1);
                }
            }
            int m = keys.size();
            int[] species = new int[m];
            int[][] counts = new int[m][];
            int[] mul = new int[m];
            for (int e = 0; e < m; e++) {
                species[e] = keys.get(e)[0];
                counts[e] = Arrays.copyOfRange(keys.get(e), 1, 1 + 2 * SHELLS);
                mul[e] = mult.get(e);
            }
            return new Environments(species, counts, mul);
        });
    }
}
