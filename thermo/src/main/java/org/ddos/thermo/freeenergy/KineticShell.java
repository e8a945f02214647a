package org.ddos.thermo.freeenergy;

import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The shell entropy of kinetic (constant-energy MD) isosurfaces: the density of states of the
 * reference Hamiltonian H = V + K per atom, S_kin(e) = (1/N) ln[Omega(N e) / (2 pi hbar)^d], with
 * e the total energy per atom above the lattice.
 *
 * <p>Why it is exact. Summing the phase space over shells of H, Z_full = sum_E Omega(E)
 * &lt;exp(-beta N (theta . D + kappa))&gt;_E, with kappa = K / N the extra descriptor component of
 * kinetic campaigns and the microcanonical average learned from the samples; the Laplace (large-N)
 * form is beta F = min_alpha [sum_k min_y (beta t_k y - S_k(y)) - S_kin(alpha)], like the Hessian
 * flavour with another shell term.
 *
 * <p>Harmonic part (large N, three modes per atom as in {@link HarmonicShell}):
 * <pre>  -S_kin(alpha) = c0 - 3 alpha - Delta(alpha),
 *   c0 = -3 ln(U_0 / 3) - 3 + 3/2 [ln(hbar^2 / m) + &lt;ln k&gt;],   e = U_0 exp(alpha)</pre>
 * which gives F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;] at e* = 3 k_B T for a
 * harmonic reference. Anharmonic part, from the identity d ln Omega / dE = (d/2 - 1) &lt;1/K&gt;_E =
 * beta_mu(E) (measured per isosurface by the campaign):
 * <pre>  Delta(e) = integral_0^e [beta_mu(N e') - (d - 1) / (N e')] de'</pre>
 * with the integrand smoothed by a low-order polynomial ({@link #anharmonicCorrection}).
 */
public final class KineticShell {
    private KineticShell() {
    }

    /**
     * @param c the kinetic campaign (its log-mean eigenvalue, alpha shift and energy scale U_0 in eV)
     * @param massAmu mass for hbar^2 / m (amu)
     * @return c0 of -S_kin (T-independent), in k_B per atom
     */
    public static double shellConstant(PhaseCampaign c, double massAmu) {
        double lnK = c.logMeanEigenvalue() + c.alphaShift() + Math.log(2 * c.energyScale());
        // -3 ln(e / 3) with e = U_0 exp(alpha + alpha_shift)
        return -3 * Math.log(c.energyScale() / 3) - 3 * c.alphaShift() - 3
                + 1.5 * (Math.log(HarmonicShell.hbarSquaredOverMass(massAmu)) + lnK);
    }

    /** Degree of the least-squares polynomial b(e) = beta_mu - (d - 1)/(N e) integrated for Delta. */
    public static final int CORRECTION_DEGREE = 2;

    /**
     * Delta(e) = integral_0^e b(e') de' with b(e) = beta_mu(N e) - (d - 1)/(N e), the anharmonic part
     * of the microcanonical inverse temperature (1/eV). b is smooth and finite at e = 0 (an
     * anharmonic expansion in e), while each measured b_g carries the sampling noise of &lt;1/K&gt;
     * (relative error of beta_mu about 1/sqrt((d + 1) n_eff), i.e. absolute error proportional to
     * 1/e_g): b is fitted by a polynomial of degree {@link #CORRECTION_DEGREE} (lower when there are
     * few isosurfaces) by least squares with weights e_g^2, and integrated exactly from 0, which pools
     * the isosurfaces and needs no extrapolation rule below the first one.
     *
     * @param c the kinetic campaign, with its microcanonical inverse temperatures beta_mu (1/eV)
     * @return Delta_g = Delta(e_g) for every isosurface (sorted order), in k_B per atom
     * @throws IllegalArgumentException when the campaign carries no microcanonical temperatures
     */
    public static double[] anharmonicCorrection(PhaseCampaign c) {
        if (!c.hasMicrocanonicalBeta()) {
            throw new IllegalArgumentException("phase '" + c.name() + "': no microcanonical temperatures recorded");
        }
        double[] beta = c.microcanonicalBeta();
        int g = beta.length;
        int n = c.atomCount();
        int d = 3 * n - 3;
        int p = Math.min(CORRECTION_DEGREE, g - 2) + 1; // coefficients
        double[] e = new double[g];
        double scale = 0;
        for (int i = 0; i < g; i++) {
            e[i] = c.isosurfaces().get(i).isosurface() * c.energyScale();
            scale = Math.max(scale, e[i]);
        }
        // weighted least squares in x = e / e_max, by QR of the row-scaled Vandermonde matrix
        DMatrixRMaj design = new DMatrixRMaj(g, p);
        DMatrixRMaj rhs = new DMatrixRMaj(g, 1);
        for (int i = 0; i < g; i++) {
            double sw = e[i]; // sqrt of the weight e^2
            double x = e[i] / scale;
            for (int q = 0; q < p; q++) {
                design.set(i, q, sw * Math.pow(x, q));
            }
            rhs.set(i, 0, sw * (beta[i] - (d - 1) / (n * e[i])));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(g, p);
        if (!solver.setA(design)) {
            throw new IllegalArgumentException("kinetic shell: singular fit of the microcanonical temperatures");
        }
        DMatrixRMaj fitted = new DMatrixRMaj(p, 1);
        solver.solve(rhs, fitted);
        double[] coef = fitted.getData();
        double[] out = new double[g];
        for (int i = 0; i < g; i++) {
            double x = e[i] / scale;
            double sum = 0;
            for (int q = 0; q < p; q++) {
                sum += coef[q] * Math.pow(x, q + 1) / (q + 1);
            }
            out[i] = sum * scale;
        }
        return out;
    }
}
