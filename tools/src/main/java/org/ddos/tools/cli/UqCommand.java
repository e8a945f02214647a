package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddos.calibration.uncertainty.EnsemblePropagation;
import org.ddos.calibration.uncertainty.ParameterEnsembles;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos uq}: forward propagation of a parameter ensemble. */
@Command(name = "uq", mixinStandardHelpOptions = true,
        description = "Propagate a parameter ensemble (--ensemble, one theta per row, CSV or .npy; or N(theta0, Sigma) with"
                + " --covariance and --samples) to percentiles of F(T) per phase and of T_c(A->B) for the first two phases,"
                + " with the linearised cross-check g^T Sigma g.")
public final class UqCommand implements Callable<Integer> {
    @Mixin
    PhaseInputs inputs;

    @Option(names = "--ensemble", paramLabel = "FILE", description = "Parameter vectors, one per row (CSV/whitespace text or float64 .npy).")
    Path ensemble;

    @Option(names = "--covariance", paramLabel = "FILE", description = "K x K covariance Sigma of theta (CSV or .npy); with --samples.")
    Path covariance;

    @Option(names = "--samples", paramLabel = "N", description = "Members drawn from N(theta0, Sigma).")
    Integer samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--temperatures", defaultValue = "500:2500:11", paramLabel = "T1,T2|START:STOP:COUNT",
            description = "Temperatures in K; T_c is bracketed on this grid (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of tables.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "PNG: T_c histogram and spread of F per phase.")
    Path plot;

    @Spec
    CommandSpec spec;

