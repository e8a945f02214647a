package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.sma.LodisPotentialFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddos surrogate generate | train | calibrate | evaluate} end to end on a tiny, short-run Pt-Rh dataset. */
class SurrogateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generateTrainCalibrateAndWriteTheParameterFiles(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("pt-rh.csv");
        CliTest.Run g = CliTest.run("surrogate", "generate", "--system", "Pt-Rh", "--samples", "24", "--out", csv.toString(), "--threads", "2",
                "--temperatures", "1000", "--sweeps", "20:40", "--pure-sweeps", "20:60", "--quiet");
        assertEquals(0, g.exit(), g.err());
        assertTrue(g.out().contains("24 samples"), g.out());
        assertEquals(25, Files.readAllLines(csv).size());
        // re-running the same command finds everything there
        CliTest.Run again = CliTest.run("surrogate", "generate", "--system", "Pt-Rh", "--samples", "24", "--out", csv.toString(), "--threads", "1",
                "--temperatures", "1000", "--sweeps", "20:40", "--pure-sweeps", "20:60", "--quiet");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("24 already there, 0 simulated now"), again.out());

        Path model = dir.resolve("model");
        CliTest.Run t = CliTest.run("surrogate", "train", "--data", csv.toString(), "--out", model.toString(), "--hidden", "8", "--epochs", "30",
                "--patience", "30", "--max-lindemann", "3", "--json");
        assertEquals(0, t.exit(), t.err());
        JsonNode tj = JSON.readTree(t.out());
        assertEquals("Pt-Rh", tj.get("system").asText());
        assertEquals(24, tj.get("train_samples").asInt() + tj.get("validation_samples").asInt() + tj.get("test_samples").asInt());
        assertTrue(tj.get("test").get("mae_dH_meV").asDouble() >= 0);

        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, """
                system: Pt-Rh
                enthalpy:
                  - formula: "X*(1-X)*(-10970+45*X)"
                    unit: J/mol
                    temperature: 1000
                    x: [0.25, 0.5, 0.75]
                lattice:
                  pure: {Pt: 3.9233, Rh: 3.8032}
                  vegard: [0.5]
                """);
        Path png = dir.resolve("fit.png");
        Path lammps = dir.resolve("ptrh.smatb");
        Path lodis = dir.resolve("Pt_Rh.pot");
        CliTest.Run c = CliTest.run("surrogate", "calibrate", "--system", "Pt-Rh", "--model", model.toString(), "--targets", targets.toString(),
                "--starts", "3", "--plot", png.toString(), "--lammps", lammps.toString(), "--lodis", lodis.toString(), "--json");
        assertEquals(0, c.exit(), c.err());
        JsonNode cj = JSON.readTree(c.out());
        assertEquals(4, cj.get("fits").size());
        assertTrue(Files.size(png) > 1000);
        JsonNode p = cj.get("parameters");
        // LAMMPS: pair_style plus three pair_coeff lines, the cross one with the calibrated values
        List<String> lines = Files.readAllLines(lammps);
        assertEquals("pair_style smatb", lines.get(0));
        assertEquals(4, lines.size());
        String[] cross = lines.get(2).trim().split("\\s+");
        assertEquals("1", cross[1]);
        assertEquals("2", cross[2]);
        assertEquals(p.get("r0_AB_A").asDouble(), Double.parseDouble(cross[3]), 1e-6);
        assertEquals(p.get("p_AB").asDouble(), Double.parseDouble(cross[4]), 1e-6);
        assertEquals(p.get("xi_AB_eV").asDouble(), Double.parseDouble(cross[7]), 1e-8);
        // LoDiS: read back by the library's reader
        LodisPotentialFile f = LodisPotentialFile.read(lodis);
        assertEquals("Pt", f.elements()[0]);
        assertEquals("Rh", f.elements()[1]);
        assertEquals(p.get("q_AB").asDouble(), f.q()[2], 1e-6);
        assertEquals(p.get("A_AB_eV").asDouble(), f.a()[2], 1e-8);
        assertEquals(18.45, f.p()[1], 1e-12);
        assertEquals(2.68912 / 2, f.radius()[1], 1e-9);
    }

    @Test
    void evaluatesAPublishedLodisFileInTheRequestedElementOrder(@TempDir Path dir) throws Exception {
        Optional<Path> pot = SharedDataDirectory.dataFile("tbsma/lodis/Ni_Cu.pot");
        Assumptions.assumeTrue(pot.isPresent(), "shared data not found");
        CliTest.Run r = CliTest.run("surrogate", "evaluate", "--system", "Cu-Ni", "--pot", pot.get().toString(), "--x", "0.5", "--temperature", "600",
                "--sweeps", "20:60", "--pure-sweeps", "20:60", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("Cu-Ni", j.get("system").asText());
        // Zhang 2015 cross set of Ni_Cu.pot
        assertEquals(11.1765, j.get("cross").get(0).asDouble(), 1e-12);
        assertEquals(1.44534, j.get("cross").get(3).asDouble(), 1e-12);
        assertEquals(0.5, j.get("points").get(0).get("x").asDouble(), 0);
        CliTest.Run bad = CliTest.run("surrogate", "evaluate", "--system", "Cu-Pt", "--pot", pot.get().toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("describes Ni-Cu, not Cu-Pt"), bad.err());
    }
}
