package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.structure.Lattices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ddos ti and ddos validate end to end on second-moment Pt (LoDiS Pt_Pt.pot, fcc 2x2x2 = 32
 * atoms): a tiny campaign through ddos sample (the 'sma' key), a short TI run stored as JSON,
 * validation from the stored run with table, JSON and PNG, and the checks that refuse mismatched inputs.
 */
class ValidationCommandsTest {
    @TempDir
    static Path dir;
    static String pot;
    static Path lattice;
    static Path archive;
    static Path tiJson;

    @BeforeAll
    static void campaignAndTi() throws Exception {
        Optional<Path> p = SharedDataDirectory.dataFile("tbsma/lodis/Pt_Pt.pot");
        Assumptions.assumeTrue(p.isPresent(), "shared data not found (set DDOS_SHARED_DATA): skipping ddos ti/validate runs");
        pot = p.get().toString();
        lattice = dir.resolve("Pt-fcc-2.dat");
        StructureFormats.write(lattice, Lattices.fcc("Pt", 2 * 1.385 * Math.sqrt(2), 2, 2, 2), "lammps-data");
        archive = dir.resolve("Pt.ddos");
        Path config = dir.resolve("pt.yaml");
        Files.writeString(config, String.join("\n",
                "name: fcc", "structure: Pt-fcc-2.dat", "sma: " + pot, "isosurfaces: {min: 0.1, max: 1.2, count: 8}",
                "samples: 300", "pilot_samples: 100", "bins: 30", "seed: 3", "out: Pt.ddos", ""));
        CliTest.Run s = CliTest.run("sample", "--config", config.toString(), "--threads", "2");
        assertEquals(0, s.exit(), s.err());
        tiJson = dir.resolve("ti.json");
        CliTest.Run ti = CliTest.run("ti", "--structure", lattice.toString(), "--sma", pot, "--temperatures", "300,600",
                "--switch-steps", "400", "--equilibration-steps", "100", "--msd-steps", "100", "--repeats", "2", "--json");
        assertEquals(0, ti.exit(), ti.err());
        Files.writeString(tiJson, ti.out());
    }

