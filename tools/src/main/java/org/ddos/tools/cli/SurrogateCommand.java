package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ddos.calibration.alloy.DatasetDesign;
import org.ddos.calibration.alloy.DatasetGenerator;
import org.ddos.calibration.alloy.HeteronuclearParameters;
import org.ddos.calibration.alloy.MixingDataset;
import org.ddos.calibration.alloy.MixingResult;
import org.ddos.calibration.alloy.MixingSample;
import org.ddos.calibration.alloy.MixingSettings;
import org.ddos.calibration.alloy.MixingSimulator;
import org.ddos.calibration.alloy.ParameterBox;
import org.ddos.calibration.alloy.SmaBinary;
import org.ddos.calibration.surrogate.AlloyCalibration;
import org.ddos.calibration.surrogate.CalibrationTargets;
import org.ddos.calibration.surrogate.ErrorSummary;
import org.ddos.calibration.surrogate.MixingSurrogate;
import org.ddos.calibration.surrogate.SurrogateMetadata;
import org.ddos.calibration.surrogate.SurrogateTrainer;
import org.ddos.calibration.surrogate.TrainingSettings;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.structure.PeriodicTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddos surrogate generate|train|calibrate|evaluate}: mixing-enthalpy surrogates of binary
 * second-moment alloys and the calibration of heteronuclear parameters on them (docs/surrogates.md).
 */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
        description = "Neural surrogates of the mixing enthalpy and lattice parameter of binary TB-SMA (second-moment) alloys:"
                + " generate a dataset of fictitious alloys, train, calibrate heteronuclear parameters against experiment.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SurrogateCommand.Generate.class,
            SurrogateCommand.Train.class,
            SurrogateCommand.Calibrate.class,
            SurrogateCommand.Evaluate.class,
        })
