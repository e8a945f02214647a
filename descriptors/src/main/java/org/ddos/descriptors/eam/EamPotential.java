package org.ddos.descriptors.eam;

import java.util.Arrays;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.potential.NeighborListPotential;
import org.ddos.descriptors.structure.Structure;

/**
 * The tabulated embedded-atom potential of a LAMMPS {@code eam/alloy} or {@code eam/fs} file
 * ({@link EamFile}; Daw and Baskes, Phys. Rev. B 29, 6443 (1984); Finnis and Sinclair, Phil. Mag.
 * A 50, 45 (1984)):
 * <pre>
 *   E = sum_i [ F_{s_i}(rho_i) + 1/2 sum_{j != i} phi_{s_i s_j}(r_ij) ],
 *   rho_i = sum_{j != i} rho_{s_j s_i}(r_ij),   phi = (r phi)(r) / r,
 * </pre>
 * over pairs with r_ij &lt; cutoff, where rho_{IJ} is the density an atom of element I puts at a
 * site of element J (eam/alloy: rho_I for every J). The tables are interpolated as LAMMPS does
 * ({@link EamTable}: cubic Hermite with fourth-order node slopes), with its conventions at the grid
 * edges: distances beyond the last node hold the last interval at t = 1, densities are located on
 * intervals 1 .. Nrho-1 (a negative density extrapolates the first cubic) and a density above
 * rho_max = (Nrho-1) drho adds F'(rho_max) (rho - rho_max) to the energy (LAMMPS: "add linear term
 * to conserve energy"). Energies, forces and virials therefore agree with LAMMPS {@code pair_style
 * eam/alloy} / {@code eam/fs} to rounding.
 *
 * <p>Forces: for the full-list entry i-&gt;j at distance r, dE/dr = 1/2 phi'(r) + F'_i rho'_{s_j s_i}(r)
 * (the reverse entry adds the other half and the j-side embedding term); F_i += (dE/dr / r) d,
 * F_j -= (dE/dr / r) d with d = r_j - r_i. Virial W = -sum_entries (dE/dr / r) d (x) d in Voigt order
 * xx yy zz yz xz xy (eV), equal to -dE/d(strain) (the LAMMPS sign).
 *
 * <p>Species: by default each species of a structure is the file element of the same name; a
 * LAMMPS-style type map ({@code pair_coeff * * file Ni Al}) assigns file elements to species
 * indices instead. The masses of the file are not used (structures carry their own).
 *
 * <p>Thread-safe (no mutable state); each call allocates O(N) scratch for densities and F'.
 */
public final class EamPotential implements NeighborListPotential {
    private final EamFile file;
    private final int elements;
    private final EamTable[] embedding;
    /** [I * n + J]: density of an I atom at a J site. */
    private final EamTable[] density;
    /** [I * n + J]: r phi_IJ (symmetric). */
    private final EamTable[] pair;
    private final String[] typeElements;
    private final int nr;
    private final int nrho;
    private final double rdr;
    private final double rdrho;
    private final double rhoMax;
    private final double cutoff;
    private final double cutoffSquared;

    /**
     * A potential mapping each species of a structure to the file element of the same name.
     *
     * @param file the tabulated potential
     */
    public EamPotential(EamFile file) {
        this(file, (String[]) null);
    }

    /**
     * A potential with a LAMMPS-style type map: species k of a structure (0-based, the order of
     * {@link Structure#elements()}) is the file element {@code typeElements[k]}, whatever the
     * structure calls it.
     *
     * @param file the tabulated potential
     * @param typeElements file element per species index (null: map by name)
     * @throws IllegalArgumentException when a name is not an element of the file
     */
    public EamPotential(EamFile file, String... typeElements) {
        this.file = file;
        int n = file.elementCount();
        this.elements = n;
        if (typeElements != null) {
            for (String e : typeElements) {
                if (file.indexOf(e) < 0) {
                    throw new IllegalArgumentException(unknown(e));
                }
            }
            this.typeElements = typeElements.clone();
        } else {
            this.typeElements = null;
        }
        embedding = new EamTable[n];
        density = new EamTable[n * n];
        pair = new EamTable[n * n];
        for (int i = 0; i < n; i++) {
            embedding[i] = new EamTable(file.embedding(i), file.densitySpacing());
            for (int j = 0; j < n; j++) {
                density[i * n + j] = new EamTable(file.density(i, j), file.distanceSpacing());
                if (j <= i) {
                    pair[i * n + j] = new EamTable(file.pairTimesR(i, j), file.distanceSpacing());
                    pair[j * n + i] = pair[i * n + j];
                }
            }
        }
        nr = file.distancePoints();
        nrho = file.densityPoints();
        rdr = 1.0 / file.distanceSpacing();
        rdrho = 1.0 / file.densitySpacing();
        rhoMax = (nrho - 1) * file.densitySpacing();
        cutoff = file.cutoff();
        cutoffSquared = cutoff * cutoff;
    }

