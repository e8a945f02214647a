package org.ddos.calibration.alloy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV file of a mixing dataset: one header line, then one line per simulated sample, in the
 * order the samples finished (the {@code index} column gives the design order). Appending is
 * line-atomic from the writer's point of view (one {@code write} + flush per row), so an
 * interrupted run leaves at most one partial last line, which {@link #read} drops.
 *
 * <p>Columns (units in the names): index, p_AB, q_AB, A_AB_eV, xi_AB_eV, x_requested, x (fraction
 * of B simulated), T_K, atoms, n_B, dH_meV, dH_err_meV, a_A (lattice parameter, Å), a_err_A,
 * H_eV, H_err_eV (alloy enthalpy per atom), H_pure_A_eV, H_pure_B_eV, a_pure_A_A, a_pure_B_A (pure
 * lattice parameters at T), a_static_A, lindemann, wc1, acceptance, sweeps, cpu_s, seed,
 * screen_meV.
 */
public final class MixingDataset {
    /** The header line. */
    public static final String HEADER = "index,p_AB,q_AB,A_AB_eV,xi_AB_eV,x_requested,x,T_K,atoms,n_B,dH_meV,dH_err_meV,a_A,a_err_A,"
            + "H_eV,H_err_eV,H_pure_A_eV,H_pure_B_eV,a_pure_A_A,a_pure_B_A,a_static_A,lindemann,wc1,acceptance,sweeps,cpu_s,seed,screen_meV";
    private static final int COLUMNS = HEADER.split(",").length;

    private MixingDataset() {
    }

    /**
     * @param s a simulated sample (its result must be present)
     * @return one CSV line (no newline) for a simulated sample, columns as {@link #HEADER}
     */
    public static String format(MixingSample s) {
        MixingResult r = s.result();
        HeteronuclearParameters h = s.parameters();
        return String.join(",", Integer.toString(s.index()), g(h.p()), g(h.q()), g(h.a()), g(h.xi()), g(s.requestedX()), g(r.x()),
                g(r.temperature()), Integer.toString(r.atoms()), Integer.toString(r.countB()), g(r.mixingEnthalpy()),
                g(r.mixingEnthalpyError()), g(r.latticeParameter()), g(r.latticeParameterError()), g(r.enthalpy()),
                g(r.enthalpyError()), g(r.pureEnthalpyA()), g(r.pureEnthalpyB()), g(s.pureLatticeA()), g(s.pureLatticeB()),
                g(r.staticLatticeParameter()), g(r.lindemannRatio()), g(r.warrenCowley1()), g(r.atomAcceptance()),
                Integer.toString(r.sweeps()), g(r.cpuSeconds()), Long.toString(s.seed()), g(s.screening()));
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    /**
     * Reads a dataset. A last line without its newline (an interrupted write) is dropped.
     *
     * @param file CSV written by {@link #format} rows under {@link #HEADER}
     * @return the samples in file order (empty for an empty file)
     * @throws IOException on read errors
     * @throws IllegalArgumentException naming file and line on a wrong header or malformed line
     */
    public static List<MixingSample> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        List<MixingSample> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        String[] lines = text.split("\n", -1);
        // the element after the last newline is "" for a complete file, a partial row otherwise
        int complete = lines.length - 1;
        if (complete < 1 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException(name + " line 1: expected the mixing-dataset header '" + HEADER + "'");
        }
        for (int k = 1; k < complete; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            out.add(parse(line, name, k + 1));
        }
        return out;
    }

    private static MixingSample parse(String line, String name, int lineNo) {
        String[] t = line.split(",");
        if (t.length != COLUMNS) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": expected " + COLUMNS + " columns, got " + t.length);
        }
        double[] v = new double[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            try {
                v[c] = Double.parseDouble(t[c]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": column " + HEADER.split(",")[c] + " is not a number: '"
                        + t[c] + "'");
            }
        }
        MixingResult r = new MixingResult(v[6], v[7], (int) v[8], (int) v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17],
                v[20], v[21], v[22], v[23], (int) v[24], v[25]);
        HeteronuclearParameters h;
        try {
            h = new HeteronuclearParameters(v[1], v[2], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": " + e.getMessage(), e);
        }
        return new MixingSample((int) v[0], h, v[5], v[7], Long.parseLong(t[26]), v[27], r, v[18], v[19]);
    }

    /**
     * Opens a dataset for appending: creates it with the header, or drops a partial last line of
     * an existing file so that new rows start on a fresh line.
     *
     * @param file the dataset file
     * @return a UTF-8 writer positioned at the end of the last complete line
     * @throws IOException on read or write errors
     */
    public static BufferedWriter openForAppend(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write(HEADER);
            w.write('\n');
            w.flush();
            return w;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            int cut = text.lastIndexOf('\n');
            Files.writeString(file, cut < 0 ? "" : text.substring(0, cut + 1), StandardCharsets.UTF_8);
            if (cut < 0) {
                return openForAppend(file);
            }
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
