package org.ddos.descriptors.potential;

import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.structure.Structure;

/**
 * A potential linear in descriptor features: E(X) = sum_i [beta0_s(i) + beta_s(i) . B_i(X)].
 * For a single species E = N (beta0 + theta . D) with D = (1/N) sum_i B_i the mean descriptor,
 * the quantity a D-DOS campaign samples.
 */
public interface LinearPotential extends Potential {

    /** @return K, the number of descriptor components per atom */
    int descriptorCount();

    /**
     * @param structure the structure (N atoms)
     * @return D, length K: the per-atom mean descriptor (1/N) sum_i B_i, in LAMMPS component order
     */
    double[] meanDescriptor(Structure structure);

    /**
     * D with a neighbour list the caller keeps (e.g. a {@link org.ddos.descriptors.neighbors.SkinNeighborList}
     * updated sample after sample), into a caller's array. Same value as {@link #meanDescriptor(Structure)};
     * implementations override it to skip the list build and the allocation (the default does neither).
     *
     * @param structure the configuration
     * @param list a list of this structure's positions built for at least {@link #cutoff()}
     * @param out receives D, length K
     * @throws IllegalArgumentException when out does not have length K or the list does not fit
     */
    default void meanDescriptor(Structure structure, NeighborList list, double[] out) {
        if (out.length != descriptorCount()) {
            throw new IllegalArgumentException("out must have length K = " + descriptorCount() + ", got " + out.length);
        }
        System.arraycopy(meanDescriptor(structure), 0, out, 0, out.length);
    }
}
