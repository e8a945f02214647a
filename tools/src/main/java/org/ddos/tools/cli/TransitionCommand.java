package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.ddos.thermo.transition.PhaseComparison;
import org.ddos.thermo.transition.TransitionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos transition}: the A -&gt; B transition temperature. */
@Command(name = "transition", mixinStandardHelpOptions = true,
        description = "Transition temperature T_c where F_B = F_A (phases A and B in --phase order), with its"
                + " uncertainty and DeltaF = F_B - F_A on the temperature grid.")
public final class TransitionCommand implements Callable<Integer> {
    @Mixin
    PhaseInputs inputs;

    @Option(names = "--temperatures", defaultValue = "500:2500:41", paramLabel = "T1,T2|START:STOP:COUNT",
            description = "Scan grid in K; T_c is then solved on continuous T (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Prints the temperature T_c (K) where F_B = F_A for the two --phase options (A then B), its
     * uncertainty, and DeltaF = F_B - F_A (eV/atom) with its uncertainty on the --temperatures grid: a
     * table, or one JSON document with --json (fields in docs/cli.md).
     *
     * @return 0 when a transition lies in the temperature range, 3 when DeltaF keeps one sign over it
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value (also unless exactly two phases are given),
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        double[] temps = TemperatureGrid.parseRange(temperatures);
        Map<String, PhaseFreeEnergy> phases = inputs.load();
        if (phases.size() != 2) {
            throw new IllegalArgumentException("transition needs exactly two --phase options (A then B), got " + phases.size());
        }
        Iterator<Map.Entry<String, PhaseFreeEnergy>> it = phases.entrySet().iterator();
        Map.Entry<String, PhaseFreeEnergy> a = it.next();
        Map.Entry<String, PhaseFreeEnergy> b = it.next();
        PhaseComparison cmp = new PhaseComparison(a.getValue(), b.getValue());
        double[] theta = inputs.theta(a.getValue().descriptorCount());
        TransitionResult r = cmp.transition(theta, temps[0], temps[temps.length - 1], temps.length);
        PrintWriter out = spec.commandLine().getOut();
        double e0 = b.getValue().campaign().latticeEnergy(theta) - a.getValue().campaign().latticeEnergy(theta);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "transition");
            doc.put("phase_a", a.getKey());
            doc.put("phase_b", b.getKey());
            doc.put("coefficients", inputs.coeff.toString());
            doc.put("found", r.found());
            doc.put("transition_temperature_K", JsonOutput.finite(r.transitionTemperature()));
            doc.put("uncertainty_K", JsonOutput.finite(r.uncertainty()));
            doc.put("slope_eV_per_atom_K", JsonOutput.finite(r.slope()));
            doc.put("unsolved", r.unsolved());
            doc.put("crossings", r.crossings());
            doc.put("lattice_energy_difference_eV_per_atom", e0);
            doc.put("gradient_K", r.gradient());
            List<Map<String, Object>> grid = new ArrayList<>();
            for (int i = 0; i < r.temperatures().length; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("temperature_K", r.temperatures()[i]);
                row.put("delta_free_energy_eV_per_atom", r.deltaF()[i]);
                row.put("uncertainty_eV_per_atom", r.deltaFUncertainty()[i]);
                row.put("unsolved", r.gridUnsolved()[i]);
                grid.add(row);
            }
            doc.put("grid", grid);
            out.println(JsonOutput.write(doc));
        } else {
            out.printf(Locale.ROOT, "%s -> %s  (DeltaF = F_%s - F_%s; 0 K difference %.6f eV/atom)%n", a.getKey(), b.getKey(),
                    b.getKey(), a.getKey(), e0);
            if (r.found()) {
                out.printf(Locale.ROOT, "T_c = %.1f +- %.1f K%s%n", r.transitionTemperature(), r.uncertainty(),
                        r.crossings() > 1 ? "  (first of " + r.crossings() + " crossings)" : "");
                if (r.unsolved()) {
                    out.println("WARNING: at T_c at least one phase is unsolved (alpha* on the edge of its sampled"
                            + " isosurfaces): T_c rests on free energies beyond the campaign's range.");
                }
            } else {
                out.printf(Locale.ROOT, "no transition between %.1f and %.1f K: DeltaF keeps the sign %s (%s stable)%n",
                        temps[0], temps[temps.length - 1], r.deltaF()[0] > 0 ? "+" : "-",
                        r.deltaF()[0] > 0 ? a.getKey() : b.getKey());
            }
            out.println();
            out.printf(Locale.ROOT, "%8s %16s %12s %s%n", "T(K)", "DeltaF(eV/atom)", "sigma(eV)", "status");
            for (int i = 0; i < r.temperatures().length; i++) {
                out.printf(Locale.ROOT, "%8.1f %16.6f %12.6f %s%n", r.temperatures()[i], r.deltaF()[i], r.deltaFUncertainty()[i],
                        r.gridUnsolved()[i] ? "UNSOLVED" : "ok");
            }
        }
        out.flush();
        return r.found() ? 0 : 3;
    }
}
