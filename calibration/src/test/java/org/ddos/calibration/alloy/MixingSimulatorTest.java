package org.ddos.calibration.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ddos.descriptors.sma.SmaPairParameters;
import org.junit.jupiter.api.Test;

class MixingSimulatorTest {
    /** Short runs: the physics checks below hold at any length, within the reported errors. */
    static final MixingSettings SHORT = MixingSettings.defaults().withSweeps(60, 200, 60, 400);

    @Test
    void anAlloyOfAMetalWithItselfHasNoMixingEnthalpy() {
        SmaPairParameters cu = SmaBinary.named("Cu-Ni").aa();
        // "Ni" carries copper's parameters: A-A mixing
        SmaBinary same = SmaBinary.of("Cu", "Ni", cu, cu, "test: Cu with itself");
        HeteronuclearParameters h = new HeteronuclearParameters(cu.p(), cu.q(), cu.a(), cu.xi());
        MixingSimulator sim = new MixingSimulator(same, SHORT);
        double[] st = sim.staticMixing(h, 0.5);
        assertEquals(0, st[0], 1e-9, "static mixing energy in meV/atom");
        assertEquals(sim.staticLatticeParameter(0), st[1], 1e-6);
        MixingResult r = sim.simulate(h, 0.5, 800, 17);
        System.out.printf("Cu-Cu at 800 K: dH = %.3f +- %.3f meV/atom, a = %.5f (pure %.5f)%n", r.mixingEnthalpy(),
                r.mixingEnthalpyError(), r.latticeParameter(), sim.pure(0, 800).latticeParameter());
        assertTrue(r.mixingEnthalpyError() < 1.0, "error " + r.mixingEnthalpyError());
        assertEquals(0, r.mixingEnthalpy(), 4 * r.mixingEnthalpyError());
        assertEquals(sim.pure(0, 800).latticeParameter(), r.latticeParameter(), 5 * Math.hypot(r.latticeParameterError(),
                sim.pure(0, 800).averages().fccLatticeParameterError()) + 1e-4);
        assertEquals(128, r.countB());
        assertEquals(0.5, r.x(), 0);
        assertTrue(r.lindemannRatio() > 0.02 && r.lindemannRatio() < 0.15, "Lindemann ratio " + r.lindemannRatio());
    }

    @Test
    void pureRunsAreCachedAndExpandWithTemperature() {
        MixingSimulator sim = new MixingSimulator(SmaBinary.named("Cu-Ni"), SHORT);
        PureElementResult a = sim.pure(0, 300);
        assertTrue(a == sim.pure(0, 300), "second request returns the cached run");
        PureElementResult hot = sim.pure(0, 900);
        assertTrue(hot.latticeParameter() > a.latticeParameter());
        assertTrue(a.latticeParameter() > sim.staticLatticeParameter(0));
        // the Ferrando-group Ni set with its fcc cutoffs (r0 sqrt 2, r0 sqrt 3) is built so that r0 sqrt 2 is the 0 K equilibrium
        assertEquals(2.49 * Math.sqrt(2), sim.staticLatticeParameter(1), 2e-4);
    }

    @Test
    void closedFormStaticEnergyEqualsTheDirectSum() {
        SmaBinary b = SmaBinary.named("Ni-Pt");
        MixingSimulator sim = new MixingSimulator(b, SHORT);
        StaticMixingModel model = new StaticMixingModel(b, SHORT);
        assertEquals(sim.staticLatticeParameter(1), model.pureLatticeParameters()[1], 0);
        for (HeteronuclearParameters h : new HeteronuclearParameters[] {b.arithmeticMean(),
            new HeteronuclearParameters(14.838, 3.036, 0.1346, 2.338)}) {
            for (double x : new double[] {0.1, 0.5, 0.83}) {
                // SmaPotential over all pairs of the cell vs the environment table
                assertEquals(sim.vegardMixingEnergy(h, x), model.vegardMixingEnergy(h, x), 1e-8, "x = " + x);
            }
        }
        assertEquals(0, model.vegardMixingEnergy(b.arithmeticMean(), 0), 0);
    }

    @Test
    void rejectsCompositionsOutsideTheOpenInterval() {
        MixingSimulator sim = new MixingSimulator(SmaBinary.named("Cu-Ni"), SHORT);
        HeteronuclearParameters h = sim.binary().arithmeticMean();
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(h, 0.0, 300, 1));
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(h, 1.0, 300, 1));
        assertThrows(IllegalArgumentException.class, () -> sim.simulate(h, 0.5, -3, 1));
    }
}
