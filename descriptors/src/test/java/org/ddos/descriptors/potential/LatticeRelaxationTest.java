package org.ddos.descriptors.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice;
import org.ddos.descriptors.sma.CleriRosato;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.sma.SmaPotential;
import org.ddos.descriptors.structure.Structure;
import org.junit.jupiter.api.Test;

/** At the relaxed constants the analytic virial vanishes: zero pressure, and for hcp zero anisotropy. */
class LatticeRelaxationTest {
    static SmaPotential mg() {
        return new SmaPotential(SmaParameters.single("Mg", CleriRosato.MG.withFifthNeighbourCutoff(3.21)));
    }

    @Test
    void relaxedFccHasZeroPressure() {
        SmaPotential pot = mg();
        RelaxedLattice fcc = LatticeRelaxation.fcc(pot, "Mg", 4.2, 5.0);
        Structure s = fcc.supercell("Mg", 2, 2, 2);
        double[] w = new double[6];
        pot.compute(s, null, w);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, w[i] / s.atomCount(), 1e-6, "virial component " + i + " (eV/atom)");
        }
        assertEquals(fcc.a() * fcc.a() * fcc.a() / 4, fcc.volumePerAtom(), 1e-12);
        assertEquals(pot.energy(s) / s.atomCount(), fcc.energyPerAtom(), 1e-12);
    }

    @Test
    void relaxedHcpHasZeroStressAlongAAndC() {
        SmaPotential pot = mg();
        RelaxedLattice hcp = LatticeRelaxation.hcp(pot, "Mg", 2.9, 3.5, 1.5, 1.8);
        Structure s = hcp.supercell("Mg", 3, 3, 2);
        double[] w = new double[6];
        pot.compute(s, null, w);
        assertEquals(0, w[0] / s.atomCount(), 1e-6, "xx");
        assertEquals(0, w[1] / s.atomCount(), 1e-6, "yy");
        assertEquals(0, w[2] / s.atomCount(), 1e-6, "zz");
        assertEquals(s.volume() / s.atomCount(), hcp.volumePerAtom(), 1e-9);
    }

    @Test
    void minimumOnTheBracketEdgeIsRejected() {
        SmaPotential pot = mg();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatticeRelaxation.fcc(pot, "Mg", 4.0, 4.3));
        assertEquals(true, e.getMessage().contains("edge"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatticeRelaxation.fcc(pot, "Mg", 5.0, 4.0));
    }
}
