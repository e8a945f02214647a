package org.ddos.thermo.freeenergy;

import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.PhaseEntropy;

/**
 * Free energies of one phase for any parameter vector theta of a linear potential
 * E = N theta . D, from its learned descriptor entropy (the D-DOS Legendre–Fenchel transform;
 * Swinburne, Lapointe &amp; Marinica, arXiv:2502.18191, eqs. for F(theta, T)).
 *
 * <p>For temperature T (beta = 1/k_B T) and each isosurface g, with t_g = R_g^T theta the
 * parameters rotated into the isosurface's covariance eigenbasis,
 * <pre>  beta F_g = sum_k min_y [beta t_gk y - S_gk(y)] + 3/2 [ln(3 hbar^2 beta / m) + L - 1 - alpha_g]</pre>
 * then beta F_g is smoothed across isosurfaces by a degree-5 least-squares polynomial (in
 * exp(alpha), exact for a harmonic crystal; see {@link IsosurfacePolynomial}) and minimised
 * continuously over alpha within the sampled range. F = theta . D_0 +
 * k_B T min_alpha. The gradient dF/dtheta = &lt;D&gt; and the entropy -dF/dT follow exactly from
 * the envelope theorem; the uncertainty is the first-order effect of the score band on the
 * minimum (kinetic campaigns carrying standard errors sigma_j of beta_mu add, in quadrature, the
 * first-order effect of that noise through the shell correction: sigma_F = k_B T sqrt(band^2 +
 * sum_j (sum_g w_g W_gj sigma_j)^2), w_g the polynomial weights at alpha*, W the sensitivity of
 * {@link KineticShell#correctionSensitivity}; the score band and the MD noise of beta_mu are
 * independent, the beta_mu errors of different isosurfaces too). The per-mode minimum uses the precomputed {@link ConcaveConjugate} (O(log B)).
 *
 * <p><b>Kinetic campaigns</b> (constant-energy MD isosurfaces carrying their microcanonical
 * temperatures): the archive's last descriptor component is the kinetic energy per atom, whose
 * coefficient is fixed to 1 (users pass theta without it), and the shell term is
 * {@link KineticShell}'s c0 - 3 alpha - Delta(alpha) (T-independent) instead of the harmonic one. Kinetic
 * campaigns without microcanonical temperatures (DescriptorDOS kinetic pickles) are refused.
 *
 * <p>Thread safety: this object is immutable and shared; each thread evaluates through its own
 * {@link Evaluator} ({@link #newEvaluator()}), which allocates nothing per call.
 */
public final class PhaseFreeEnergy {
    /** Degree of the smoothing polynomial across isosurfaces (DescriptorDOS {@code alpha_poly_order}). */
    public static final int ALPHA_POLYNOMIAL_DEGREE = 5;

    private final PhaseEntropy entropy;
    private final PhaseCampaign campaign;
    private final ConcaveConjugate conjugate;
    private final IsosurfacePolynomial polynomial;
    private final int gCount;
    private final int kCount;
    /**
     * All rotations, descriptor-major: rotationRows[j][g*K + k] = (R_g)_jk. Rotating theta is then K
     * axpy sweeps of length G*K and the gradient K dot products, over one copy of the data. One
     * array per row, not one flat block: HotSpot's auto-vectoriser (JDK 17) packs the four-row sweep
     * only when each row is its own array (the flat block's row offsets are loop invariants it
     * cannot align), which halves the rotation time.
     */
    private final double[][] rotationRows;
    /**
     * The same rotations mode-major, for the gradient: modeVectors[g*K + k][j] = (R_g)_jk, the
     * eigenvector of mode k of isosurface g. &lt;D&gt; - D_0 is then G*K vectorised axpy sweeps of
     * length K instead of K dot products (which HotSpot does not vectorise); 484 KB more per phase
     * for the Fe campaign, read only by {@link Evaluator#gradient}.
     */
    private final double[][] modeVectors;
    private final double[] d0;
    private final double mass;
    /** Kinetic campaign: last descriptor component is kappa (theta 1), shell {@link KineticShell}. */
    private final boolean kinetic;
    /** Kinetic: the anharmonic shell correction Delta_g (k_B per atom); empty otherwise. */
    private final double[] kineticCorrection;
    /**
     * Kinetic campaigns carrying standard errors sigma_j of beta_mu: the scaled sensitivities
     * W[g][j] sigma_j of {@link KineticShell#correctionSensitivity}, flat [g*G + j], over the
     * isosurfaces j with sigma_j &gt; 0 only ({@link #betaErrorCount} of them, compacted); empty otherwise.
     */
    private final double[] betaErrorSensitivity;
    /** Number of isosurfaces with a non-zero standard error of beta_mu (0: no beta_mu noise term). */
    private final int betaErrorCount;
    /** Length of theta users pass: K, or K - 1 for kinetic campaigns (kappa's coefficient is 1). */
    private final int userCount;

