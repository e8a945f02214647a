package org.ddos.thermo.freeenergy;

import org.ddos.scorematching.campaign.PhaseCampaign;

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
 * integrated piecewise linearly through the measured values ({@link #anharmonicCorrection}).
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

    /**
     * Delta_g = Delta(e_g) = integral_0^{e_g} b(e') de' for every isosurface, with
     * b(e) = beta_mu(N e) - (d - 1)/(N e) the anharmonic part of the microcanonical inverse temperature
     * (1/eV; d = 3N - 3, e_g = isosurface value x U_0 the total energy per atom above the lattice, eV),
     * integrated piecewise linearly through the measured b_g (trapezoid rule):
     * <pre>  Delta_1 = b_1 e_1,   Delta_{g+1} = Delta_g + (b_g + b_{g+1}) (e_{g+1} - e_g) / 2</pre>
     * (isosurfaces numbered from 1 in increasing energy). Below the lowest isosurface b is held at its
     * measured value b_1: b is finite at e = 0 (its anharmonic expansion starts at a constant) but
     * nothing measures its slope there, so the constant is the least-assuming extension, and its error
     * is of order |b'| e_1^2 / 2; campaigns should therefore start low (isosurface 0.1-0.2 x U_0).
     * Between isosurfaces the error is of order |b''| h^3 / 12 per interval of width h. No fit: each Delta_g is a fixed linear
     * combination of the measured b_j ({@link #correctionSensitivity}), which follows a b that changes
     * sign (W A15: about -0.2/eV at 0.1 eV/atom, +0.1 to +0.2 above 0.3 eV/atom) where a single
     * low-order polynomial does not, and carries the noise of each beta_mu into F without smoothing.
     *
     * @param c the kinetic campaign, with its microcanonical inverse temperatures beta_mu (1/eV)
     * @return Delta_g for every isosurface (sorted order), length G, in k_B per atom
     * @throws IllegalArgumentException when the campaign carries no microcanonical temperatures, or an
     *     isosurface energy is not positive
     */
    public static double[] anharmonicCorrection(PhaseCampaign c) {
        if (!c.hasMicrocanonicalBeta()) {
            throw new IllegalArgumentException("phase '" + c.name() + "': no microcanonical temperatures recorded");
        }
        double[] beta = c.microcanonicalBeta();
        double[] e = isosurfaceEnergies(c);
        int n = c.atomCount();
        int d = 3 * n - 3;
        double[] out = new double[e.length];
        double previousB = 0;
        for (int g = 0; g < e.length; g++) {
            double b = beta[g] - (d - 1) / (n * e[g]);
            out[g] = g == 0 ? b * e[0] : out[g - 1] + 0.5 * (previousB + b) * (e[g] - e[g - 1]);
            previousB = b;
        }
        return out;
    }

    /**
     * The linear sensitivity of {@link #anharmonicCorrection}: W[g][j] = dDelta_g / db_j =
     * dDelta_g / dbeta_mu,j (Delta is linear in the measured b, and b_j - beta_mu,j does not depend on
     * beta). From the trapezoid rule, with 0-based indices as in the arrays (e_0 &lt; e_1 &lt; ... the
     * sorted isosurface energies): W[0][0] = e_0; for g &gt; 0, W[g][0] = e_0 + (e_1 - e_0)/2,
     * W[g][j] = (e_{j+1} - e_{j-1})/2 for 0 &lt; j &lt; g, W[g][g] = (e_g - e_{g-1})/2, and W[g][j] = 0
     * for j &gt; g. Depends only on the isosurface energies; with independent one-sigma errors sigma_j
     * of beta_mu the variance of
     * Delta_g is sum_j (W[g][j] sigma_j)^2.
     *
     * @param c a campaign (its sorted isosurfaces and energy scale U_0 are used)
     * @return W, G x G, [g][j], in eV/atom (k_B per atom per 1/eV)
     * @throws IllegalArgumentException when an isosurface energy is not positive
     */
    public static double[][] correctionSensitivity(PhaseCampaign c) {
        double[] e = isosurfaceEnergies(c);
        int gCount = e.length;
        double[][] w = new double[gCount][gCount];
        for (int g = 0; g < gCount; g++) {
            if (g == 0) {
                w[0][0] = e[0];
                continue;
            }
            System.arraycopy(w[g - 1], 0, w[g], 0, g);
            double half = 0.5 * (e[g] - e[g - 1]);
            w[g][g - 1] += half;
            w[g][g] = half;
        }
        return w;
    }

    /** @return e_g = isosurface value x U_0 (eV/atom) per sorted isosurface, checked positive */
    private static double[] isosurfaceEnergies(PhaseCampaign c) {
        int gCount = c.isosurfaces().size();
        double[] e = new double[gCount];
        for (int g = 0; g < gCount; g++) {
            e[g] = c.isosurfaces().get(g).isosurface() * c.energyScale();
            if (!(e[g] > 0) || !Double.isFinite(e[g])) {
                throw new IllegalArgumentException("phase '" + c.name() + "': isosurface " + g + " has total energy "
                        + e[g] + " eV/atom above the lattice; the kinetic shell needs positive energies");
            }
        }
        return e;
    }
}
