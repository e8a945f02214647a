package org.ddos.descriptors.sma;

import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.NeighborList;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.NeighborListPotential;
import org.ddos.descriptors.structure.Structure;

/**
 * The single-species second-moment potential written as a linear potential in theta = (A, xi)
 * for fixed (p, q, r0, cutoffs): because the tails scale with A and xi too,
 * <pre>
 *   E = sum_i [ A R_i - xi B_i ],   R_i = sum_j phi_1(r_ij),   B_i = sqrt( sum_j Xi_1(r_ij)^2 )
 * </pre>
 * with phi_1, Xi_1 the pair functions of {@link SmaPairParameters} at A = xi = 1. The per-atom
 * descriptor is B_i = (R_i, -B_i) (component 0: repulsive sum, dimensionless; component 1: minus
 * the square root of the band sum), so E = N theta . D with D the mean descriptor and
 * theta = (A, xi) in eV (beta0 = 0). For several species the band term is a square root of a sum
 * over species pairs and is not linear in the xi's; use {@link SmaPotential} there.
 */
public final class SmaLinearPotential implements LinearPotential, NeighborListPotential {
    private final String element;
    private final SmaPairParameters parameters;
    private final SmaPairTerms unitTerms;
    private final SmaPotential potential;

    /**
     * @param element the chemical symbol the structure must hold
     * @param parameters exponents, r0, cutoffs and the coefficients (A, xi) used by {@link #compute}
     */
    public SmaLinearPotential(String element, SmaPairParameters parameters) {
        this.element = element;
        this.parameters = parameters;
        this.unitTerms = new SmaPairTerms(parameters.withPrefactors(1.0, 1.0));
        this.potential = new SmaPotential(SmaParameters.single(element, parameters));
    }

    /** @return theta = (A, xi) in eV, the coefficients of the two descriptor components */
    public double[] coefficients() {
        return new double[] {parameters.a(), parameters.xi()};
    }

    /** @return the pair parameters */
    public SmaPairParameters parameters() {
        return parameters;
    }

    @Override
    public int descriptorCount() {
        return 2;
    }

    @Override
    public double cutoff() {
        return parameters.cutoffEnd();
    }

    @Override
    public double compute(Structure structure, double[] forces, double[] virial) {
        return potential.compute(structure, forces, virial);
    }

    @Override
    public double compute(Structure structure, NeighborList list, double[] forces, double[] virial) {
        return potential.compute(structure, list, forces, virial);
    }

    @Override
    public double[] meanDescriptor(Structure structure) {
        double[] mean = new double[2];
        meanDescriptor(structure, CellListNeighborList.build(structure, cutoff()), mean);
        return mean;
    }

    @Override
    public void meanDescriptor(Structure structure, NeighborList list, double[] mean) {
        if (mean.length != 2) {
            throw new IllegalArgumentException("out must have length K = 2, got " + mean.length);
        }
        double[] b = atomDescriptors(structure, list);
        int n = structure.atomCount();
        mean[0] = 0;
        mean[1] = 0;
        for (int i = 0; i < n; i++) {
            mean[0] += b[2 * i];
            mean[1] += b[2 * i + 1];
        }
        mean[0] /= n;
        mean[1] /= n;
    }

    /**
     * Per-atom descriptors.
     *
     * @param list a full neighbour list of the structure with cutoff at least {@link #cutoff()}
     * @return flat, length 2N: {@code [2*i] = R_i} (repulsive sum), {@code [2*i+1] = -B_i}
     * @throws IllegalArgumentException when the structure holds another element or the list is too short
     */
    public double[] atomDescriptors(Structure structure, NeighborList list) {
        for (String el : structure.elements()) {
            if (!el.equals(element)) {
                throw new IllegalArgumentException("single-species SMA potential for " + element + " cannot describe " + el);
            }
        }
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is below " + cutoff() + " Å");
        }
        int n = structure.atomCount();
        double[] out = new double[2 * n];
        double[] f = new double[4];
        double[] d = list.displacements();
        for (int i = 0; i < n; i++) {
            double rep = 0;
            double dens = 0;
            for (int e = list.start(i), end = e + list.count(i); e < end; e++) {
                double r2 = d[3 * e] * d[3 * e] + d[3 * e + 1] * d[3 * e + 1] + d[3 * e + 2] * d[3 * e + 2];
                if (r2 >= unitTerms.rc2) {
                    continue;
                }
                unitTerms.evaluate(Math.sqrt(r2), f);
                rep += f[0];
                dens += f[2] * f[2];
            }
            out[2 * i] = rep;
            out[2 * i + 1] = -Math.sqrt(dens);
        }
        return out;
    }
}
