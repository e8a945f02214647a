package org.ddos.calibration.calphad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.junit.jupiter.api.Test;

class TdbDatabaseTest {
    static TdbDatabase tdb(String name) throws Exception {
        Optional<Path> p = SharedDataDirectory.dataFile("tbsma/tdb/" + name);
        assumeTrue(p.isPresent(), "shared TDB file " + name + " not found (set DDOS_SHARED_DATA)");
        return TdbDatabase.read(p.get());
    }

    @Test
    void cuNiParametersAreTheFileLines() throws Exception {
        // PARAMETER L(FCC_A1,CU,NI:VA;0)  298.15 +8047.72+3.42217*T; 6000.00 N !
        // PARAMETER L(FCC_A1,CU,NI:VA;1)  298.15 -2041.3+.99714*T; 6000.00 N !
        RedlichKister rk = tdb("CU-NI_COST507_anMey.tdb").redlichKister("FCC_A1", "Cu", "Ni");
        assertEquals("CU", rk.constituents()[0]);
        assertEquals(2, rk.orders());
        double[] l0 = rk.linearForm(0);
        double[] l1 = rk.linearForm(1);
        assertEquals(8047.72, l0[0], 1e-9);
        assertEquals(3.42217, l0[1], 1e-12);
        assertEquals(-2041.3, l1[0], 1e-9);
        assertEquals(0.99714, l1[1], 1e-12);
        assertEquals(0, l0[2], 1e-9);
        // REFERENCE-DATA.md 4a: Delta H_mix of random fcc Cu-Ni (x = x_Ni) in J/mol and meV/atom
        double[] x = {0.10, 0.25, 0.50, 0.75, 0.90};
        double[] jmol = {577, 1318, 2012, 1700, 871};
        double[] mev = {5.98, 13.66, 20.85, 17.62, 9.03};
        for (int i = 0; i < x.length; i++) {
            assertEquals(jmol[i], rk.excessEnthalpy("Ni", x[i], 1000), 0.6);
            assertEquals(mev[i], rk.excessEnthalpyMeV("Ni", x[i], 1000), 0.006);
            // the enthalpy part does not depend on T for L = a + b T
            assertEquals(rk.excessEnthalpy("Ni", x[i], 500), rk.excessEnthalpy("Ni", x[i], 1500), 1e-6);
            // the same alloy described by x_Cu
            assertEquals(rk.excessGibbs("Ni", x[i], 800), rk.excessGibbs("Cu", 1 - x[i], 800), 1e-9);
        }
        assertEquals(10.3643, 1000 * RedlichKister.MEV_PER_JOULE_PER_MOL, 1e-4, "meV/atom per kJ/mol");
    }

    @Test
    void niPtParametersResolveTheNestedFunctions() throws Exception {
        TdbDatabase db = tdb("NI-PT_Lu2005_alnipt.tdb");
        RedlichKister rk = db.redlichKister("fcc_a1", "Ni", "Pt");
        assertEquals(5, rk.orders());
        // REFERENCE-DATA.md 4a, net values derived from the functions of the file
        double[][] expected = {{-37412.5, 1.49425}, {-9967.5, 1.0}, {5925, 0.25}, {705, 0}, {-37.5, 0}};
        for (int v = 0; v < 5; v++) {
            double[] l = rk.linearForm(v);
            assertEquals(expected[v][0], l[0], 1e-6, "a of L" + v);
            assertEquals(expected[v][1], l[1], 1e-9, "b of L" + v);
        }
        double[] x = {0.10, 0.25, 0.50, 0.75, 0.90};
        double[] jmol = {-3712, -7656, -9353, -5820, -2342};
        for (int i = 0; i < x.length; i++) {
            assertEquals(jmol[i], rk.excessEnthalpy("Pt", x[i], 1000), 0.6);
        }
        // a function by itself: L0FCC = 27500 + 10.977 T
        assertEquals(27500 + 10.977 * 700, db.function("L0FCC", 700), 1e-9);
    }

    @Test
    void sgteUnariesEvaluateToMinusTSAtRoomTemperature() throws Exception {
        // GHSER is referred to H(298.15 K) = 0, so G(298.15) = -298.15 S298 (S298 on the ELEMENT lines)
        // for the non-magnetic metals (for Ni the magnetic part, TC = 633 K, is a separate term)
        TdbDatabase cuni = tdb("CU-NI_COST507_anMey.tdb");
        assertEquals(-298.15 * 33.150, cuni.function("GHSERCU", 298.15), 2.0);
        // GHSERNI by hand: -5179.159 + 117.854 T - 22.096 T ln T - 4.8407e-3 T^2 at 298.15 K
        double t = 298.15;
        assertEquals(-5179.159 + 117.854 * t - 22.096 * t * Math.log(t) - 4.8407e-3 * t * t, cuni.function("GHSERNI", t), 1e-9);
        TdbDatabase nipt = tdb("NI-PT_Lu2005_alnipt.tdb");
        assertEquals(-298.15 * 41.631, nipt.function("ghserpt", 298.15), 2.0);
        // piecewise: the second range of GHSERCU above 1357.77 K, continuous at the break
        double below = cuni.function("GHSERCU", 1357.77 - 1e-9);
        double above = cuni.function("GHSERCU", 1357.77 + 1e-6);
        assertEquals(below, above, 0.01);
    }

    @Test
    void expressionsFollowTdbPrecedence() {
        assertEquals(-4.0, TdbExpression.parse("-T**2").evaluate(2, Double.NaN), 0);
        assertEquals(0.125, TdbExpression.parse("T**(-3)").evaluate(2, Double.NaN), 0);
        assertEquals(2 * Math.log(2), TdbExpression.parse("T*LOG(T)").evaluate(2, Double.NaN), 1e-15);
        assertEquals(2 * Math.log(2), TdbExpression.parse("T*LN(T)").evaluate(2, Double.NaN), 1e-15);
        assertEquals(1.12754e31, TdbExpression.parse("+1.12754E+31").evaluate(1, Double.NaN), 1e16);
        assertEquals(0.99714, TdbExpression.parse(".99714").evaluate(1, Double.NaN), 0);
        // the Pt-Rh formula of Jacob et al. 1998 at x_Rh = 0.5: -2737 J/mol
        assertEquals(-2736.875, TdbExpression.parse("X*(1-X)*(-10970+45*X)").evaluate(1000, 0.5), 1e-9);
        assertEquals(List.of("L0FCC", "RECNINI"), TdbExpression.parse("L0FCC+0.375*RECNINI#").references());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TdbExpression.parse("3*(T+1"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
    }

    @Test
    void malformedStatementsNameFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TdbDatabase.parse(List.of("$ comment", "FUNCTION GFOO 298.15 1+*T; 6000 N !"), "bad.tdb"));
        assertTrue(e.getMessage().startsWith("bad.tdb line 2: FUNCTION GFOO"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> TdbDatabase.parse(List.of("PARAMETER L(FCC_A1,CU,NI:VA;0) 298.15 100;"), "open.tdb").parameters());
        assertTrue(f.getMessage().contains("not terminated"), f.getMessage());
    }
}
