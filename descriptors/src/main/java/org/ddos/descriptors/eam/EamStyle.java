package org.ddos.descriptors.eam;

import java.util.Locale;

/**
 * The two LAMMPS tabulated-EAM file layouts this package reads (LAMMPS documentation of
 * {@code pair_style eam}): the DYNAMO {@code setfl} file of {@code eam/alloy} (one density
 * function rho_I(r) per element) and the Finnis–Sinclair file of {@code eam/fs} (per element I,
 * Nelements density functions rho_IJ(r)). For a single element the two layouts are identical.
 */
public enum EamStyle {
    /** {@code pair_style eam/alloy}: setfl, one rho(r) table per element. */
    ALLOY("eam/alloy"),
    /** {@code pair_style eam/fs}: per element I the tables rho_IJ(r), J = 1 .. Nelements. */
    FS("eam/fs");

    private final String pairStyle;

    EamStyle(String pairStyle) {
        this.pairStyle = pairStyle;
    }

    /** @return the LAMMPS pair style name, {@code eam/alloy} or {@code eam/fs} */
    public String pairStyle() {
        return pairStyle;
    }

    /**
     * @param text "alloy", "eam/alloy", "setfl", "fs" or "eam/fs" (case-insensitive)
     * @return the style
     * @throws IllegalArgumentException for anything else
     */
    public static EamStyle parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "alloy", "eam/alloy", "setfl" -> ALLOY;
            case "fs", "eam/fs" -> FS;
            default -> throw new IllegalArgumentException("unknown EAM style '" + text + "'; expected alloy (eam/alloy, setfl) or fs (eam/fs)");
        };
    }

    /**
     * The style LAMMPS's potential library signals by the file suffix: {@code *.fs} (e.g.
     * {@code Fe_mm.eam.fs}) is eam/fs, anything else eam/alloy ({@code *.eam.alloy}, {@code *.setfl}).
     *
     * @param fileName the file name
     * @return FS for a name ending in ".fs" (case-insensitive), else ALLOY
     */
    public static EamStyle fromFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".fs") ? FS : ALLOY;
    }
}
