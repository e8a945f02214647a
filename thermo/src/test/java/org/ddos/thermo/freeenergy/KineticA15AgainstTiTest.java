package org.ddos.thermo.freeenergy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed kinetic campaign of W A15 (docs/accuracy/W-a15-kinetic.ddos: 64 atoms, 12 isosurfaces
 * e/U_0 = 0.2 ... 3.6, Langevin-thermalized trajectory starts, examples/w/a15-kinetic.yaml;
 * docs/accuracy.md section 3) with the W SNAP coefficients gives the free energy of thermodynamic
 * integration (docs/accuracy/ti-W-a15-lowT.json at 300, 500, 750 K, ti-W-a15.json at 1000 and
 * 2000 K, ti-W-a15-3000K.json at 3000 K) within 2 meV/atom, with no anchor: the entropy is
 * integrated from e = 0, where A15 stiffens, through the sign change of its anharmonic inverse
 * temperature to 3000 K, where it softens.
 */
class KineticA15AgainstTiTest {
    static final Path ACCURACY = Path.of("..", "docs", "accuracy");

    /** @return the TI free energy (eV/atom) at temperature t from a committed TI result file */
    static double tiFreeEnergy(String file, double t) throws Exception {
        JsonNode root = new ObjectMapper().readTree(ACCURACY.resolve(file).toFile());
        for (JsonNode r : root.get("results")) {
            if (r.get("temperature_K").asDouble() == t) {
                return r.get("free_energy_eV_per_atom").asDouble();
            }
        }
        throw new AssertionError(file + ": no result at " + t + " K");
    }

    @Test
    void kineticFreeEnergyOfA15AgreesWithThermodynamicIntegration() throws Exception {
        Path archive = ACCURACY.resolve("W-a15-kinetic.ddos");
        Assumptions.assumeTrue(Files.isRegularFile(archive), "docs/accuracy/W-a15-kinetic.ddos not found");
        double[] theta = SnapCoefficients.readLinear(SharedData.require("descriptordos/w/X_W.snapcoeff")).linear(0);
        PhaseFreeEnergy phase = new PhaseFreeEnergy(PhaseArchives.read(archive).entropy(0));
        PhaseFreeEnergy.Evaluator ev = phase.newEvaluator();
        ev.setParameters(theta);
        double[] temperatures = {300, 500, 750, 1000, 2000, 3000};
        String[] files = {"ti-W-a15-lowT.json", "ti-W-a15-lowT.json", "ti-W-a15-lowT.json", "ti-W-a15.json",
            "ti-W-a15.json", "ti-W-a15-3000K.json"};
        for (int i = 0; i < temperatures.length; i++) {
            double f = ev.freeEnergy(temperatures[i]);
            assertFalse(ev.unsolved(), "alpha* inside the sampled isosurfaces at " + temperatures[i] + " K");
            double ti = tiFreeEnergy(files[i], temperatures[i]);
            assertEquals(ti, f, 2e-3, "F(A15) at " + temperatures[i] + " K against TI (eV/atom)");
        }
    }
}
