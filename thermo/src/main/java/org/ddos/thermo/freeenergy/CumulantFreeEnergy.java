package org.ddos.thermo.freeenergy;

import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.PhaseEntropy;

/**
 * An independent free-energy estimate from the same histograms: the cumulant expansion of
 * (1/N) ln E[exp(-N beta t y)] per isosurface and mode,
 * <pre>  beta F_g = sum_k [ beta t k1 - (beta t)^2 k2/2 + (beta t)^3 k3/6 - (beta t)^4 k4/24 ] - S_shell(alpha_g)</pre>
 * with N-scaled cumulants k1 = &lt;y&gt;, k2 = N var, k3 = N^2 kappa_3, k4 = N^3 kappa_4 of the
 * histogram of mode k (DescriptorDOS {@code cumulant_free_energy}), smoothed and minimised over
 * alpha exactly as {@link PhaseFreeEnergy} does. Second order (Gaussian) or fourth order.
 *
 * <p>Its uncertainty combines the statistical error of the cumulants (standard errors of the
 * first two sample cumulants with n_eff = counts x the score-matching sample fraction,
 * independent across modes and isosurfaces) and the truncation error, estimated as the
 * difference between the fourth- and second-order results.
 */
public final class CumulantFreeEnergy {
    private final PhaseCampaign campaign;
    private final IsosurfacePolynomial polynomial;
    private final int gCount;
    private final int kCount;
    private final double[][] rotation;
    /** cumulants [g][4*k + c]. */
    private final double[][] cumulants;
    /** effective sample counts [g][k]. */
    private final double[][] samples;

    /**
     * Builds the cumulants of every (isosurface, mode) of a learned phase.
     *
     * @param entropy the learned phase (its campaign supplies the histograms and the rotations)
     * @throws IllegalArgumentException when the campaign is kinetic
     *     ({@link HarmonicShell#requireHarmonicShell})
     */
    public CumulantFreeEnergy(PhaseEntropy entropy) {
        this.campaign = entropy.campaign();
        HarmonicShell.requireHarmonicShell(campaign, "the cumulant estimator");
        this.gCount = entropy.isosurfaceCount();
        this.kCount = entropy.descriptorCount();
        this.polynomial = new IsosurfacePolynomial(entropy.alphas(), PhaseFreeEnergy.ALPHA_POLYNOMIAL_DEGREE);
        this.rotation = new double[gCount][];
        this.cumulants = new double[gCount][4 * kCount];
        this.samples = new double[gCount][kCount];
        int bins = entropy.binCount();
        double n = campaign.atomCount();
        double fraction = entropy.settings().effectiveSampleFraction();
        for (int g = 0; g < gCount; g++) {
            rotation[g] = entropy.rotation(g);
            IsosurfaceStatistics iso = campaign.isosurfaces().get(g);
            long[][] counts = iso.counts();
            double[] y = entropy.coordinates(g);
            for (int k = 0; k < kCount; k++) {
                double total = 0;
                double mean = 0;
                for (int b = 0; b < bins; b++) {
                    total += counts[k][b];
                    mean += counts[k][b] * y[k * bins + b];
                }
                mean /= total;
                double m2 = 0;
                double m3 = 0;
                double m4 = 0;
                for (int b = 0; b < bins; b++) {
                    double d = y[k * bins + b] - mean;
                    double w = counts[k][b] / total;
                    m2 += w * d * d;
                    m3 += w * d * d * d;
                    m4 += w * d * d * d * d;
                }
                cumulants[g][4 * k] = mean;
                cumulants[g][4 * k + 1] = n * m2;
                cumulants[g][4 * k + 2] = n * n * m3;
                cumulants[g][4 * k + 3] = n * n * n * (m4 - 3 * m2 * m2);
                samples[g][k] = total * fraction;
            }
        }
    }

    /**
     * @param theta length K
     * @param temperature T &gt; 0 (K)
     * @param fourthOrder true for the fourth-order expansion, false for the second-order (Gaussian)
     *     one; the fourth order diverges at low temperature, where (beta t)^4 N^3 kappa_4 grows, so the
     *     second order is the better default and the difference between them is the truncation error
     * @return F in eV/atom (including theta . D_0), its uncertainty, alpha* and the unsolved flag;
     *     the gradient is not computed (meanDescriptor is null) and entropy is NaN
     */
    public FreeEnergyResult evaluate(double[] theta, double temperature, boolean fourthOrder) {
        PhaseFreeEnergy.checkTemperature(temperature);
        if (theta.length != kCount) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", expected " + kCount);
        }
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("theta contains a non-finite value: " + t);
            }
        }
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperature;
        double beta = 1 / kt;
        double[] second = new double[gCount];
        double[] fourth = new double[gCount];
        double[] variance = new double[gCount];
        double atoms = campaign.atomCount();
        for (int g = 0; g < gCount; g++) {
            double s2 = 0;
            double s4 = 0;
            double var = 0;
            for (int k = 0; k < kCount; k++) {
                double t = 0;
                for (int j = 0; j < kCount; j++) {
                    t += theta[j] * rotation[g][j * kCount + k];
                }
                double x = beta * t;
                double[] c = cumulants[g];
                double term2 = x * c[4 * k] - x * x * c[4 * k + 1] / 2;
                s2 += term2;
                s4 += term2 + x * x * x * c[4 * k + 2] / 6 - x * x * x * x * c[4 * k + 3] / 24;
                double nEff = samples[g][k];
                double k2 = c[4 * k + 1];
                // standard errors: mean sqrt(var/n) with var = k2/N; N var: k2 sqrt(2/n)
                double e1 = x * Math.sqrt(k2 / atoms / nEff);
                double e2 = x * x * k2 * Math.sqrt(2 / nEff) / 2;
                var += e1 * e1 + e2 * e2;
            }
            second[g] = s2;
            fourth[g] = s4;
            variance[g] = var;
        }
        double c0 = HarmonicShell.shellConstant(temperature, campaign.mass(), campaign.logMeanEigenvalue());
        double[] r2 = minimum(second, c0);
        double[] r4 = minimum(fourth, c0);
        double[] main = fourthOrder ? r4 : r2;
        double[] w = new double[gCount];
        polynomial.weights(main[1], w);
        double statistical = 0;
        for (int g = 0; g < gCount; g++) {
            statistical += w[g] * w[g] * variance[g];
        }
        double truncation = kt * Math.abs(r4[0] - r2[0]);
        double sigma = Math.sqrt(kt * kt * statistical + truncation * truncation);
        double e0 = campaign.latticeEnergy(theta);
        double f = e0 + kt * main[0];
        boolean unsolved = main[1] <= polynomial.alphaMin() || main[1] >= polynomial.alphaMax();
        return new FreeEnergyResult(temperature, f, kt * main[0], e0, sigma, Double.NaN, main[1], unsolved, null);
    }

    /** @return {min beta F, alpha*} of the smoothed profile */
    private double[] minimum(double[] values, double c0) {
        double[] c = new double[polynomial.coefficientCount()];
        polynomial.fit(values, c);
        double alpha = polynomial.minimise(c, -1.5);
        return new double[] {polynomial.value(c, c0, -1.5, alpha), alpha};
    }
}