    /**
     * Uses the campaign's mass.
     *
     * @param entropy the learned entropy of one phase ({@code ScoreMatcher.fit})
     */
    public PhaseFreeEnergy(PhaseEntropy entropy) {
        this(entropy, entropy.campaign().mass());
    }

    /**
     * @param entropy the learned entropy of the phase
     * @param massAmu atomic mass in amu for the harmonic-shell term (DescriptorDOS lets the user
     *     override the sampled mass; classical free energies shift by -3/2 k_B T ln(m'/m))
     */
    public PhaseFreeEnergy(PhaseEntropy entropy, double massAmu) {
        if (!(massAmu > 0) || !Double.isFinite(massAmu)) {
            throw new IllegalArgumentException("mass must be positive (amu), got " + massAmu);
        }
        this.kinetic = HarmonicShell.isKinetic(entropy.campaign());
        if (kinetic && !entropy.campaign().hasMicrocanonicalBeta()) {
            HarmonicShell.requireHarmonicShell(entropy.campaign(), "the D-DOS free energy");
        }
        this.entropy = entropy;
        this.campaign = entropy.campaign();
        this.conjugate = new ConcaveConjugate(entropy);
        this.polynomial = new IsosurfacePolynomial(entropy.alphas(), ALPHA_POLYNOMIAL_DEGREE);
        this.gCount = entropy.isosurfaceCount();
        this.kCount = entropy.descriptorCount();
        int gk = gCount * kCount;
        this.rotationRows = new double[kCount][gk];
        this.modeVectors = new double[gk][kCount];
        for (int g = 0; g < gCount; g++) {
            double[] r = entropy.rotation(g);
            for (int j = 0; j < kCount; j++) {
                System.arraycopy(r, j * kCount, rotationRows[j], g * kCount, kCount);
                for (int k = 0; k < kCount; k++) {
                    modeVectors[g * kCount + k][j] = r[j * kCount + k];
                }
            }
        }
        this.d0 = campaign.latticeDescriptor();
        this.mass = massAmu;
        this.kineticCorrection = kinetic ? KineticShell.anharmonicCorrection(campaign) : new double[0];
        if (kinetic && kineticCorrection.length != gCount) {
            throw new IllegalArgumentException("phase '" + campaign.name() + "': " + kineticCorrection.length
                    + " microcanonical temperatures for " + gCount + " isosurfaces");
        }
        this.userCount = kinetic ? kCount - 1 : kCount;
        double[] betaError = kinetic ? campaign.microcanonicalBetaError() : new double[0];
        int count = 0;
        for (double x : betaError) {
            if (x > 0) {
                count++;
            }
        }
        this.betaErrorCount = count;
        this.betaErrorSensitivity = new double[gCount * count];
        if (count > 0) {
            double[][] w = KineticShell.correctionSensitivity(campaign);
            for (int g = 0; g < gCount; g++) {
                int c = 0;
                for (int j = 0; j < gCount; j++) {
                    if (betaError[j] > 0) {
                        betaErrorSensitivity[g * count + c++] = w[g][j] * betaError[j];
                    }
                }
            }
        }
    }

    /** @return the learned entropy this evaluator uses */
    public PhaseEntropy entropy() {
        return entropy;
    }

    /** @return the campaign */
    public PhaseCampaign campaign() {
        return campaign;
    }

    /**
     * @return the length of theta: K (for a kinetic campaign K is one less than the archive's
     *     descriptor components: the last, the kinetic energy per atom, has the fixed coefficient 1)
     */
    public int descriptorCount() {
        return userCount;
    }

