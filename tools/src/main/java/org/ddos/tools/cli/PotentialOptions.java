package org.ddos.tools.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.sma.SmaPotential;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import picocli.CommandLine.Option;

/**
 * The potential of {@code ddos ti} and {@code ddos validate}: SNAP ({@code --snapparam} and
 * {@code --coeff}, the conventions of {@code ddos descriptors}) or second moment ({@code --sma}, a
 * LoDiS {@code .pot} file).
 */
public final class PotentialOptions {
    @Option(names = "--snapparam", paramLabel = "FILE", description = "SNAP hyper-parameters (.snapparam).")
    Path snapparam;

    @Option(names = "--coeff", paramLabel = "FILE", description = "SNAP coefficients (.snapcoeff): beta0 and the linear coefficients theta.")
    Path coeff;

    @Option(names = "--map", split = ",", paramLabel = "X1,X2",
            description = "Coefficient element name for each structure species (default: by symbol, or the single element of a one-element .snapcoeff).")
    List<String> map = new ArrayList<>();

    @Option(names = "--sma", paramLabel = "FILE",
            description = "Second-moment (TB-SMA/RGL) potential: a LoDiS .pot file with radii and cutoffs (instead of SNAP).")
    Path sma;

    /**
     * A potential and, when it is linear in descriptors for one species, its parameters.
     *
     * @param potential for energies and forces
     * @param element the chemical symbol the structure's single species must carry (SMA), or null (SNAP maps any)
     * @param theta the linear coefficients (null when the potential is not linear)
     * @param beta0 the constant per-atom energy not in theta . D (eV)
     * @param description for reports
     */
    record Choice(Potential potential, String element, double[] theta, double beta0, String description) {
        LinearPotential linear() {
            return potential instanceof LinearPotential lp ? lp : null;
        }
    }

    boolean isSma() {
        return sma != null;
    }

    /**
     * @param speciesCount species in the structure (for the SNAP mapping)
     * @param snapparamFallback used when --snapparam is absent (may be null)
     * @throws IllegalArgumentException when the options do not name exactly one potential
     */
    Choice load(int speciesCount, Path snapparamFallback) throws IOException {
        if (sma != null) {
            if (coeff != null || snapparam != null) {
                throw new IllegalArgumentException("give either --sma or --snapparam/--coeff, not both");
            }
            LodisPotentialFile f = LodisPotentialFile.read(sma);
            SmaParameters p = f.toParameters();
            if (f.pureMetal()) {
                SmaLinearPotential lp = new SmaLinearPotential(f.elements()[0], p.pair(0, 0));
                return new Choice(lp, f.elements()[0], lp.coefficients(), 0.0, "second moment " + sma.getFileName());
            }
            return new Choice(new SmaPotential(p), null, null, 0.0, "second moment " + sma.getFileName());
        }
        if (coeff == null) {
            throw new IllegalArgumentException("no potential: give --snapparam and --coeff (SNAP) or --sma FILE.pot");
        }
        Path param = snapparam != null ? snapparam : snapparamFallback;
        if (param == null) {
            throw new IllegalArgumentException("--snapparam is required with --coeff");
        }
        SnapParameters sp = SnapParameters.read(param);
        SnapCoefficients sc = SnapCoefficients.read(coeff, sp);
        SnapPotential pot;
        if (!map.isEmpty()) {
            if (map.size() != speciesCount) {
                throw new IllegalArgumentException("--map has " + map.size() + " names, the structure has " + speciesCount + " species");
            }
            pot = new SnapPotential(sp, sc, map.toArray(String[]::new));
        } else if (sc.elementCount() == 1) {
            pot = new SnapPotential(sp, sc, filled(speciesCount, sc.elements()[0]));
        } else {
            pot = new SnapPotential(sp, sc);
        }
        double[] theta = sc.elementCount() == 1 && !sp.quadraticFlag() ? sc.linear(0) : null;
        double beta0 = sc.elementCount() == 1 ? sc.beta0(0) : 0.0;
        return new Choice(pot, null, theta, beta0, "SNAP " + param.getFileName() + " + " + coeff.getFileName());
    }

    private static String[] filled(int n, String v) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
