package org.ddos.descriptors.dynamics;

/**
 * Energy and forces as a function of the flat positions of a fixed set of atoms in a fixed cell:
 * what an integrator needs. {@link PotentialForceField} adapts any
 * {@link org.ddos.descriptors.potential.Potential}; thermodynamic integration mixes several.
 *
 * <p>Implementations are stateful per trajectory (neighbour lists, scratch) and not thread-safe.
 */
public interface ForceField {

    /**
     * @param positions flat, length 3N (Å), Cartesian, not wrapped into the cell
     * @param forces length 3N, overwritten with F = -dU/dx (eV/Å)
     * @return U (eV)
     */
    double compute(double[] positions, double[] forces);
}
