package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.descriptors.units.PhysicalConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ddos quickstart --quick}: the smoke version of the main job. Checks that the numbers make
 * physical sense, that the report and plots are written, and that the reproduction commands of
 * the report, run one by one on the files written, give the same numbers.
 */
class QuickstartCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void quickRunIsPhysicalAndEveryStepReproducesFromItsFiles(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        CliTest.Run run = CliTest.run("quickstart", "--quick", "--threads", "2", "--out", dir.toString());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("report.md"), run.out());
        System.out.printf("ddos quickstart --quick: %.1f s%n", seconds);

        for (String f : List.of("report.md", "summary.json", "fcc.ddos", "hcp.ddos", "fcc.xyz", "hcp.xyz", "fcc.yaml", "hcp.yaml",
                "Mg.pot", "Mg.snapcoeff", "Mg-tuned.snapcoeff", "covariance.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        for (String png : List.of("free-energy.png", "delta-free-energy.png", "tuning.png", "tc-distribution.png")) {
            byte[] b = Files.readAllBytes(dir.resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png + " is a PNG");
        }
        String report = Files.readString(dir.resolve("report.md"));
        for (String section : List.of("## 1. Lattices", "## 2. Hessians", "## 3. Sampling", "## 4. Score matching", "## 5. Archives",
                "## 6. Free energies", "## 7. Transition", "## 8. Fine-tuning", "## 9. Uncertainty", "## Reproduce", "## Timings",
                "| ddos |", "| Java |")) {
            assertTrue(report.contains(section), "report has " + section);
        }

        // physics
        JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
        double[] temps = doubles(s.get("temperatures_K"));
        double kB = PhysicalConstants.BOLTZMANN_EV_PER_K;
        for (String phase : List.of("fcc", "hcp")) {
            JsonNode p = s.get("phases").get(phase);
            assertTrue(p.get("minimum_eigenvalue_eV_per_A2_amu").asDouble() > 0, phase + " mechanically stable");
            double[] f = doubles(p.get("free_energy_eV_per_atom"));
            double[] fh = doubles(p.get("harmonic_free_energy_eV_per_atom"));
            double e0 = p.get("lattice_energy_eV_per_atom").asDouble();
            for (int i = 1; i < f.length; i++) {
                assertTrue(f[i] < f[i - 1], phase + ": F decreases with T at " + temps[i] + " K");
            }
            // harmonic limit at the lowest temperature (100 K): within 1 meV/atom and 5% of F - E_0
            assertEquals(fh[0], f[0], 1e-3, phase + " F(100 K) against the harmonic F_H");
            assertEquals(fh[0] - e0, f[0] - e0, 0.05 * Math.abs(fh[0] - e0), phase + " vibrational part at 100 K");
            // and the entropy -dF/dT between the two lowest temperatures: the harmonic 3 k_B (1 + ln(k_B T / hbar omega))
            double entropy = -(f[1] - f[0]) / (temps[1] - temps[0]) / kB;
            double harmonic = -(fh[1] - fh[0]) / (temps[1] - temps[0]) / kB;
            assertEquals(harmonic, entropy, 0.3 * harmonic, phase + " entropy near 100 K (k_B/atom)");
        }
        assertTrue(s.get("transition_found").asBoolean(), "a transition inside the range");
        double tc = s.get("transition_temperature_K").asDouble();
        double sigma = s.get("transition_uncertainty_K").asDouble();
        assertTrue(tc > temps[0] && tc < temps[temps.length - 1], "T_c inside the range: " + tc);
        assertTrue(sigma > 0 && Double.isFinite(sigma), "T_c has an uncertainty: " + sigma);
        assertEquals(500, s.get("tuned_transition_temperature_K").asDouble(), 10, "fine-tuned T_c at the target");

        // reproduction, command by command, from the files in DIR
        String grid = "100:850:16";
        String[] phases = {"--phase", "fcc=" + dir.resolve("fcc.ddos"), "--phase", "hcp=" + dir.resolve("hcp.ddos"), "--order", "4",
            "--temperatures", grid};
        String coeff = dir.resolve("Mg.snapcoeff").toString();

        JsonNode tr = json(CliTest.concat(new String[] {"transition", "--json", "--coeff", coeff}, phases));
        assertEquals(tc, tr.get("transition_temperature_K").asDouble(), 0.0, "ddos transition gives the report's T_c");
        assertEquals(sigma, tr.get("uncertainty_K").asDouble(), 0.0);

        JsonNode fe = json(CliTest.concat(new String[] {"free-energy", "--json", "--coeff", coeff}, phases));
        double[] fcc = doubles(s.get("phases").get("fcc").get("free_energy_eV_per_atom"));
        for (int i = 0; i < temps.length; i++) {
            JsonNode row = fe.get("results").get(i);
            assertEquals("fcc", row.get("phase").asText());
            assertEquals(fcc[i], row.get("free_energy_eV_per_atom").asDouble(), 0.0, "ddos free-energy at " + temps[i] + " K");
        }

        Path tuned = dir.resolve("cli-tuned.snapcoeff");
        JsonNode tune = json(CliTest.concat(new String[] {"tune", "--json", "--coeff", coeff, "--target-tc", "500", "--hold-e0",
            "--ridge", "5", "--steps", "50", "--out", tuned.toString()}, phases));
        assertEquals(s.get("tuned_transition_temperature_K").asDouble(), tune.get("transition_temperature_K").asDouble(), 0.0);
        assertArrayEquals(doubles(s.get("tuned_theta")), SnapCoefficients.readLinear(tuned).linear(0), 0.0, "ddos tune theta");
        assertArrayEquals(SnapCoefficients.readLinear(dir.resolve("Mg-tuned.snapcoeff")).linear(0),
                SnapCoefficients.readLinear(tuned).linear(0), 0.0);
        assertEquals(tune.get("lattice_energy_difference_before_eV_per_atom").asDouble(),
                tune.get("lattice_energy_difference_after_eV_per_atom").asDouble(), 1e-12, "0 K energy difference held");

        JsonNode uq = json(CliTest.concat(new String[] {"uq", "--json", "--coeff", coeff, "--covariance",
            dir.resolve("covariance.csv").toString(), "--samples", "200", "--seed", "1"}, phases));
        assertArrayEquals(doubles(s.get("ensemble_transition_percentiles_K")), doubles(uq.get("transition").get("percentiles_K")),
                0.0, "ddos uq T_c percentiles");

        // the campaign: ddos sample on the written YAML gives the same histograms (any thread count)
        CliTest.Run sample = CliTest.run("sample", "--config", dir.resolve("fcc.yaml").toString(), "--threads", "1");
        assertEquals(0, sample.exit(), sample.err());
        PhaseCampaign a = PhaseArchives.read(dir.resolve("fcc.ddos")).campaigns().get(0);
        PhaseCampaign b = PhaseArchives.read(dir.resolve("fcc-resampled.ddos")).campaigns().get(0);
        assertArrayEquals(a.latticeDescriptor(), b.latticeDescriptor(), 0.0);
        assertEquals(a.logMeanEigenvalue(), b.logMeanEigenvalue(), 0.0);
        for (int g = 0; g < a.isosurfaceCount(); g++) {
            IsosurfaceStatistics x = a.isosurfaces().get(g);
            IsosurfaceStatistics y = b.isosurfaces().get(g);
            assertArrayEquals(x.mean(), y.mean(), 0.0, "isosurface " + g + " mean");
            assertArrayEquals(x.covarianceEigenvalues(), y.covarianceEigenvalues(), 0.0);
            for (int k = 0; k < x.descriptorCount(); k++) {
                assertArrayEquals(x.counts()[k], y.counts()[k], "isosurface " + g + " mode " + k + " histogram");
            }
        }
    }

    static JsonNode json(String... args) throws Exception {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.exit(), args[0] + ": " + r.err());
        return JSON.readTree(r.out());
    }

    static double[] doubles(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }
}
