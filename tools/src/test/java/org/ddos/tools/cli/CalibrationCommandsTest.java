package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ddos tune} and {@code ddos uq} on the published Fe campaign. */
class CalibrationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Path fe(String name) {
        Optional<Path> p = SharedDataDirectory.dataFile("descriptordos/fe/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared data not found (set DDOS_SHARED_DATA or place ../shared): skipping");
        return p.get();
    }

    static Run run(String... args) {
        CommandLine cl = DdosCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> phases(String coeff) {
        List<String> a = new ArrayList<>();
        a.add("--phase");
        a.add("bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"));
        a.add("--phase");
        a.add("fcc=" + fe("Fe_fcc_333_Hessian_single_vol.pkl"));
        a.add("--coeff");
        a.add(coeff);
        return a;
    }

    @Test
    void tuneReachesTheTargetAndTheFileReevaluatesToIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("X_Fe_1063.snapcoeff");
        Path png = dir.resolve("tune.png");
        List<String> args = new ArrayList<>(List.of("tune"));
        args.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        args.addAll(List.of("--target-tc", "1063", "--hold-e0", "--out", out.toString(), "--plot", png.toString(), "--json"));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        double tc = doc.get("transition_temperature_K").asDouble();
        assertEquals(1063, tc, 10);
        assertEquals(1950.9, doc.get("initial_transition_temperature_K").asDouble(), 1);
        assertTrue(doc.get("relative_parameter_change").asDouble() < 0.01);
        assertEquals(doc.get("lattice_energy_difference_before_eV_per_atom").asDouble(),
                doc.get("lattice_energy_difference_after_eV_per_atom").asDouble(), 1e-6);
        assertTrue(doc.get("target_met").asBoolean());
        assertTrue(doc.get("trajectory").size() > 2);
        assertTrue(Files.size(png) > 1000);
        // same header and element lines as the input
        List<String> in = Files.readAllLines(fe("X_Fe.snapcoeff"));
        List<String> tuned = Files.readAllLines(out);
        assertEquals(in.subList(0, 5), tuned.subList(0, 5));
        assertEquals(SnapCoefficients.readLinear(fe("X_Fe.snapcoeff")).beta0(0), SnapCoefficients.readLinear(out).beta0(0));
        // ddos transition on the tuned file reproduces the reported T_c
        List<String> t = new ArrayList<>(List.of("transition"));
        t.addAll(phases(out.toString()));
        t.add("--json");
        Run tr = run(t.toArray(new String[0]));
        assertEquals(0, tr.code(), tr.err());
        assertEquals(tc, JSON.readTree(tr.out()).get("transition_temperature_K").asDouble(), 1e-6);
    }

    @Test
    void tuneGradientDescentPrintsTheTrajectory(@TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("tune"));
        args.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        args.addAll(List.of("--target-tc", "1063", "--hold-e0", "--optimizer", "gd", "--out", dir.resolve("gd.snapcoeff").toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("optimizer gd"), r.out());
        assertTrue(r.out().contains("   20 "), r.out());
    }

    @Test
    void tuneRejectsATargetOutsideTheRange(@TempDir Path dir) {
        List<String> args = new ArrayList<>(List.of("tune"));
        args.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        args.addAll(List.of("--target-tc", "3000", "--out", dir.resolve("x.snapcoeff").toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("outside the scanned temperature range"), r.err());
        assertTrue(!Files.exists(dir.resolve("x.snapcoeff")));
    }

    @Test
    void uqFromACovarianceFile(@TempDir Path dir) throws Exception {
        double[] theta = SnapCoefficients.readLinear(fe("X_Fe.snapcoeff")).linear(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < theta.length; i++) {
            for (int j = 0; j < theta.length; j++) {
                sb.append(i == j ? Math.pow(1e-3 * theta[i], 2) : 0).append(j + 1 < theta.length ? "," : "\n");
            }
        }
        Path cov = dir.resolve("sigma.csv");
        Files.writeString(cov, sb);
        Path png = dir.resolve("uq.png");
        List<String> args = new ArrayList<>(List.of("uq"));
        args.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        args.addAll(List.of("--covariance", cov.toString(), "--samples", "300", "--json", "--plot", png.toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(300, doc.get("members").asInt());
        JsonNode tc = doc.get("transition");
        assertEquals(300, tc.get("found").asInt());
        assertEquals(0.0, tc.get("outside_share").asDouble());
        assertEquals(tc.get("linearised_std_K").asDouble(), tc.get("std_K").asDouble(), 0.1 * tc.get("linearised_std_K").asDouble());
        assertEquals(2 * 11, doc.get("free_energies").size());
        assertTrue(Files.size(png) > 1000);

        // a singular covariance is a clear error
        Path singular = dir.resolve("singular.csv");
        Files.writeString(singular, sb.toString().replaceFirst("^[^,]*,", "0,"));
        List<String> bad = new ArrayList<>(List.of("uq"));
        bad.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        bad.addAll(List.of("--covariance", singular.toString(), "--samples", "10"));
        Run rb = run(bad.toArray(new String[0]));
        assertEquals(1, rb.code());
        assertTrue(rb.err().contains("singular or not positive definite"), rb.err());
    }

    @Test
    void uqRejectsAnEnsembleOfTheWrongWidth(@TempDir Path dir) throws Exception {
        Path ens = dir.resolve("ens.csv");
        Files.writeString(ens, "1,2,3\n4,5,6\n");
        List<String> args = new ArrayList<>(List.of("uq"));
        args.addAll(phases(fe("X_Fe.snapcoeff").toString()));
        args.addAll(List.of("--ensemble", ens.toString()));
        Run r = run(args.toArray(new String[0]));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("3 values") && r.err().contains("55"), r.err());
    }
}
