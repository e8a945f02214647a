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
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapDescriptors;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.structure.StructureChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddos descriptors}: SNAP bispectrum descriptors (and energy/forces) of a structure. */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = "SNAP bispectrum descriptors of a structure as LAMMPS compute sna/atom defines them: the per-atom"
                + " mean D (and per-atom rows), and with --coeff the energy (eV) and forces (eV/Å).")
public final class DescriptorsCommand implements Callable<Integer> {
    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "LAMMPS data, extended XYZ or POSCAR.")
    Path structure;

    @Option(names = "--format", paramLabel = "FORMAT", description = "lammps, extxyz or poscar (default: from name and content).")
    String format;

    @Option(names = "--elements", split = ",", paramLabel = "E1,E2",
            description = "Element symbol of each LAMMPS atom type, when the data file has no Masses section to tell.")
    List<String> elements = new ArrayList<>();

    @Option(names = "--snapparam", required = true, paramLabel = "FILE", description = "The .snapparam hyper-parameters.")
    Path snapparam;

    @Option(names = "--coeff", paramLabel = "FILE", description = "A .snapcoeff file: radii, weights and coefficients;"
            + " adds the energy and forces.")
    Path coeff;

    @Option(names = "--map", split = ",", paramLabel = "X1,X2",
            description = "Coefficient element name for each structure species (as LAMMPS pair_coeff * * X);"
                    + " default: by symbol, or the single element of a one-element .snapcoeff.")
    List<String> map = new ArrayList<>();

    @Option(names = "--radius", defaultValue = "0.5", description = "Element radius without --coeff (default ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--weight", defaultValue = "1.0", description = "Element weight without --coeff (default ${DEFAULT-VALUE}).")
    double weight;

    @Option(names = "--per-atom", description = "Also print per-atom descriptor rows (and forces).")
    boolean perAtom;

    @Option(names = "--json", description = "Write one JSON document to stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Prints the SNAP descriptors of the structure (per-atom mean D in LAMMPS compute sna/atom order, and
     * optionally the per-atom rows) and,
     * with --coeff, the energy (eV) and forces (eV/Å): text, or one JSON document with --json.
     *
     * @return 0
     * @throws Exception {@link IllegalArgumentException} naming a bad option, file or value,
     *     {@link java.io.IOException} for a file that cannot be read or written (reported as in {@link DdosCommand})
     */
    @Override
    public Integer call() throws Exception {
        ReadOptions options = elements.isEmpty() ? ReadOptions.DEFAULT : ReadOptions.withTypeElements(elements.toArray(String[]::new));
        Structure s = StructureFormats.read(structure, format, options);
        StructureChecks.requireMinimumDistance(s, StructureChecks.DEFAULT_MINIMUM_DISTANCE, structure.toString());
        SnapParameters params = SnapParameters.read(snapparam);
        SnapCoefficients coefficients = coeff == null ? null : SnapCoefficients.read(coeff, params);
        String[] mapping = mapping(s, coefficients);
        SnapDescriptors descriptors = coefficients != null
                ? new SnapDescriptors(params, coefficients, mapping)
                : SnapDescriptors.of(params, s.elements(), filled(s.elements().length, radius), filled(s.elements().length, weight));
        double[] mean = descriptors.mean(s);
        double[] rows = perAtom ? descriptors.perAtom(s) : null;
        int k = mean.length;
        Double energy = null;
        double[] forces = null;
        if (coefficients != null) {
            forces = new double[3 * s.atomCount()];
            energy = new SnapPotential(params, coefficients, mapping).compute(s, forces, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "descriptors");
            doc.put("structure", structure.toString());
            doc.put("atoms", s.atomCount());
            doc.put("volume_A3", s.volume());
            doc.put("twojmax", params.twojmax());
            doc.put("component_count", k);
            doc.put("mean_descriptor", mean);
            if (rows != null) {
                double[][] r = new double[s.atomCount()][];
                for (int i = 0; i < r.length; i++) {
                    r[i] = java.util.Arrays.copyOfRange(rows, i * k, (i + 1) * k);
                }
                doc.put("per_atom_descriptors", r);
            }
            if (energy != null) {
                doc.put("energy_eV", energy);
                doc.put("energy_eV_per_atom", energy / s.atomCount());
                double[][] f = new double[s.atomCount()][];
                for (int i = 0; i < f.length; i++) {
                    f[i] = java.util.Arrays.copyOfRange(forces, 3 * i, 3 * i + 3);
                }
                doc.put("forces_eV_per_A", f);
            }
            out.println(JsonOutput.write(doc));
        } else {
            out.printf(Locale.ROOT, "%s: %d atoms, %.4f Å^3, twojmax %d, K = %d%n", structure, s.atomCount(), s.volume(),
                    params.twojmax(), k);
            out.println("mean descriptor D (LAMMPS compute sna/atom order):");
            for (int j = 0; j < k; j++) {
                out.printf(Locale.ROOT, "  B[%d] = %.12g%n", j, mean[j]);
            }
            if (rows != null) {
                out.println("per-atom descriptors (one row per atom):");
                for (int i = 0; i < s.atomCount(); i++) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < k; j++) {
                        sb.append(String.format(Locale.ROOT, " %.10g", rows[i * k + j]));
                    }
                    out.println(sb.toString().trim());
                }
            }
            if (energy != null) {
                out.printf(Locale.ROOT, "energy = %.10f eV (%.10f eV/atom)%n", energy, energy / s.atomCount());
                double fmax = 0;
                for (int i = 0; i < s.atomCount(); i++) {
                    fmax = Math.max(fmax, Math.sqrt(forces[3 * i] * forces[3 * i] + forces[3 * i + 1] * forces[3 * i + 1]
                            + forces[3 * i + 2] * forces[3 * i + 2]));
                }
                out.printf(Locale.ROOT, "max |force| = %.6e eV/Å%n", fmax);
                if (perAtom) {
                    out.println("forces (eV/Å):");
                    for (int i = 0; i < s.atomCount(); i++) {
                        out.printf(Locale.ROOT, "%d %.10f %.10f %.10f%n", i + 1, forces[3 * i], forces[3 * i + 1], forces[3 * i + 2]);
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    private String[] mapping(Structure s, SnapCoefficients c) {
        if (!map.isEmpty()) {
            if (map.size() != s.elements().length) {
                throw new IllegalArgumentException("--map has " + map.size() + " names, the structure has "
                        + s.elements().length + " species " + java.util.Arrays.toString(s.elements()));
            }
            return map.toArray(String[]::new);
        }
        if (c != null && c.elementCount() == 1 && s.elements().length == 1) {
            return new String[] {c.elements()[0]};
        }
        return new String[0];
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