    /**
     * Propagates the parameter ensemble (--ensemble rows, or --samples draws of N(theta0, Sigma) with
     * --covariance, theta0 from --coeff) and prints percentiles of F(T) (eV/atom) per phase and of T_c(A -&gt; B) (K) for the
     * first two phases, with the linearised g^T Sigma g cross-check: tables, or one JSON document with
     * --json; --plot writes a PNG.
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        if ((ensemble == null) == (covariance == null)) {
            throw new IllegalArgumentException("give either --ensemble FILE or --covariance FILE --samples N");
        }
        if (covariance != null && (samples == null || samples < 1)) {
            throw new IllegalArgumentException("--covariance needs --samples N with N >= 1");
        }
        if (ensemble != null && samples != null) {
            throw new IllegalArgumentException("--samples applies to --covariance, not to --ensemble");
        }
        double[] temps = TemperatureGrid.parse(temperatures);
        Map<String, PhaseFreeEnergy> phases = inputs.load();
        Iterator<String> it = phases.keySet().iterator();
        String first = it.next();
        int k = phases.get(first).descriptorCount();
        double[] theta0 = inputs.theta(k);
        double[][] sigma = null;
        double[][] thetas;
        if (ensemble != null) {
            thetas = ParameterEnsembles.read(ensemble, k);
        } else {
            sigma = ParameterEnsembles.readMatrix(covariance);
            thetas = ParameterEnsembles.gaussian(theta0, sigma, samples, seed);
        }
        String[] pair = phases.size() >= 2 ? new String[] {first, it.next()} : null;
        if (pair != null) {
            TemperatureGrid.requireRange(temps);
        }
        EnsemblePropagation.EnsembleResult r = EnsemblePropagation.propagate(phases, pair, thetas, temps, theta0, sigma);
        if (plot != null) {
            Plots.ensemble(r, plot);
        }
        PrintWriter out = spec.commandLine().getOut();
        double[] pc = EnsemblePropagation.PERCENTILES;
        EnsemblePropagation.TransitionSummary ts = r.transition();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "uq");
            doc.put("coefficients", inputs.coeff.toString());
            doc.put("source", ensemble != null ? ensemble.toString() : "gaussian " + covariance + " seed " + seed);
            doc.put("members", r.members());
            doc.put("percentiles", pc);
            doc.put("linearised_from", r.linearisedFrom());
            doc.put("seconds", r.seconds());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String p : r.phases()) {
                EnsemblePropagation.PhaseSummary s = r.freeEnergies().get(p);
                for (int t = 0; t < temps.length; t++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("phase", p);
                    row.put("temperature_K", temps[t]);
                    row.put("central_eV_per_atom", s.central()[t]);
                    row.put("percentiles_eV_per_atom", s.percentiles()[t]);
                    row.put("mean_eV_per_atom", s.mean()[t]);
                    row.put("std_eV_per_atom", JsonOutput.finite(s.std()[t]));
                    row.put("linearised_std_eV_per_atom", JsonOutput.finite(s.linearisedStd()[t]));
                    row.put("unsolved_members", s.unsolvedMembers()[t]);
                    rows.add(row);
                }
            }
            doc.put("free_energies", rows);
            if (ts != null) {
                Map<String, Object> tc = new LinkedHashMap<>();
                tc.put("phase_a", ts.phaseA());
                tc.put("phase_b", ts.phaseB());
                tc.put("central_K", JsonOutput.finite(ts.central()));
                tc.put("central_unsolved", ts.centralUnsolved());
                tc.put("percentiles_K", ts.percentiles());
                tc.put("mean_K", JsonOutput.finite(ts.mean()));
                tc.put("std_K", JsonOutput.finite(ts.std()));
                tc.put("linearised_std_K", JsonOutput.finite(ts.linearisedStd()));
                tc.put("found", ts.found());
                tc.put("above_range", ts.aStableThroughout());
                tc.put("below_range", ts.bStableThroughout());
                tc.put("outside_share", ts.outsideShare());
                tc.put("unsolved_at_tc", ts.unsolvedAtTc());
                doc.put("transition", tc);
            }
            out.println(JsonOutput.write(doc));
        } else {
            out.printf(Locale.ROOT, "%d members (%s); linearised spread from the %s; %.2f s%n", r.members(),
                    ensemble != null ? ensemble.toString() : "N(theta0, Sigma) from " + covariance + ", seed " + seed,
                    r.linearisedFrom(), r.seconds());
            out.println();
            out.printf(Locale.ROOT, "%-8s %8s %13s %13s %13s %13s %13s %13s %10s %10s %s%n", "phase", "T(K)", "F(theta0)", "p2.5", "p16",
                    "p50", "p84", "p97.5", "std(meV)", "lin(meV)", "unsolved");
            for (String p : r.phases()) {
                EnsemblePropagation.PhaseSummary s = r.freeEnergies().get(p);
                for (int t = 0; t < temps.length; t++) {
                    double[] q = s.percentiles()[t];
                    out.printf(Locale.ROOT, "%-8s %8.1f %13.6f %13.6f %13.6f %13.6f %13.6f %13.6f %10.4f %10.4f %d%n", p, temps[t],
                            s.central()[t], q[0], q[1], q[2], q[3], q[4], 1000 * s.std()[t], 1000 * s.linearisedStd()[t],
                            s.unsolvedMembers()[t]);
                }
            }
            if (ts != null) {
                out.println();
                out.printf(Locale.ROOT, "T_c(%s->%s) of theta0: %.2f K%s%n", ts.phaseA(), ts.phaseB(), ts.central(),
                        ts.centralUnsolved() ? " (UNSOLVED: rests on free energies beyond the sampled isosurfaces)" : "");
                if (ts.found() > 0) {
                    double[] q = ts.percentiles();
                    out.printf(Locale.ROOT, "T_c percentiles 2.5/16/50/84/97.5: %.2f %.2f %.2f %.2f %.2f K%n", q[0], q[1], q[2], q[3], q[4]);
                    out.printf(Locale.ROOT, "T_c mean %.2f K, std %.3f K sampled, %.3f K linearised (g^T Sigma g)%n", ts.mean(),
                            ts.std(), ts.linearisedStd());
                }
                out.printf(Locale.ROOT, "in range: %d of %d; above the range: %d, below: %d (%.2f%% outside); unsolved at T_c: %d%n",
                        ts.found(), r.members(), ts.aStableThroughout(), ts.bStableThroughout(), 100 * ts.outsideShare(),
                        ts.unsolvedAtTc());
            }
        }
        out.flush();
        return 0;
    }
}
