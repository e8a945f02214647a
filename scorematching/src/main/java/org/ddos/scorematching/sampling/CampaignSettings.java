package org.ddos.scorematching.sampling;

import java.util.Arrays;
import java.util.Locale;
import org.ddos.descriptors.units.PhysicalConstants;

/**
 * What a sampling campaign does (names follow DescriptorDOS where it has them).
 *
 * @param isosurfaces isosurface values h / U_0 (positive, distinct; 1.0 is about 1000 K); stored sorted
 * @param strains volumetric strains: each strain e samples the lattice scaled to V = V_0 (1 + e)
 * @param samples samples per isosurface (over all shards)
 * @param pilotSamples size of the first batch that fixes the rotation and bins (&lt;= samples, &gt;= 10)
 * @param bins histogram bins per mode (DescriptorDOS: 99 bins, 100 edges)
 * @param flavor isosurface flavour
 * @param seed random seed; sample j of isosurface g of strain s is a pure function of (seed, s, g, j)
 * @param energyScale U_0 in eV/atom (default 1.5 k_B x 1000 K)
 */
public record CampaignSettings(double[] isosurfaces, double[] strains, long samples, int pilotSamples, int bins,
        IsosurfaceFlavor flavor, long seed, double energyScale) {

    /** The default U_0 = 1.5 k_B x 1000 K in eV. */
    public static final double DEFAULT_ENERGY_SCALE = 1.5 * PhysicalConstants.BOLTZMANN_EV_PER_K * 1000;

    /**
     * Copies both arrays (the isosurfaces sorted ascending, the strains in the given order).
     *
     * @param isosurfaces isosurface values h / U_0: at least 3, positive, finite and distinct
     * @param strains volumetric strains, at least one, each in (-0.5, 0.5)
     * @param samples samples per isosurface over all shards, &gt;= 10
     * @param pilotSamples pilot batch size, in [10, samples]
     * @param bins histogram bins per mode, &gt;= 3
     * @param flavor isosurface flavour (not checked)
     * @param seed random seed (any value)
     * @param energyScale U_0 in eV/atom, positive ({@link #DEFAULT_ENERGY_SCALE}; the CLI's kinetic
     *     default is twice that, 3 k_B x 1000 K, because there U_0 x value is the total energy)
     * @throws IllegalArgumentException naming the bad setting
     * @throws NullPointerException when an array is null
     */
    public CampaignSettings {
        isosurfaces = isosurfaces.clone();
        Arrays.sort(isosurfaces);
        strains = strains.clone();
        if (isosurfaces.length < 3) {
            throw new IllegalArgumentException("isosurfaces: at least 3 values needed, got " + isosurfaces.length);
        }
        double[] sorted = isosurfaces.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] > 0) || !Double.isFinite(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("isosurfaces: values must be positive, finite and distinct, got "
                        + Arrays.toString(isosurfaces));
            }
        }
        if (strains.length == 0) {
            throw new IllegalArgumentException("strains: at least one value (0 for the given volume)");
        }
        for (double e : strains) {
            if (!(e > -0.5 && e < 0.5)) {
                throw new IllegalArgumentException("strains: volumetric strain " + e + " outside (-0.5, 0.5)");
            }
        }
        if (samples < 10) {
            throw new IllegalArgumentException("samples: at least 10 per isosurface, got " + samples);
        }
        if (pilotSamples < 10 || pilotSamples > samples) {
            throw new IllegalArgumentException("pilot_samples: must lie in [10, samples], got " + pilotSamples);
        }
        if (bins < 3) {
            throw new IllegalArgumentException("bins: at least 3, got " + bins);
        }
        if (!(energyScale > 0)) {
            throw new IllegalArgumentException("U_0: must be positive, got " + energyScale);
        }
    }

    /** @return a stable text form (used in provenance and resume fingerprints) */
    public String describe() {
        return String.format(Locale.ROOT, "isosurfaces=%s strains=%s samples=%d pilot_samples=%d bins=%d flavor=%s seed=%d U_0=%s",
                Arrays.toString(isosurfaces), Arrays.toString(strains), samples, pilotSamples, bins, flavor.label(), seed,
                Double.toString(energyScale));
    }
}
