package org.ddos.descriptors.sma;

/**
 * Second-moment (TB-SMA / Gupta / RGL) parameters of one species pair, in the units of LAMMPS
 * {@code pair_coeff ... smatb r0 p q A xi cutoffStart cutoffEnd} (the record lists r0 after xi,
 * not first as LAMMPS does).
 *
 * <p>Pair functions (Rosato, Guillopé, Legrand, Phil. Mag. A 59, 321 (1989); Cleri and Rosato,
 * PRB 48, 22 (1993)): repulsion phi(r) = A exp(-p (r/r0 - 1)) and hopping Xi(r) = xi exp(-q (r/r0 - 1))
 * for r &lt; cutoffStart; between cutoffStart and cutoffEnd each is replaced by the quintic
 * c3 (r - rc)^3 + c4 (r - rc)^4 + c5 (r - rc)^5 matching its value, first and second derivative at
 * cutoffStart (LAMMPS {@code pair_style smatb}, LoDiS); zero beyond cutoffEnd.
 *
 * @param p repulsion exponent (dimensionless, positive)
 * @param q hopping exponent (dimensionless, positive)
 * @param a repulsion prefactor A (eV, non-negative)
 * @param xi hopping prefactor xi (eV, non-negative)
 * @param r0 reference distance (Å), usually the nearest-neighbour distance of the pure metal
 * @param cutoffStart start of the polynomial tail (Å), e.g. r0 sqrt(2)
 * @param cutoffEnd cutoff (Å), e.g. r0 sqrt(3); must exceed cutoffStart
 */
public record SmaPairParameters(double p, double q, double a, double xi, double r0, double cutoffStart, double cutoffEnd) {

    /**
     * @param p repulsion exponent (&gt; 0)
     * @param q hopping exponent (&gt; 0)
     * @param a repulsion prefactor A in eV (&gt;= 0)
     * @param xi hopping prefactor xi in eV (&gt;= 0)
     * @param r0 reference distance in Å (&gt; 0)
     * @param cutoffStart start of the polynomial tail in Å (&gt; 0)
     * @param cutoffEnd cutoff in Å (&gt; cutoffStart)
     * @throws IllegalArgumentException naming the parameter on a non-finite, negative or inconsistent value
     */
    public SmaPairParameters {
        positive(p, "p");
        positive(q, "q");
        positive(r0, "r0");
        positive(cutoffStart, "cutoffStart");
        if (!(a >= 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("SMA parameter A must be non-negative and finite, got " + a + " eV");
        }
        if (!(xi >= 0) || !Double.isFinite(xi)) {
            throw new IllegalArgumentException("SMA parameter xi must be non-negative and finite, got " + xi + " eV");
        }
        if (!(cutoffEnd > cutoffStart) || !Double.isFinite(cutoffEnd)) {
            throw new IllegalArgumentException("SMA cutoffEnd (" + cutoffEnd + " Å) must exceed cutoffStart (" + cutoffStart + " Å)");
        }
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("SMA parameter " + name + " must be positive and finite, got " + v);
        }
    }

    /**
     * The LAMMPS-example cutoff convention: tail from the second-neighbour distance r0 sqrt(2) of
     * fcc to the third-neighbour distance r0 sqrt(3).
     *
     * @param p repulsion exponent
     * @param q hopping exponent
     * @param a repulsion prefactor A (eV)
     * @param xi hopping prefactor xi (eV)
     * @param r0 reference distance (Å)
     * @return the pair with cutoffStart = r0 sqrt(2), cutoffEnd = r0 sqrt(3)
     */
    public static SmaPairParameters withFccCutoffs(double p, double q, double a, double xi, double r0) {
        return new SmaPairParameters(p, q, a, xi, r0, r0 * Math.sqrt(2), r0 * Math.sqrt(3));
    }

    /**
     * @param newA repulsion prefactor A (eV)
     * @param newXi hopping prefactor xi (eV)
     * @return the same exponents, r0 and cutoffs with new prefactors A and xi (eV)
     */
    public SmaPairParameters withPrefactors(double newA, double newXi) {
        return new SmaPairParameters(p, q, newA, newXi, r0, cutoffStart, cutoffEnd);
    }
}
