package org.ddos.descriptors.sma;

/**
 * The evaluated pair functions phi(r), Xi(r) of one species pair with their quintic tails
 * (see {@link SmaPairParameters}). Immutable; {@link #evaluate} and {@link #values} do not
 * allocate. Public so that other modules' hot loops (e.g. the alloy Monte Carlo of
 * {@code calibration}) evaluate exactly the functions of {@link SmaPotential}.
 */
public final class SmaPairTerms {
    final double p;
    final double q;
    final double a;
    final double xi;
    final double r0;
    final double rs;
    final double rc;
    final double rc2;
    private final double a3;
    private final double a4;
    private final double a5;
    private final double x3;
    private final double x4;
    private final double x5;

    /** @param s the pair parameters; the tail coefficients are computed once here */
    public SmaPairTerms(SmaPairParameters s) {
        p = s.p();
        q = s.q();
        a = s.a();
        xi = s.xi();
        r0 = s.r0();
        rs = s.cutoffStart();
        rc = s.cutoffEnd();
        rc2 = rc * rc;
        double fa = a * Math.exp(-p * (rs / r0 - 1));
        double[] ca = tail(fa, -p / r0 * fa, p * p / (r0 * r0) * fa, rs - rc);
        a3 = ca[0];
        a4 = ca[1];
        a5 = ca[2];
        double fx = xi * Math.exp(-q * (rs / r0 - 1));
        double[] cx = tail(fx, -q / r0 * fx, q * q / (r0 * r0) * fx, rs - rc);
        x3 = cx[0];
        x4 = cx[1];
        x5 = cx[2];
    }

    /**
     * Coefficients (c3, c4, c5) of c3 e^3 + c4 e^4 + c5 e^5 (e = r - rc) whose value and first two
     * derivatives at e = d equal f, f1, f2: the 3x3 system solved in closed form.
     */
    static double[] tail(double f, double f1, double f2, double d) {
        // Unknowns u = c3 d^3, v = c4 d^4, w = c5 d^5:
        //   u + v + w = f;  3u + 4v + 5w = f1 d;  6u + 12v + 20w = f2 d^2
        double g1 = f1 * d;
        double g2 = f2 * d * d;
        double w = (g2 - 6 * f - 6 * (g1 - 3 * f)) / 2.0;
        double v = g1 - 3 * f - 2 * w;
        double u = f - v - w;
        return new double[] {u / (d * d * d), v / (d * d * d * d), w / (d * d * d * d * d)};
    }

    /** @return the cutoff (Å): phi and Xi vanish at and beyond it */
    public double cutoff() {
        return rc;
    }

    /**
     * Values only: phi(r) into {@code out[0]}, Xi(r)^2 into {@code out[1]} (eV, eV^2); zero at and
     * beyond the cutoff.
     *
     * @param r pair distance (Å), non-negative
     * @param out length at least 2
     */
    public void values(double r, double[] out) {
        if (r >= rc) {
            out[0] = 0;
            out[1] = 0;
        } else if (r < rs) {
            double t = r / r0 - 1;
            out[0] = a * Math.exp(-p * t);
            double x = xi * Math.exp(-q * t);
            out[1] = x * x;
        } else {
            double e = r - rc;
            double e3 = e * e * e;
            out[0] = e3 * (a3 + e * (a4 + e * a5));
            double x = e3 * (x3 + e * (x4 + e * x5));
            out[1] = x * x;
        }
    }

    /**
     * @param r pair distance (Å), below {@link #cutoff()}
     * @param out length 4: phi, dphi/dr, Xi, dXi/dr (eV, eV/Å)
     */
    public void evaluate(double r, double[] out) {
        if (r < rs) {
            double phi = a * Math.exp(-p * (r / r0 - 1));
            double x = xi * Math.exp(-q * (r / r0 - 1));
            out[0] = phi;
            out[1] = -p / r0 * phi;
            out[2] = x;
            out[3] = -q / r0 * x;
        } else {
            double e = r - rc;
            double e2 = e * e;
            double e3 = e2 * e;
            out[0] = e3 * (a3 + e * (a4 + e * a5));
            out[1] = e2 * (3 * a3 + e * (4 * a4 + e * 5 * a5));
            out[2] = e3 * (x3 + e * (x4 + e * x5));
            out[3] = e2 * (3 * x3 + e * (4 * x4 + e * 5 * x5));
        }
    }
}
