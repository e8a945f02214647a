package org.ddos.calibration.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTargetsTest {
    @Test
    void formulaPointsAndVegardTargets(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pt-rh.yaml");
        Files.writeString(f, """
                system: Pt-Rh
                enthalpy:
                  - formula: "X*(1-X)*(-10970+45*X)"
                    unit: J/mol
                    temperature: 1000
                    x: [0.25, 0.5, 0.75]
                    sigma: 1.0
                  - points:
                      - {x: 0.5, temperature: 900, value: -10.5, unit: kJ/mol, sigma: 5}
                lattice:
                  pure: {Pt: 3.9233, Rh: 3.8032}
                  temperature: 300
                  vegard: [0.5]
                  points: [{x: 0.25, value: 3.89}]
                prior: 0.02
                """);
        CalibrationTargets t = CalibrationTargets.read(f);
        assertEquals("Pt-Rh", t.system());
        assertEquals(4, t.enthalpy().size());
        // Jacob, Priya, Waseda 1998: Delta H(0.5) = -2737 J/mol = -28.4 meV/atom (REFERENCE-DATA.md 4b)
        assertEquals(-28.37, t.enthalpy().get(1).value(), 0.01);
        assertEquals(-2736.875 * RedlichKisterConstants.MEV, t.enthalpy().get(1).value(), 1e-9);
        assertEquals(-108.83, t.enthalpy().get(3).value(), 0.01);
        assertEquals(900, t.enthalpy().get(3).temperature());
        assertEquals(2, t.lattice().size());
        assertEquals(1.0, t.lattice().get(0).ratio(), 0);
        assertEquals(3.89 / (0.75 * 3.9233 + 0.25 * 3.8032), t.lattice().get(1).ratio(), 1e-12);
        assertEquals(0.02, t.prior());
        assertEquals(1, t.curves().size());
    }

    @Test
    void tdbTargetsFromSharedData(@TempDir Path dir) throws Exception {
        assumeTrue(SharedDataDirectory.dataFile("tbsma/tdb/CU-NI_COST507_anMey.tdb").isPresent(), "shared data not found");
        Path f = dir.resolve("cu-ni.yaml");
        Files.writeString(f, """
                system: Cu-Ni
                enthalpy:
                  - tdb: shared:tbsma/tdb/CU-NI_COST507_anMey.tdb
                    phase: FCC_A1
                    temperature: 1000
                    x: [0.25, 0.5, 0.75]
                """);
        CalibrationTargets t = CalibrationTargets.read(f);
        // REFERENCE-DATA.md 4a: 13.66 / 20.85 / 17.62 meV/atom
        assertEquals(13.66, t.enthalpy().get(0).value(), 0.006);
        assertEquals(20.85, t.enthalpy().get(1).value(), 0.006);
        assertEquals(17.62, t.enthalpy().get(2).value(), 0.006);
        assertEquals(1.0, t.enthalpy().get(0).sigma());
    }

    @Test
    void badFilesNameTheKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "system: Cu-Ni\nenthalpies: []\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalibrationTargets.read(f));
        assertTrue(e.getMessage().contains("unknown key 'enthalpies'"), e.getMessage());
        Files.writeString(f, "system: Cu-Ni\nlattice:\n  vegard: [0.5]\n");
        e = assertThrows(IllegalArgumentException.class, () -> CalibrationTargets.read(f));
        assertTrue(e.getMessage().contains("lattice.pure"), e.getMessage());
        Files.writeString(f, "system: Cu-Ni\nenthalpy:\n  - formula: \"X*(1-X)\"\n    unit: kcal\n    temperature: 1000\n    x: [0.5]\n");
        e = assertThrows(IllegalArgumentException.class, () -> CalibrationTargets.read(f));
        assertTrue(e.getMessage().contains("unknown unit 'kcal'"), e.getMessage());
    }

    /** meV/atom per J/mol computed here from CODATA values, independently of the code. */
    static final class RedlichKisterConstants {
        static final double MEV = 1e3 / (6.02214076e23 * 1.602176634e-19);
    }
}
