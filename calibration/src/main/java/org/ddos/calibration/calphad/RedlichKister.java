package org.ddos.calibration.calphad;

import java.util.List;
import java.util.Locale;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * The Redlich–Kister excess Gibbs energy of a binary substitutional solution,
 * G_ex = x_1 x_2 sum_v L_v(T) (x_1 - x_2)^v in J/mol, with 1 and 2 the constituents in the order
 * the TDB file writes them in L(PHASE,1,2;v) (Redlich and Kister, Ind. Eng. Chem. 40, 345 (1948);
 * Lukas, Fries, Sundman, <i>Computational Thermodynamics</i>, 2007, ch. 5).
 *
 * <p>The excess enthalpy is H_ex = G_ex - T dG_ex/dT; for L_v = a_v + b_v T (the usual form) it is
 * x_1 x_2 sum_v a_v (x_1 - x_2)^v and does not depend on T. Derivatives are taken by central
 * differences (exact for linear L_v). 1 J/mol = 1 / (N_A e) eV per atom = 0.010364 meV/atom.
 * Magnetic (TC, BMAGN) contributions are not included.
 */
public final class RedlichKister {
    /** meV/atom per J/mol. */
    public static final double MEV_PER_JOULE_PER_MOL = 1e3 / (PhysicalConstants.AVOGADRO_PER_MOL * PhysicalConstants.ELEMENTARY_CHARGE_C);

    private final TdbDatabase db;
    private final String phase;
    private final String first;
    private final String second;
    private final List<TdbDatabase.Piecewise> parameters;

    RedlichKister(TdbDatabase db, String phase, String first, String second, List<TdbDatabase.Piecewise> parameters) {
        this.db = db;
        this.phase = phase;
        this.first = first;
        this.second = second;
        this.parameters = parameters;
    }

    /** @return the phase */
    public String phase() {
        return phase;
    }

    /** @return the constituents in the file's order (upper case) */
    public String[] constituents() {
        return new String[] {first, second};
    }

    /** @return the highest order v present plus one */
    public int orders() {
        return parameters.size();
    }

    /**
     * @param v Redlich–Kister order (&gt;= 0)
     * @param temperature T (K)
     * @return L_v(T) in J/mol (0 for an order absent from the file)
     * @throws IllegalArgumentException when v &lt; 0
     */
    public double parameter(int v, double temperature) {
        if (v < 0) {
            throw new IllegalArgumentException("Redlich-Kister order must be non-negative, got " + v);
        }
        if (v >= parameters.size() || parameters.get(v) == null) {
            return 0;
        }
        return db.evaluate(parameters.get(v), temperature);
    }

    /**
     * L_v written as a + b T from its values at 298.15 K and 1000 K.
     *
     * @param v Redlich–Kister order (&gt;= 0)
     * @return {a (J/mol), b (J/mol/K), largest deviation from linearity over 300–3000 K (J/mol)}
     */
    public double[] linearForm(int v) {
        double t1 = 298.15;
        double t2 = 1000;
        double l1 = parameter(v, t1);
        double l2 = parameter(v, t2);
        double b = (l2 - l1) / (t2 - t1);
        double a = l1 - b * t1;
        double dev = 0;
        for (double t = 300; t <= 3000; t += 100) {
            dev = Math.max(dev, Math.abs(parameter(v, t) - (a + b * t)));
        }
        return new double[] {a, b, dev};
    }

    /**
     * @param element the element whose mole fraction is {@code x} (one of the two constituents)
     * @param x its mole fraction, in [0, 1]
     * @param temperature T (K)
     * @return G_ex (J/mol)
     * @throws IllegalArgumentException when x lies outside [0, 1] or the element is not a constituent
     */
    public double excessGibbs(String element, double x, double temperature) {
        double x1 = fractionOfFirst(element, x);
        double x2 = 1 - x1;
        double s = 0;
        double p = 1;
        for (int v = 0; v < parameters.size(); v++) {
            s += parameter(v, temperature) * p;
            p *= x1 - x2;
        }
        return x1 * x2 * s;
    }

    /**
     * H_ex = G_ex - T dG_ex/dT, the derivative by a central difference with step 1e-3 T.
     *
     * @param element the element whose mole fraction is {@code x} (one of the two constituents)
     * @param x its mole fraction, in [0, 1]
     * @param temperature T (K)
     * @return H_ex = G_ex - T dG_ex/dT (J/mol) at mole fraction x of {@code element}
     * @throws IllegalArgumentException when x lies outside [0, 1] or the element is not a constituent
     */
    public double excessEnthalpy(String element, double x, double temperature) {
        double h = 1e-3 * temperature;
        double d = (excessGibbs(element, x, temperature + h) - excessGibbs(element, x, temperature - h)) / (2 * h);
        return excessGibbs(element, x, temperature) - temperature * d;
    }

    /**
     * @param element the element whose mole fraction is {@code x} (one of the two constituents)
     * @param x its mole fraction, in [0, 1]
     * @param temperature T (K)
     * @return H_ex in meV/atom ({@link #excessEnthalpy} times {@link #MEV_PER_JOULE_PER_MOL})
     */
    public double excessEnthalpyMeV(String element, double x, double temperature) {
        return excessEnthalpy(element, x, temperature) * MEV_PER_JOULE_PER_MOL;
    }

    private double fractionOfFirst(String element, double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("mole fraction must lie in [0, 1], got " + x);
        }
        String e = element.toUpperCase(Locale.ROOT);
        if (e.equals(first)) {
            return x;
        }
        if (e.equals(second)) {
            return 1 - x;
        }
        throw new IllegalArgumentException("element " + element + " is not a constituent of L(" + phase + "," + first + "," + second + ")");
    }
}
