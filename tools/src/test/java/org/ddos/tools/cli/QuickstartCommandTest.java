package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

        // reproduction: the commands of the report's "Reproduce" section, run one by one as written
        // (with --json added to read the numbers), give the report's numbers exactly
        String reproduce = report.substring(report.indexOf("## Reproduce"));
        List<String[]> commands = ReadmeExample.reportCommands(reproduce);
        List<String> names = new ArrayList<>();
        for (String[] c : commands) {
            names.add(c[0]);
        }
        assertEquals(List.of("sample", "sample", "archive", "free-energy", "transition", "tune", "transition", "uq"), names,
                "the report's reproduction commands");
        double[] fcc = doubles(s.get("phases").get("fcc").get("free_energy_eV_per_atom"));
        double[] hcp = doubles(s.get("phases").get("hcp").get("free_energy_eV_per_atom"));
        double[] tuned = doubles(s.get("tuned_theta"));
        int transitions = 0;
        for (String[] c : commands) {
            switch (c[0]) {
                case "sample" -> {
                    // the campaign: ddos sample on the written YAML gives the same histograms (the hcp one on one thread)
                    String phase = c[c.length - 1].endsWith("hcp.yaml") ? "hcp" : "fcc";
                    String[] args = phase.equals("hcp") ? CliTest.concat(c, new String[] {"--threads", "1"}) : c;
                    CliTest.Run sample = CliTest.run(args);
                    assertEquals(0, sample.exit(), sample.err());
                    assertSameCampaign(dir.resolve(phase + ".ddos"), dir.resolve(phase + "-resampled.ddos"));
                }
                case "archive" -> {
                    CliTest.Run info = CliTest.run(c);
                    assertEquals(0, info.exit(), info.err());
                    assertTrue(info.out().contains("ddos quickstart"), "provenance shown: " + info.out());
                }
                case "free-energy" -> {
                    JsonNode fe = json(CliTest.concat(c, new String[] {"--json"}));
                    for (int i = 0; i < temps.length; i++) {
                        JsonNode a = fe.get("results").get(i);
                        JsonNode b = fe.get("results").get(temps.length + i);
                        assertEquals("fcc", a.get("phase").asText());
                        assertEquals("hcp", b.get("phase").asText());
                        assertEquals(temps[i], a.get("temperature_K").asDouble(), 0.0);
                        assertEquals(fcc[i], a.get("free_energy_eV_per_atom").asDouble(), 0.0, "ddos free-energy fcc at " + temps[i] + " K");
                        assertEquals(hcp[i], b.get("free_energy_eV_per_atom").asDouble(), 0.0, "ddos free-energy hcp at " + temps[i] + " K");
                    }
                }
                case "transition" -> {
                    JsonNode tr = json(CliTest.concat(c, new String[] {"--json"}));
                    if (transitions++ == 0) {
                        assertEquals(tc, tr.get("transition_temperature_K").asDouble(), 0.0, "ddos transition gives the report's T_c");
                        assertEquals(sigma, tr.get("uncertainty_K").asDouble(), 0.0);
                        double[] delta = doubles(s.get("delta_free_energy_eV_per_atom"));
                        for (int i = 0; i < temps.length; i++) {
                            assertEquals(delta[i], tr.get("grid").get(i).get("delta_free_energy_eV_per_atom").asDouble(), 0.0,
                                    "DeltaF at " + temps[i] + " K");
                        }
                    } else {
                        assertEquals(s.get("tuned_transition_temperature_K").asDouble(), tr.get("transition_temperature_K").asDouble(),
                                0.0, "T_c of the tuned coefficients");
                    }
                }
                case "tune" -> {
                    JsonNode tune = json(CliTest.concat(c, new String[] {"--json"}));
                    assertEquals(s.get("tuned_transition_temperature_K").asDouble(), tune.get("transition_temperature_K").asDouble(), 0.0);
                    assertArrayEquals(tuned, SnapCoefficients.readLinear(dir.resolve("Mg-tuned.snapcoeff")).linear(0), 0.0,
                            "ddos tune rewrites the same theta");
                    assertEquals(tune.get("lattice_energy_difference_before_eV_per_atom").asDouble(),
                            tune.get("lattice_energy_difference_after_eV_per_atom").asDouble(), 1e-12, "0 K energy difference held");
                }
                case "uq" -> {
                    JsonNode uq = json(CliTest.concat(c, new String[] {"--json"}));
                    assertArrayEquals(doubles(s.get("ensemble_transition_percentiles_K")),
                            doubles(uq.get("transition").get("percentiles_K")), 0.0, "ddos uq T_c percentiles");
                }
                default -> throw new AssertionError("unexpected command " + c[0]);
            }
        }

        // README's Java API example, compiled as written and run on these files, gives the same numbers
        java.lang.reflect.Method example = ReadmeExample.compile(dir.resolve("readme-example"));
        Object[] v = (Object[]) example.invoke(null, dir.toString());
        org.ddos.thermo.transition.TransitionResult apiTc = (org.ddos.thermo.transition.TransitionResult) v[3];
        assertTrue(apiTc.found());
        assertEquals(tc, (double) v[4], 1e-3, "README example T_c");
        assertEquals(sigma, (double) v[5], 1e-3 * sigma, "README example sigma(T_c)");
        assertEquals(2, ((double[]) v[6]).length, "dT_c/dtheta has K = 2 entries");
        org.ddos.thermo.freeenergy.FreeEnergyResult r = (org.ddos.thermo.freeenergy.FreeEnergyResult) v[0];
        int at = java.util.Arrays.binarySearch(temps, r.temperature());
        assertTrue(at >= 0, "README example evaluates F at a grid temperature: " + r.temperature());
        assertEquals(fcc[at], r.freeEnergy(), 0.0, "README example F_fcc at " + r.temperature() + " K");
        // dF/dtheta = <D> against central differences of the same phase
        double[] grad = (double[]) v[1];
        org.ddos.thermo.freeenergy.PhaseFreeEnergy phase = (org.ddos.thermo.freeenergy.PhaseFreeEnergy) v[7];
        double[] theta = SnapCoefficients.readLinear(dir.resolve("Mg.snapcoeff")).linear(0);
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-5 * Math.abs(theta[j]);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (phase.evaluate(up, r.temperature()).freeEnergy() - phase.evaluate(down, r.temperature()).freeEnergy()) / (2 * h);
            assertEquals(fd, grad[j], 1e-4 * Math.abs(grad[j]), "dF/dtheta_" + j);
        }
        org.ddos.thermo.freeenergy.FreeEnergyResult[][] batch = (org.ddos.thermo.freeenergy.FreeEnergyResult[][]) v[2];
        assertTrue(batch.length >= 2 && batch[0].length >= 2, "batch is [theta][T]");
        assertEquals(phase.evaluate(theta, batch[0][1].temperature()).freeEnergy(), batch[0][1].freeEnergy(), 1e-12,
                "batch row 0 is theta");
    }

    static void assertSameCampaign(Path first, Path second) throws Exception {
        PhaseCampaign a = PhaseArchives.read(first).campaigns().get(0);
        PhaseCampaign b = PhaseArchives.read(second).campaigns().get(0);
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