    @Test
    void tiJsonHasTheDocumentedFields() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(tiJson.toFile());
        assertEquals("ti", doc.path("command").asText());
        assertEquals(32, doc.path("atoms").asInt());
        // E_0/N of this set is minus its published cohesive energy, 5.86 eV
        assertEquals(-5.86, doc.path("lattice_energy_eV_per_atom").asDouble(), 1e-3);
        assertEquals(600, doc.path("reference_temperature_K").asDouble());
        assertEquals(2, doc.path("settings").path("repeats").asInt());
        assertEquals(2, doc.path("results").size());
        for (JsonNode row : doc.path("results")) {
            double f = row.path("free_energy_eV_per_atom").asDouble();
            double h = row.path("harmonic_free_energy_eV_per_atom").asDouble();
            assertTrue(Math.abs(f - h) < 0.01, "anharmonic part below 10 meV/atom at " + row.path("temperature_K"));
            assertEquals(2, row.path("repeats_eV_per_atom").size());
            assertTrue(row.path("standard_error_eV_per_atom").asDouble() > 0);
        }
        assertEquals(195.084, doc.path("masses_amu").get(0).asDouble(), 1e-9);
    }

    @Test
    void tiTableListsEveryTemperature() {
        CliTest.Run r = CliTest.run("ti", "--structure", lattice.toString(), "--sma", pot, "--temperatures", "200",
                "--switch-steps", "100", "--equilibration-steps", "20", "--msd-steps", "20", "--repeats", "1", "--no-harmonic");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Frenkel-Ladd at 200.0 K"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("200.0")), r.out());
    }

    @Test
    void tiWithTheHarmonicReferenceAtEveryTemperature() throws Exception {
        CliTest.Run r = CliTest.run("ti", "--structure", lattice.toString(), "--sma", pot, "--temperatures", "300,600",
                "--reference-crystal", "harmonic", "--no-scaling", "--switch-steps", "200", "--equilibration-steps", "50",
                "--repeats", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("harmonic", doc.path("reference_crystal").asText());
        assertTrue(doc.path("reference_temperature_K").isNull() && doc.path("einstein_frequency_rad_per_ps").isNull());
        assertEquals(2 * 2 * (2 * 50 + 2 * 200), doc.path("md_steps").asInt(), "no MSD run, one switch pair per temperature");
        JsonNode stored = new ObjectMapper().readTree(tiJson.toFile());
        for (int t = 0; t < 2; t++) {
            JsonNode a = doc.path("results").get(t);
            JsonNode b = stored.path("results").get(t);
            double err = Math.hypot(a.path("standard_error_eV_per_atom").asDouble(), b.path("standard_error_eV_per_atom").asDouble());
            assertEquals(b.path("free_energy_eV_per_atom").asDouble(), a.path("free_energy_eV_per_atom").asDouble(), 5 * err + 2e-4,
                    "harmonic reference vs Einstein + scaling at " + a.path("temperature_K"));
        }
        CliTest.Run bad = CliTest.run("ti", "--structure", lattice.toString(), "--sma", pot, "--temperatures", "300",
                "--reference-crystal", "debye");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("--reference-crystal"), bad.err());
    }

    @Test
    void validateFromAStoredTiRun() throws Exception {
        Path png = dir.resolve("validate.png");
        CliTest.Run table = CliTest.run("validate", "--phase", "fcc=" + archive, "--sma", pot, "--temperatures", "300,600",
                "--ti", "fcc=" + tiJson, "--plot", png.toString());
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("DDOS-TI"), table.out());
        assertTrue(Files.size(png) > 1000, "PNG written");
        CliTest.Run json = CliTest.run("validate", "--phase", "fcc=" + archive, "--sma", pot, "--temperatures", "300,600",
                "--ti", "fcc=" + tiJson, "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        JsonNode stored = new ObjectMapper().readTree(tiJson.toFile());
        double[] ti = new double[2];
        double[] expected = new double[2];
        for (int t = 0; t < 2; t++) {
            JsonNode row = doc.path("results").get(t);
            ti[t] = row.path("ti_eV_per_atom").asDouble();
            expected[t] = stored.path("results").get(t).path("free_energy_eV_per_atom").asDouble();
            assertEquals(row.path("ddos_eV_per_atom").asDouble() - ti[t], row.path("difference_eV_per_atom").asDouble(), 1e-12);
            // a tiny campaign (300 samples per isosurface) still lands within a few meV/atom of TI
            assertTrue(Math.abs(row.path("difference_eV_per_atom").asDouble()) < 5e-3, "D-DOS - TI at " + row.path("temperature_K"));
        }
        assertArrayEquals(expected, ti, 0);
    }

    /**
     * A kinetic campaign (constant-energy MD isosurfaces; its archive has the kinetic energy per atom
     * as one descriptor component more than the potential has coefficients) is validated like a
     * Hessian one, and near-harmonic Pt at 300 and 600 K lands within a few meV/atom of TI.
     */
    @Test
    void validateAcceptsAKineticCampaign() throws Exception {
        Path config = dir.resolve("pt-kinetic.yaml");
        Files.writeString(config, String.join("\n",
                "name: fcc", "structure: Pt-fcc-2.dat", "sma: " + pot, "isosurfaces: [0.15, 0.3, 0.45, 0.6, 0.8]",
                "samples: 100", "pilot_samples: 50", "bins: 20", "flavor: kinetic", "md_decorrelation_steps: 100",
                "md_frame_interval: 20", "md_frames: 10", "seed: 5", "out: Pt-kinetic.ddos", ""));
        CliTest.Run s = CliTest.run("sample", "--config", config.toString(), "--threads", "2");
        assertEquals(0, s.exit(), s.err());
        CliTest.Run json = CliTest.run("validate", "--phase", "fcc=" + dir.resolve("Pt-kinetic.ddos"), "--sma", pot,
                "--temperatures", "300,600", "--ti", "fcc=" + tiJson, "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        for (int t = 0; t < 2; t++) {
            JsonNode row = doc.path("results").get(t);
            System.out.printf("kinetic Pt %s K: D-DOS - TI = %.3f meV/atom%n", row.path("temperature_K"),
                    1e3 * row.path("difference_eV_per_atom").asDouble());
            assertTrue(Math.abs(row.path("difference_eV_per_atom").asDouble()) < 5e-3, "kinetic D-DOS - TI at " + row.path("temperature_K"));
        }
    }

    @Test
    void validateRefusesMismatchedInputs() throws Exception {
        CliTest.Run missingT = CliTest.run("validate", "--phase", "fcc=" + archive, "--sma", pot, "--temperatures", "450",
                "--ti", "fcc=" + tiJson);
        assertEquals(1, missingT.exit());
        assertTrue(missingT.err().contains("no TI result at 450.0 K"), missingT.err());
        Optional<Path> other = SharedDataDirectory.dataFile("tbsma/lodis/Rh_Rh.pot");
        Assumptions.assumeTrue(other.isPresent());
        CliTest.Run wrong = CliTest.run("validate", "--phase", "fcc=" + archive, "--sma", other.get().toString(),
                "--temperatures", "300", "--ti", "fcc=" + tiJson);
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("lattice"), wrong.err());
        CliTest.Run unknown = CliTest.run("validate", "--phase", "fcc=" + archive, "--sma", pot, "--temperatures", "300",
                "--ti", "bcc=" + tiJson);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("not a --phase"), unknown.err());
    }
}
