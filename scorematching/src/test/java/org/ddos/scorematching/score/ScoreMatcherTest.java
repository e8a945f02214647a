package org.ddos.scorematching.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScoreMatcherTest {
    static final int N = 100;

    /** Gaussian density exp(N S) with S = -y^2/(2 N s^2): exact score -y/(N s^2), every basis is exact. */
    @ParameterizedTest
    @CsvSource({"MONOMIAL, 4", "CHEBYSHEV, 7", "HERMITE, 7", "CHEBYSHEV, 3", "MONOMIAL, 2"})
    void recoversTheScoreOfAGaussian(PolynomialBasis basis, int order) {
        double sigma = 0.02;
        DoubleUnaryOperator s = y -> -y * y / (2 * N * sigma * sigma);
        PhaseCampaign c = SyntheticCampaigns.oneMode(s, N, -4 * sigma, 4 * sigma, 99, 1_000_000_000L, null);
        PhaseEntropy e = ScoreMatcher.fit(c, ScoreMatchingSettings.DEFAULT.with(basis, order));
        for (double y = -2 * sigma; y <= 2 * sigma; y += sigma / 4) {
            double exact = -y / (N * sigma * sigma);
            double scale = 2 / (N * sigma);
            assertEquals(exact, e.score(1, 0, y), 0.01 * scale, basis + " order " + order + " at y=" + y);
        }
    }

    /** Quartic S = -(y^4/4 + y^2/2) * c: the score is cubic, exact in bases of degree >= 4. */
    @ParameterizedTest
    @CsvSource({"MONOMIAL, 4", "CHEBYSHEV, 7", "HERMITE, 7", "CHEBYSHEV, 5", "HERMITE, 5"})
    void recoversTheScoreOfAQuarticDensity(PolynomialBasis basis, int order) {
        DoubleUnaryOperator s = y -> -(y * y * y * y / 4 + y * y / 2) * 0.05;
        // bins span the sampled support, as a campaign's percentile-clipped bins do
        PhaseCampaign c = SyntheticCampaigns.oneMode(s, N, -1.6, 1.6, 99, 1_000_000_000L, null);
        PhaseEntropy e = ScoreMatcher.fit(c, ScoreMatchingSettings.DEFAULT.with(basis, order));
        // the density exp(-5 (y^4/4 + y^2/2)) carries counts out to |y| ~ 1.5 only (e^-30 at |y| = 2):
        // the score is determined where the samples are
        double scale = 0.05 * (1.25 * 1.25 * 1.25 + 1.25);
        for (double y = -1.25; y <= 1.25; y += 0.125) {
            double exact = -(y * y * y + y) * 0.05;
            assertEquals(exact, e.score(0, 0, y), 0.01 * scale, basis + " order " + order + " at y=" + y);
        }
        // the tabulated entropy is S shifted to max 0: compare differences to the peak (y = 0)
        double[] yy = e.coordinates(0);
        double[] ss = e.entropy(0);
        for (int b = 0; b < 99; b++) {
            if (Math.abs(yy[b]) > 1.25) {
                continue;
            }
            double exact = s.applyAsDouble(yy[b]) - s.applyAsDouble(0);
            assertEquals(exact, ss[b], 0.01 * Math.abs(s.applyAsDouble(1.25)) + 1e-4, "S at y=" + yy[b]);
        }
    }

    /** A quadratic-only basis cannot represent a quartic score: the fit must be visibly wrong (control). */
    @Test
    void tooLowOrderMissesTheQuarticTail() {
        DoubleUnaryOperator s = y -> -(y * y * y * y / 4 + y * y / 2) * 0.05;
        PhaseCampaign c = SyntheticCampaigns.oneMode(s, N, -1.6, 1.6, 99, 1_000_000_000L, null);
        PhaseEntropy e = ScoreMatcher.fit(c, ScoreMatchingSettings.DEFAULT.with(PolynomialBasis.MONOMIAL, 2));
        double exact = -(1.25 * 1.25 * 1.25 + 1.25) * 0.05;
        assertTrue(Math.abs(e.score(0, 0, 1.25) - exact) > 0.05 * Math.abs(exact));
    }

    /**
     * The band is a sampling uncertainty: over repeated campaigns of 2,560 samples its one-sigma
     * interval must cover the exact S(y) - S(0) at least 68% of the time (it is conservative by
     * construction, n_eff = n/3) but not always (it must not be vacuous).
     */
    @Test
    void bandCoversTheTruthAtTheRateItClaims() {
        double sigma = 0.02;
        DoubleUnaryOperator s = y -> -y * y / (2 * N * sigma * sigma);
        Random rng = new Random(7);
        int covered = 0;
        int trials = 0;
        for (int rep = 0; rep < 60; rep++) {
            PhaseCampaign c = SyntheticCampaigns.oneMode(s, N, -4 * sigma, 4 * sigma, 99, 2560, rng);
            PhaseEntropy e = ScoreMatcher.fit(c, ScoreMatchingSettings.DEFAULT);
            double[] yy = e.coordinates(0);
            double[] ss = e.entropy(0);
            double[] band = e.band(0);
            int peak = 0;
            for (int b = 0; b < 99; b++) {
                if (ss[b] == 0) {
                    peak = b;
                }
            }
            for (int b : new int[] {20, 30, 70, 80}) {
                double exact = s.applyAsDouble(yy[b]) - s.applyAsDouble(yy[peak]);
                trials++;
                if (Math.abs(ss[b] - exact) <= band[b]) {
                    covered++;
                }
            }
        }
        double rate = (double) covered / trials;
        assertTrue(rate >= 0.68 && rate < 1.0, "coverage " + rate);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreMatchingSettings(PolynomialBasis.CHEBYSHEV, 1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new ScoreMatchingSettings(PolynomialBasis.MONOMIAL, 4, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolynomialBasis.parse("legendre"));
        assertTrue(e.getMessage().contains("legendre"));
    }

    /** Derivatives from the recurrences agree with central differences of the functions. */
    @ParameterizedTest
    @CsvSource({"MONOMIAL", "CHEBYSHEV", "HERMITE"})
    void basisDerivativesMatchFiniteDifferences(PolynomialBasis basis) {
        int m = 8;
        double[] f = new double[m], df = new double[m], ddf = new double[m];
        double[] fp = new double[m], fm = new double[m], tmp1 = new double[m], tmp2 = new double[m];
        double h = 1e-5;
        for (double x = -1.7; x <= 1.7; x += 0.37) {
            basis.evaluate(x, m, f, df, ddf);
            basis.evaluate(x + h, m, fp, tmp1, tmp2);
            basis.evaluate(x - h, m, fm, tmp1, tmp2);
            for (int i = 0; i < m; i++) {
                double scale = 1 + Math.abs(df[i]);
                assertEquals((fp[i] - fm[i]) / (2 * h), df[i], 1e-6 * scale * Math.pow(3, i));
                assertEquals((fp[i] - 2 * f[i] + fm[i]) / (h * h), ddf[i], 1e-3 * (1 + Math.abs(ddf[i])) * Math.pow(3, i));
            }
        }
        // known values: T_2(x) = 2x^2 - 1, H_2(x) = 4x^2 - 2
        basis.evaluate(0.5, m, f, df, ddf);
        double expected = switch (basis) {
            case MONOMIAL -> 0.25;
            case CHEBYSHEV -> -0.5;
            case HERMITE -> -1.0;
        };
        assertEquals(expected, f[1], 1e-14);
    }
}
