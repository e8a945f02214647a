package org.ddos.thermo.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The W SNAP path of thermodynamic integration at small scale (the W rows of docs/accuracy.md use
 * the same code on 128 and 64 atoms): W bcc 2x2x2 cubic cells (16 atoms, a = 3.1856 Å, the W SNAP
 * example potential) at 100 K, where the anharmonic free energy of W is far below the error bars
 * (about -2 meV/atom at 1000 K, growing as T^2), so TI must give the harmonic free energy of the
 * potential's own Hessian.
 * <ul>
 *   <li>Einstein reference (spring from the MSD), Frenkel–Ladd at 100 K: the full switch, with SNAP
 *       forces against springs, agrees with the Hessian formula within four of its own standard
 *       errors;</li>
 *   <li>harmonic-crystal reference, a switch at 100 K (no scaling): the integrand is
 *       only the anharmonic part, so the result sits on the Hessian formula within 0.05 meV/atom
 *       and its error bar is at least five times smaller than the Einstein one.</li>
 * </ul>
 */
class WSnapIntegrationTest {
    @Test
    void wBccAtLowTemperatureIsHarmonicByBothReferences() throws Exception {
        Optional<Path> param = SharedDataDirectory.dataFile("descriptordos/w/D.snapparam");
        Optional<Path> coeff = SharedDataDirectory.dataFile("descriptordos/w/X_W.snapcoeff");
        Assumptions.assumeTrue(param.isPresent() && coeff.isPresent(), "shared W SNAP files not found");
        SnapParameters p = SnapParameters.read(param.get());
        SnapPotential w = new SnapPotential(p, SnapCoefficients.read(coeff.get(), p), "X").withThreads(1);
        Structure bcc = Lattices.bcc("W", 3.1856343060058365, 2, 2, 2);
        DMatrixRMaj hessian = HessianCalculator.hessian(w, bcc);
        HarmonicFreeEnergy harmonic = HarmonicFreeEnergy.of(org.ddos.descriptors.hessian.NormalModes.of(hessian, bcc),
                w.energy(bcc), bcc.atomCount());
        // E_0/N of the W SNAP example on its bcc lattice (LAMMPS: -544.12179 eV for 128 atoms)
        assertEquals(-4.250951, harmonic.latticeEnergy() / bcc.atomCount(), 1e-6);

        SwitchingSettings s = new SwitchingSettings(0.002, 10.0, 100, 400, 100, 4, 3);
        IntegrationResult einstein = new ThermodynamicIntegration(bcc, w, s).threads(2).run(new double[] {100});
        double eE = einstein.standardError()[0];
        System.out.printf("W bcc 16 atoms, 100 K: harmonic %.7f, Einstein-reference TI %.7f +- %.7f eV/atom%n", harmonic.freeEnergy(100),
                einstein.freeEnergy()[0], eE);
        assertTrue(eE > 0 && eE < 5e-4, "Einstein-reference error bar at 100 K " + eE + " eV/atom");
        assertEquals(harmonic.freeEnergy(100), einstein.freeEnergy()[0], 4 * eE, "Einstein reference vs Hessian formula at 100 K");

        IntegrationResult anharmonic = new ThermodynamicIntegration(bcc, w, s.withSteps(100, 200).withSeed(4)).threads(2)
                .harmonicReference(hessian).reversibleScaling(false).run(new double[] {100});
        assertEquals(4 * (2 * 100 + 2 * 200), anharmonic.steps(), "one switch pair, no MSD run");
        double e = anharmonic.standardError()[0];
        System.out.printf("harmonic-reference TI %.7f +- %.7f eV/atom%n", anharmonic.freeEnergy()[0], e);
        assertTrue(e < eE / 5, "harmonic-reference error " + e + " vs Einstein " + eE);
        assertEquals(harmonic.freeEnergy(100), anharmonic.freeEnergy()[0], 5e-5, "harmonic reference vs Hessian formula at 100 K");
        assertEquals(einstein.freeEnergy()[0], anharmonic.freeEnergy()[0], 4 * eE, "the two references at 100 K");
    }
}
