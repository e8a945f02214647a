package org.ddos.descriptors.potential;

import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * Anything that gives an energy and forces for a structure. Samplers, MD, Hessians and
 * thermodynamic integration ask for this interface and never care which family they hold.
 *
 * <p>Units: energy eV, forces eV/Å, virial eV.
 */
public interface Potential {

    /** @return the interaction cutoff in Å (the largest pair distance that contributes) */
    double cutoff();

    /**
     * Computes the total energy and, when the arrays are non-null, forces and virial.
     *
     * @param structure the structure (N atoms)
     * @param forces null, or length 3N: overwritten with F[3*i+xyz] = -dE/dr_i (eV/Å)
     * @param virial null, or length 6: overwritten with the virial W = -sum_pairs r_ij (x) f_ij in
     *     Voigt order xx, yy, zz, yz, xz, xy (eV), the LAMMPS convention (stress = -W / V)
     * @return the total energy E (eV)
     * @throws IllegalArgumentException when the structure does not fit the potential (unknown
     *     species, wrong array lengths)
     */
    double compute(Structure structure, double[] forces, double[] virial);

    /**
     * As {@link #compute(Structure, double[], double[])} with a neighbour list the caller keeps (built
     * for at least {@link #cutoff()} on this structure's positions), so that repeated calls on nearby
     * configurations (finite differences, MD, sampling) skip the list build. The default ignores the list.
     *
     * @param structure the structure (N atoms)
     * @param list a full neighbour list of this structure with cutoff at least {@link #cutoff()}
     * @param forces null, or length 3N: overwritten with F = -dE/dr (eV/Å)
     * @param virial null, or length 6: overwritten with the virial, Voigt order (eV)
     * @return the total energy E (eV)
     * @throws IllegalArgumentException as {@link #compute(Structure, double[], double[])}, or when the
     *     list does not fit (implementations that use it)
     */
    default double compute(Structure structure, NeighborList list, double[] forces, double[] virial) {
        return compute(structure, forces, virial);
    }

    /**
     * @param structure the structure
     * @return the total energy (eV)
     */
    default double energy(Structure structure) {
        return compute(structure, null, null);
    }
}
