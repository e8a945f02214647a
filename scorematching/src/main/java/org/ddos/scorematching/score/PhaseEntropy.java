package org.ddos.scorematching.score;

import org.ddos.scorematching.campaign.PhaseCampaign;

/**
 * The learned descriptor entropy of one phase: for every isosurface g and rotated descriptor mode
 * k, the per-atom entropy S_gk(y) = (1/N) ln rho(y) of the mode's coordinate y (measured from the
 * lattice, y = (D - D_0) . w_gk), tabulated on the histogram bin centres, shifted so that its
 * maximum is 0, with a one-sigma sampling band. Produced by {@link ScoreMatcher}.
 *
 * <p>Flat layouts (G isosurfaces, K modes, B bins, m basis functions):
 * <ul>
 *   <li>{@code coordinates(g)[k*B + b]}: y at bin centre b of mode k (descriptor units)</li>
 *   <li>{@code entropy(g)[k*B + b]}: S at that y (dimensionless, per atom), max over b is 0</li>
 *   <li>{@code band(g)[k*B + b]}: one standard deviation of S(y) - S(y_peak)</li>
 *   <li>{@code rotation(g)[j*K + k]}: component j of eigenvector k</li>
 *   <li>{@code coefficients(g)[k*m + i]}: coefficient of basis function i in the normalised
 *       variable x = (y - shift)/scale, with {@code normalisation(g)[2k] = shift},
 *       {@code normalisation(g)[2k+1] = scale}</li>
 * </ul>
 * Accessors return the internal arrays for speed: callers must not modify them.
 */
public final class PhaseEntropy {
    private final PhaseCampaign campaign;
    private final ScoreMatchingSettings settings;
    private final double[][] coordinates;
    private final double[][] entropy;
    private final double[][] band;
    private final double[][] rotation;
    private final double[][] coefficients;
    private final double[][] normalisation;
    private final double[] alphas;

    PhaseEntropy(PhaseCampaign campaign, ScoreMatchingSettings settings, double[][] coordinates, double[][] entropy,
            double[][] band, double[][] rotation, double[][] coefficients, double[][] normalisation) {
        this.campaign = campaign;
        this.settings = settings;
        this.coordinates = coordinates;
        this.entropy = entropy;
        this.band = band;
        this.rotation = rotation;
        this.coefficients = coefficients;
        this.normalisation = normalisation;
        this.alphas = new double[campaign.isosurfaceCount()];
        for (int g = 0; g < alphas.length; g++) {
            alphas[g] = campaign.alpha(g);
        }
    }

    /** @return the campaign the entropy was learned from */
    public PhaseCampaign campaign() {
        return campaign;
    }

    /** @return the score-matching settings used */
    public ScoreMatchingSettings settings() {
        return settings;
    }

    /** @return G */
    public int isosurfaceCount() {
        return entropy.length;
    }

    /** @return K */
    public int descriptorCount() {
        return campaign.descriptorCount();
    }

    /** @return B */
    public int binCount() {
        return entropy[0].length / descriptorCount();
    }

    /** @return the isosurface variables alpha_g, increasing (internal array) */
    public double[] alphas() {
        return alphas;
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G (sorted order, as {@link #alphas})
     * @return y at bin centres of isosurface g, flat [k*B + b] (internal array)
     */
    public double[] coordinates(int g) {
        return coordinates[g];
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G (sorted order, as {@link #alphas})
     * @return S at bin centres of isosurface g, flat [k*B + b] (internal array)
     */
    public double[] entropy(int g) {
        return entropy[g];
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G (sorted order, as {@link #alphas})
     * @return one-sigma band of S of isosurface g, flat [k*B + b] (internal array)
     */
    public double[] band(int g) {
        return band[g];
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G (sorted order, as {@link #alphas})
     * @return rotation of isosurface g, flat [j*K + k], columns are eigenvectors (internal array)
     */
    public double[] rotation(int g) {
        return rotation[g];
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G (sorted order, as {@link #alphas})
     * @return fitted coefficients of isosurface g, flat [k*m + i] (internal array)
     */
    public double[] coefficients(int g) {
        return coefficients[g];
    }

    /**
     * Evaluates the fitted entropy of mode k on isosurface g at any y (not shifted to max 0):
     * sum_i c_i f_i((y - shift_k) / scale_k) with the settings' basis f_i. The score dS/dy is
     * {@link #score}. Allocates three small work arrays per call (not for hot loops).
     *
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @param k rotated mode index, 0 &lt;= k &lt; K
     * @param y mode coordinate measured from the lattice (descriptor units)
     * @return the fitted S_gk(y), dimensionless per atom, without the max-0 shift of
     *     {@link #entropy(int)}
     */
    public double entropyAt(int g, int k, double y) {
        int m = settings.basis().functionCount(settings.order());
        double[] f = new double[m];
        double[] df = new double[m];
        double[] ddf = new double[m];
        double x = (y - normalisation[g][2 * k]) / normalisation[g][2 * k + 1];
        settings.basis().evaluate(x, m, f, df, ddf);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += coefficients[g][k * m + i] * f[i];
        }
        return s;
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @param k rotated mode index, 0 &lt;= k &lt; K
     * @param y mode coordinate measured from the lattice (descriptor units)
     * @return the fitted score dS/dy of mode k on isosurface g at y (per atom, 1/descriptor unit)
     */
    public double score(int g, int k, double y) {
        int m = settings.basis().functionCount(settings.order());
        double[] f = new double[m];
        double[] df = new double[m];
        double[] ddf = new double[m];
        double scale = normalisation[g][2 * k + 1];
        double x = (y - normalisation[g][2 * k]) / scale;
        settings.basis().evaluate(x, m, f, df, ddf);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += coefficients[g][k * m + i] * df[i];
        }
        return s / scale;
    }
}