    /** @return the sampled alpha range [min, max] */
    public double[] alphaRange() {
        double[] a = entropy.alphas();
        return new double[] {a[0], a[a.length - 1]};
    }

    /** @return a new per-thread evaluator */
    public Evaluator newEvaluator() {
        return new Evaluator();
    }

    /**
     * Convenience: one evaluation with a fresh evaluator (allocates; use an {@link Evaluator} in loops).
     *
     * @param theta length K, finite (eV per descriptor unit)
     * @param temperature T &gt; 0 in K
     * @return F (eV/atom, with theta . D_0), its uncertainty, alpha*, the unsolved flag and
     *     &lt;D&gt; = dF/dtheta (length K)
     * @throws IllegalArgumentException on a wrong length, non-finite theta, or T &lt;= 0 / non-finite
     */
    public FreeEnergyResult evaluate(double[] theta, double temperature) {
        Evaluator e = newEvaluator();
        e.setParameters(theta);
        return e.evaluate(temperature);
    }

    /**
     * Batch: every theta at every temperature, parallel over thetas.
     *
     * @param thetas M x K
     * @param temperatures length T
     * @return results [m][t]
     */
    public FreeEnergyResult[][] evaluate(double[][] thetas, double[] temperatures) {
        for (double t : temperatures) {
            checkTemperature(t);
        }
        FreeEnergyResult[][] out = new FreeEnergyResult[thetas.length][temperatures.length];
        java.util.stream.IntStream.range(0, thetas.length).parallel().forEach(new java.util.function.IntConsumer() {
            final ThreadLocal<Evaluator> local = ThreadLocal.withInitial(PhaseFreeEnergy.this::newEvaluator);

            @Override
            public void accept(int m) {
                Evaluator e = local.get();
                e.setParameters(thetas[m]);
                for (int t = 0; t < temperatures.length; t++) {
                    out[m][t] = e.evaluate(temperatures[t]);
                }
            }
        });
        return out;
    }

    /**
     * t = R^T theta for every isosurface at once: out[g*K + k] = sum_j theta_j (R_g)_jk.
     *
     * @param theta length K
     * @param out length G*K
     */
    private void rotate(double[] theta, double[] out) {
        int gk = gCount * kCount;
        java.util.Arrays.fill(out, 0, gk, 0.0);
        addCombination(rotationRows, theta, kCount, gk, out);
    }

