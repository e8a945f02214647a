package org.ddos.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.junit.jupiter.api.Assumptions;

/** The published Fe campaign of the D-DOS authors (bcc 128 atoms, fcc 108 atoms), learned once per JVM. */
public final class FeCampaign {
    private static Map<String, PhaseFreeEnergy> phases;

    private FeCampaign() {
    }

    /** @return the shared-data file, or skips the test with a visible message */
    public static Path file(String name) {
        Optional<Path> p = SharedDataDirectory.dataFile("descriptordos/fe/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared data not found (set DDOS_SHARED_DATA or place ../shared): skipping Fe campaign tests");
        return p.get();
    }

    /** @return "bcc" and "fcc", default score matching (Chebyshev, order 7) */
    public static synchronized Map<String, PhaseFreeEnergy> phases() {
        if (phases == null) {
            Path bcc = file("Fe_bcc_444_Hessian_single_vol.pkl");
            Path fcc = file("Fe_fcc_333_Hessian_single_vol.pkl");
            try {
                Map<String, PhaseFreeEnergy> m = new LinkedHashMap<>();
                m.put("bcc", new PhaseFreeEnergy(ScoreMatcher.fit(DescriptorDosPickleReader.read(bcc))));
                m.put("fcc", new PhaseFreeEnergy(ScoreMatcher.fit(DescriptorDosPickleReader.read(fcc))));
                phases = m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return phases;
    }

    /** @return the 55 linear coefficients of X_Fe.snapcoeff */
    public static double[] theta() {
        try {
            return SnapCoefficients.readLinear(file("X_Fe.snapcoeff")).linear(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
