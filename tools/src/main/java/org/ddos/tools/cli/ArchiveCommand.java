package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatchingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos archive}: inspect, import, export and merge phase archives. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Phase archives (.ddos): info, import of DescriptorDOS pickles, export to JSON/npz, merge of shards.",
        subcommands = {ArchiveCommand.Info.class, ArchiveCommand.Import.class, ArchiveCommand.Export.class,
            ArchiveCommand.Merge.class})
public final class ArchiveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage on stdout (exit code 0). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bootstrap resamples for the covariance-eigenvalue errors reported by info and export. */
    static final int BOOTSTRAP_REPLICAS = 200;

    static String version() {
        try {
            return new DdosCommand.Version().getVersion()[0];
        } catch (Exception e) {
            return "ddos unknown";
        }
    }

    /** {@code ddos archive info FILE [--json]}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Summarise an archive: campaigns, sizes, provenance.")
    static final class Info implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--json", description = "One JSON document on stdout.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (Files.isRegularFile(file) && !PhaseArchives.isArchive(file)
                    && DescriptorDosPickleReader.looksLikePickle(file)) {
                throw new IllegalArgumentException(file + " is a DescriptorDOS campaign pickle, not a ddos archive: use it"
                        + " directly with --phase NAME=FILE, or convert it with: ddos archive import " + file + " OUT.ddos");
            }
            PhaseArchive a = PhaseArchives.read(file);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("bytes", Files.size(file));
            doc.put("name", a.name());
            doc.put("format_version", PhaseArchives.formatVersion(file));
            doc.put("kind", a.states().isEmpty() ? "imported" : "sampled");
            doc.put("complete", a.complete());
            doc.put("score_matching", Map.of("basis", a.settings().basis().name().toLowerCase(Locale.ROOT),
                    "order", a.settings().order(), "effective_sample_fraction", a.settings().effectiveSampleFraction()));
            List<Map<String, Object>> cs = new ArrayList<>();
            List<PhaseCampaign> campaigns = a.complete() ? a.campaigns() : List.of();
            for (int i = 0; i < campaigns.size(); i++) {
                PhaseCampaign c = campaigns.get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("flavor", c.flavor());
                m.put("atoms", c.atomCount());
                m.put("mass_amu", c.mass());
                m.put("volume_per_atom_A3", c.volumePerAtom());
                m.put("descriptors", c.descriptorCount());
                m.put("isosurfaces", c.isosurfaceCount());
                m.put("bins", c.isosurfaces().get(0).binCount());
                m.put("samples_per_isosurface", c.isosurfaces().get(0).sampleCount(0));
                m.put("isosurface_min", c.isosurfaces().get(0).isosurface());
                m.put("isosurface_max", c.isosurfaces().get(c.isosurfaceCount() - 1).isosurface());
                m.put("U_0_eV", c.energyScale());
                m.put("log_det", c.logMeanEigenvalue());
                m.put("alpha_shift", c.alphaShift());
                // bootstrap error of the covariance eigenvalues, relative, over all isosurfaces and modes
                java.util.List<Double> rel = new java.util.ArrayList<>();
                for (var st : c.isosurfaces()) {
                    double[] ev = st.covarianceEigenvalues();
                    double[] err = st.covarianceEigenvalueBootstrapError(BOOTSTRAP_REPLICAS, 1);
                    for (int q = 0; q < ev.length; q++) {
                        if (ev[q] > 0) {
                            rel.add(err[q] / ev[q]);
                        }
                    }
                }
                java.util.Collections.sort(rel);
                if (!rel.isEmpty()) {
                    m.put("cov_eval_bootstrap_rel_error_median", rel.get(rel.size() / 2));
                    m.put("cov_eval_bootstrap_rel_error_max", rel.get(rel.size() - 1));
                }
                if (!a.states().isEmpty()) {
                    m.put("strain", a.states().get(i).strain);
                }
                cs.add(m);
            }
            if (!a.complete()) {
                for (CompressedCampaign s : a.states()) {
                    long done = 0;
                    for (int g = 0; g < s.isosurfaceCount(); g++) {
                        done += s.accumulator(g) == null ? 0 : s.accumulator(g).sampleCount();
                    }
                    cs.add(Map.of("strain", s.strain, "shards", java.util.Arrays.toString(s.shards()) + " of " + s.shardCount,
                            "samples_done", done, "samples_planned", s.samplesPerIsosurface * s.isosurfaceCount()));
                }
            }
            doc.put("campaigns", cs);
            doc.put("provenance", new TreeMap<>(a.provenance()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOutput.write(doc));
            } else {
                for (Map.Entry<String, Object> e : doc.entrySet()) {
                    if (e.getValue() instanceof List<?> l) {
                        out.println(e.getKey() + ":");
                        for (Object o : l) {
                            out.println("  - " + o);
                        }
                    } else if (e.getValue() instanceof Map<?, ?> m && e.getKey().equals("provenance")) {
                        out.println("provenance:");
                        m.forEach((k, v) -> out.println("  " + k + ": " + v));
                    } else {
                        out.println(e.getKey() + ": " + e.getValue());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code ddos archive import FILE.pkl OUT}. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Convert a DescriptorDOS campaign pickle into an archive.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.pkl")
        Path pickle;

        @Parameters(index = "1", paramLabel = "OUT")
        Path out;

        @Option(names = "--name", paramLabel = "NAME", description = "Phase name (default: the pickle's file name).")
        String name;

        @Option(names = "--basis", defaultValue = "chebyshev", description = "Score-matching basis stored (default: ${DEFAULT-VALUE}).")
        String basis;

        @Option(names = "--order", defaultValue = "7", description = "Score-matching order stored (default: ${DEFAULT-VALUE}).")
        int order;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String n = name != null ? name : pickle.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            PhaseArchive a = PhaseArchives.importPickle(pickle, n,
                    ScoreMatchingSettings.DEFAULT.with(PolynomialBasis.parse(basis), order), version());
            PhaseArchives.write(out, a);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d bytes, %d campaign(s))%n", out, Files.size(out),
                    a.campaigns().size());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code ddos archive merge OUT IN...}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Add shards of one campaign exactly; refuses shards that do not belong together.")
    static final class Merge implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OUT")
        Path out;

        @Parameters(index = "1..*", arity = "2..*", paramLabel = "IN")
        List<Path> inputs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<PhaseArchive> archives = new ArrayList<>();
            for (Path p : inputs) {
                archives.add(PhaseArchives.read(p));
            }
            PhaseArchive merged = CampaignArchives.merge(archives, inputs);
            PhaseArchives.write(out, merged);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d bytes, complete: %s)%n", out, Files.size(out),
                    merged.complete());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code ddos archive export FILE --to json|npz}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the campaigns as JSON or numpy .npz (DescriptorDOS key names).")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--to", required = true, paramLabel = "json|npz")
        String to;

        @Option(names = "--out", paramLabel = "OUT", description = "Output file (default: FILE with the new extension).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PhaseArchive a = PhaseArchives.read(file);
            String ext = to.toLowerCase(Locale.ROOT);
            if (!ext.equals("json") && !ext.equals("npz")) {
                throw new IllegalArgumentException("--to must be json or npz, got '" + to + "'");
            }
            Path target = out != null ? out : Path.of(file.toString().replaceFirst("\\.[^.]*$", "") + "." + ext);
            List<PhaseCampaign> campaigns = a.campaigns();
            if (ext.equals("json")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("name", a.name());
                doc.put("provenance", a.provenance());
                List<Map<String, Object>> cs = new ArrayList<>();
                for (PhaseCampaign c : campaigns) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("flavor", c.flavor());
                    m.put("N", c.atomCount());
                    m.put("mass", c.mass());
                    m.put("V_0", c.volume());
                    m.put("C_0", c.cell());
                    m.put("x_0", c.latticePositions());
                    m.put("D_0", c.latticeDescriptor());
                    m.put("U_0", c.energyScale());
                    m.put("log_det", c.logMeanEigenvalue());
                    m.put("alpha_shift", c.alphaShift());
                    List<Map<String, Object>> iso = new ArrayList<>();
                    double[] betaMu = c.microcanonicalBeta();
                    double[] betaMuError = c.microcanonicalBetaError();
                    for (IsosurfaceStatistics s : c.isosurfaces()) {
                        Map<String, Object> d = new LinkedHashMap<>();
                        d.put("IsoSurfaceMeasured_mean", s.isosurface());
                        if (betaMu.length > 0) {
                            // kinetic: (d/2 - 1) <1/K>, the microcanonical inverse temperature in 1/eV
                            d.put("microcanonical_beta", betaMu[iso.size()]);
                        }
                        if (betaMuError.length > 0) {
                            // its standard error from the scatter between trajectories (format version 3)
                            d.put("microcanonical_beta_err", betaMuError[iso.size()]);
                        }
                        d.put("D_mean", s.mean());
                        d.put("cov_eval", s.covarianceEigenvalues());
                        d.put("cov_eval_err", s.covarianceEigenvalueBootstrapError(BOOTSTRAP_REPLICAS, 1));
                        d.put("cov_evec", s.rotation());
                        d.put("cov_bins", s.binEdges());
                        d.put("cov_counts", s.counts());
                        iso.add(d);
                    }
                    m.put("isosurfaces", iso);
                    cs.add(m);
                }
                doc.put("campaigns", cs);
                Files.writeString(target, JsonOutput.write(doc));
            } else {
                try (NpzWriter npz = new NpzWriter(target)) {
                    for (int i = 0; i < campaigns.size(); i++) {
                        writeNpz(npz, campaigns.size() == 1 ? "" : "c" + i + "_", campaigns.get(i));
                    }
                }
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d bytes)%n", target, Files.size(target));
            spec.commandLine().getOut().flush();
            return 0;
        }

        static void writeNpz(NpzWriter npz, String p, PhaseCampaign c) throws java.io.IOException {
            int g = c.isosurfaceCount();
            int k = c.descriptorCount();
            int b = c.isosurfaces().get(0).binCount();
            double[] iso = new double[g];
            double[] mean = new double[g * k];
            double[] eval = new double[g * k];
            double[] evec = new double[g * k * k];
            double[] bins = new double[g * k * (b + 1)];
            long[] counts = new long[g * k * b];
            for (int i = 0; i < g; i++) {
                IsosurfaceStatistics s = c.isosurfaces().get(i);
                iso[i] = s.isosurface();
                System.arraycopy(s.mean(), 0, mean, i * k, k);
                System.arraycopy(s.covarianceEigenvalues(), 0, eval, i * k, k);
                double[][] r = s.rotation();
                double[][] e = s.binEdges();
                long[][] n = s.counts();
                for (int j = 0; j < k; j++) {
                    System.arraycopy(r[j], 0, evec, (i * k + j) * k, k);
                    System.arraycopy(e[j], 0, bins, (i * k + j) * (b + 1), b + 1);
                    System.arraycopy(n[j], 0, counts, (i * k + j) * b, b);
                }
            }
            npz.write(p + "IsoSurfaceMeasured_mean", iso, g);
            npz.write(p + "D_mean", mean, g, k);
            npz.write(p + "cov_eval", eval, g, k);
            npz.write(p + "cov_evec", evec, g, k, k);
            npz.write(p + "cov_bins", bins, g, k, b + 1);
            npz.write(p + "cov_counts", counts, g, k, b);
            npz.write(p + "D_0", c.latticeDescriptor(), k);
            double[][] cell = c.cell();
            npz.write(p + "C_0", new double[] {cell[0][0], cell[0][1], cell[0][2], cell[1][0], cell[1][1], cell[1][2],
                cell[2][0], cell[2][1], cell[2][2]}, 3, 3);
            npz.write(p + "x_0", c.latticePositions(), c.latticePositions().length);
            npz.write(p + "N", new long[] {c.atomCount()});
            npz.write(p + "mass", new double[] {c.mass()});
            npz.write(p + "V_0", new double[] {c.volume()});
            npz.write(p + "U_0", new double[] {c.energyScale()});
            npz.write(p + "log_det", new double[] {c.logMeanEigenvalue()});
            npz.write(p + "alpha_shift", new double[] {c.alphaShift()});
        }
    }
}
