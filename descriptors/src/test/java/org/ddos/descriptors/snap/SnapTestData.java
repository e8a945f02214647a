package org.ddos.descriptors.snap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.structure.Structure;

/** Shared-data access for the SNAP tests (a minimal orthogonal LAMMPS data parser for the W cells). */
final class SnapTestData {
    private SnapTestData() {
    }

    static Path file(String relative) {
        Optional<Path> p = SharedDataDirectory.dataFile(relative);
        assumeTrue(p.isPresent(), "shared data file " + relative + " not found (set DDOS_SHARED_DATA): test skipped");
        return p.get();
    }

    /** Reads an orthogonal, single-type "atomic" LAMMPS data file as written by ASE. */
    static Structure lammpsData(Path file, String element, double mass) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[] lo = new double[3];
        double[] hi = new double[3];
        int n = -1;
        List<double[]> pos = new ArrayList<>();
        boolean atoms = false;
        for (String raw : lines) {
            String s = raw.strip();
            if (s.isEmpty()) {
                continue;
            }
            String[] w = s.split("\\s+");
            if (s.endsWith("atoms") && w.length == 2) {
                n = Integer.parseInt(w[0]);
            } else if (s.endsWith("xlo xhi")) {
                lo[0] = Double.parseDouble(w[0]);
                hi[0] = Double.parseDouble(w[1]);
            } else if (s.endsWith("ylo yhi")) {
                lo[1] = Double.parseDouble(w[0]);
                hi[1] = Double.parseDouble(w[1]);
            } else if (s.endsWith("zlo zhi")) {
                lo[2] = Double.parseDouble(w[0]);
                hi[2] = Double.parseDouble(w[1]);
            } else if (s.startsWith("Atoms")) {
                atoms = true;
            } else if (atoms && w.length == 5) {
                pos.add(new double[] {Double.parseDouble(w[2]), Double.parseDouble(w[3]), Double.parseDouble(w[4])});
            }
        }
        if (pos.size() != n) {
            throw new IOException(file + ": read " + pos.size() + " atoms, header says " + n);
        }
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                x[3 * i + a] = pos.get(i)[a] - lo[a];
            }
        }
        double[][] cell = {{hi[0] - lo[0], 0, 0}, {0, hi[1] - lo[1], 0}, {0, 0, hi[2] - lo[2]}};
        return new Structure(cell, x, new int[n], new String[] {element}, new double[] {mass});
    }
}
