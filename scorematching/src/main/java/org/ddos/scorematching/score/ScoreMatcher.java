package org.ddos.scorematching.score;

import java.util.List;
import java.util.stream.IntStream;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Polynomial score matching of the per-mode descriptor entropies of a campaign.
 *
 * <p>For each isosurface g and rotated mode k the coordinate y (measured from the lattice
 * descriptor) has density rho(y) = exp(N S(y)) up to normalisation, N the atom count. With
 * S(x) = sum_i c_i P_i(x) in the normalised variable x = (y - mean)/std over the bin centres, the
 * Hyvärinen objective E[(N S')^2/2 + N S''] is quadratic in c; its minimiser with the ridge of
 * DescriptorDOS is
 * <pre>  c = -(I/N + A)^-1 b,   A = N E[P' P'^T],   b = E[P'']</pre>
 * where E is the histogram average (Hyvärinen, JMLR 6, 695 (2005); Swinburne, Lapointe &amp;
 * Marinica, arXiv:2502.18191, Methods). The sampling covariance of c follows from the delta method
 * on the estimating equation g(x) = N P'(x) (P'(x).c) + P''(x):
 * Cov(c) = M^-1 Cov(g) M^-1 / n_eff with M = I/N + A and n_eff = counts x effectiveSampleFraction.
 * The band of S(y) is the standard deviation of S(y) - S(y_peak), zero at the peak, since S is
 * defined up to a constant.
 */
public final class ScoreMatcher {
    private ScoreMatcher() {
    }

    /**
     * Fits with {@link ScoreMatchingSettings#DEFAULT}.
     *
     * @param campaign the campaign of one phase (one volume)
     * @return the learned entropy of every (isosurface, mode)
     */
    public static PhaseEntropy fit(PhaseCampaign campaign) {
        return fit(campaign, ScoreMatchingSettings.DEFAULT);
    }

    /**
     * Fits every (isosurface, mode) of the campaign; isosurfaces are fitted in parallel.
     *
     * @param campaign the campaign of one phase (one volume)
     * @param settings basis, order and effective sample fraction
     * @return the learned entropy of every (isosurface, mode)
     * @throws IllegalArgumentException when a mode's histogram is empty
     */
    public static PhaseEntropy fit(PhaseCampaign campaign, ScoreMatchingSettings settings) {
        return fit(campaign, settings, true);
    }

    /**
     * As {@link #fit(PhaseCampaign, ScoreMatchingSettings)}, optionally single-threaded.
     *
     * @param campaign the campaign of one phase (one volume)
     * @param settings basis, order and effective sample fraction
     * @param parallel fit the isosurfaces on the common pool
     * @return the learned entropy of every (isosurface, mode)
     */
    public static PhaseEntropy fit(PhaseCampaign campaign, ScoreMatchingSettings settings, boolean parallel) {
        List<IsosurfaceStatistics> iso = campaign.isosurfaces();
        int gCount = iso.size();
        int k = campaign.descriptorCount();
        int bins = iso.get(0).binCount();
        for (IsosurfaceStatistics s : iso) {
            if (s.binCount() != bins) {
                throw new IllegalArgumentException("all isosurfaces must have the same number of bins");
            }
        }
        int m = settings.basis().functionCount(settings.order());
        double[][] coords = new double[gCount][k * bins];
        double[][] entropy = new double[gCount][k * bins];
        double[][] band = new double[gCount][k * bins];
        double[][] rotation = new double[gCount][k * k];
        double[][] coefficients = new double[gCount][k * m];
        double[][] normalisation = new double[gCount][2 * k];
        double[] d0 = campaign.latticeDescriptor();
        IntStream range = IntStream.range(0, gCount);
        (parallel ? range.parallel() : range).forEach(g -> {
            Workspace w = new Workspace(m, bins, campaign.atomCount(), settings);
            IsosurfaceStatistics s = iso.get(g);
            double[][] rot = s.rotation();
            double[] mean = s.mean();
            double[][] edges = s.binEdges();
            long[][] counts = s.counts();
            for (int j = 0; j < k; j++) {
                System.arraycopy(rot[j], 0, rotation[g], j * k, k);
            }
            for (int mode = 0; mode < k; mode++) {
                double muRot = 0;
                double d0Rot = 0;
                for (int j = 0; j < k; j++) {
                    muRot += mean[j] * rot[j][mode];
                    d0Rot += d0[j] * rot[j][mode];
                }
                for (int b = 0; b < bins; b++) {
                    coords[g][mode * bins + b] = 0.5 * (edges[mode][b] + edges[mode][b + 1]) + muRot - d0Rot;
                }
                try {
                    w.fitMode(coords[g], mode * bins, counts[mode], entropy[g], band[g], coefficients[g], mode * m,
                            normalisation[g], 2 * mode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("isosurface " + g + ", mode " + mode + ": " + e.getMessage(), e);
                }
            }
        });
        return new PhaseEntropy(campaign, settings, coords, entropy, band, rotation, coefficients, normalisation);
    }

    /** Per-thread buffers of one fit: nothing is allocated per mode. */
    private static final class Workspace {
        final int m;
        final int bins;
        final double atoms;
        final PolynomialBasis basis;
        final double fraction;
        final double[] f;
        final double[][] phi;
        final double[][] dphi;
        final double[][] ddphi;
        final double[] rho;
        final DMatrixRMaj matrix;
        final DMatrixRMaj rhs;
        final DMatrixRMaj solution;
        final DMatrixRMaj inverse;
        final DMatrixRMaj covG;
        final DMatrixRMaj tmp;
        final DMatrixRMaj covC;
        final double[] gvec;
        final double[] gmean;
        final LinearSolverDense<DMatrixRMaj> solver;

        Workspace(int m, int bins, int atoms, ScoreMatchingSettings settings) {
            this.m = m;
            this.bins = bins;
            this.atoms = atoms;
            this.basis = settings.basis();
            this.fraction = settings.effectiveSampleFraction();
            f = new double[m];
            phi = new double[bins][m];
            dphi = new double[bins][m];
            ddphi = new double[bins][m];
            rho = new double[bins];
            matrix = new DMatrixRMaj(m, m);
            rhs = new DMatrixRMaj(m, 1);
            solution = new DMatrixRMaj(m, 1);
            inverse = new DMatrixRMaj(m, m);
            covG = new DMatrixRMaj(m, m);
            tmp = new DMatrixRMaj(m, m);
            covC = new DMatrixRMaj(m, m);
            gvec = new double[m];
            gmean = new double[m];
            solver = LinearSolverFactory_DDRM.symmPosDef(m);
        }

        void fitMode(double[] y, int yOff, long[] counts, double[] sOut, double[] bandOut, double[] cOut, int cOff,
                double[] norm, int nOff) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            if (total <= 0) {
                throw new IllegalArgumentException("empty histogram");
            }
            double mean = 0;
            for (int b = 0; b < bins; b++) {
                mean += y[yOff + b];
            }
            mean /= bins;
            double var = 0;
            for (int b = 0; b < bins; b++) {
                double d = y[yOff + b] - mean;
                var += d * d;
            }
            double std = Math.sqrt(var / bins);
            norm[nOff] = mean;
            norm[nOff + 1] = std;
            for (int b = 0; b < bins; b++) {
                rho[b] = (double) counts[b] / total;
                basis.evaluate((y[yOff + b] - mean) / std, m, phi[b], dphi[b], ddphi[b]);
            }
            // M = I/N + N E[P'P'^T], rhs = -E[P'']
            double[] md = matrix.data;
            java.util.Arrays.fill(md, 0);
            java.util.Arrays.fill(rhs.data, 0);
            for (int b = 0; b < bins; b++) {
                double r = rho[b];
                if (r == 0) {
                    continue;
                }
                double[] d1 = dphi[b];
                for (int i = 0; i < m; i++) {
                    double ri = r * d1[i] * atoms;
                    for (int j = 0; j < m; j++) {
                        md[i * m + j] += ri * d1[j];
                    }
                    rhs.data[i] -= r * ddphi[b][i];
                }
            }
            for (int i = 0; i < m; i++) {
                md[i * m + i] += 1.0 / atoms;
            }
            if (!solver.setA(matrix)) {
                throw new IllegalArgumentException("score-matching matrix is not positive definite");
            }
            solver.solve(rhs, solution);
            solver.invert(inverse);
            double[] c = solution.data;
            System.arraycopy(c, 0, cOut, cOff, m);
            // covariance of the estimating function g(x) = N P'(x)(P'(x).c) + P''(x)
            java.util.Arrays.fill(gmean, 0);
            java.util.Arrays.fill(covG.data, 0);
            for (int b = 0; b < bins; b++) {
                double r = rho[b];
                if (r == 0) {
                    continue;
                }
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += dphi[b][i] * c[i];
                }
                for (int i = 0; i < m; i++) {
                    gvec[i] = atoms * dphi[b][i] * dot + ddphi[b][i];
                    gmean[i] += r * gvec[i];
                }
                for (int i = 0; i < m; i++) {
                    double ri = r * gvec[i];
                    for (int j = 0; j < m; j++) {
                        covG.data[i * m + j] += ri * gvec[j];
                    }
                }
            }
            double nEff = total * fraction;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    covG.data[i * m + j] = (covG.data[i * m + j] - gmean[i] * gmean[j]) / nEff;
                }
            }
            org.ejml.dense.row.CommonOps_DDRM.mult(inverse, covG, tmp);
            org.ejml.dense.row.CommonOps_DDRM.mult(tmp, inverse, covC);
            // S at bin centres, peak, band relative to the peak
            int peak = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < bins; b++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += c[i] * phi[b][i];
                }
                sOut[yOff + b] = s;
                if (s > best) {
                    best = s;
                    peak = b;
                }
            }
            double[] cc = covC.data;
            for (int b = 0; b < bins; b++) {
                sOut[yOff + b] -= best;
                for (int i = 0; i < m; i++) {
                    f[i] = phi[b][i] - phi[peak][i];
                }
                double v = 0;
                for (int i = 0; i < m; i++) {
                    double row = 0;
                    for (int j = 0; j < m; j++) {
                        row += cc[i * m + j] * f[j];
                    }
                    v += f[i] * row;
                }
                bandOut[yOff + b] = Math.sqrt(Math.max(v, 0));
            }
        }
    }
}
