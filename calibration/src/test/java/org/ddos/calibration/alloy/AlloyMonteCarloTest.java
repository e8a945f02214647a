package org.ddos.calibration.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.sma.SmaParameters;
import org.ddos.descriptors.sma.SmaPotential;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.junit.jupiter.api.Test;

class AlloyMonteCarloTest {
    /** Cu of the Zhang 2015 / Panizon 2015 set (LoDiS Ni_Cu.pot), fcc cutoffs r0 sqrt 2, r0 sqrt 3. */
    static final SmaPairParameters CU = SmaPairParameters.withFccCutoffs(10.653, 2.49, 0.092585, 1.2437, 2.56);
    static final SmaPairParameters NI = SmaPairParameters.withFccCutoffs(11.70, 2.045, 0.096444, 1.6111, 2.48);
    static final SmaPairParameters CUNI = SmaPairParameters.withFccCutoffs(11.1765, 2.2675, 0.1046, 1.44534, 2.52);

    static SmaParameters cuNi() {
        return SmaParameters.binary("Cu", "Ni", CU, NI, CUNI);
    }

    /** Static 0 K minimum of the perfect fcc energy over a, by Brent's method on SmaPotential (not the MC code). */
    static double[] staticMinimum(SmaPairParameters p, String el) {
        SmaPotential pot = new SmaPotential(SmaParameters.single(el, p));
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(
                a -> pot.energy(Lattices.fcc(el, a, 4, 4, 4)) / 256);
        var r = new BrentOptimizer(1e-12, 1e-12).optimize(new MaxEval(200), f, GoalType.MINIMIZE,
                new SearchInterval(p.r0() * Math.sqrt(2) * 0.95, p.r0() * Math.sqrt(2) * 1.05));
        return new double[] {r.getPoint(), r.getValue()};
    }

    @Test
    void localEnergyChangesEqualFullRecomputationWithSmaPotential() {
        Structure lattice = Lattices.fcc("Cu", 3.56, 4, 4, 4);
        Structure alloy = Lattices.randomAlloy(lattice, new String[] {"Cu", "Ni"}, new double[] {0.6, 0.4}, 7);
        SmaParameters params = cuNi();
        SmaPotential pot = new SmaPotential(params);
        AlloyMonteCarlo mc = new AlloyMonteCarlo(alloy, params, 0.6, 11);
        assertEquals(pot.energy(alloy), mc.energy(), 1e-9);
        long t0 = System.nanoTime();
        for (int s = 0; s < 200; s++) {
            mc.sweep(1200, 1);
        }
        double ms = (System.nanoTime() - t0) * 1e-6 / 200;
        System.out.printf("256-atom Cu-Ni sweep at 1200 K: %.3f ms, atom acceptance %.2f, volume acceptance %.2f, rebuilds %d%n",
                ms, mc.atomAcceptance(), mc.volumeAcceptance(), mc.rebuilds());
        double incremental = mc.energy();
        double full = pot.energy(mc.structure(alloy));
        assertEquals(full, incremental, 1e-8, "incremental U after 200 sweeps vs SmaPotential on the same configuration");
        assertEquals(full, mc.recomputeEnergy(), 1e-9);
        assertTrue(mc.atomAcceptance() > 0.05 && mc.atomAcceptance() < 0.95);
    }

    @Test
    void lowTemperaturePotentialEnergyFollowsEquipartition() {
        // Harmonic limit at constant volume: <U> = E0 + (3N - 3) k T / 2 (three free translations).
        double[] min = staticMinimum(CU, "Cu");
        Structure cu = Lattices.fcc("Cu", min[0], 3, 3, 3);
        int n = cu.atomCount();
        double t = 10;
        AlloyMonteCarlo mc = new AlloyMonteCarlo(cu, SmaParameters.single("Cu", CU), 0.6, 3);
        assertEquals(min[1], mc.energy() / n, 1e-12);
        ThermalAverages avg = mc.run(t, MonteCarloSettings.nvt(200, 4000));
        double kt = PhysicalConstants.BOLTZMANN_EV_PER_K * t;
        double expected = min[1] + (3.0 * n - 3) / (2.0 * n) * kt;
        System.out.printf("Cu 10 K NVT: U/N - E0/N = %.5f +- %.5f meV (plain mean %.5f +- %.5f; harmonic %.5f)%n",
                1e3 * (avg.potentialEnergy() - min[1]), 1e3 * avg.potentialEnergyError(),
                1e3 * (avg.plainPotentialEnergy() - min[1]), 1e3 * avg.plainPotentialEnergyError(), 1e3 * (expected - min[1]));
        // the anharmonic shift grows as T^2: a few meV at 1000 K, so below 1e-3 of the harmonic value at 10 K
        assertEquals(expected, avg.potentialEnergy(), 1e-3 * (expected - min[1]));
        assertEquals(expected, avg.plainPotentialEnergy(), 0.02 * (expected - min[1]));
        assertEquals(0, (avg.plainPotentialEnergy() - expected) / avg.plainPotentialEnergyError(), 4.0);
        // the control variate removes the harmonic fluctuations: its error is far smaller
        assertTrue(avg.potentialEnergyError() < 0.05 * avg.plainPotentialEnergyError());
        // the Monte Carlo enthalpy adds the classical kinetic energy 3/2 kT per atom
        assertEquals(avg.potentialEnergy() + 1.5 * kt, avg.enthalpy(), 1e-15);
    }

    @Test
    void zeroPressureLatticeParameterNearZeroKelvinIsTheStaticMinimum() {
        for (Object[] c : new Object[][] {{CU, "Cu"}, {NI, "Ni"}}) {
            SmaPairParameters p = (SmaPairParameters) c[0];
            String el = (String) c[1];
            double[] min = staticMinimum(p, el);
            // start 1% off the minimum: the volume moves must find it
            Structure s = Lattices.fcc(el, min[0] * 1.01, 4, 4, 4);
            AlloyMonteCarlo mc = new AlloyMonteCarlo(s, SmaParameters.single(el, p), 0.6, 5);
            ThermalAverages avg = mc.run(2, MonteCarloSettings.npt(600, 600));
            System.out.printf("%s: static a0 = %.5f Å, NPT 2 K a = %.5f +- %.5f Å%n", el, min[0], avg.fccLatticeParameter(),
                    avg.fccLatticeParameterError());
            assertEquals(min[0], avg.fccLatticeParameter(), 2e-4 * min[0]);
        }
    }

    @Test
    void rejectsCellsTooSmallForTheBondList() {
        Structure cu = Lattices.fcc("Cu", 3.6, 2, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AlloyMonteCarlo(cu, SmaParameters.single("Cu", CU), 0.6, 1));
        assertTrue(e.getMessage().contains("larger supercell"), e.getMessage());
    }
}
