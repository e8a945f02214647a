package org.ddos.descriptors.dynamics;

import org.ddos.descriptors.neighbors.SkinNeighborList;
import org.ddos.descriptors.potential.NeighborListPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;

/**
 * A {@link Potential} as a {@link ForceField} for one trajectory at fixed cell.
 *
 * <p>A {@link NeighborListPotential} (SNAP, second moment) is evaluated through one
 * {@link SkinNeighborList} that is refreshed in place every call and rebuilt only when an atom has
 * moved more than skin / 2 since the last build; nothing is allocated here per call (what the
 * potential allocates internally is its own business). Any other potential receives a new
 * {@link Structure} with the current positions each call (the immutable structure contract).
 *
 * <p>Not thread-safe: one instance per trajectory.
 */
public final class PotentialForceField implements ForceField {
    /** Default neighbour-list skin in Å (LAMMPS metal units default is 2.0 Å; 1.0 Å suits solids). */
    public static final double DEFAULT_SKIN = 1.0;

    private final Potential potential;
    private final Structure structure;
    private final NeighborListPotential listed;
    private final SkinNeighborList list;

    /**
     * @param potential any potential
     * @param structure the atoms, cell and species (its positions start the neighbour list)
     * @param skin neighbour-list skin in Å (&gt;= 0; used only by neighbour-list potentials)
     * @throws IllegalArgumentException on a negative skin
     */
    public PotentialForceField(Potential potential, Structure structure, double skin) {
        this.potential = potential;
        this.structure = structure;
        if (potential instanceof NeighborListPotential nl) {
            this.listed = nl;
            this.list = new SkinNeighborList(structure, potential.cutoff(), skin);
        } else {
            this.listed = null;
            this.list = null;
        }
    }

    /**
     * With {@link #DEFAULT_SKIN}.
     *
     * @param potential any potential
     * @param structure the atoms, cell and species (its positions start the neighbour list)
     */
    public PotentialForceField(Potential potential, Structure structure) {
        this(potential, structure, DEFAULT_SKIN);
    }

    /** @return the potential */
    public Potential potential() {
        return potential;
    }

    /** @return how many times the neighbour candidates were built (0 for potentials without a list) */
    public int neighborListBuilds() {
        return list == null ? 0 : list.buildCount();
    }

    @Override
    public double compute(double[] positions, double[] forces) {
        if (listed != null) {
            list.update(positions);
            return listed.compute(structure, list, forces, null);
        }
        return potential.compute(structure.withPositions(positions), forces, null);
    }
}
