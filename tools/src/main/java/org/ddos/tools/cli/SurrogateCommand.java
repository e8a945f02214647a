package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ddos.calibration.alloy.DatasetDesign;
import org.ddos.calibration.alloy.DatasetGenerator;
import org.ddos.calibration.alloy.MixingSample;
import org.ddos.calibration.alloy.MixingSettings;
import org.ddos.calibration.alloy.ParameterBox;
import org.ddos.calibration.alloy.SmaBinary;
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
        })
public final class SurrogateCommand implements Runnable {
    @Spec
    CommandSpec spec;

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
}
