package org.ddos.tools.cli;

import java.io.PrintWriter;
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
import org.ddos.descriptors.structure.StructureChecks;
import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.thermo.integration.HarmonicFreeEnergy;
import org.ddos.thermo.integration.IntegrationResult;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddos ti}: absolute free energies of a crystal by thermodynamic integration (Frenkel–Ladd
 * switching to an Einstein crystal, reversible scaling over the temperature range), in the D-DOS
 * convention, with error bars from repeats and the harmonic free energy beside.
 */
@Command(name = "ti", mixinStandardHelpOptions = true,
        description = "Free energy per atom of a crystal at fixed cell by thermodynamic integration (Frenkel-Ladd +"
                + " reversible scaling; molecular dynamics with the potential), in the D-DOS convention"
                + " F = E_0/N + A_vib/(N-1), with error bars from independent repeats.")
public final class TiCommand implements Callable<Integer> {
    static final String CONVENTION = "F = E_0/N + A/(N-1): A is the classical free energy of the 3N-3 internal degrees"
            + " of freedom (centre of mass fixed) measured from E_0; harmonic limit E_0/N + 3 k_B T <ln(hbar omega/k_B T)>;"
            + " identical to the D-DOS free energy plus beta0";

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "LAMMPS data, extended XYZ or POSCAR (the perfect lattice).")
    Path structure;

    @Option(names = "--format", paramLabel = "FORMAT", description = "lammps, extxyz or poscar (default: from name and content).")
    String format;

    @Option(names = "--elements", split = ",", paramLabel = "E1,E2",
            description = "Element symbol of each LAMMPS atom type, when the data file has no Masses section to tell.")
    List<String> elements = new ArrayList<>();

    @Option(names = "--temperatures", required = true, paramLabel = "T1,T2|START:STOP:COUNT",
            description = "Temperatures in K: a comma-separated list, each item a value or START:STOP:COUNT.")
    String temperatures;

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    SwitchingOptions switching;

    @Option(names = "--json", description = "Write one JSON document to stdout instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Reads the lattice, runs thermodynamic integration with the potential (molecular dynamics, Frenkel-Ladd
     * and reversible scaling) and prints F (eV/atom) in the D-DOS convention with the standard error over
     * the repeats, and the harmonic free energy of the Hessian unless --no-harmonic: a table, or one JSON
     * document with --json (fields in docs/cli.md).
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand}); {@link InterruptedException} when interrupted
     */
    @Override
    public Integer call() throws Exception {
        double[] temps = TemperatureGrid.parse(temperatures);
        ReadOptions options = elements.isEmpty() ? ReadOptions.DEFAULT : ReadOptions.withTypeElements(elements.toArray(String[]::new));
        Structure lattice = StructureFormats.read(structure, format, options);
        StructureChecks.requireMinimumDistance(lattice, StructureChecks.DEFAULT_MINIMUM_DISTANCE, structure.toString());
        PotentialOptions.Choice choice = potentialOptions.load(lattice.elements().length, null);
        DMatrixRMaj hessian = switching.needsHessian() ? HessianCalculator.hessian(choice.potential(), lattice) : null;
        HarmonicFreeEnergy harmonic = switching.harmonic ? HarmonicFreeEnergy.of(NormalModes.of(hessian, lattice),
                choice.potential().energy(lattice), lattice.atomCount()) : null;
        IntegrationResult r = switching.run(structure.getFileName().toString(), lattice, choice.potential(), hessian, temps);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = document(r, harmonic, choice, switching, lattice);
            doc.put("structure", structure.toString());
            out.println(JsonOutput.write(doc));
        } else {
            table(out, structure.getFileName().toString(), r, harmonic, choice);
        }
        out.flush();
        return 0;
    }

    /** The JSON document of a TI result (field names in docs/cli.md). */
    static Map<String, Object> document(IntegrationResult r, HarmonicFreeEnergy harmonic, PotentialOptions.Choice choice,
            SwitchingOptions sw, Structure lattice) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "ti");
        doc.put("potential", choice.description());
        doc.put("atoms", r.atomCount());
        doc.put("volume_A3", lattice.volume());
        doc.put("masses_amu", lattice.masses());
        doc.put("beta0_eV", choice.beta0());
        doc.put("lattice_energy_eV_per_atom", r.latticeEnergyPerAtom());
        doc.put("convention", CONVENTION);
        doc.put("reference_crystal", sw.harmonicReference() ? "harmonic" : "einstein");
        doc.put("reversible_scaling", sw.scaling && r.temperatures().length > 1);
        doc.put("reference_temperature_K", JsonOutput.finite(r.referenceTemperature()));
        doc.put("einstein_frequency_rad_per_ps", JsonOutput.finite(r.einsteinFrequency()));
        doc.put("rms_displacement_A", r.rmsDisplacement());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("timestep_ps", r.settings().timestep());
        s.put("friction_per_ps", r.settings().friction());
        s.put("equilibration_steps", r.settings().equilibrationSteps());
        s.put("switching_steps", r.settings().switchingSteps());
        s.put("msd_steps", r.settings().msdSteps());
        s.put("repeats", r.settings().repeats());
        s.put("seed", r.settings().seed());
        s.put("threads", sw.totalThreads());
        doc.put("settings", s);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t = 0; t < r.temperatures().length; t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            double temp = r.temperatures()[t];
            row.put("temperature_K", temp);
            row.put("free_energy_eV_per_atom", r.freeEnergy()[t]);
            row.put("standard_error_eV_per_atom", JsonOutput.finite(r.standardError()[t]));
            double[] reps = new double[r.settings().repeats()];
            for (int k = 0; k < reps.length; k++) {
                reps[k] = r.repeatFreeEnergy()[k][t];
            }
            row.put("repeats_eV_per_atom", reps);
            if (harmonic != null) {
                row.put("harmonic_free_energy_eV_per_atom", harmonic.freeEnergy(temp));
                row.put("anharmonic_free_energy_eV_per_atom", r.freeEnergy()[t] - harmonic.freeEnergy(temp));
            }
            rows.add(row);
        }
        doc.put("results", rows);
        doc.put("frenkel_ladd_dissipation_eV_per_atom", r.frenkelLaddDissipation());
        doc.put("scaling_dissipation_eV_per_atom", r.scalingDissipation());
        doc.put("md_steps", r.steps());
        doc.put("seconds", r.seconds());
        return doc;
    }

    static void table(PrintWriter out, String name, IntegrationResult r, HarmonicFreeEnergy harmonic, PotentialOptions.Choice choice) {
        out.printf(Locale.ROOT, "%s: %d atoms, %s; E_0/N = %.6f eV/atom (beta0 = %.6f eV)%n", name, r.atomCount(),
                choice.description(), r.latticeEnergyPerAtom(), choice.beta0());
        String ref = Double.isNaN(r.einsteinFrequency()) ? "harmonic (Hessian) reference"
                : String.format(Locale.ROOT, "omega_E = %.3f rad/ps", r.einsteinFrequency());
        String where = r.referenceTemperature() > 0 ? String.format(Locale.ROOT, "at %.1f K", r.referenceTemperature()) : "at every temperature";
        out.printf(Locale.ROOT, "Frenkel-Ladd %s, %s (rms displacement %.4f Å); %d repeats of %d-step"
                + " switches; %d MD steps in %.1f s%n", where, ref, r.rmsDisplacement(),
                r.settings().repeats(), r.settings().switchingSteps(), r.steps(), r.seconds());
        out.printf(Locale.ROOT, "%8s %16s %12s %16s %14s%n", "T(K)", "F_TI(eV/atom)", "+-(meV)", "F_harm(eV/atom)", "F-F_harm(meV)");
        for (int t = 0; t < r.temperatures().length; t++) {
            double temp = r.temperatures()[t];
            if (harmonic != null) {
                out.printf(Locale.ROOT, "%8.1f %16.6f %12.3f %16.6f %14.3f%n", temp, r.freeEnergy()[t], 1000 * r.standardError()[t],
                        harmonic.freeEnergy(temp), 1000 * (r.freeEnergy()[t] - harmonic.freeEnergy(temp)));
            } else {
                out.printf(Locale.ROOT, "%8.1f %16.6f %12.3f %16s %14s%n", temp, r.freeEnergy()[t], 1000 * r.standardError()[t], "-", "-");
            }
        }
        out.printf(Locale.ROOT, "dissipation per repeat (meV/atom): Frenkel-Ladd %s, scaling %s%n",
                meV(r.frenkelLaddDissipation()), meV(r.scalingDissipation()));
        out.println("convention: " + CONVENTION);
    }

    static String meV(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", 1000 * v[i]));
        }
        return sb.append(']').toString();
    }
}