    private String unknown(String element) {
        return "EAM file " + file.file() + " has no element " + element + " (it covers " + String.join(", ", file.elements()) + ")";
    }

    /** @return the file */
    public EamFile file() {
        return file;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    /**
     * @return for each species of the structure, the element index in the file
     * @throws IllegalArgumentException naming a species without an element in the file
     */
    int[] speciesMap(Structure structure) {
        String[] el = structure.elements();
        if (typeElements != null && el.length > typeElements.length) {
            throw new IllegalArgumentException("structure has " + el.length + " species (" + String.join(", ", el)
                    + ") but the EAM type map names only " + typeElements.length + " (" + String.join(", ", typeElements) + ")");
        }
        int[] map = new int[el.length];
        for (int s = 0; s < el.length; s++) {
            String name = typeElements != null ? typeElements[s] : el[s];
            map[s] = file.indexOf(name);
            if (map[s] < 0) {
                throw new IllegalArgumentException(unknown(name));
            }
        }
        return map;
    }

    @Override
    public double compute(Structure structure, double[] forces, double[] virial) {
        return compute(structure, CellListNeighborList.build(structure, cutoff), forces, virial, null);
    }

    @Override
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial) {
        return compute(structure, list, forces, virial, null);
    }

    /**
     * Energy, and when the arrays are non-null forces, virial and per-atom energies, from a
     * neighbour list of the structure.
     *
     * @param structure the configuration
     * @param list a full list for this structure's positions with cutoff at least {@link #cutoff()}
     * @param forces null, or length 3N: overwritten with F = -dE/dr (eV/Å)
     * @param virial null, or length 6: the virial (eV), Voigt order xx yy zz yz xz xy
     * @param atomEnergies null, or length N: overwritten with E_i = F(rho_i) + 1/2 sum_j phi(r_ij) (eV)
     * @return E (eV)
     * @throws IllegalArgumentException on a list of another atom count or a too-short cutoff, wrong
     *     array lengths or a species without an element in the file
     */
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial, double[] atomEnergies) {
        int n = structure.atomCount();
        if (list.atomCount() != n) {
            throw new IllegalArgumentException("neighbour list has " + list.atomCount() + " atoms, structure " + n);
        }
        if (list.cutoff() < cutoff) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is below the EAM cutoff " + cutoff + " Å");
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
        double[] fp = new double[n];
        int ne = elements;
        double energy = 0;
        // pass 1: densities, pair energies, embedding energies and F'
        for (int i = 0; i < n; i++) {
            int si = map[structure.speciesOf(i)];
            double rho = 0;
            double pairEnergy = 0;
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                double r2 = d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2];
                if (r2 >= cutoffSquared) {
                    continue;
                }
                int sj = map[structure.speciesOf(nb[e])];
                double r = Math.sqrt(r2);
                double p = r * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                rho += density[sj * ne + si].value(m - 1, p);
                pairEnergy += pair[si * ne + sj].value(m - 1, p) / r;
            }
            double p = rho * rdrho + 1.0;
            int m = Math.max(1, Math.min((int) p, nrho - 1));
            p = Math.min(p - m, 1.0);
            EamTable f = embedding[si];
            fp[i] = f.derivative(m - 1, p);
            double embed = f.value(m - 1, p);
            if (rho > rhoMax) {
                embed += fp[i] * (rho - rhoMax);
            }
            double ei = embed + 0.5 * pairEnergy;
            energy += ei;
            if (atomEnergies != null) {
                atomEnergies[i] = ei;
            }
        }
        if (forces == null && virial == null) {
            return energy;
        }
        if (forces != null) {
            Arrays.fill(forces, 0);
        }
        double vxx = 0;
        double vyy = 0;
        double vzz = 0;
        double vyz = 0;
        double vxz = 0;
        double vxy = 0;
        // pass 2: dE/dr per entry
        for (int i = 0; i < n; i++) {
            int si = map[structure.speciesOf(i)];
            double fpi = fp[i];
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                double dx = d[3 * e];
                double dy = d[3 * e + 1];
                double dz = d[3 * e + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= cutoffSquared) {
                    continue;
                }
                int j = nb[e];
                int sj = map[structure.speciesOf(j)];
                double r = Math.sqrt(r2);
                double p = r * rdr + 1.0;
                int m = Math.min((int) p, nr - 1);
                p = Math.min(p - m, 1.0);
                EamTable z = pair[si * ne + sj];
                double recip = 1.0 / r;
                double phi = z.value(m - 1, p) * recip;
                double dphi = z.derivative(m - 1, p) * recip - phi * recip;
                double dEdr = 0.5 * dphi + fpi * density[sj * ne + si].derivative(m - 1, p);
                double s = dEdr * recip;
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

    @Override
    public String toString() {
        return "EamPotential[" + file.style().pairStyle() + " " + file.file() + " (" + String.join(" ", file.elements())
                + ")" + (typeElements != null ? ", types " + String.join(" ", typeElements) : "") + ", cutoff=" + cutoff + " Å]";
    }
}
