package org.ddos.thermo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.junit.jupiter.api.Assumptions;

/** The published Fe campaign of the D-DOS authors (bcc 128 atoms, fcc 108 atoms), loaded once. */
public final class FeCampaigns {
    private static PhaseFreeEnergy bcc;
    private static PhaseFreeEnergy fcc;
    private static double[] theta;

    private FeCampaigns() {
    }

    static Path file(String name) {
        Optional<Path> p = SharedDataDirectory.dataFile("descriptordos/fe/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared data not found (set DDOS_SHARED_DATA or place ../shared): skipping Fe campaign tests");
        return p.get();
    }

    /** @return the bcc phase with default score matching (Chebyshev, order 7) */
    public static synchronized PhaseFreeEnergy bcc() {
        if (bcc == null) {
            bcc = load("Fe_bcc_444_Hessian_single_vol.pkl");
        }
        return bcc;
    }

    /** @return the fcc phase with default score matching */
    public static synchronized PhaseFreeEnergy fcc() {
        if (fcc == null) {
            fcc = load("Fe_fcc_333_Hessian_single_vol.pkl");
        }
        return fcc;
    }

    /** @return the 55 linear coefficients of X_Fe.snapcoeff (beta0 excluded) */
    public static synchronized double[] theta() {
        if (theta == null) {
            try {
                theta = SnapCoefficients.readLinear(file("X_Fe.snapcoeff")).linear(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return theta.clone();
    }

    /** @return the raw campaign */
    public static PhaseCampaign campaign(String name) {
        try {
            return DescriptorDosPickleReader.read(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PhaseFreeEnergy load(String name) {
        PhaseEntropy e = ScoreMatcher.fit(campaign(name));
        return new PhaseFreeEnergy(e);
    }
}
