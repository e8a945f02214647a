package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ddos command line as scripts use it: exit codes, JSON documents, one-line errors. */
class CliTest {
    record Run(int exit, String out, String err) {
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

    static String fe(String name) {
        Optional<Path> p = SharedDataDirectory.dataFile("descriptordos/fe/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared data not found (set DDOS_SHARED_DATA or place ../shared): skipping CLI runs on the Fe campaign");
        return p.get().toString();
    }

    @Test
    void transitionJsonGivesTheFeTransition() throws Exception {
        Run r = run("transition", "--phase", "bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"),
                "--phase", "fcc=" + fe("Fe_fcc_333_Hessian_single_vol.pkl"), "--coeff", fe("X_Fe.snapcoeff"), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("transition", doc.get("command").asText());
        assertTrue(doc.get("found").asBoolean());
        assertEquals(1950, doc.get("transition_temperature_K").asDouble(), 25);
        assertTrue(doc.get("uncertainty_K").asDouble() > 0);
        assertEquals(55, doc.get("gradient_K").size());
        assertEquals(41, doc.get("grid").size());
        assertEquals(0.0673, doc.get("lattice_energy_difference_eV_per_atom").asDouble(), 1e-4);
        JsonNode first = doc.get("grid").get(0);
        assertEquals(500, first.get("temperature_K").asDouble(), 0);
        assertFalse(first.get("unsolved").asBoolean());
    }

    @Test
    void freeEnergyTableAndJsonAgree() throws Exception {
        String[] common = {"--phase", "bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"), "--coeff", fe("X_Fe.snapcoeff"),
            "--temperatures", "500:1000:3"};
        Run table = run(concat(new String[] {"free-energy"}, common));
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("bcc"));
        Run json = run(concat(new String[] {"free-energy", "--json"}, common));
        JsonNode rows = new ObjectMapper().readTree(json.out()).get("results");
        assertEquals(3, rows.size());
        assertEquals(750, rows.get(1).get("temperature_K").asDouble(), 0);
        double f = rows.get(1).get("free_energy_eV_per_atom").asDouble();
        double fvib = rows.get(1).get("vibrational_free_energy_eV_per_atom").asDouble();
        double e0 = rows.get(1).get("lattice_energy_eV_per_atom").asDouble();
        assertEquals(-1.6710628, e0, 1e-6);
        assertEquals(f, fvib + e0, 1e-12);
        assertTrue(table.out().contains(String.format(java.util.Locale.ROOT, "%.6f", f)), "table shows the same F");
    }

    @Test
    void errorsAreOneLineWithNonZeroExit(@TempDir Path dir) throws Exception {
        Path coeff = dir.resolve("short.snapcoeff");
        Files.writeString(coeff, "1 4\nFe 0.5 1.0\n0.0\n0.1\n0.2\n0.3\n");
        Run r = run("free-energy", "--phase", "bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"), "--coeff", coeff.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("3 linear coefficients") && r.err().contains("55"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line without --verbose: " + r.err());

        Run t = run("free-energy", "--phase", "bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"), "--coeff", fe("X_Fe.snapcoeff"),
                "--temperatures", "-5");
        assertEquals(1, t.exit());
        assertTrue(t.err().contains("positive"), t.err());

        Path notPickle = dir.resolve("x.pkl");
        Files.writeString(notPickle, "hello");
        Run p = run("free-energy", "--phase", "bcc=" + notPickle, "--coeff", fe("X_Fe.snapcoeff"));
        assertEquals(1, p.exit());
        assertTrue(p.err().contains("x.pkl"), p.err());

        Run usage = run("transition", "--coeff", fe("X_Fe.snapcoeff"));
        assertEquals(2, usage.exit());
    }

    @Test
    void noTransitionInRangeExitsWithThree() {
        Run r = run("transition", "--phase", "bcc=" + fe("Fe_bcc_444_Hessian_single_vol.pkl"),
                "--phase", "fcc=" + fe("Fe_fcc_333_Hessian_single_vol.pkl"), "--coeff", fe("X_Fe.snapcoeff"),
                "--temperatures", "500:1200:8");
        assertEquals(3, r.exit());
        assertTrue(r.out().contains("no transition"), r.out());
    }

    /** The perfect W bcc cell of the DescriptorDOS example: LAMMPS gives -544.12179 eV. */
    @Test
    void descriptorsCommandReproducesTheLammpsEnergy() throws Exception {
        Optional<Path> w = SharedDataDirectory.dataFile("descriptordos/w/W-bcc.dat");
        Assumptions.assumeTrue(w.isPresent(), "shared data not found: skipping the W descriptors run");
        Path dir = w.get().getParent();
        Run r = run("descriptors", "--structure", w.get().toString(), "--elements", "W", "--snapparam",
                dir.resolve("D.snapparam").toString(), "--coeff", dir.resolve("X_W.snapcoeff").toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(128, doc.get("atoms").asInt());
        assertEquals(55, doc.get("component_count").asInt());
        assertEquals(-544.12179, doc.get("energy_eV").asDouble(), 1e-8 * 544.12179);
        double fmax = 0;
        for (JsonNode f : doc.get("forces_eV_per_A")) {
            for (JsonNode c : f) {
                fmax = Math.max(fmax, Math.abs(c.asDouble()));
            }
        }
        assertTrue(fmax < 1e-8, "a perfect bcc lattice has no forces: " + fmax);
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("ddos "), v.out());
        Run h = run("transition", "--help");
        assertTrue(h.out().contains("--temperatures"));
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
