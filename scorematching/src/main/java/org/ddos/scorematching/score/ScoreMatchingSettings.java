package org.ddos.scorematching.score;

/**
 * Settings of the one-dimensional score-matching fits.
 *
 * @param basis polynomial basis (default Chebyshev)
 * @param order DescriptorDOS order of the basis (default 7: Chebyshev T_1..T_6, as the reference
 *     Fe notebook uses); see {@link PolynomialBasis}
 * @param effectiveSampleFraction the fraction of histogram counts treated as independent samples
 *     when propagating sampling noise into the entropy band (default 1/3, the DescriptorDOS
 *     choice); must lie in (0, 1]
 */
public record ScoreMatchingSettings(PolynomialBasis basis, int order, double effectiveSampleFraction) {
    /** Chebyshev, order 7, effective sample fraction 1/3. */
    public static final ScoreMatchingSettings DEFAULT = new ScoreMatchingSettings(PolynomialBasis.CHEBYSHEV, 7, 1.0 / 3.0);

    /**
     * @param basis polynomial basis
     * @param order DescriptorDOS order of the basis
     * @param effectiveSampleFraction fraction of counts treated as independent, in (0, 1]
     * @throws IllegalArgumentException for a null basis, an order giving no functions, or a bad fraction
     */
    public ScoreMatchingSettings {
        if (basis == null) {
            throw new IllegalArgumentException("basis must not be null");
        }
        basis.functionCount(order);
        if (!(effectiveSampleFraction > 0 && effectiveSampleFraction <= 1)) {
            throw new IllegalArgumentException("effective sample fraction must lie in (0, 1], got " + effectiveSampleFraction);
        }
    }

    /**
     * @param newBasis the basis
     * @param newOrder the DescriptorDOS order
     * @return settings with another basis and order, same sample fraction
     */
    public ScoreMatchingSettings with(PolynomialBasis newBasis, int newOrder) {
        return new ScoreMatchingSettings(newBasis, newOrder, effectiveSampleFraction);
    }
}
