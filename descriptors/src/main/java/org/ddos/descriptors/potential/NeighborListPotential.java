package org.ddos.descriptors.potential;

import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * A potential whose energy and forces depend on the geometry only through a full neighbour list
 * (pair displacements), so that molecular dynamics can keep one
 * {@link org.ddos.descriptors.neighbors.SkinNeighborList} per trajectory, refresh it in place every
 * step and never rebuild a {@link Structure} (LAMMPS: {@code neighbor skin} with a Verlet list).
 *
 * <p>Contract: the result depends on {@code structure} only through its species (and element
 * names); the positions are those the list was last built or updated for. Units as
 * {@link Potential#compute}.
 */
public interface NeighborListPotential extends Potential {

    /**
     * @param structure species and elements of the atoms (its positions are not read)
     * @param list a full neighbour list of the current geometry with cutoff at least {@link #cutoff()}
     * @param forces null, or length 3N: overwritten with F = -dE/dr (eV/Å)
     * @param virial null, or length 6: the virial in Voigt order xx, yy, zz, yz, xz, xy (eV)
     * @return the total energy E (eV)
     * @throws IllegalArgumentException on a list that does not fit (atom count, cutoff) or wrong
     *     array lengths
     */
    double compute(Structure structure, NeighborList list, double[] forces, double[] virial);
}
