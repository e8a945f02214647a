package org.ddos.descriptors.sma;

import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.potential.NeighborListPotential;
import org.ddos.descriptors.structure.Structure;

/**
 * The second-moment (TB-SMA / Gupta / RGL) many-body potential for any number of species, the
 * model of LAMMPS {@code pair_style smatb} and LoDiS:
 * <pre>
 *   E = sum_i [ sum_{j != i} phi_{s_i s_j}(r_ij) - sqrt( sum_{j != i} Xi_{s_i s_j}(r_ij)^2 ) ]
 * </pre>
 * with phi = A exp(-p (r/r0 - 1)) and Xi = xi exp(-q (r/r0 - 1)) below cutoffStart and the quintic
 * tails of {@link SmaPairParameters} up to cutoffEnd. Note the pair sum runs over all ordered
 * pairs, so each bond carries 2 phi (LAMMPS convention; the Cleri–Rosato definition).
 *
 * <p>Forces are analytic: for the full-list entry i-&gt;j at distance r the energy derivative is
 * dE/dr = phi'(r) - Xi(r) Xi'(r) / sqrt(rho_i), rho_i = sum_j Xi^2 (the reverse entry adds the
 * j-side). The virial is W = -sum_entries (dE/dr) d (x) d / r (d = r_j - r_i), Voigt order xx yy
 * zz yz xz xy in eV, equal to -dE/d(strain) (LAMMPS sign: positive under compression).
 *
 * <p>Thread-safe (no mutable state); each call allocates O(N) scratch for the densities.
 */
public final class SmaPotential implements NeighborListPotential {
    private final SmaParameters parameters;
    private final SmaPairTerms[][] terms;

    /** @param parameters the parameter set (species identified by element symbol) */
    public SmaPotential(SmaParameters parameters) {
        this.parameters = parameters;
        int s = parameters.speciesCount();
        terms = new SmaPairTerms[s][s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                terms[a][b] = new SmaPairTerms(parameters.pair(a, b));
            }
        }
    }

    /** @return the parameter set */
    public SmaParameters parameters() {
        return parameters;
    }

    @Override
    public double cutoff() {
        return parameters.maxCutoff();
    }

    /**
     * @return for each species of the structure, the species index of the parameter set
     * @throws IllegalArgumentException naming an element of the structure that has no parameters
     */
    int[] speciesMap(Structure structure) {
        String[] el = structure.elements();
        int[] map = new int[el.length];
        for (int s = 0; s < el.length; s++) {
            map[s] = parameters.indexOf(el[s]);
            if (map[s] < 0) {
                throw new IllegalArgumentException("SMA potential has no parameters for element " + el[s]
                        + " (it covers " + String.join(", ", parameters.elements()) + ")");
            }
        }
        return map;
    }

    @Override
    public double compute(Structure structure, double[] forces, double[] virial) {
        return compute(structure, CellListNeighborList.build(structure, cutoff()), forces, virial, null);
    }

    @Override
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial) {
        return compute(structure, list, forces, virial, null);
    }

    /**
     * As {@link #compute(Structure, double[], double[])} with a prebuilt neighbour list (e.g. a
     * {@link org.ddos.descriptors.neighbors.SkinNeighborList} in MD), optionally per-atom energies.
     *
     * @param structure the configuration
     * @param list a full list for this structure with cutoff at least {@link #cutoff()}
     * @param forces null, or length 3N: overwritten with F = -dE/dr (eV/Å)
     * @param virial null, or length 6 (Voigt xx, yy, zz, yz, xz, xy, eV), as in
     *     {@link org.ddos.descriptors.potential.Potential#compute(Structure, double[], double[])}
     * @param atomEnergies null, or length N: overwritten with E_i (eV)
     * @return E (eV)
     * @throws IllegalArgumentException on a too-short list cutoff, wrong array lengths or
     *     elements without parameters
     */
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial, double[] atomEnergies) {
        int n = structure.atomCount();
        if (list.atomCount() != n) {
            throw new IllegalArgumentException("neighbour list has " + list.atomCount() + " atoms, structure " + n);
        }
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is below the SMA cutoff " + cutoff() + " Å");
        }
        if (forces != null && forces.length != 3 * n) {
            throw new IllegalArgumentException("forces must have length 3N = " + 3 * n + ", got " + forces.length);
        }
        if (virial != null && virial.length != 6) {
            throw new IllegalArgumentException("virial must have length 6, got " + virial.length);
        }
        if (atomEnergies != null && atomEnergies.length != n) {
            throw new IllegalArgumentException("atomEnergies must have length N = " + n + ", got " + atomEnergies.length);
        }
        int[] map = speciesMap(structure);
        int[] nb = list.neighborIndex();
        double[] d = list.displacements();
        double[] f = new double[4];
        double[] rho = new double[n];
        double energy = 0;
        // pass 1: pair repulsion and band densities
        for (int i = 0; i < n; i++) {
            SmaPairTerms[] row = terms[map[structure.speciesOf(i)]];
            double rep = 0;
            double dens = 0;
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                SmaPairTerms t = row[map[structure.speciesOf(nb[e])]];
                double r2 = d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2];
                if (r2 >= t.rc2) {
                    continue;
                }
                t.evaluate(Math.sqrt(r2), f);
                rep += f[0];
                dens += f[2] * f[2];
            }
            double sq = Math.sqrt(dens);
            double ei = rep - sq;
            energy += ei;
            if (atomEnergies != null) {
                atomEnergies[i] = ei;
            }
            rho[i] = sq > 0 ? 1.0 / sq : 0.0; // store 1/sqrt(rho_i)
        }
        if (forces == null && virial == null) {
            return energy;
        }
        if (forces != null) {
            java.util.Arrays.fill(forces, 0);
        }
        double vxx = 0;
        double vyy = 0;
        double vzz = 0;
        double vyz = 0;
        double vxz = 0;
        double vxy = 0;
        // pass 2: derivatives
        for (int i = 0; i < n; i++) {
            SmaPairTerms[] row = terms[map[structure.speciesOf(i)]];
            double invSqrtRho = rho[i];
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                int j = nb[e];
                SmaPairTerms t = row[map[structure.speciesOf(j)]];
                double dx = d[3 * e];
                double dy = d[3 * e + 1];
                double dz = d[3 * e + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= t.rc2) {
                    continue;
                }
                double r = Math.sqrt(r2);
                t.evaluate(r, f);
                double dEdr = f[1] - f[2] * f[3] * invSqrtRho;
                double s = dEdr / r;
                if (forces != null) {
                    forces[3 * i] += s * dx;
                    forces[3 * i + 1] += s * dy;
                    forces[3 * i + 2] += s * dz;
                    forces[3 * j] -= s * dx;
                    forces[3 * j + 1] -= s * dy;
                    forces[3 * j + 2] -= s * dz;
                }
                vxx -= s * dx * dx;
                vyy -= s * dy * dy;
                vzz -= s * dz * dz;
                vyz -= s * dy * dz;
                vxz -= s * dx * dz;
                vxy -= s * dx * dy;
            }
        }
        if (virial != null) {
            virial[0] = vxx;
            virial[1] = vyy;
            virial[2] = vzz;
            virial[3] = vyz;
            virial[4] = vxz;
            virial[5] = vxy;
        }
        return energy;
    }
}
