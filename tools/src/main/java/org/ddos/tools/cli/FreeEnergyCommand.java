package org.ddos.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos free-energy}: F(theta, T) per phase and temperature. */
@Command(name = "free-energy", mixinStandardHelpOptions = true,
        description = "Free energy per atom of each phase for the parameters in --coeff, at each temperature.")
public final class FreeEnergyCommand implements Callable<Integer> {
    @Mixin
    PhaseInputs inputs;

    @Option(names = "--temperatures", defaultValue = "500:2500:21", paramLabel = "T1,T2|START:STOP:COUNT",
            description = "Temperatures in K (default: ${DEFAULT-VALUE}).")
    String temperatures;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Prints F(theta, T) in eV/atom (with F - E_0, its sampling uncertainty and alpha*) of every --phase at
     * every --temperatures value (K) for the theta of --coeff: a table, or one JSON document with --json
     * (fields in docs/cli.md). Temperatures where alpha* lies on the edge of the sampled isosurfaces are
     * flagged UNSOLVED, not refused.
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value (also when the phases differ in descriptor count),
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        double[] temps = TemperatureGrid.parse(temperatures);
        Map<String, PhaseFreeEnergy> phases = inputs.load();
        int k = phases.values().iterator().next().descriptorCount();
        for (Map.Entry<String, PhaseFreeEnergy> e : phases.entrySet()) {
            if (e.getValue().descriptorCount() != k) {
                throw new IllegalArgumentException("phase '" + e.getKey() + "' has " + e.getValue().descriptorCount()
                        + " descriptor components, the first phase has " + k);
            }
        }
        double[] theta = inputs.theta(k);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            out.printf(Locale.ROOT, "%-10s %8s %14s %14s %12s %9s %s%n", "phase", "T(K)", "F(eV/atom)", "F-E0(eV/atom)",
                    "sigma(eV)", "alpha*", "status");
        }
        int unsolved = 0;
        for (Map.Entry<String, PhaseFreeEnergy> e : phases.entrySet()) {
            PhaseFreeEnergy.Evaluator ev = e.getValue().newEvaluator();
            ev.setParameters(theta);
            for (double t : temps) {
                FreeEnergyResult r = ev.evaluate(t);
                if (r.unsolved()) {
                    unsolved++;
                }
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("phase", e.getKey());
                    row.put("temperature_K", t);
                    row.put("free_energy_eV_per_atom", r.freeEnergy());
                    row.put("vibrational_free_energy_eV_per_atom", r.vibrationalFreeEnergy());
                    row.put("lattice_energy_eV_per_atom", r.latticeEnergy());
                    row.put("uncertainty_eV_per_atom", r.uncertainty());
                    row.put("entropy_kB_per_atom", r.entropy());
                    row.put("alpha_star", r.alphaStar());
                    row.put("unsolved", r.unsolved());
                    rows.add(row);
                } else {
                    out.printf(Locale.ROOT, "%-10s %8.1f %14.6f %14.6f %12.6f %9.4f %s%n", e.getKey(), t, r.freeEnergy(),
                            r.vibrationalFreeEnergy(), r.uncertainty(), r.alphaStar(), r.unsolved() ? "UNSOLVED" : "ok");
                }
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "free-energy");
            doc.put("coefficients", inputs.coeff.toString());
            doc.put("basis", inputs.settings().basis().name().toLowerCase(Locale.ROOT));
            doc.put("order", inputs.order);
            Map<String, Object> ranges = new LinkedHashMap<>();
            for (Map.Entry<String, PhaseFreeEnergy> e : phases.entrySet()) {
                double[] a = e.getValue().alphaRange();
                ranges.put(e.getKey(), Map.of("alpha_min", a[0], "alpha_max", a[1],
                        "file", inputs.phaseFiles().get(e.getKey()).toString()));
            }
            doc.put("phases", ranges);
            doc.put("results", rows);
            out.println(JsonOutput.write(doc));
        } else if (unsolved > 0) {
            out.println();
            out.println("UNSOLVED: alpha* lies on the edge of the sampled isosurfaces; the campaign did not reach"
                    + " that temperature for these parameters, and F there is a bound, not an estimate.");
        }
        out.flush();
        return 0;
    }
}