    /**
     * out[x] += sum_i coefficients[i] vectors[i][x] for x &lt; length: four vectors per sweep (a quarter
     * of the traffic on out), each vector its own array so that HotSpot (JDK 17) vectorises the sweep.
     * Serves both the rotation (K rows of length G*K) and the gradient (G*K mode eigenvectors of
     * length K).
     *
     * @param vectors at least count arrays of at least length entries
     * @param coefficients at least count entries
     * @param count number of vectors combined
     * @param length entries of out updated
     * @param out accumulated in place
     */
    private static void addCombination(double[][] vectors, double[] coefficients, int count, int length, double[] out) {
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double c0 = coefficients[i];
            double c1 = coefficients[i + 1];
            double c2 = coefficients[i + 2];
            double c3 = coefficients[i + 3];
            double[] v0 = vectors[i];
            double[] v1 = vectors[i + 1];
            double[] v2 = vectors[i + 2];
            double[] v3 = vectors[i + 3];
            for (int x = 0; x < length; x++) {
                out[x] += c0 * v0[x] + c1 * v1[x] + c2 * v2[x] + c3 * v3[x];
            }
        }
        for (; i < count; i++) {
            double c0 = coefficients[i];
            double[] v0 = vectors[i];
            for (int x = 0; x < length; x++) {
                out[x] += c0 * v0[x];
            }
        }
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature + " K");
        }
    }

    /**
     * Reusable evaluation state: set theta once ({@link #setParameters}, which rotates it into
     * every isosurface basis), then evaluate at as many temperatures as needed. Not thread-safe.
     */
    public final class Evaluator {
        private final double[] theta = new double[kCount];
        /** t_g flat [g*K + k]. */
        private final double[] rotated = new double[gCount * kCount];
        private final int[] vertex = new int[gCount * kCount];
        private final double[] values = new double[gCount];
        private final double[] modeEntropy = new double[gCount];
        private final double[] modeBand = new double[gCount];
        private final double[] coefficients = new double[polynomial.coefficientCount()];
        private final double[] weights = new double[gCount];
        /** w_g y*_gk flat [g*K + k], the gradient's contraction vector. */
        private final double[] contraction = new double[gCount * kCount];
        private final double[] fullGradient = new double[kCount];
        private double latticeEnergy;
        private boolean ready;
        /** Whether {@link #vertex} holds the minimisers of an earlier query (warm start). */
        private boolean warm;
        // outputs of the last evaluation
        private double temperature = Double.NaN;
        private double alphaStar;
        private double vib;
        private double sigma;
        private double entropyKb;
        private boolean unsolved;

        private Evaluator() {
        }

        /**
         * @param parameters theta, length K (eV per descriptor unit)
         * @throws IllegalArgumentException on a wrong length or non-finite entry
         */
        public void setParameters(double[] parameters) {
            if (parameters == null || parameters.length != userCount) {
                throw new IllegalArgumentException("theta has length " + (parameters == null ? 0 : parameters.length)
                        + " but the phase '" + campaign.name() + "' has " + userCount + " descriptor components");
            }
            for (int j = 0; j < userCount; j++) {
                if (!Double.isFinite(parameters[j])) {
                    throw new IllegalArgumentException("theta[" + j + "] is not finite: " + parameters[j]);
                }
            }
            System.arraycopy(parameters, 0, theta, 0, userCount);
            if (kinetic) {
                theta[kCount - 1] = 1.0; // the kinetic energy enters the Hamiltonian with coefficient 1
            }
            double e0 = 0;
            for (int j = 0; j < kCount; j++) {
                e0 += theta[j] * d0[j];
            }
            latticeEnergy = e0;
            rotate(theta, rotated);
            ready = true;
            temperature = Double.NaN;
        }

        /**
         * Evaluates at temperature T; read the outputs with the getters or build a record with
         * {@link #evaluate(double)}.
         *
         * @param temperatureK T in K
         * @return F in eV/atom including the lattice energy
         * @throws IllegalArgumentException when T &lt;= 0 or not finite
         * @throws IllegalStateException when no parameters were set
         */
        public double freeEnergy(double temperatureK) {
            checkTemperature(temperatureK);
            if (!ready) {
                throw new IllegalStateException("setParameters must be called first");
            }
            double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * temperatureK;
            double beta = 1.0 / kt;
            conjugate.argminAll(rotated, beta, vertex, warm);
            warm = true;
            for (int g = 0; g < gCount; g++) {
                double sum = 0;
                double sEnt = 0;
                double sBand = 0;
                int base = g * kCount;
                for (int k = 0; k < kCount; k++) {
                    int v = vertex[base + k];
                    double s = conjugate.entropy(v);
                    sum += beta * rotated[base + k] * conjugate.y(v) - s;
                    sEnt += s;
                    sBand += conjugate.band(v);
                }
                values[g] = kinetic ? sum - kineticCorrection[g] : sum;
                modeEntropy[g] = sEnt;
                modeBand[g] = sBand;
            }
            polynomial.fit(values, coefficients);
            // the harmonic shell c0 - 3/2 alpha (kinetic: c0 - 3 alpha, Delta inside values) is added exactly
            double c0 = kinetic ? KineticShell.shellConstant(campaign, mass)
                    : HarmonicShell.shellConstant(temperatureK, mass, campaign.logMeanEigenvalue());
            double slope = kinetic ? -3.0 : -1.5;
            double alpha = polynomial.minimise(coefficients, slope);
            double betaF = polynomial.value(coefficients, c0, slope, alpha);
            polynomial.weights(alpha, weights);
            double band = 0;
            double ent = 0;
            double delta = 0;
            for (int g = 0; g < gCount; g++) {
                band += weights[g] * modeBand[g];
                ent += weights[g] * modeEntropy[g];
                if (kinetic) {
                    delta += weights[g] * kineticCorrection[g];
                }
            }
            double shell = c0 + slope * alpha - delta;
            // -dF/dT / k_B = sum_g w_g S_g - shell + 3/2 (the 3/2 from the T-dependence of the harmonic c0;
            // the kinetic shell does not depend on T)
            entropyKb = ent - shell + (kinetic ? 0 : 1.5);
            temperature = temperatureK;
            alphaStar = alpha;
            vib = kt * betaF;
            sigma = betaErrorCount == 0 ? kt * Math.abs(band) : kt * Math.sqrt(band * band + betaNoiseVariance());
            unsolved = alpha <= polynomial.alphaMin() || alpha >= polynomial.alphaMax();
            return latticeEnergy + vib;
        }

        /**
         * The variance of beta F from the noise of beta_mu at the last minimum (kinetic campaigns with
         * standard errors): values_g = sum_g - Delta_g and d(beta F)/d values_g = w_g(alpha*) (envelope
         * theorem), so d(beta F)/d beta_mu,j = -sum_g w_g W[g][j] and, for independent errors,
         * var = sum_j (sum_g w_g W[g][j] sigma_j)^2. Allocates nothing; O(G^2).
         *
         * @return the variance of beta F (dimensionless)
         */
        private double betaNoiseVariance() {
            double variance = 0;
            int count = betaErrorCount;
            for (int c = 0; c < count; c++) {
                double s = 0;
                for (int g = 0; g < gCount; g++) {
                    s += weights[g] * betaErrorSensitivity[g * count + c];
                }
                variance += s * s;
            }
            return variance;
        }

        /**
         * Evaluates at T and returns everything as a record (allocates the gradient array).
         *
         * @param temperatureK T in K
         * @return the result, as {@link PhaseFreeEnergy#evaluate(double[], double)}
         * @throws IllegalArgumentException when T &lt;= 0 or not finite
         * @throws IllegalStateException when no parameters were set
         */
        public FreeEnergyResult evaluate(double temperatureK) {
            double f = freeEnergy(temperatureK);
            double[] grad = new double[userCount];
            gradient(grad);
            return new FreeEnergyResult(temperatureK, f, vib, latticeEnergy, sigma, entropyKb,
                    alphaStar, unsolved, grad);
        }

        /**
         * Writes &lt;D&gt; = dF/dtheta of the last evaluation: D_0 + sum_g w_g(alpha*) R_g y*_g.
         *
         * @param result length {@link #descriptorCount()} (kinetic campaigns: without the kappa component,
         *     see {@link #meanKineticEnergy()})
         */
        public void gradient(double[] result) {
            if (Double.isNaN(temperature)) {
                throw new IllegalStateException("evaluate first");
            }
            double[] out = kinetic ? fullGradient : result;
            int gk = gCount * kCount;
            for (int g = 0; g < gCount; g++) {
                double w = weights[g];
                int base = g * kCount;
                for (int k = 0; k < kCount; k++) {
                    contraction[base + k] = w * conjugate.y(vertex[base + k]);
                }
            }
            System.arraycopy(d0, 0, out, 0, kCount);
            addCombination(modeVectors, contraction, gk, kCount, out);
            if (kinetic) {
                System.arraycopy(fullGradient, 0, result, 0, userCount);
            }
        }

        /** @return &lt;kappa&gt;, the mean kinetic energy per atom (eV) of the last evaluation (kinetic campaigns) */
        public double meanKineticEnergy() {
            if (!kinetic) {
                throw new IllegalStateException("not a kinetic campaign");
            }
            gradient(new double[userCount]);
            return fullGradient[kCount - 1];
        }

        /** @return theta . D_0 (eV/atom) of the current parameters */
        public double latticeEnergy() {
            return latticeEnergy;
        }

        /** @return vibrational free energy of the last evaluation (eV/atom) */
        public double vibrationalFreeEnergy() {
            return vib;
        }

        /**
         * @return one-sigma uncertainty of the last evaluation (eV/atom): k_B T |band| from the score
         *     band, or for kinetic campaigns carrying standard errors of beta_mu
         *     k_B T sqrt(band^2 + var_beta) (independent sources added in quadrature; see the class doc)
         */
        public double uncertainty() {
            return sigma;
        }

        /** @return entropy -dF/dT of the last evaluation in k_B per atom */
        public double entropy() {
            return entropyKb;
        }

        /** @return alpha* of the last evaluation */
        public double alphaStar() {
            return alphaStar;
        }

        /** @return true when the last minimum lies on the edge of the sampled range */
        public boolean unsolved() {
            return unsolved;
        }
    }
}
