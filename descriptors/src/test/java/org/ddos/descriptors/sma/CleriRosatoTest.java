package org.ddos.descriptors.sma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.descriptors.potential.LatticeRelaxation;
import org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice;
import org.junit.jupiter.api.Test;

/**
 * The published Cleri–Rosato sets describe their own fcc metals: with the fifth-neighbour tail the
 * energy minimum of fcc lies at the nearest-neighbour distance r0 (the fit's equilibrium
 * condition), which identifies the cutoff convention of the fit; the LAMMPS smatb convention
 * (second neighbours only) does not.
 */
class CleriRosatoTest {
    @Test
    void fccMinimumLiesAtR0WithTheFifthNeighbourCutoff() {
        double r0 = 2.8;
        for (CleriRosato m : CleriRosato.values()) {
            if (!m.structure().equals("fcc") || m == CleriRosato.PB) {
                continue; // Pb: see below
            }
            SmaPotential pot = new SmaPotential(SmaParameters.single(m.element(), m.withFifthNeighbourCutoff(r0)));
            RelaxedLattice fcc = LatticeRelaxation.fcc(pot, m.element(), 1.3 * r0, 1.55 * r0);
            assertEquals(1.0, fcc.a() / (Math.sqrt(2) * r0), 2e-4, m + ": relaxed fcc nearest-neighbour distance / r0");
        }
    }

    @Test
    void pbMinimumIsSevenPerMilleOffR0() {
        // The Pb row as tabulated does not satisfy the equilibrium condition (a / (sqrt 2 r0) = 0.9926):
        // a transcription or fit difference, flagged in docs/quickstart.md.
        double r0 = 2.8;
        SmaPotential pot = new SmaPotential(SmaParameters.single("Pb", CleriRosato.PB.withFifthNeighbourCutoff(r0)));
        RelaxedLattice fcc = LatticeRelaxation.fcc(pot, "Pb", 1.3 * r0, 1.55 * r0);
        assertEquals(0.9926, fcc.a() / (Math.sqrt(2) * r0), 5e-4);
    }

    @Test
    void copperCohesiveEnergyAndLatticeConstant() {
        // experimental fcc Cu: a = 3.615 Å, E_c = 3.49 eV/atom (Kittel); r0 = a / sqrt 2
        double r0 = 3.615 / Math.sqrt(2);
        SmaPotential fifth = new SmaPotential(SmaParameters.single("Cu", CleriRosato.CU.withFifthNeighbourCutoff(r0)));
        RelaxedLattice cu = LatticeRelaxation.fcc(fifth, "Cu", 3.3, 3.9);
        assertEquals(3.615, cu.a(), 2e-3);
        assertEquals(-3.544, cu.energyPerAtom(), 2e-3, "fifth-neighbour lattice sum");
        SmaPotential lammps = new SmaPotential(SmaParameters.single("Cu", CleriRosato.CU.pair(r0, Math.sqrt(2), Math.sqrt(3))));
        RelaxedLattice short_ = LatticeRelaxation.fcc(lammps, "Cu", 3.3, 3.9);
        assertTrue(short_.energyPerAtom() > -3.40, "second-neighbour cutoff loses > 2.5% of E_c: " + short_.energyPerAtom());
        assertTrue(short_.a() > 3.64, "and moves the minimum: a = " + short_.a());
    }

    @Test
    void magnesiumHcpCohesiveEnergy() {
        // experimental Mg: E_c = 1.51 eV/atom (Kittel); the hcp ground state of the fit is 1.52 eV/atom
        double r0 = 3.21;
        SmaPotential pot = new SmaPotential(SmaParameters.single("Mg", CleriRosato.MG.withFifthNeighbourCutoff(r0)));
        RelaxedLattice hcp = LatticeRelaxation.hcp(pot, "Mg", 0.9 * r0, 1.1 * r0, 1.5, 1.8);
        assertEquals(-1.5195, hcp.energyPerAtom(), 1e-3);
        assertEquals(Math.sqrt(8.0 / 3), hcp.ratio(), 3e-3, "near-ideal c/a");
        assertEquals("Cleri-Rosato Ti I (hcp)", CleriRosato.TI_I.label());
        assertEquals("Cleri-Rosato Mg (hcp)", CleriRosato.MG.label());
    }
}
