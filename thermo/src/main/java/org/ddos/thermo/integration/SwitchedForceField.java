package org.ddos.thermo.integration;

import org.ddos.descriptors.dynamics.ForceField;

/**
 * The Hamiltonian of a switching path, a linear combination of two force fields:
 * <pre>  U_w(x) = w_a (U_a(x) - e_a) + w_b U_b(x)</pre>
 * (Frenkel–Ladd: w_a = 1 - lambda, w_b = lambda with U_a the potential and U_b the Einstein
 * crystal; reversible scaling: w_a = lambda, w_b = 0). The shift e_a (the lattice energy E_0) makes
 * U_a - e_a vanish on the lattice, so the scaled potential keeps its minimum at zero.
 *
 * <p>Every {@link #compute} records U_a - e_a and U_b at the evaluated positions, so the work of
 * changing the weights at that configuration is dw_a (U_a - e_a) + dw_b U_b. Not thread-safe:
 * one per trajectory. Allocation: two scratch force arrays at construction, none per call.
 */
public final class SwitchedForceField implements ForceField {
    private final ForceField a;
    private final ForceField b;
    private final double shift;
    private final double[] fa;
    private final double[] fb;
    private double wa = 1;
    private double wb;
    private boolean referenceOnly;
    private double ua = Double.NaN;
    private double ub = Double.NaN;

    /**
     * @param a the potential (e.g. a {@link org.ddos.descriptors.dynamics.PotentialForceField})
     * @param shift e_a, subtracted from U_a (eV)
     * @param b the reference (e.g. an {@link EinsteinCrystal}), or null for reversible scaling only
     * @param dimension 3N
     */
    public SwitchedForceField(ForceField a, double shift, ForceField b, int dimension) {
        this.a = a;
        this.b = b;
        this.shift = shift;
        this.fa = new double[dimension];
        this.fb = b == null ? null : new double[dimension];
    }

    /**
     * Sets the weights used by the next {@link #compute}.
     *
     * @param weightA w_a of the potential (shifted by e_a)
     * @param weightB w_b of the reference; must be 0 without one
     * @throws IllegalArgumentException when weightB is not 0 and there is no reference
     */
    public void setWeights(double weightA, double weightB) {
        if (b == null && weightB != 0) {
            throw new IllegalArgumentException("no reference force field: weight b must be 0, got " + weightB);
        }
        this.wa = weightA;
        this.wb = weightB;
        this.referenceOnly = false;
    }

    /**
     * Pure reference, w_a = 0, w_b = weightB, without evaluating the potential at all (for
     * equilibrating at the Einstein crystal: {@link #lastPotential()} is then NaN).
     *
     * @param weightB w_b of the reference
     * @throws IllegalStateException without a reference force field
     */
    public void setReferenceOnly(double weightB) {
        if (b == null) {
            throw new IllegalStateException("no reference force field");
        }
        this.wa = 0;
        this.wb = weightB;
        this.referenceOnly = true;
    }

    /** @return U_a - e_a at the last evaluated positions (eV) */
    public double lastPotential() {
        return ua;
    }

    /** @return U_b at the last evaluated positions (eV; NaN without a reference) */
    public double lastReference() {
        return ub;
    }

    /** Evaluates both terms (only the reference after {@link #setReferenceOnly}). */
    @Override
    public double compute(double[] positions, double[] forces) {
        if (referenceOnly) {
            ua = Double.NaN;
            ub = b.compute(positions, fb);
            for (int k = 0; k < forces.length; k++) {
                forces[k] = wb * fb[k];
            }
            return wb * ub;
        }
        ua = a.compute(positions, fa) - shift;
        double e = wa * ua;
        if (b != null) {
            ub = b.compute(positions, fb);
            e += wb * ub;
            for (int k = 0; k < forces.length; k++) {
                forces[k] = wa * fa[k] + wb * fb[k];
            }
        } else {
            for (int k = 0; k < forces.length; k++) {
                forces[k] = wa * fa[k];
            }
        }
        return e;
    }
}
