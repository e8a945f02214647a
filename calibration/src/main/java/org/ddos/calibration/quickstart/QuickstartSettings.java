package org.ddos.calibration.quickstart;

import java.util.Arrays;
import org.ddos.descriptors.sma.CleriRosato;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.scorematching.sampling.CampaignSettings;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * Everything the built-in end-to-end example does (see {@link Quickstart} and docs/quickstart.md):
 * the metal, the two cells, the sampling campaign, the temperature grid, the fine-tuning target
 * and the uncertainty-propagation ensemble.
 *
 * @param metal the published parameter set (Cleri and Rosato 1993)
 * @param r0 reference distance r0 in Å (the set's nearest-neighbour distance)
 * @param fccRepeats fcc supercell of the conventional cubic cell, n x n x n (4 n^3 atoms)
 * @param hcpRepeats hcp supercell of the hexagonal cell {n1, n2, n3} (2 n1 n2 n3 atoms)
 * @param isosurfaces isosurface values h / U_0, ascending
 * @param samples samples per isosurface
 * @param pilotSamples pilot samples per isosurface (fix the rotation and bins)
 * @param bins histogram bins per mode
 * @param seed sampling seed
 * @param neighborSkin skin in Å of the lattice-anchored neighbour lists of the descriptor
 * @param scoreOrder score-matching polynomial order (Chebyshev basis)
 * @param tMin lowest temperature of the grid (K)
 * @param tMax highest temperature of the grid (K)
 * @param gridPoints temperatures on the grid (inclusive)
 * @param targetTc fine-tuning target for T_c(fcc -&gt; hcp) in K
 * @param ridge ridge strength r of r |theta - theta_0|^2 (the {@code ddos tune} default)
 * @param maxIterations Levenberg-Marquardt iteration cap (the {@code ddos tune} default, 50)
 * @param relativeSigma one-sigma relative uncertainty of A and xi for the propagation ensemble
 * @param members ensemble size
 * @param ensembleSeed seed of the Gaussian ensemble
 * @param threads sampling and Hessian threads (the archive does not depend on it)
 */
public record QuickstartSettings(CleriRosato metal, double r0, int fccRepeats, int[] hcpRepeats, double[] isosurfaces,
        long samples, int pilotSamples, int bins, long seed, double neighborSkin, int scoreOrder, double tMin, double tMax,
        int gridPoints, double targetTc, double ridge, int maxIterations, double relativeSigma, int members,
        long ensembleSeed, int threads) {

    /**
     * Hcp Mg: the in-plane lattice constant a = 3.21 Å of Ashcroft and Mermin (as tabulated in ASE,
     * {@code ase/data/__init__.py} reference states), used as r0 for the Cleri–Rosato Mg set.
     */
    public static final double MG_R0 = 3.21;

    /**
     * @param metal the published parameter set (Cleri and Rosato 1993)
     * @param r0 reference distance r0 in Å (the set's nearest-neighbour distance)
     * @param fccRepeats fcc supercell of the conventional cubic cell, n x n x n (4 n^3 atoms)
     * @param hcpRepeats hcp supercell of the hexagonal cell {n1, n2, n3} (2 n1 n2 n3 atoms)
     * @param isosurfaces isosurface values h / U_0, ascending
     * @param samples samples per isosurface
     * @param pilotSamples pilot samples per isosurface (fix the rotation and bins)
     * @param bins histogram bins per mode
     * @param seed sampling seed
     * @param neighborSkin skin in Å of the lattice-anchored neighbour lists of the descriptor
     * @param scoreOrder score-matching polynomial order (Chebyshev basis)
     * @param tMin lowest temperature of the grid (K)
     * @param tMax highest temperature of the grid (K)
     * @param gridPoints temperatures on the grid (inclusive)
     * @param targetTc fine-tuning target for T_c(fcc -&gt; hcp) in K
     * @param ridge ridge strength r of r |theta - theta_0|^2 (the {@code ddos tune} default)
     * @param maxIterations Levenberg-Marquardt iteration cap (the {@code ddos tune} default, 50)
     * @param relativeSigma one-sigma relative uncertainty of A and xi for the propagation ensemble
     * @param members ensemble size
     * @param ensembleSeed seed of the Gaussian ensemble
     * @param threads sampling and Hessian threads (the archive does not depend on it)
     * @throws IllegalArgumentException naming the bad setting
     */
    public QuickstartSettings {
        if (!(r0 > 0)) {
            throw new IllegalArgumentException("r0 must be positive, got " + r0 + " Å");
        }
        if (fccRepeats < 1 || hcpRepeats.length != 3 || Arrays.stream(hcpRepeats).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("supercell repeats must be at least 1");
        }
        if (!(tMin > 0) || !(tMax > tMin) || gridPoints < 3) {
            throw new IllegalArgumentException("temperature grid must satisfy 0 < tMin < tMax with >= 3 points");
        }
        if (!(targetTc > tMin && targetTc < tMax)) {
            throw new IllegalArgumentException("target T_c " + targetTc + " K lies outside " + tMin + " .. " + tMax + " K");
        }
        if (!(relativeSigma > 0) || members < 2 || threads < 1 || scoreOrder < 1) {
            throw new IllegalArgumentException("need relativeSigma > 0, members >= 2, threads >= 1 and scoreOrder >= 1");
        }
        hcpRepeats = hcpRepeats.clone();
        isosurfaces = isosurfaces.clone();
        // the campaign settings validate the sampling part
        new CampaignSettings(isosurfaces, new double[] {0.0}, samples, pilotSamples, bins, IsosurfaceFlavor.HESSIAN, seed,
                CampaignSettings.DEFAULT_ENERGY_SCALE);
    }

    /**
     * The default run (about 140 CPU-seconds: about 1.5 minutes on two free cores, docs/quickstart.md): Mg, fcc 3x3x3 (108 atoms) and hcp
     * 4x4x3 (96 atoms), 20 log-spaced isosurfaces from 0.03 to 2.0 (about 30 to 2000 K) with 4000
     * samples each after a 2000-sample pilot batch (a 200-sample pilot fixed the rotation of the two
     * strongly correlated second-moment descriptors too noisily: T_c moved by hundreds of kelvin with
     * the seed), T from 100 to 850 K (25 K steps).
     *
     * @param threads sampling threads
     * @return the settings
     */
    public static QuickstartSettings full(int threads) {
        return new QuickstartSettings(CleriRosato.MG, MG_R0, 3, new int[] {4, 4, 3}, logSpaced(0.03, 2.0, 20), 4000, 2000, 99,
                1, 3.0, 4, 100, 850, 31, 500, 5, 50, 0.02, 2000, 1, threads);
    }

    /**
     * The smoke version (about 15 CPU-seconds): the same system with 10 isosurfaces of 400 samples.
     *
     * @param threads sampling threads
     * @return the settings
     */
    public static QuickstartSettings quick(int threads) {
        return new QuickstartSettings(CleriRosato.MG, MG_R0, 3, new int[] {4, 4, 3}, logSpaced(0.03, 2.0, 10), 400, 100, 99,
                1, 3.0, 4, 100, 850, 16, 500, 5, 50, 0.02, 200, 1, threads);
    }

    /**
     * @param newSeed the sampling seed
     * @return a copy with another sampling seed (the campaign is a different random realisation)
     */
    public QuickstartSettings withSeed(long newSeed) {
        return new QuickstartSettings(metal, r0, fccRepeats, hcpRepeats, isosurfaces, samples, pilotSamples, bins, newSeed,
                neighborSkin, scoreOrder, tMin, tMax, gridPoints, targetTc, ridge, maxIterations, relativeSigma, members,
                ensembleSeed, threads);
    }

    /**
     * @param lo first value, positive
     * @param hi last value, above lo
     * @param n number of values, at least 2
     * @return n values from lo to hi, equally spaced in ln
     */
    public static double[] logSpaced(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? hi : lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return v;
    }

    /** @return the pair parameters (fifth-neighbour cutoff, see {@link CleriRosato}) */
    public SmaPairParameters pair() {
        return metal.withFifthNeighbourCutoff(r0);
    }

    /** @return the sampling campaign settings (one volume) */
    public CampaignSettings campaign() {
        return new CampaignSettings(isosurfaces, new double[] {0.0}, samples, pilotSamples, bins, IsosurfaceFlavor.HESSIAN,
                seed, CampaignSettings.DEFAULT_ENERGY_SCALE);
    }

    /** @return the score-matching settings (Chebyshev basis of {@link #scoreOrder}) */
    public ScoreMatchingSettings scoreMatching() {
        return ScoreMatchingSettings.DEFAULT.with(PolynomialBasis.CHEBYSHEV, scoreOrder);
    }

    /** @return the temperature grid in K, gridPoints values from tMin to tMax */
    public double[] temperatures() {
        double[] t = new double[gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            t[i] = tMin + (tMax - tMin) * i / (gridPoints - 1);
        }
        return t;
    }
}
