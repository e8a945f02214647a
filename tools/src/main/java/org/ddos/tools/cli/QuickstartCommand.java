package org.ddos.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ddos.calibration.quickstart.Quickstart;
import org.ddos.calibration.quickstart.QuickstartResult;
import org.ddos.calibration.quickstart.QuickstartSettings;
import org.ddos.calibration.tuning.CalibrationResult;
import org.ddos.calibration.tuning.TrajectoryPoint;
import org.ddos.calibration.uncertainty.EnsemblePropagation;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.transition.TransitionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddos quickstart [--out DIR] [--quick]}: the whole method on the built-in example
 * (Cleri–Rosato Mg, fcc and hcp; {@link Quickstart}), one progress bar per step, then
 * DIR/report.md, the PNG plots and every input needed to redo each step with the other commands
 * (structure files, the SMA potential file, the coefficient file, campaign YAMLs, the
 * covariance). No physics here: the numbers come from {@link Quickstart#run}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Run the method end to end on a built-in example made only from published parameters"
                + " (Cleri-Rosato Mg, fcc vs hcp): lattices, Hessians, sampling, score matching, archives, F(T), T_c,"
                + " fine-tuning, uncertainty propagation. Writes DIR/report.md, PNG plots and the inputs of every step.")
public final class QuickstartCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "ddos-quickstart", paramLabel = "DIR",
            description = "Output directory, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick", description = "Smoke version (under 30 s): 10 isosurfaces of 400 samples, 200 ensemble members.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Sampling threads (default: available processors; results do not depend on it).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Sampling seed (default: ${DEFAULT-VALUE}); another seed is another random realisation of the campaign.")
    long seed;

    @Spec
    CommandSpec spec;

    /**
     * Runs the built-in end-to-end example and writes report.md, summary.json, the PNG plots and the
     * inputs of every step into --out (created if needed).
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        int nt = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nt < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + nt);
        }
        QuickstartSettings s = (quick ? QuickstartSettings.quick(nt) : QuickstartSettings.full(nt)).withSeed(seed);
        Files.createDirectories(out);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        QuickstartResult r;
        Bars bars = new Bars();
        try {
            r = Quickstart.run(s, out, bars);
        } finally {
            bars.close();
        }
        try (ProgressBar bar = bar("[" + (Quickstart.Step.values().length + 1) + "/" + (Quickstart.Step.values().length + 1)
                + "] report and plots", 4)) {
            Files.writeString(out.resolve(s.metal().element() + ".pot"), potentialFile(s, -r.phase("hcp").lattice().energyPerAtom()));
            writeCoefficients(out.resolve(coeffName(s)), r.theta0(), s);
            writeCoefficients(out.resolve(tunedName(s)), r.tuning().theta(), s);
            for (QuickstartResult.PhaseSetup p : r.phases()) {
                StructureFormats.write(out.resolve(p.name() + ".xyz"), p.structure());
                Files.writeString(out.resolve(p.name() + ".yaml"), campaignYaml(s, p.name()));
            }
            Files.writeString(out.resolve("covariance.csv"), csv(r.covariance()));
            bar.step();
            Plots.freeEnergies(r.temperatures(), freeEnergyRows(r), out.resolve("free-energy.png"));
            Plots.deltaFreeEnergy("fcc -> hcp", r.temperatures(), deltaF(r), r.transition().deltaFUncertainty(), harmonicDeltaF(r),
                    r.transition().found() ? r.transition().transitionTemperature() : Double.NaN, r.transition().uncertainty(),
                    out.resolve("delta-free-energy.png"));
            bar.step();
            Plots.trajectory(r.tuning(), s.targetTc(), out.resolve("tuning.png"));
            Plots.ensemble(r.ensemble(), out.resolve("tc-distribution.png"));
            bar.step();
            double total = (System.nanoTime() - start) * 1e-9;
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Files.writeString(out.resolve("report.md"), report(r, total, loadBefore, loadAfter), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("summary.json"), JsonOutput.write(summary(r, total)), StandardCharsets.UTF_8);
            bar.step();
        }
        double total = (System.nanoTime() - start) * 1e-9;
        PrintWriter o = spec.commandLine().getOut();
        TransitionResult tr = r.transition();
        o.printf(Locale.ROOT, "%s, fcc -> hcp: %s%n", s.metal().label(), tr.found()
                ? String.format(Locale.ROOT, "T_c = %.0f +- %.0f K (harmonic: %s)", tr.transitionTemperature(), tr.uncertainty(),
                        fmtK(r.harmonicTransition()))
                : "no transition in " + (int) s.tMin() + ".." + (int) s.tMax() + " K");
        CalibrationResult.TargetOutcome t = r.tuning().outcomes().get(0);
        o.printf(Locale.ROOT, "fine-tuned to %.0f K: T_c = %.1f K, |dtheta|/|theta0| = %.2f%%, 0 K difference held%n", s.targetTc(),
                t.value(), 100 * r.tuning().relativeChange());
        EnsemblePropagation.TransitionSummary ts = r.ensemble().transition();
        if (ts.found() > 0) {
            o.printf(Locale.ROOT, "T_c over %d members (%.1f%% A and xi): median %.0f K, 68%% in [%.0f, %.0f] K%n", r.ensemble().members(),
                    100 * s.relativeSigma(), ts.percentiles()[2], ts.percentiles()[1], ts.percentiles()[3]);
        }
        o.printf(Locale.ROOT, "%.1f s. Report: %s%nPlots: %s, %s, %s, %s%n", total, out.resolve("report.md"),
                out.resolve("free-energy.png"), out.resolve("delta-free-energy.png"), out.resolve("tuning.png"),
                out.resolve("tc-distribution.png"));
        o.flush();
        return 0;
    }

    private static ProgressBar bar(String name, long max) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(max)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** One progress bar per library step. */
    private static final class Bars implements Quickstart.Progress {
        private Quickstart.Step current;
        private ProgressBar bar;

        @Override
        public synchronized void update(Quickstart.Step step, long done, long total, String message) {
            if (step != current) {
                close();
                current = step;
                int n = Quickstart.Step.values().length + 1;
                bar = bar("[" + (step.ordinal() + 1) + "/" + n + "] " + step.label(), Math.max(1, total));
            }
            bar.maxHint(Math.max(1, total));
            bar.stepTo(Math.min(done, Math.max(1, total)));
            bar.setExtraMessage(message);
        }

        synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }

    static String coeffName(QuickstartSettings s) {
        return s.metal().element() + ".snapcoeff";
    }

    static String tunedName(QuickstartSettings s) {
        return s.metal().element() + "-tuned.snapcoeff";
    }

    /** The SMA potential of the example as a LoDiS file (read back by {@code ddos sample}). */
    static String potentialFile(QuickstartSettings s, double cohesiveEnergy) {
        SmaPairParameters p = s.pair();
        return LodisPotentialFile.formatPure(s.metal().element(), p, cohesiveEnergy,
                org.ddos.descriptors.structure.PeriodicTable.standardAtomicWeight(s.metal().element()),
                List.of(s.metal().label() + " second-moment parameters: Cleri and Rosato, Phys. Rev. B 48, 22 (1993)",
                        "(p, q, A, xi as tabulated in GMIN Gupta.f); r0 = " + s.r0() + " A (experimental hcp a, Ashcroft-Mermin);",
                        "quintic tail from r0 sqrt(5) to r0 sqrt(6) (fifth neighbours of fcc included). Written by ddos quickstart.",
                        "Cohesion energy: -E_0 of relaxed hcp with this potential (informational)."));
    }

    /** theta = (A, xi) as a one-element linear coefficient file (beta0 = 0). */
    static void writeCoefficients(Path file, double[] theta, QuickstartSettings s) throws IOException {
        List<String> header = List.of("# theta = (A, xi) in eV of the second-moment potential " + s.metal().label()
                + ", linear in the descriptor (R, -B)", "# (org.ddos.descriptors.sma.SmaLinearPotential); beta0 = 0. Written by ddos quickstart.");
        double[] c = {0.0, theta[0], theta[1]};
        new SnapCoefficients(header, new String[] {s.metal().element()}, new double[] {1.0}, new double[] {1.0},
                new double[][] {c}, false).write(file);
    }

    /** The campaign YAML that reproduces one phase's archive with {@code ddos sample}. */
    static String campaignYaml(QuickstartSettings s, String phase) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(s.metal().label()).append(", ").append(phase).append(": the campaign of ddos quickstart")
                .append(quickLabel(s)).append(".\n");
        sb.append("# ddos sample --config ").append(phase).append(".yaml  writes ").append(phase)
                .append("-resampled.ddos, identical to ").append(phase).append(".ddos (any --threads).\n");
        sb.append("name: ").append(phase).append('\n');
        sb.append("structure: ").append(phase).append(".xyz\n");
        sb.append("elements: ").append(s.metal().element()).append('\n');
        sb.append("sma: ").append(s.metal().element()).append(".pot\n");
        sb.append("skin: ").append(s.neighborSkin()).append('\n');
        sb.append("isosurfaces: [");
        double[] iso = s.isosurfaces();
        for (int i = 0; i < iso.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(iso[i]);
        }
        sb.append("]\n");
        sb.append("strains: [0.0]\n");
        sb.append("samples: ").append(s.samples()).append('\n');
        sb.append("pilot_samples: ").append(s.pilotSamples()).append('\n');
        sb.append("bins: ").append(s.bins()).append('\n');
        sb.append("flavor: hessian\n");
        sb.append("seed: ").append(s.seed()).append('\n');
        sb.append("out: ").append(phase).append("-resampled.ddos\n");
        return sb.toString();
    }

    private static String quickLabel(QuickstartSettings s) {
        return s.samples() < QuickstartSettings.full(1).samples() ? " (--quick)" : "";
    }

    static String csv(double[][] m) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                sb.append(j == 0 ? "" : ",").append(row[j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** name -&gt; {F, sigma, F_H} on the grid, NaN where unsolved. */
    private static Map<String, double[][]> freeEnergyRows(QuickstartResult r) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        for (QuickstartResult.PhaseSetup p : r.phases()) {
            FreeEnergyResult[] f = r.freeEnergies().get(p.name());
            double[][] v = new double[3][f.length];
            for (int i = 0; i < f.length; i++) {
                v[0][i] = f[i].unsolved() ? Double.NaN : f[i].freeEnergy();
                v[1][i] = f[i].uncertainty();
                v[2][i] = p.harmonicFreeEnergy()[i];
            }
            m.put(p.name(), v);
        }
        return m;
    }

    private static double[] deltaF(QuickstartResult r) {
        TransitionResult t = r.transition();
        double[] d = t.deltaF().clone();
        for (int i = 0; i < d.length; i++) {
            if (t.gridUnsolved()[i]) {
                d[i] = Double.NaN;
            }
        }
        return d;
    }

    private static double[] harmonicDeltaF(QuickstartResult r) {
        double[] a = r.phase("fcc").harmonicFreeEnergy();
        double[] b = r.phase("hcp").harmonicFreeEnergy();
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = b[i] - a[i];
        }
        return d;
    }

    private static String fmtK(double t) {
        return Double.isFinite(t) ? String.format(Locale.ROOT, "%.0f K", t) : "outside the range";
    }

    /** The shell commands that redo each step from the files in the output directory. */
    List<String[]> commands(QuickstartResult r) {
        QuickstartSettings s = r.settings();
        String d = out.toString();
        String grid = temperatureGrid(s);
        String phases = "--phase fcc=" + d + "/fcc.ddos --phase hcp=" + d + "/hcp.ddos";
        String order = " --order " + s.scoreOrder();
        String coeff = " --coeff " + d + "/" + coeffName(s);
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"3. Sampling campaign (fcc; same for hcp): a bit-identical archive " + d + "/fcc-resampled.ddos",
            "./ddos sample --config " + d + "/fcc.yaml"});
        c.add(new String[] {"3. Sampling campaign (hcp)", "./ddos sample --config " + d + "/hcp.yaml"});
        c.add(new String[] {"5. Archives (what was sampled, and its provenance)", "./ddos archive info " + d + "/fcc.ddos"});
        c.add(new String[] {"6. F(T) per phase", "./ddos free-energy " + phases + coeff + order + " --temperatures " + grid});
        c.add(new String[] {"7. T_c and DeltaF(T)", "./ddos transition " + phases + coeff + order + " --temperatures " + grid});
        c.add(new String[] {"8. Fine-tuning (writes the tuned coefficients and the trajectory plot)",
            "./ddos tune " + phases + coeff + order + " --temperatures " + grid + " --target-tc " + fmt(s.targetTc())
                    + " --hold-e0 --ridge " + fmt(s.ridge()) + " --steps " + s.maxIterations() + " --out " + d + "/" + tunedName(s)
                    + " --plot " + d + "/tuning.png"});
        c.add(new String[] {"8. T_c of the tuned parameters",
            "./ddos transition " + phases + " --coeff " + d + "/" + tunedName(s) + order + " --temperatures " + grid});
        c.add(new String[] {"9. Uncertainty propagation (writes the T_c distribution plot)",
            "./ddos uq " + phases + coeff + order + " --covariance " + d + "/covariance.csv --samples " + s.members() + " --seed "
                    + s.ensembleSeed() + " --temperatures " + grid + " --plot " + d + "/tc-distribution.png"});
        return c;
    }

    static String temperatureGrid(QuickstartSettings s) {
        return fmt(s.tMin()) + ":" + fmt(s.tMax()) + ":" + s.gridPoints();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private String report(QuickstartResult r, double totalSeconds, double loadBefore, double loadAfter) {
        QuickstartSettings s = r.settings();
        SmaPairParameters p = r.pair();
        StringBuilder b = new StringBuilder();
        b.append("# ddos quickstart report").append(quick ? " (--quick smoke version)" : "").append("\n\n");
        b.append("Written ").append(Instant.now()).append(" by `ddos quickstart").append(quick ? " --quick" : "")
                .append(seed != 1 ? " --seed " + seed : "").append(" --out ").append(out).append("`.\n\n");
        b.append("## Versions and machine\n\n");
        b.append("| item | value |\n|---|---|\n");
        b.append("| ddos | ").append(ArchiveCommand.version()).append(" |\n");
        b.append("| Java | ").append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append(") |\n");
        b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(' ')
                .append(System.getProperty("os.arch")).append(" |\n");
        b.append("| processors / threads used | ").append(Runtime.getRuntime().availableProcessors()).append(" / ")
                .append(s.threads()).append(" |\n");
        b.append(String.format(Locale.ROOT, "| load average (1 min) before / after | %.2f / %.2f |%n", loadBefore, loadAfter));
        b.append(String.format(Locale.ROOT, "| wall time | %.1f s |%n%n", totalSeconds));

        b.append("## The example\n\n");
        b.append(String.format(Locale.ROOT, "%s second-moment (TB-SMA) potential, E = sum_i [ sum_j A exp(-p (r_ij/r0 - 1))"
                + " - sqrt( sum_j xi^2 exp(-2 q (r_ij/r0 - 1)) ) ], with the published parameters of Cleri and Rosato,"
                + " Phys. Rev. B 48, 22 (1993): p = %s, q = %s, A = %s eV, xi = %s eV; r0 = %s Å (the experimental hcp"
                + " lattice constant a of Mg); quintic tail from r0 sqrt(5) = %.4f Å to r0 sqrt(6) = %.4f Å (fifth"
                + " neighbours of fcc included; with it the lattice sums give the cohesive energy the set was fitted to);"
                + " mass %.3f amu. The energy is linear in theta = (A, xi) for the descriptor D = (R, -B): theta is what is"
                + " fine-tuned and propagated. Phases: fcc (%d atoms) and hcp (%d atoms), each sampled at its own 0 K"
                + " equilibrium volume. Why this example: docs/quickstart.md.%n%n",
                s.metal().label(), p.p(), p.q(), p.a(), p.xi(), p.r0(), p.cutoffStart(), p.cutoffEnd(),
                r.phase("fcc").structure().massOf(0), r.phase("fcc").structure().atomCount(),
                r.phase("hcp").structure().atomCount()));

        b.append("## 1. Lattices (0 K, relaxed)\n\n");
        b.append("| phase | a (Å) | c/a | V (Å^3/atom) | E_0 (eV/atom) | cell | atoms |\n|---|---|---|---|---|---|---|\n");
        int[] h = s.hcpRepeats();
        for (QuickstartResult.PhaseSetup ph : r.phases()) {
            String cell = ph.name().equals("fcc") ? s.fccRepeats() + "x" + s.fccRepeats() + "x" + s.fccRepeats() + " cubic"
                    : h[0] + "x" + h[1] + "x" + h[2] + " hexagonal";
            b.append(String.format(Locale.ROOT, "| %s | %.5f | %.5f | %.4f | %.6f | %s | %d |%n", ph.name(), ph.lattice().a(),
                    ph.lattice().ratio(), ph.lattice().volumePerAtom(), ph.lattice().energyPerAtom(), cell, ph.structure().atomCount()));
        }
        b.append(String.format(Locale.ROOT, "%nE_0(hcp) - E_0(fcc) = %+.3f meV/atom: fcc is the 0 K ground state of this"
                + " potential.%n%n", 1000 * r.latticeEnergyDifference()));

        b.append("## 2. Hessians: mechanical stability and the harmonic free energy\n\n");
        b.append("| phase | smallest eigenvalue (eV/(Å^2 amu)) | smallest frequency (THz) | <ln omega> (omega in rad/ps) | stable |\n"
                + "|---|---|---|---|---|\n");
        for (QuickstartResult.PhaseSetup ph : r.phases()) {
            b.append(String.format(Locale.ROOT, "| %s | %.5g | %.4f | %.6f | %s |%n", ph.name(), ph.minimumEigenvalue(),
                    ph.minimumFrequency() / (2 * Math.PI), ph.logMeanFrequency(), ph.stable() ? "yes" : "NO"));
        }
        double dl = r.phase("hcp").logMeanFrequency() - r.phase("fcc").logMeanFrequency();
        b.append(String.format(Locale.ROOT, "%nF_H(T) = E_0 + 3 k_B T (<ln omega> + ln(hbar / k_B T)) (three degrees of freedom per"
                + " atom, the D-DOS convention). Delta<ln omega> (hcp - fcc) = %+.5f: hcp is %s, so DeltaF_H = DeltaE_0 +"
                + " 3 k_B T Delta<ln omega> %s; harmonic T_c = %s.%n%n", dl, dl < 0 ? "softer (more vibrational entropy)" : "stiffer",
                dl < 0 ? "falls with T" : "rises with T", fmtK(r.harmonicTransition())));

        b.append("## 3. Sampling campaign\n\n");
        b.append(String.format(Locale.ROOT, "Hessian isosurfaces, %d values h/U_0 from %s to %s (log-spaced; U_0 = 1.5 k_B x 1000 K,"
                + " so 1.0 is about 1000 K), %d samples each after %d pilot samples, %d bins per mode, seed %d, one volume per"
                + " phase. %d descriptor evaluations in %.1f s.%n%n", s.isosurfaces().length, s.isosurfaces()[0],
                s.isosurfaces()[s.isosurfaces().length - 1], s.samples(), s.pilotSamples(), s.bins(), s.seed(),
                2L * s.isosurfaces().length * (s.samples() + s.pilotSamples()), r.seconds().get(Quickstart.Step.SAMPLING)));
        b.append("## 4. Score matching\n\n");
        b.append(String.format(Locale.ROOT, "Chebyshev basis, order %d (the commands below pass `--order %d`), every isosurface and"
                + " mode, in %.2f s.%n%n", s.scoreOrder(), s.scoreOrder(), r.seconds().get(Quickstart.Step.SCORE_MATCHING)));
        b.append("## 5. Archives\n\n");
        b.append("`fcc.ddos` and `hcp.ddos` (ddos phase archives: compressed histograms, mergeable; see docs/formats.md).\n\n");

        b.append("## 6. Free energies F(T) of theta_0\n\n");
        b.append("| T (K) | F_fcc (eV/atom) | sigma (meV) | F_fcc - F_H (meV) | F_hcp (eV/atom) | sigma (meV) | F_hcp - F_H (meV) |\n"
                + "|---|---|---|---|---|---|---|\n");
        double[] temps = r.temperatures();
        FreeEnergyResult[] fa = r.freeEnergies().get("fcc");
        FreeEnergyResult[] fb = r.freeEnergies().get("hcp");
        int stride = Math.max(1, (temps.length - 1) / 14);
        for (int i = 0; i < temps.length; i += stride) {
            b.append(String.format(Locale.ROOT, "| %.0f | %.6f%s | %.3f | %+.3f | %.6f%s | %.3f | %+.3f |%n", temps[i],
                    fa[i].freeEnergy(), fa[i].unsolved() ? " (unsolved)" : "", 1000 * fa[i].uncertainty(),
                    1000 * (fa[i].freeEnergy() - r.phase("fcc").harmonicFreeEnergy()[i]), fb[i].freeEnergy(),
                    fb[i].unsolved() ? " (unsolved)" : "", 1000 * fb[i].uncertainty(),
                    1000 * (fb[i].freeEnergy() - r.phase("hcp").harmonicFreeEnergy()[i])));
        }
        b.append("\nPlot: `free-energy.png` (F(T) with one-sigma bands, and F - F_H).\n\n");

        TransitionResult tr = r.transition();
        b.append("## 7. Transition temperature fcc -> hcp\n\n");
        if (tr.found()) {
            b.append(String.format(Locale.ROOT, "**T_c = %.1f +- %.1f K** (one sigma from the score bands of both phases;"
                    + " harmonic T_c %s); dDeltaF/dT = %.4g eV/(atom K); dT_c/dtheta = (%.4g, %.4g) K/eV%s%s.%n%n",
                    tr.transitionTemperature(), tr.uncertainty(), fmtK(r.harmonicTransition()), tr.slope(), tr.gradient()[0],
                    tr.gradient()[1], tr.crossings() > 1 ? "; first of " + tr.crossings() + " crossings" : "",
                    tr.unsolved() ? "; WARNING: a phase is unsolved at T_c" : ""));
        } else {
            b.append("No crossing in the temperature range.\n\n");
        }
        b.append("| T (K) | DeltaF D-DOS (meV/atom) | sigma (meV) | DeltaF harmonic (meV/atom) | status |\n|---|---|---|---|---|\n");
        double[] dh = harmonicDeltaF(r);
        for (int i = 0; i < temps.length; i += stride) {
            b.append(String.format(Locale.ROOT, "| %.0f | %+.3f | %.3f | %+.3f | %s |%n", temps[i], 1000 * tr.deltaF()[i],
                    1000 * tr.deltaFUncertainty()[i], 1000 * dh[i], tr.gridUnsolved()[i] ? "unsolved" : "ok"));
        }
        b.append("\nPlot: `delta-free-energy.png` (T_c and T_c +- sigma marked).\n\n");

        CalibrationResult t = r.tuning();
        CalibrationResult.TargetOutcome o = t.outcomes().get(0);
        List<TrajectoryPoint> traj = t.trajectory();
        double e0Before = r.learned().get("hcp").campaign().latticeEnergy(t.theta0())
                - r.learned().get("fcc").campaign().latticeEnergy(t.theta0());
        double e0After = r.learned().get("hcp").campaign().latticeEnergy(t.theta())
                - r.learned().get("fcc").campaign().latticeEnergy(t.theta());
        b.append("## 8. Fine-tuning: T_c to ").append(fmt(s.targetTc())).append(" K, 0 K energy difference held\n\n");
        b.append(String.format(Locale.ROOT, "Minimise (T_c - %s K)^2 + %s |theta - theta_0|^2 over theta = (A, xi) with"
                + " theta.(D_0^hcp - D_0^fcc) held exactly (Levenberg-Marquardt, the `ddos tune` default); %s.%n%n", fmt(s.targetTc()),
                fmt(s.ridge()), t.message()));
        b.append("| | A (eV) | xi (eV) | T_c (K) | E_0(hcp) - E_0(fcc) (meV/atom) |\n|---|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| published | %.8f | %.8f | %.1f | %+.6f |%n", t.theta0()[0], t.theta0()[1],
                traj.get(0).targetValues()[0], 1000 * e0Before));
        b.append(String.format(Locale.ROOT, "| tuned | %.8f | %.8f | %.1f +- %.1f | %+.6f |%n%n", t.theta()[0], t.theta()[1],
                o.value(), o.uncertainty(), 1000 * e0After));
        b.append(String.format(Locale.ROOT, "Relative parameter change %.3f%%; %d single-phase free-energy evaluations; %.2f s. Plot:"
                + " `tuning.png`.%n%n", 100 * t.relativeChange(), t.evaluations(), r.seconds().get(Quickstart.Step.TUNING)));

        EnsemblePropagation.EnsembleResult u = r.ensemble();
        EnsemblePropagation.TransitionSummary ts = u.transition();
        b.append("## 9. Uncertainty propagation\n\n");
        b.append(String.format(Locale.ROOT, "%d members of N(theta_0, Sigma), Sigma = diag((%.1f%% A)^2, (%.1f%% xi)^2)"
                + " (`covariance.csv`), seed %d, evaluated in %.2f s.%n%n", u.members(), 100 * s.relativeSigma(),
                100 * s.relativeSigma(), s.ensembleSeed(), u.seconds()));
        if (ts.found() > 0) {
            double[] q = ts.percentiles();
            b.append(String.format(Locale.ROOT, "T_c percentiles 2.5 / 16 / 50 / 84 / 97.5: %.1f / %.1f / %.1f / %.1f / %.1f K;"
                    + " mean %.1f K, std %.1f K (linearised g^T Sigma g: %.1f K); %d of %d members in range, %d above, %d below.%n%n",
                    q[0], q[1], q[2], q[3], q[4], ts.mean(), ts.std(), ts.linearisedStd(), ts.found(), u.members(),
                    ts.aStableThroughout(), ts.bStableThroughout()));
        } else {
            b.append("No member has a transition in the range.\n\n");
        }
        b.append("Plot: `tc-distribution.png`.\n\n");

        b.append("## Reproduce each step with the command-line tool\n\n");
        b.append("Run from the repository root. Steps 1-2 are inputs (the relaxed cells `fcc.xyz` and `hcp.xyz`, the potential"
                + " `" + s.metal().element() + ".pot`, theta_0 in `" + coeffName(s) + "`); every command below reads the files"
                + " written here and prints the numbers of this report.\n\n");
        for (String[] c : commands(r)) {
            b.append(c[0]).append(":\n\n    ").append(c[1]).append("\n\n");
        }
        b.append("## Timings\n\n| step | seconds |\n|---|---|\n");
        for (Map.Entry<Quickstart.Step, Double> e : r.seconds().entrySet()) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f |%n", e.getKey().label(), e.getValue()));
        }
        b.append(String.format(Locale.ROOT, "| total (with report and plots) | %.1f |%n", totalSeconds));
        return b.toString();
    }

    private Map<String, Object> summary(QuickstartResult r, double totalSeconds) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("command", "quickstart");
        d.put("quick", quick);
        d.put("example", r.settings().metal().label());
        d.put("theta0", r.theta0());
        d.put("temperatures_K", r.temperatures());
        Map<String, Object> phases = new LinkedHashMap<>();
        for (QuickstartResult.PhaseSetup p : r.phases()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("atoms", p.structure().atomCount());
            m.put("a_A", p.lattice().a());
            m.put("c_A", p.lattice().c());
            m.put("lattice_energy_eV_per_atom", p.lattice().energyPerAtom());
            m.put("minimum_eigenvalue_eV_per_A2_amu", p.minimumEigenvalue());
            m.put("log_mean_frequency", p.logMeanFrequency());
            FreeEnergyResult[] f = r.freeEnergies().get(p.name());
            double[] fe = new double[f.length];
            double[] sg = new double[f.length];
            boolean[] un = new boolean[f.length];
            for (int i = 0; i < f.length; i++) {
                fe[i] = f[i].freeEnergy();
                sg[i] = f[i].uncertainty();
                un[i] = f[i].unsolved();
            }
            m.put("free_energy_eV_per_atom", fe);
            m.put("uncertainty_eV_per_atom", sg);
            m.put("unsolved", un);
            m.put("harmonic_free_energy_eV_per_atom", p.harmonicFreeEnergy());
            phases.put(p.name(), m);
        }
        d.put("phases", phases);
        TransitionResult tr = r.transition();
        d.put("transition_found", tr.found());
        d.put("transition_temperature_K", JsonOutput.finite(tr.transitionTemperature()));
        d.put("transition_uncertainty_K", JsonOutput.finite(tr.uncertainty()));
        d.put("harmonic_transition_temperature_K", JsonOutput.finite(r.harmonicTransition()));
        d.put("delta_free_energy_eV_per_atom", tr.deltaF());
        d.put("tuned_theta", r.tuning().theta());
        d.put("tuned_transition_temperature_K", JsonOutput.finite(r.tuning().outcomes().get(0).value()));
        EnsemblePropagation.TransitionSummary ts = r.ensemble().transition();
        d.put("ensemble_members", r.ensemble().members());
        d.put("ensemble_transition_percentiles_K", ts.percentiles());
        d.put("ensemble_transition_found", ts.found());
        d.put("seconds", totalSeconds);
        Map<String, Double> steps = new LinkedHashMap<>();
        r.seconds().forEach((k, v) -> steps.put(k.label(), v));
        d.put("step_seconds", steps);
        d.put("boltzmann_eV_per_K", PhysicalConstants.BOLTZMANN_EV_PER_K);
        return d;
    }
}
