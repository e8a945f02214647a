package org.ddos.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatcher;
import org.ddos.scorematching.score.ScoreMatchingSettings;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.thermo.integration.HarmonicFreeEnergy;
import org.ddos.thermo.integration.IntegrationResult;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddos validate}: D-DOS free energies of learned phases against thermodynamic integration
 * with the same potential on the same lattice, side by side with both error bars; with several
 * phases also the phase differences.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check D-DOS predictions against thermodynamic integration: for each phase archive, run TI on the"
                + " archive's lattice with the potential (or read a stored 'ddos ti --json' result) and print D-DOS, TI,"
                + " their difference and both error bars; with two or more phases also the phase differences.")
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--phase", required = true, paramLabel = "NAME=FILE",
            description = "A phase: a name and its campaign archive (or DescriptorDOS pickle). Repeatable; the first is the reference of the differences.")
    List<String> phases = new ArrayList<>();

    @Option(names = "--temperatures", required = true, paramLabel = "T1,T2|START:STOP:COUNT",
            description = "Temperatures in K: a comma-separated list, each item a value or START:STOP:COUNT.")
    String temperatures;

    @Option(names = "--ti", paramLabel = "NAME=FILE",
            description = "Use a stored 'ddos ti --json' result for this phase instead of running TI. Repeatable.")
    List<String> stored = new ArrayList<>();

    @Option(names = "--structure", paramLabel = "NAME=FILE",
            description = "The lattice of a phase whose campaign file has no lattice positions (e.g. a DescriptorDOS pickle). Repeatable.")
    List<String> structures = new ArrayList<>();

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    SwitchingOptions switching;

    @Option(names = "--basis", defaultValue = "chebyshev", paramLabel = "BASIS",
            description = "Score-matching polynomial basis: chebyshev, monomial or hermite (default: ${DEFAULT-VALUE}).")
    String basis;

    @Option(names = "--order", defaultValue = "7", paramLabel = "N",
            description = "Score-matching polynomial order (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of tables.")
    boolean json;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write a PNG: F - F_harm of D-DOS and TI, and D-DOS - TI, against T.")
    Path plot;

    @Spec
    CommandSpec spec;

    /** One phase's three columns at every temperature (eV/atom). */
    record PhaseRows(String name, double[] ddos, double[] ddosError, boolean[] unsolved, double[] ti, double[] tiError,
            double[] harmonic, double latticeEnergy, int atoms, String tiSource) {
    }

    /**
     * For each --phase, fits the D-DOS free energy and compares it with thermodynamic integration on the
     * campaign's lattice (run here, or read from a --ti file of {@code ddos ti --json}), and prints D-DOS,
     * TI, their difference and both error bars (eV/atom; with two or more phases also the phase
     * differences): tables, or one JSON document with --json; --plot writes a PNG.
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        double[] temps = TemperatureGrid.parse(temperatures);
        Map<String, Path> files = pairs(phases, "--phase");
        Map<String, Path> tiFiles = pairs(stored, "--ti");
        Map<String, Path> structureFiles = pairs(structures, "--structure");
        for (String n : tiFiles.keySet()) {
            if (!files.containsKey(n)) {
                throw new IllegalArgumentException("--ti names phase '" + n + "', which is not a --phase");
            }
        }
        ScoreMatchingSettings sm = ScoreMatchingSettings.DEFAULT.with(PolynomialBasis.parse(basis), order);
        List<PhaseRows> rows = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            rows.add(phase(e.getKey(), e.getValue(), tiFiles.get(e.getKey()), structureFiles.get(e.getKey()), sm, temps));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.write(document(rows, temps)));
        } else {
            table(out, rows, temps);
        }
        out.flush();
        if (plot != null) {
            plot(rows, temps, plot);
        }
        return 0;
    }

    static Map<String, Path> pairs(List<String> items, String option) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String p : items) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException(option + " expects NAME=FILE, got '" + p + "'");
            }
            String name = p.substring(0, eq);
            if (out.put(name, Path.of(p.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(option + ": phase name '" + name + "' given twice");
            }
        }
        return out;
    }

    private PhaseRows phase(String name, Path file, Path tiFile, Path structureFile, ScoreMatchingSettings sm, double[] temps)
            throws Exception {
        PhaseCampaign campaign = PhaseInputs.readCampaign(file);
        Path snapparamFallback = null;
        if (!potentialOptions.isSma() && potentialOptions.snapparam == null && PhaseArchives.isArchive(file)) {
            snapparamFallback = snapparamFromProvenance(PhaseArchives.read(file), file);
        }
        Structure lattice = structureFile != null ? StructureFormats.read(structureFile, null, ReadOptions.DEFAULT) : null;
        PotentialOptions.Choice choice = potentialOptions.load(1, snapparamFallback);
        if (lattice == null) {
            if (campaign.latticePositions().length != 3 * campaign.atomCount()) {
                throw new IllegalArgumentException(file + ": the campaign holds no lattice positions; give --structure " + name + "=FILE");
            }
            String element = choice.element() != null ? choice.element() : "X";
            lattice = new Structure(campaign.cell(), campaign.latticePositions(), new int[campaign.atomCount()],
                    new String[] {element}, new double[] {campaign.mass()});
        }
        for (int i = 0; i < lattice.atomCount(); i++) {
            if (Math.abs(lattice.massOf(i) - campaign.mass()) > 1e-9 * campaign.mass()) {
                throw new IllegalArgumentException(name + ": the lattice has mass " + lattice.massOf(i) + " amu, the campaign "
                        + campaign.mass() + " amu");
            }
        }
        if (choice.theta() == null) {
            throw new IllegalArgumentException("the potential is not linear in one species' descriptors; D-DOS cannot predict it");
        }
        // kinetic campaigns carry the kinetic energy per atom as one extra component (coefficient 1, not the user's)
        int expected = campaign.descriptorCount() - (org.ddos.thermo.freeenergy.HarmonicShell.isKinetic(campaign) ? 1 : 0);
        if (choice.theta().length != expected) {
            throw new IllegalArgumentException(file + ": " + expected + " descriptor components, the potential has "
                    + choice.theta().length + " coefficients");
        }
        // the same potential and lattice on both sides: E_0/N = beta0 + theta . D_0
        double e0 = choice.potential().energy(lattice) / lattice.atomCount();
        double e0Campaign = choice.beta0() + campaign.latticeEnergy(choice.theta());
        if (Math.abs(e0 - e0Campaign) > 1e-5 * Math.max(1, Math.abs(e0))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: lattice energy %.8f eV/atom of the potential on the"
                    + " campaign lattice differs from beta0 + theta.D_0 = %.8f eV/atom: the potential's descriptors (hyper-parameters,"
                    + " cutoffs) are not those the campaign sampled", file, e0, e0Campaign));
        }
        PhaseFreeEnergy ddos = new PhaseFreeEnergy(ScoreMatcher.fit(campaign, sm));
        PhaseFreeEnergy.Evaluator ev = ddos.newEvaluator();
        ev.setParameters(choice.theta());
        int nt = temps.length;
        double[] fd = new double[nt];
        double[] sd = new double[nt];
        boolean[] unsolved = new boolean[nt];
        for (int t = 0; t < nt; t++) {
            FreeEnergyResult r = ev.evaluate(temps[t]);
            fd[t] = r.freeEnergy() + choice.beta0();
            sd[t] = r.uncertainty();
            unsolved[t] = r.unsolved();
        }
        double[] fti = new double[nt];
        double[] sti = new double[nt];
        double[] fh = new double[nt];
        String source;
        if (tiFile != null) {
            readStored(tiFile, lattice.atomCount(), e0, campaign.mass(), temps, fti, sti, fh);
            source = tiFile.toString();
        } else {
            DMatrixRMaj hessian = switching.needsHessian() ? HessianCalculator.hessian(choice.potential(), lattice) : null;
            HarmonicFreeEnergy harmonic = switching.harmonic ? HarmonicFreeEnergy.of(NormalModes.of(hessian, lattice),
                    choice.potential().energy(lattice), lattice.atomCount()) : null;
            IntegrationResult r = switching.run(name, lattice, choice.potential(), hessian, temps);
            for (int t = 0; t < nt; t++) {
                fti[t] = r.freeEnergy()[t];
                sti[t] = r.standardError()[t];
                fh[t] = harmonic == null ? Double.NaN : harmonic.freeEnergy(temps[t]);
            }
            source = String.format(Locale.ROOT, "run: %d repeats x %d-step switches, %d MD steps, %.0f s", r.settings().repeats(),
                    r.settings().switchingSteps(), r.steps(), r.seconds());
        }
        return new PhaseRows(name, fd, sd, unsolved, fti, sti, fh, e0, lattice.atomCount(), source);
    }

    /** The .snapparam named in an archive's provenance, looked up next to --coeff (hash checked). */
    private Path snapparamFromProvenance(PhaseArchive archive, Path file) throws IOException {
        String entry = archive.provenance().get("input.snapparam");
        if (entry == null || potentialOptions.coeff == null) {
            return null;
        }
        String[] parts = entry.split(" sha256=");
        Path dir = potentialOptions.coeff.toAbsolutePath().getParent();
        Path candidate = dir.resolve(parts[0]);
        if (!Files.isRegularFile(candidate)) {
            throw new IllegalArgumentException(file + " was sampled with " + parts[0] + ", not found next to " + potentialOptions.coeff
                    + "; give --snapparam");
        }
        if (parts.length == 2 && !PhaseArchives.sha256(Files.readAllBytes(candidate)).equals(parts[1].trim())) {
            throw new IllegalArgumentException(candidate + " differs from the " + parts[0] + " " + file + " was sampled with"
                    + " (sha256 mismatch); give --snapparam");
        }
        return candidate;
    }

    private static void readStored(Path file, int atoms, double e0, double mass, double[] temps, double[] f, double[] s,
            double[] h) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !"ti".equals(root.path("command").asText())) {
            throw new IllegalArgumentException(file + ": not the JSON output of 'ddos ti --json'");
        }
        if (root.path("atoms").asInt() != atoms) {
            throw new IllegalArgumentException(file + ": TI of " + root.path("atoms").asInt() + " atoms, the campaign has " + atoms);
        }
        double e0Stored = root.path("lattice_energy_eV_per_atom").asDouble(Double.NaN);
        if (!(Math.abs(e0Stored - e0) <= 1e-6 * Math.max(1, Math.abs(e0)))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: lattice energy %.8f eV/atom, the potential on the"
                    + " campaign lattice gives %.8f: another potential or structure", file, e0Stored, e0));
        }
        for (JsonNode m : root.path("masses_amu")) {
            if (Math.abs(m.asDouble() - mass) > 1e-9 * mass) {
                throw new IllegalArgumentException(file + ": TI with mass " + m.asDouble() + " amu, the campaign has " + mass + " amu");
            }
        }
        for (int t = 0; t < temps.length; t++) {
            JsonNode hit = null;
            for (JsonNode row : root.path("results")) {
                if (row.path("temperature_K").asDouble() == temps[t]) {
                    hit = row;
                }
            }
            if (hit == null) {
                throw new IllegalArgumentException(file + ": no TI result at " + temps[t] + " K");
            }
            f[t] = hit.path("free_energy_eV_per_atom").asDouble();
            s[t] = hit.path("standard_error_eV_per_atom").isNumber() ? hit.path("standard_error_eV_per_atom").asDouble() : Double.NaN;
            h[t] = hit.path("harmonic_free_energy_eV_per_atom").isNumber() ? hit.path("harmonic_free_energy_eV_per_atom").asDouble()
                    : Double.NaN;
        }
    }

    static double hypot(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }

    private static void table(PrintWriter out, List<PhaseRows> rows, double[] temps) {
        out.println("free energies in eV/atom (D-DOS + beta0 and TI in the same convention), differences and error bars in meV/atom");
        out.printf(Locale.ROOT, "%-8s %8s %14s %8s %14s %8s %10s %8s %14s %s%n", "phase", "T(K)", "F_DDOS", "+-", "F_TI", "+-",
                "DDOS-TI", "+-", "F_harm", "status");
        for (PhaseRows p : rows) {
            for (int t = 0; t < temps.length; t++) {
                out.printf(Locale.ROOT, "%-8s %8.1f %14.6f %8.3f %14.6f %8.3f %10.3f %8.3f %14.6f %s%n", p.name(), temps[t], p.ddos()[t],
                        1000 * p.ddosError()[t], p.ti()[t], 1000 * p.tiError()[t], 1000 * (p.ddos()[t] - p.ti()[t]),
                        1000 * hypot(p.ddosError()[t], p.tiError()[t]), p.harmonic()[t], p.unsolved()[t] ? "UNSOLVED" : "ok");
            }
        }
        if (rows.size() > 1) {
            PhaseRows a = rows.get(0);
            out.println();
            out.println("phase differences F(phase) - F(" + a.name() + ") in meV/atom");
            out.printf(Locale.ROOT, "%-8s %8s %12s %8s %12s %8s %10s %8s%n", "phase", "T(K)", "dF_DDOS", "+-", "dF_TI", "+-", "DDOS-TI", "+-");
            for (PhaseRows b : rows.subList(1, rows.size())) {
                for (int t = 0; t < temps.length; t++) {
                    double dd = b.ddos()[t] - a.ddos()[t];
                    double ed = hypot(a.ddosError()[t], b.ddosError()[t]);
                    double dt = b.ti()[t] - a.ti()[t];
                    double et = hypot(a.tiError()[t], b.tiError()[t]);
                    out.printf(Locale.ROOT, "%-8s %8.1f %12.3f %8.3f %12.3f %8.3f %10.3f %8.3f%n", b.name(), temps[t], 1000 * dd,
                            1000 * ed, 1000 * dt, 1000 * et, 1000 * (dd - dt), 1000 * hypot(ed, et));
                }
            }
        }
        for (PhaseRows p : rows) {
            out.println("TI " + p.name() + ": " + p.tiSource());
        }
    }

    private static Map<String, Object> document(List<PhaseRows> rows, double[] temps) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "validate");
        doc.put("convention", TiCommand.CONVENTION);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PhaseRows p : rows) {
            for (int t = 0; t < temps.length; t++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("phase", p.name());
                r.put("temperature_K", temps[t]);
                r.put("ddos_eV_per_atom", p.ddos()[t]);
                r.put("ddos_uncertainty_eV_per_atom", p.ddosError()[t]);
                r.put("ddos_unsolved", p.unsolved()[t]);
                r.put("ti_eV_per_atom", p.ti()[t]);
                r.put("ti_standard_error_eV_per_atom", JsonOutput.finite(p.tiError()[t]));
                r.put("difference_eV_per_atom", p.ddos()[t] - p.ti()[t]);
                r.put("harmonic_eV_per_atom", JsonOutput.finite(p.harmonic()[t]));
                out.add(r);
            }
        }
        doc.put("results", out);
        if (rows.size() > 1) {
            List<Map<String, Object>> diffs = new ArrayList<>();
            PhaseRows a = rows.get(0);
            for (PhaseRows b : rows.subList(1, rows.size())) {
                for (int t = 0; t < temps.length; t++) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("phase", b.name());
                    r.put("reference_phase", a.name());
                    r.put("temperature_K", temps[t]);
                    r.put("ddos_eV_per_atom", b.ddos()[t] - a.ddos()[t]);
                    r.put("ddos_uncertainty_eV_per_atom", hypot(a.ddosError()[t], b.ddosError()[t]));
                    r.put("ti_eV_per_atom", b.ti()[t] - a.ti()[t]);
                    r.put("ti_standard_error_eV_per_atom", JsonOutput.finite(hypot(a.tiError()[t], b.tiError()[t])));
                    r.put("difference_eV_per_atom", (b.ddos()[t] - a.ddos()[t]) - (b.ti()[t] - a.ti()[t]));
                    diffs.add(r);
                }
            }
            doc.put("phase_differences", diffs);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (PhaseRows p : rows) {
            sources.put(p.name(), p.tiSource());
        }
        doc.put("ti_sources", sources);
        return doc;
    }

    private static void plot(List<PhaseRows> rows, double[] temps, Path file) throws IOException {
        XYChart f = new XYChartBuilder().width(700).height(450).title("anharmonic free energy F - F_harm")
                .xAxisTitle("T (K)").yAxisTitle("meV/atom").build();
        XYChart d = new XYChartBuilder().width(700).height(450).title("D-DOS - TI")
                .xAxisTitle("T (K)").yAxisTitle("meV/atom").build();
        for (PhaseRows p : rows) {
            int nt = temps.length;
            double[] yd = new double[nt];
            double[] ed = new double[nt];
            double[] yt = new double[nt];
            double[] et = new double[nt];
            double[] diff = new double[nt];
            double[] ediff = new double[nt];
            boolean harmonic = true;
            for (int t = 0; t < nt; t++) {
                harmonic &= Double.isFinite(p.harmonic()[t]);
            }
            for (int t = 0; t < nt; t++) {
                double ref = harmonic ? p.harmonic()[t] : p.latticeEnergy();
                yd[t] = 1000 * (p.ddos()[t] - ref);
                ed[t] = 1000 * p.ddosError()[t];
                yt[t] = 1000 * (p.ti()[t] - ref);
                et[t] = Double.isFinite(p.tiError()[t]) ? 1000 * p.tiError()[t] : 0;
                diff[t] = 1000 * (p.ddos()[t] - p.ti()[t]);
                ediff[t] = 1000 * hypot(p.ddosError()[t], Double.isFinite(p.tiError()[t]) ? p.tiError()[t] : 0);
            }
            f.addSeries(p.name() + " D-DOS", temps, yd, ed).setMarker(SeriesMarkers.CIRCLE);
            f.addSeries(p.name() + " TI", temps, yt, et).setMarker(SeriesMarkers.DIAMOND);
            d.addSeries(p.name(), temps, diff, ediff).setMarker(SeriesMarkers.CIRCLE);
            if (!harmonic) {
                f.setTitle("F - E_0/N (no harmonic reference)");
            }
        }
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(f);
        charts.add(d);
        BitmapEncoder.saveBitmap(charts, 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
