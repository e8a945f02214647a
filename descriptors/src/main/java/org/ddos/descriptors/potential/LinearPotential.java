package org.ddos.descriptors.potential;

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
}
