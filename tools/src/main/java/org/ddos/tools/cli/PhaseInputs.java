package org.ddos.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.PhaseEntropy;
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.scorematching.score.ScoreMatchingSettings;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that predicts from learned phases: {@code --phase NAME=FILE}
 * (repeatable), {@code --coeff}, {@code --basis}, {@code --order}.
 */
public final class PhaseInputs {
    @Option(names = "--phase", required = true, paramLabel = "NAME=FILE",
            description = "A phase: a name and its campaign file (ddos archive or DescriptorDOS pickle; format auto-detected by magic bytes). Repeatable.")
    List<String> phases = new ArrayList<>();

    @Option(names = "--coeff", required = true, paramLabel = "FILE",
            description = "Potential parameters theta: a .snapcoeff file (beta0, then the linear coefficients).")
    Path coeff;

    @Option(names = "--basis", defaultValue = "chebyshev", paramLabel = "BASIS",
            description = "Score-matching polynomial basis: chebyshev, monomial or hermite (default: ${DEFAULT-VALUE}).")
    String basis;

    @Option(names = "--order", defaultValue = "7", paramLabel = "N",
            description = "Score-matching polynomial order, DescriptorDOS convention (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--mass", paramLabel = "AMU",
            description = "Atomic mass in amu for the harmonic shell (default: the campaign's).")
    Double mass;

    /**
     * @return the score-matching settings from --basis and --order (effective sample fraction 1/3, as
     *     {@link ScoreMatchingSettings#DEFAULT})
     * @throws IllegalArgumentException naming the value for an unknown basis or an order giving no functions
     */
    public ScoreMatchingSettings settings() {
        return ScoreMatchingSettings.DEFAULT.with(PolynomialBasis.parse(basis), order);
    }

    /**
     * @return NAME -&gt; FILE in command-line order (files not opened)
     * @throws IllegalArgumentException when a --phase value is not NAME=FILE with both parts non-empty, or
     *     a name is given twice
     */
    public Map<String, Path> phaseFiles() {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String p : phases) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("--phase expects NAME=FILE, got '" + p + "'");
            }
            String name = p.substring(0, eq);
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("phase name '" + name + "' given twice");
            }
            out.put(name, Path.of(p.substring(eq + 1)));
        }
        return out;
    }

    /**
     * Reads a campaign file, auto-detecting the format.
     *
     * @param file a complete single-volume ddos archive or a DescriptorDOS campaign pickle
     * @return its campaign
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file when it is absent, unfinished, holds several
     *     strains or is neither format
     */
    public static PhaseCampaign readCampaign(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (PhaseArchives.isArchive(file)) {
            PhaseArchive a = PhaseArchives.read(file);
            if (!a.complete()) {
                throw new IllegalArgumentException(file + ": the archive is an unfinished campaign or a single shard;"
                        + " finish it or merge its shards first (ddos archive merge)");
            }
            List<PhaseCampaign> c = a.campaigns();
            if (c.size() > 1) {
                throw new IllegalArgumentException(file + ": holds " + c.size() + " strains; prediction takes one volume");
            }
            return c.get(0);
        }
        if (DescriptorDosPickleReader.looksLikePickle(file)) {
            return DescriptorDosPickleReader.read(file);
        }
        throw new IllegalArgumentException(file + ": neither a ddos phase archive nor a DescriptorDOS campaign pickle "
                + "(protocol 2-5)");
    }

    /**
     * Reads every phase file ({@link #readCampaign}) and fits its entropy by score matching
     * ({@link ScoreMatcher#fit}) with {@link #settings()}; --mass (amu), when given, replaces each
     * campaign's mass in the harmonic shell.
     *
     * @return the learned phases, in command-line order
     * @throws IOException when a phase file cannot be read
     * @throws IllegalArgumentException for a bad --phase, --basis, --order or --mass value, or a phase file
     *     refused by {@link #readCampaign} or by the fit (naming the file or value)
     */
    public Map<String, PhaseFreeEnergy> load() throws IOException {
        Map<String, PhaseFreeEnergy> out = new LinkedHashMap<>();
        ScoreMatchingSettings settings = settings();
        for (Map.Entry<String, Path> e : phaseFiles().entrySet()) {
            PhaseEntropy entropy = ScoreMatcher.fit(readCampaign(e.getValue()), settings);
            out.put(e.getKey(), mass == null ? new PhaseFreeEnergy(entropy) : new PhaseFreeEnergy(entropy, mass));
        }
        return out;
    }

    /**
     * @param descriptorCount K expected by the phases
     * @return theta, the K linear coefficients (eV per descriptor unit; beta0 dropped, LAMMPS component
     *     order) of the single element block of --coeff
     * @throws IOException when the coefficient file cannot be read
     * @throws IllegalArgumentException naming the file when it is malformed, holds more than one element
     *     block, or its coefficient count does not match K
     */
    public double[] theta(int descriptorCount) throws IOException {
        SnapCoefficients c = SnapCoefficients.readLinear(coeff);
        if (c.elementCount() != 1) {
            throw new IllegalArgumentException(coeff + ": " + c.elementCount()
                    + " elements; single-species campaigns take one element block");
        }
        double[] theta = c.linear(0);
        if (theta.length != descriptorCount) {
            throw new IllegalArgumentException(coeff + ": " + theta.length + " linear coefficients, but the campaigns have "
                    + descriptorCount + " descriptor components");
        }
        return theta;
    }
}