public final class SurrogateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: prints the usage on stdout (exit code 0). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static double[] range(String text, String option) {
        String[] t = text.split(":");
        if (t.length != 2) {
            throw new IllegalArgumentException(option + " must be LOW:HIGH, got '" + text + "'");
        }
        try {
            return new double[] {Double.parseDouble(t[0]), Double.parseDouble(t[1])};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be LOW:HIGH numbers, got '" + text + "'");
        }
    }

    static double[] list(String text, String option) {
        String[] t = text.split(",");
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            try {
                v[i] = Double.parseDouble(t[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a comma-separated list of numbers, got '" + text + "'");
            }
        }
        return v;
    }

    /** {@code ddos surrogate generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Simulate fictitious alloys (Sobol design over the heteronuclear parameters, x and T) into a CSV;"
                    + " parallel and resumable (re-run the same command to continue).")
    public static final class Generate implements Callable<Integer> {
        @Option(names = "--system", required = true, paramLabel = "A-B",
                description = "Binary with default homonuclear sets (elements Cu, Ni, Pd, Pt, Rh), e.g. Cu-Ni; x = fraction of B.")
        String system;

        @Option(names = "--samples", required = true, paramLabel = "N", description = "Samples wanted in the file.")
        int samples;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv",
                description = "Dataset (appended to; FILE.csv.design.json holds the design).")
        Path out;

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
        Integer threads;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Monte Carlo seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--temperatures", defaultValue = "300,600,1000,1300", paramLabel = "T1,T2,...",
                description = "Temperatures in K (default: ${DEFAULT-VALUE}).")
        String temperatures;

        @Option(names = "--x-range", defaultValue = "0.05:0.95", paramLabel = "XMIN:XMAX",
                description = "Composition range, fraction of B (default: ${DEFAULT-VALUE}).")
        String xRange;

        @Option(names = "--margin", defaultValue = "0.15", paramLabel = "M",
                description = "Relative widening of the pure-value brackets of p, q, A, xi (default: ${DEFAULT-VALUE}).")
        double margin;

        @Option(names = "--screen", defaultValue = "-300:150", paramLabel = "LOW:HIGH",
                description = "Keep parameter sets whose static Vegard mixing energy at x = 1/2 lies in this window,"
                        + " meV/atom (default: ${DEFAULT-VALUE}).")
        String screen;

        @Option(names = "--cells", defaultValue = "4", paramLabel = "C", description = "fcc supercell C x C x C, 4 C^3 atoms (default: ${DEFAULT-VALUE}).")
        int cells;

        @Option(names = "--sweeps", defaultValue = "150:600", paramLabel = "EQ:PROD",
                description = "Alloy run: equilibration and production sweeps (default: ${DEFAULT-VALUE}).")
        String sweeps;

        @Option(names = "--pure-sweeps", defaultValue = "300:4000", paramLabel = "EQ:PROD",
                description = "Pure-metal runs, one per element and temperature (default: ${DEFAULT-VALUE}).")
        String pureSweeps;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        /**
         * Simulates fictitious alloys of --system until --out (CSV) holds --samples rows, keeping the rows
         * already in the file (re-running resumes), with a progress bar on stderr unless --quiet; prints a summary.
         *
         * @return 0
         * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
         *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
         */
        @Override
        public Integer call() throws Exception {
            SmaBinary binary = SmaBinary.named(system);
            double[] xr = range(xRange, "--x-range");
            double[] sc = range(screen, "--screen");
            double[] sw = range(sweeps, "--sweeps");
            double[] ps = range(pureSweeps, "--pure-sweeps");
            MixingSettings settings = MixingSettings.defaults().withCells(cells)
                    .withSweeps((int) sw[0], (int) sw[1], (int) ps[0], (int) ps[1]);
            DatasetDesign design = new DatasetDesign(binary, ParameterBox.bracketed(binary, margin), xr[0], xr[1],
                    list(temperatures, "--temperatures"), sc[0], sc[1], seed, settings);
            int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            PrintWriter pw = spec.commandLine().getOut();
            DatasetGenerator.Summary summary;
            if (quiet) {
                summary = DatasetGenerator.generate(design, samples, nThreads, out, new DatasetGenerator.Listener() { });
            } else {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName(binary.name()).setInitialMax(samples).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                    summary = DatasetGenerator.generate(design, samples, nThreads, out, new DatasetGenerator.Listener() {
                        @Override
                        public void stage(String message) {
                            bar.setExtraMessage(message);
                        }

                        @Override
                        public void completed(MixingSample s, int done, int total) {
                            bar.stepTo(done);
                        }
                    });
                }
            }
            pw.printf(Locale.ROOT, "%s: %d samples in %s (%d already there, %d simulated now; %d Sobol candidates screened)%n",
                    binary.name(), summary.samples(), out, summary.skipped(), summary.simulated(), summary.candidates());
            pw.printf(Locale.ROOT, "box: %s; x in [%.3f, %.3f]; T = %s K; screening window [%.0f, %.0f] meV/atom%n",
                    design.box(), design.xMin(), design.xMax(), temperatures, design.screenLow(), design.screenHigh());
            pw.printf(Locale.ROOT, "%d atoms per cell; wall %.1f s, alloy-run CPU %.1f s (%.3f s per sample) on %d threads%n",
                    settings.atoms(), summary.wallSeconds(), summary.cpuSeconds(),
                    summary.simulated() == 0 ? 0 : summary.cpuSeconds() / summary.simulated(), nThreads);
            return 0;
        }
    }

    static Map<String, Object> errors(ErrorSummary e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", e.samples());
        m.put("mae_dH_meV", e.maeEnthalpy());
        m.put("max_dH_meV", e.maxEnthalpy());
        m.put("rmse_dH_meV", e.rmseEnthalpy());
        m.put("mae_a_A", e.maeLattice());
        m.put("max_a_A", e.maxLattice());
        m.put("mean_simulation_error_dH_meV", e.meanSimulationError());
        return m;
    }

    static String errorLine(String label, ErrorSummary e) {
        return String.format(Locale.ROOT, "%-10s %5d samples: dH MAE %.3f meV/atom (max %.3f, RMSE %.3f; simulation error %.3f),"
                + " a MAE %.5f Å (max %.5f)", label, e.samples(), e.maeEnthalpy(), e.maxEnthalpy(), e.rmseEnthalpy(),
                e.meanSimulationError(), e.maeLattice(), e.maxLattice());
    }

    /** {@code ddos surrogate train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a DJL (PyTorch CPU, offline) MLP surrogate of Delta H_mix and a on a generated dataset;"
                    + " train/validation/test split, early stopping; saves into a fresh folder and reports held-out errors.")
    public static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Dataset from 'surrogate generate'.")
        Path data;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Fresh (absent or empty) output folder.")
        Path out;

        @Option(names = "--hidden", defaultValue = "64,64,64", paramLabel = "W1,W2,...",
                description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
        String hidden;

        @Option(names = "--activation", defaultValue = "silu", paramLabel = "tanh|silu", description = "Hidden activation (default: ${DEFAULT-VALUE}).")
        String activation;

        @Option(names = "--epochs", defaultValue = "4000", paramLabel = "N", description = "Epoch cap (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--patience", defaultValue = "400", paramLabel = "N",
                description = "Early stopping: epochs without validation improvement (default: ${DEFAULT-VALUE}).")
        int patience;

        @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--learning-rate", defaultValue = "3e-3", paramLabel = "R", description = "Initial Adam rate (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Split and initialisation seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--max-lindemann", defaultValue = "1.3", paramLabel = "R",
                description = "Exclude samples whose Lindemann ratio exceeds R times the median at their temperature"
                        + " (distorted or molten cells; default: ${DEFAULT-VALUE}).")
        double maxLindemann;

        @Option(names = "--limit", paramLabel = "N", description = "Use only the first N samples (by index), e.g. for a learning curve.")
        Integer limit;

        @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
        boolean json;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        /**
         * Trains the surrogate of Delta H_mix (meV/atom) and a (Å) on the --data CSV and saves it into the
         * fresh --out folder; prints the held-out errors (a table, or one JSON document with --json).
         *
         * @return 0
         * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
         *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
         */
        @Override
        public Integer call() throws Exception {
            DatasetDesign design = DatasetGenerator.readDesign(data);
            List<MixingSample> samples = new ArrayList<>(MixingDataset.read(data));
            if (limit != null) {
                samples.removeIf(s -> s.index() >= limit);
            }
            double[] h = list(hidden, "--hidden");
            int[] widths = new int[h.length];
            for (int i = 0; i < h.length; i++) {
                widths[i] = (int) h[i];
            }
            TrainingSettings settings = TrainingSettings.defaults().withArchitecture(widths, activation).withEpochs(epochs, patience)
                    .withOptimiser(batch, rate).withSeed(seed).withMaxLindemann(maxLindemann);
            MixingSurrogate sur;
            if (quiet || json) {
                sur = SurrogateTrainer.train(samples, design, data.getFileName().toString(), settings, out, null);
            } else {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("epochs").setInitialMax(epochs)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
                    sur = SurrogateTrainer.train(samples, design, data.getFileName().toString(), settings, out, (e, tl, vl) -> {
                        bar.stepTo(e);
                        bar.setExtraMessage(String.format(Locale.ROOT, "train %.2e val %.2e", tl, vl));
                    });
                }
            }
            SurrogateMetadata m = sur.metadata();
            PrintWriter pw = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "surrogate train");
                doc.put("system", m.binary().name());
                doc.put("dataset", data.toString());
                doc.put("model", out.toString());
                doc.put("hidden", m.hidden());
                doc.put("activation", m.activation());
                doc.put("train_samples", m.trainSamples());
                doc.put("validation_samples", m.validationSamples());
                doc.put("test_samples", m.testSamples());
                doc.put("excluded_samples", m.excludedSamples());
                doc.put("epochs", m.epochs());
                doc.put("best_epoch", m.bestEpoch());
                doc.put("seconds", m.trainingSeconds());
                doc.put("train", errors(m.train()));
                doc.put("validation", errors(m.validation()));
                doc.put("test", errors(m.test()));
                pw.println(JsonOutput.write(doc));
            } else {
                pw.printf(Locale.ROOT, "%s surrogate saved in %s: MLP 7-%s-2 (%s), %d epochs (best %d), %.1f s%n", m.binary().name(), out,
                        hidden.replace(",", "-"), m.activation(), m.epochs(), m.bestEpoch(), m.trainingSeconds());
                pw.printf(Locale.ROOT, "samples: %d train, %d validation, %d test, %d excluded (Lindemann ratio above %.2f x the median at their T)%n",
                        m.trainSamples(), m.validationSamples(), m.testSamples(), m.excludedSamples(), settings.maxLindemann());
                pw.println(errorLine("train", m.train()));
                pw.println(errorLine("validation", m.validation()));
                pw.println(errorLine("test", m.test()));
            }
            return 0;
        }
    }

    /** {@code ddos surrogate calibrate}. */
    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Fit the heteronuclear parameters (p, q, A, xi) of a binary to targets (YAML: CALPHAD TDB, formulas,"
                    + " points, Vegard) on its surrogate (BOBYQA, bounds = sampled box); optionally simulate the optimum directly;"
                    + " print LAMMPS smatb pair_coeff and LoDiS forms; PNG of target vs calibrated Delta H_mix(x).")
    public static final class Calibrate implements Callable<Integer> {
        @Option(names = "--system", required = true, paramLabel = "A-B", description = "Binary, as in the targets and the surrogate.")
        String system;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "Surrogate folder from 'surrogate train'.")
        Path model;

        @Option(names = "--targets", required = true, paramLabel = "FILE.yaml", description = "Targets (docs/surrogates.md).")
        Path targetsFile;

        @Option(names = "--starts", defaultValue = "2", paramLabel = "N",
                description = "BOBYQA starts: the arithmetic-mean set, then Sobol points of the box (default: ${DEFAULT-VALUE}).")
        int starts;

        @Option(names = "--verify", description = "Simulate the calibrated set directly at the target points and the pure metals.")
        boolean verify;

        @Option(names = "--sweeps", defaultValue = "300:3000", paramLabel = "EQ:PROD",
                description = "Alloy runs of --verify (default: ${DEFAULT-VALUE}).")
        String sweeps;

        @Option(names = "--pure-sweeps", defaultValue = "300:4000", paramLabel = "EQ:PROD",
                description = "Pure-metal runs of --verify (default: ${DEFAULT-VALUE}).")
        String pureSweeps;

        @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "Seed of the --verify runs (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--plot", paramLabel = "FILE.png", description = "Target vs calibrated Delta H_mix(x).")
        Path plot;

        @Option(names = "--lammps", paramLabel = "FILE", description = "Write the LAMMPS pair_style smatb lines here.")
        Path lammps;

        @Option(names = "--lodis", paramLabel = "FILE.pot", description = "Write a LoDiS parameter file here.")
        Path lodis;

        @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
        boolean json;

        @Spec
        CommandSpec spec;

        /**
         * Fits the heteronuclear parameters (p, q, A, xi) of --system to --targets on the --model surrogate,
         * optionally simulates the optimum, and prints the result with the LAMMPS smatb pair_coeff and LoDiS
         * forms (a table, or one JSON document with --json); --plot writes a PNG.
         *
         * @return 0
         * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
         *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
         */
        @Override
        public Integer call() throws Exception {
            CalibrationTargets targets = CalibrationTargets.read(targetsFile);
            if (!targets.system().equals(system)) {
                throw new IllegalArgumentException("--system " + system + " but " + targetsFile + " is for " + targets.system());
            }
            MixingSurrogate sur = MixingSurrogate.load(model);
            SmaBinary binary = sur.metadata().binary();
            if (!binary.name().equals(system)) {
                throw new IllegalArgumentException("--system " + system + " but the surrogate in " + model + " is for " + binary.name());
            }
            AlloyCalibration.Result r = AlloyCalibration.calibrate(sur, targets, starts);
            HeteronuclearParameters h = r.parameters();
            List<AlloyCalibration.Check> checks = List.of();
            double[][] pure = null;
            if (verify) {
                double[] sw = range(sweeps, "--sweeps");
                double[] ps = range(pureSweeps, "--pure-sweeps");
                MixingSimulator sim = new MixingSimulator(binary, MixingSettings.defaults()
                        .withSweeps((int) sw[0], (int) sw[1], (int) ps[0], (int) ps[1]));
                checks = AlloyCalibration.verify(sur, targets, h, sim, seed);
                if (!targets.pureLattice().isEmpty()) {
                    pure = AlloyCalibration.pureLatticeCheck(sim, targets);
                }
            }
            String pairCoeff = binary.lammpsPairCoeffs(h);
            double[] masses = {PeriodicTable.standardAtomicWeight(binary.elementA()), PeriodicTable.standardAtomicWeight(binary.elementB())};
            double[] e0 = sur.baseline().pureEnergies();
            String lodisText = binary.lodisFile(h, masses, new double[] {-e0[0], -e0[1]},
                    "heteronuclear parameters calibrated by ddos surrogate calibrate against " + targetsFile.getFileName());
            if (lammps != null) {
                Files.writeString(lammps, pairCoeff);
            }
            if (lodis != null) {
                Files.writeString(lodis, lodisText);
            }
            if (plot != null) {
                SurrogatePlots.enthalpy(targets, sur, h, checks, plot);
            }
            PrintWriter pw = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "surrogate calibrate");
                doc.put("system", system);
                doc.put("model", model.toString());
                doc.put("targets", targetsFile.toString());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("p_AB", h.p());
                p.put("q_AB", h.q());
                p.put("A_AB_eV", h.a());
                p.put("xi_AB_eV", h.xi());
                p.put("r0_AB_A", binary.crossR0());
                p.put("cutoff_start_A", binary.crossCutoffStart());
                p.put("cutoff_end_A", binary.crossCutoffEnd());
                doc.put("parameters", p);
                doc.put("chi2", r.chi2());
                doc.put("prior_term", r.priorTerm());
                doc.put("at_bounds", r.atBounds());
                doc.put("evaluations", r.evaluations());
                doc.put("starts", r.starts());
                doc.put("seconds", r.seconds());
                doc.put("cpu_seconds", r.cpuSeconds());
                doc.put("preparation_seconds", r.preparationSeconds());
                doc.put("preparation_cpu_seconds", r.preparationCpuSeconds());
                List<Map<String, Object>> fits = new ArrayList<>();
                for (AlloyCalibration.TargetFit f : r.fits()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("kind", f.kind());
                    m.put("x", f.x());
                    m.put("temperature_K", f.temperature());
                    m.put("target", f.target());
                    m.put("sigma", f.sigma());
                    m.put("surrogate", f.predicted());
                    m.put("residual", f.residual());
                    m.put("extrapolated", f.extrapolated());
                    m.put("source", f.source());
                    fits.add(m);
                }
                doc.put("fits", fits);
                List<Map<String, Object>> cs = new ArrayList<>();
                for (AlloyCalibration.Check c : checks) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("x", c.x());
                    m.put("temperature_K", c.temperature());
                    m.put("simulated_dH_meV", c.simulatedEnthalpy());
                    m.put("simulated_dH_error_meV", c.simulatedEnthalpyError());
                    m.put("surrogate_dH_meV", c.predictedEnthalpy());
                    m.put("surrogate_error_meV", c.surrogateError());
                    m.put("target_dH_meV", JsonOutput.finite(c.targetEnthalpy()));
                    m.put("simulation_minus_target_meV", JsonOutput.finite(c.targetDeviation()));
                    m.put("simulated_a_A", c.simulatedLattice());
                    m.put("surrogate_a_A", c.predictedLattice());
                    cs.add(m);
                }
                doc.put("checks", cs);
                if (pure != null) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    for (int s = 0; s < 2; s++) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("simulated_a_A", pure[s][0]);
                        m.put("experimental_a_A", JsonOutput.finite(pure[s][1]));
                        m.put("relative_deviation", JsonOutput.finite(pure[s][2]));
                        pm.put(binary.element(s), m);
                    }
                    doc.put("pure_lattice", pm);
                }
                doc.put("lammps", pairCoeff);
                doc.put("lodis", lodisText);
                pw.println(JsonOutput.write(doc));
                return 0;
            }
            pw.printf(Locale.ROOT, "%s calibrated on %s against %s (chi2 %.4f incl. prior %.4f; %d evaluations, %d starts, %.3f s, CPU %.3f s;"
                    + " preparation %.3f s, CPU %.3f s)%n", system, model, targetsFile.getFileName(), r.chi2(), r.priorTerm(), r.evaluations(),
                    r.starts(), r.seconds(), r.cpuSeconds(), r.preparationSeconds(), r.preparationCpuSeconds());
            pw.printf(Locale.ROOT, "p_AB = %.5f  q_AB = %.5f  A_AB = %.6f eV  xi_AB = %.6f eV  (r0_AB = %.5f Å, cutoffs %.5f / %.5f Å)%n",
                    h.p(), h.q(), h.a(), h.xi(), binary.crossR0(), binary.crossCutoffStart(), binary.crossCutoffEnd());
            if (!r.atBounds().isEmpty()) {
                pw.println("warning: at the bound of the sampled box: " + String.join(", ", r.atBounds()));
            }
            pw.println();
            pw.printf(Locale.ROOT, "%-9s %6s %7s %11s %8s %11s %9s  %s%n", "target", "x", "T(K)", "value", "sigma", "surrogate", "residual", "source");
            for (AlloyCalibration.TargetFit f : r.fits()) {
                pw.printf(Locale.ROOT, "%-9s %6.3f %7.0f %11.4f %8.4f %11.4f %9.3f  %s%s%n", f.kind(), f.x(), f.temperature(), f.target(),
                        f.sigma(), f.predicted(), f.residual(), f.source(), f.extrapolated() ? " [EXTRAPOLATED]" : "");
            }
            if (!checks.isEmpty()) {
                pw.println();
                pw.println("direct simulation of the calibrated set (" + sweeps + " sweeps, " + MixingSettings.defaults().atoms() + " atoms):");
                pw.printf(Locale.ROOT, "%6s %7s %16s %11s %10s %11s %10s %10s%n", "x", "T(K)", "dH sim (meV)", "surrogate", "sur-sim",
                        "target", "sim-target", "a sim(Å)");
                for (AlloyCalibration.Check c : checks) {
                    pw.printf(Locale.ROOT, "%6.4f %7.0f %9.3f +-%5.3f %11.3f %10.3f %11.3f %10.3f %10.5f%n", c.x(), c.temperature(),
                            c.simulatedEnthalpy(), c.simulatedEnthalpyError(), c.predictedEnthalpy(), c.surrogateError(),
                            c.targetEnthalpy(), c.targetDeviation(), c.simulatedLattice());
                }
            }
            if (pure != null) {
                for (int s = 0; s < 2; s++) {
                    pw.printf(Locale.ROOT, "pure %s at %.0f K: a = %.5f Å, experiment %.4f Å, deviation %+.3f%%%n", binary.element(s),
                            targets.latticeTemperature(), pure[s][0], pure[s][1], 100 * pure[s][2]);
                }
            }
            pw.println();
            pw.println("LAMMPS:");
            pw.print(pairCoeff);
            pw.println();
            pw.println("LoDiS:");
            pw.print(lodisText);
            pw.flush(); // print() does not flush picocli's auto-flushing writer: without this the LoDiS text was lost
            return 0;
        }
    }

    /** {@code ddos surrogate evaluate}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Simulate Delta H_mix and a of a given cross set (default homonuclear sets) or of a complete published"
                    + " LoDiS binary file, optionally against targets and a surrogate.")
    public static final class Evaluate implements Callable<Integer> {
        @Option(names = "--system", required = true, paramLabel = "A-B", description = "Binary; x = fraction of B.")
        String system;

        @Option(names = "--cross", paramLabel = "p,q,A,xi", description = "Heteronuclear set with the default homonuclear sets.")
        String cross;

        @Option(names = "--pot", paramLabel = "FILE.pot", description = "A published LoDiS binary file, simulated with its own pure sets and cutoffs.")
        Path pot;

        @Option(names = "--x", defaultValue = "0.25,0.5,0.75", paramLabel = "X1,X2,...", description = "Compositions (default: ${DEFAULT-VALUE}).")
        String xs;

        @Option(names = "--temperature", defaultValue = "1000", paramLabel = "K", description = "Temperature of Delta H_mix (default: ${DEFAULT-VALUE}).")
        double temperature;

        @Option(names = "--targets", paramLabel = "FILE.yaml", description = "Compare with these enthalpy targets and pure lattice parameters.")
        Path targetsFile;

        @Option(names = "--model", paramLabel = "DIR", description = "Also print this surrogate's prediction (--cross only).")
        Path model;

        @Option(names = "--sweeps", defaultValue = "300:3000", paramLabel = "EQ:PROD", description = "Alloy runs (default: ${DEFAULT-VALUE}).")
        String sweeps;

        @Option(names = "--pure-sweeps", defaultValue = "300:4000", paramLabel = "EQ:PROD", description = "Pure runs (default: ${DEFAULT-VALUE}).")
        String pureSweeps;

        @Option(names = "--seed", defaultValue = "11", paramLabel = "N", description = "Monte Carlo seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
        boolean json;

        @Spec
        CommandSpec spec;

        /**
         * Simulates Delta H_mix (meV/atom) and a (Å) of a --cross set or a --pot LoDiS binary file, optionally
         * against --targets and a --model surrogate; prints a table, or one JSON document with --json.
         *
         * @return 0
         * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
         *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
         */
        @Override
        public Integer call() throws Exception {
            if ((cross == null) == (pot == null)) {
                throw new IllegalArgumentException("give exactly one of --cross p,q,A,xi and --pot FILE.pot");
            }
            SmaBinary binary;
            HeteronuclearParameters h;
            if (pot != null) {
                LodisPotentialFile f = LodisPotentialFile.read(pot);
                binary = SmaBinary.fromLodis(f);
                h = SmaBinary.publishedCross(f);
                if (binary.swapped().name().equals(system)) {
                    binary = binary.swapped();
                } else if (!binary.name().equals(system)) {
                    throw new IllegalArgumentException(pot + " describes " + binary.name() + ", not " + system);
                }
            } else {
                binary = SmaBinary.named(system);
                h = HeteronuclearParameters.parse(cross);
            }
            CalibrationTargets targets = targetsFile == null ? null : CalibrationTargets.read(targetsFile);
            MixingSurrogate sur = model == null ? null : MixingSurrogate.load(model);
            if (sur != null && pot != null) {
                throw new IllegalArgumentException("--model applies to --cross with the default homonuclear sets, not to --pot");
            }
            double[] sw = range(sweeps, "--sweeps");
            double[] ps = range(pureSweeps, "--pure-sweeps");
            MixingSimulator sim = new MixingSimulator(binary, MixingSettings.defaults().withSweeps((int) sw[0], (int) sw[1], (int) ps[0], (int) ps[1]));
            List<Map<String, Object>> rows = new ArrayList<>();
            PrintWriter pw = spec.commandLine().getOut();
            if (!json) {
                pw.printf(Locale.ROOT, "%s, cross set p=%.5f q=%.5f A=%.6f xi=%.6f (r0_AB %.5f Å, cutoffs %.5f / %.5f Å); homonuclear: %s%n",
                        binary.name(), h.p(), h.q(), h.a(), h.xi(), binary.crossR0(), binary.crossCutoffStart(), binary.crossCutoffEnd(),
                        binary.source());
                pw.printf(Locale.ROOT, "%6s %7s %16s %10s %10s %11s%s%n", "x", "T(K)", "dH sim (meV)", "target", "sim-target", "a sim(Å)",
                        sur == null ? "" : "  surrogate dH / a");
            }
            int k = 0;
            for (double x : list(xs, "--x")) {
                MixingResult r = sim.simulate(h, x, temperature, seed + k++);
                double target = Double.NaN;
                if (targets != null) {
                    for (CalibrationTargets.EnthalpyTarget t : targets.enthalpy()) {
                        if (Math.abs(t.x() - x) < 1e-9 && t.temperature() == temperature) {
                            target = t.value();
                            break;
                        }
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("x", r.x());
                m.put("temperature_K", temperature);
                m.put("simulated_dH_meV", r.mixingEnthalpy());
                m.put("simulated_dH_error_meV", r.mixingEnthalpyError());
                m.put("target_dH_meV", JsonOutput.finite(target));
                m.put("simulation_minus_target_meV", JsonOutput.finite(r.mixingEnthalpy() - target));
                m.put("simulated_a_A", r.latticeParameter());
                m.put("simulated_a_error_A", r.latticeParameterError());
                String extra = "";
                if (sur != null) {
                    var p = sur.predict(h, r.x(), temperature);
                    m.put("surrogate_dH_meV", p.mixingEnthalpy());
                    m.put("surrogate_a_A", p.latticeParameter());
                    extra = String.format(Locale.ROOT, "  %.3f / %.5f%s", p.mixingEnthalpy(), p.latticeParameter(), p.extrapolated() ? " [EXTRAPOLATED]" : "");
                }
                rows.add(m);
                if (!json) {
                    pw.printf(Locale.ROOT, "%6.4f %7.0f %9.3f +-%5.3f %10.3f %10.3f %11.5f%s%n", r.x(), temperature, r.mixingEnthalpy(),
                            r.mixingEnthalpyError(), target, r.mixingEnthalpy() - target, r.latticeParameter(), extra);
                }
            }
            Map<String, Object> pureOut = new LinkedHashMap<>();
            if (targets != null && !targets.pureLattice().isEmpty()) {
                double[][] pure = AlloyCalibration.pureLatticeCheck(sim, targets);
                for (int s = 0; s < 2; s++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("simulated_a_A", pure[s][0]);
                    m.put("experimental_a_A", JsonOutput.finite(pure[s][1]));
                    m.put("relative_deviation", JsonOutput.finite(pure[s][2]));
                    pureOut.put(binary.element(s), m);
                    if (!json) {
                        pw.printf(Locale.ROOT, "pure %s at %.0f K: a = %.5f Å, experiment %.4f Å, deviation %+.3f%%%n", binary.element(s),
                                targets.latticeTemperature(), pure[s][0], pure[s][1], 100 * pure[s][2]);
                    }
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("command", "surrogate evaluate");
                doc.put("system", binary.name());
                doc.put("source", pot != null ? pot.toString() : "default homonuclear sets");
                doc.put("cross", List.of(h.p(), h.q(), h.a(), h.xi()));
                doc.put("points", rows);
                doc.put("pure_lattice", pureOut);
                pw.println(JsonOutput.write(doc));
            }
            return 0;
        }
    }
}
