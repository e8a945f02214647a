package org.ddos.descriptors.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ddos.descriptors.hessian.NormalModes;
import org.ddos.descriptors.potential.HarmonicPotential;
import org.ddos.descriptors.sma.SmaLinearPotential;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.junit.jupiter.api.Test;

/**
 * Correctness of the MD engine: energy conservation of velocity Verlet (bounded, second order in
 * dt, no drift), equipartition under the BAOAB Langevin thermostat with the centre of mass fixed,
 * the exact configurational averages of a harmonic crystal, determinism and the skin list.
 */
class MolecularDynamicsTest {
    static final double KB = PhysicalConstants.BOLTZMANN_EV_PER_K;

    /** Cleri–Rosato-like Cu (second moment), the library's usual small test metal. */
    static SmaLinearPotential copper() {
        return new SmaLinearPotential("Cu", SmaPairParameters.withFccCutoffs(10.96, 2.278, 0.0855, 1.224, 2.556));
    }

    static Structure fcc(int n) {
        return Lattices.fcc("Cu", 3.615, n, n, n);
    }

    /** Max |E(t) - E(0)| per atom over a run of fixed simulated time (2 ps) at timestep dt. */
    static double[] energyError(double dt) {
        Structure s = fcc(3);
        MolecularDynamics md = MolecularDynamics.of(s, copper(), dt).initializeVelocities(800, 11);
        double e0 = md.totalEnergy();
        int steps = (int) Math.round(2.0 / dt);
        double maxDev = 0;
        double firstHalf = 0;
        double secondHalf = 0;
        for (int k = 0; k < steps; k++) {
            md.verletStep();
            double dev = md.totalEnergy() - e0;
            maxDev = Math.max(maxDev, Math.abs(dev));
            if (k < steps / 2) {
                firstHalf += dev;
            } else {
                secondHalf += dev;
            }
        }
        int n = s.atomCount();
        return new double[] {maxDev / n, (secondHalf - firstHalf) / (steps / 2.0) / n, md.kineticTemperature()};
    }

    @Test
    void velocityVerletConservesEnergyToSecondOrder() {
        double[] coarse = energyError(0.004);
        double[] fine = energyError(0.002);
        // the crystal heated to ~400 K: real dynamics happened
        assertTrue(coarse[2] > 250 && coarse[2] < 600, "kinetic temperature " + coarse[2]);
        assertTrue(fine[0] < 2e-4, "energy fluctuation at dt = 2 fs: " + fine[0] + " eV/atom");
        double ratio = coarse[0] / fine[0];
        assertTrue(ratio > 3 && ratio < 5.5, "energy error should scale as dt^2, ratio " + ratio);
        // no systematic drift: mean of the second half equals the first within the fluctuation
        assertTrue(Math.abs(fine[1]) < 0.5 * fine[0], "drift " + fine[1] + " vs fluctuation " + fine[0]);
    }

    @Test
    void langevinGivesEquipartitionWithFixedCentreOfMass() {
        Structure s = fcc(2);
        int n = s.atomCount();
        double t = 600;
        MolecularDynamics md = MolecularDynamics.of(s, copper(), 0.001).thermostat(t, 20.0, 7).initializeVelocities(t, 3);
        md.langevin(2000);
        double[] com0 = centreOfMass(md);
        double ke = 0;
        int samples = 15000;
        for (int k = 0; k < samples; k++) {
            md.langevinStep();
            ke += md.kineticEnergy();
        }
        ke /= samples;
        assertEquals(3 * n - 3, md.degreesOfFreedom());
        // KE decorrelates at rate 2 gamma (25 steps): ~600 independent samples, 0.6% standard error
        assertEquals(1.5 * (n - 1) * KB * t, ke, 0.025 * 1.5 * (n - 1) * KB * t, "<KE> = 3/2 (N-1) k_B T");
        double[] com = centreOfMass(md);
        for (int c = 0; c < 3; c++) {
            assertEquals(com0[c], com[c], 1e-9, "centre of mass stays fixed");
        }
    }

    /**
     * A harmonic crystal (the Hessian of Cu at the lattice) under BAOAB: the configurational
     * averages are exact for any stable step, &lt;U - E_0&gt; = (3N - 3) k_B T / 2 and
     * var(U) = (3N - 3) (k_B T)^2 / 2 (chi-squared), here with a coarse 4 fs step.
     */
    @Test
    void harmonicCrystalHasExactConfigurationalAverages() {
        Structure s = fcc(2);
        int n = s.atomCount();
        HarmonicPotential h = HarmonicPotential.of(copper(), s);
        double omegaMax = NormalModes.of(h.hessian(), s).frequencies()[3 * n - 1];
        double dt = 0.004;
        assertTrue(omegaMax * dt > 0.15, "a coarse step: omega_max dt = " + omegaMax * dt);
        double t = 500;
        double kt = KB * t;
        MolecularDynamics md = MolecularDynamics.of(s, h, dt).thermostat(t, 20.0, 5).initializeVelocities(t, 9);
        md.langevin(500);
        double sum = 0;
        double sum2 = 0;
        int samples = 30000;
        for (int k = 0; k < samples; k++) {
            md.langevinStep();
            double u = md.potentialEnergy() - h.referenceEnergy();
            sum += u;
            sum2 += u * u;
        }
        double mean = sum / samples;
        double var = sum2 / samples - mean * mean;
        int d = 3 * n - 3;
        // slowest mode relaxes in gamma / omega_min^2 ~ 50 steps: ~0.9% standard error of the mean
        assertEquals(0.5 * d * kt, mean, 0.03 * 0.5 * d * kt, "<U - E_0> = (3N-3) k_B T / 2");
        assertEquals(0.5 * d * kt * kt, var, 0.08 * 0.5 * d * kt * kt, "var U = (3N-3) (k_B T)^2 / 2");
    }

    @Test
    void sameSeedSameTrajectory() {
        Structure s = fcc(2);
        double[][] end = new double[3][];
        long[] seeds = {42, 42, 43};
        for (int r = 0; r < 3; r++) {
            MolecularDynamics md = MolecularDynamics.of(s, copper(), 0.002).thermostat(900, 2.0, seeds[r])
                    .initializeVelocities(900, seeds[r]);
            md.langevin(300);
            end[r] = md.positionsView().clone();
        }
        assertArrayEquals(end[0], end[1], 0.0);
        assertFalse(Arrays.equals(end[0], end[2]));
    }

    /** The skin list gives the energy and forces of a fresh evaluation after many steps and rebuilds. */
    @Test
    void skinListForcesMatchAFreshEvaluation() {
        Structure s = fcc(2);
        SmaLinearPotential cu = copper();
        PotentialForceField field = new PotentialForceField(cu, s, 0.3);
        MolecularDynamics md = new MolecularDynamics(s, field, 0.002).fixCentreOfMass(false).thermostat(1500, 2.0, 1)
                .initializeVelocities(1500, 1);
        md.langevin(2000);
        assertTrue(field.neighborListBuilds() > 1, "the list was rebuilt at least once");
        double[] fresh = new double[3 * s.atomCount()];
        double e = cu.compute(s.withPositions(md.positionsView()), fresh, null);
        assertEquals(e, md.potentialEnergy(), 1e-10);
        assertArrayEquals(fresh, md.forcesView(), 1e-10);
    }

    @Test
    void badInputIsRejected() {
        Structure s = fcc(1);
        assertThrows(IllegalArgumentException.class, () -> MolecularDynamics.of(s, copper(), 0));
        MolecularDynamics md = MolecularDynamics.of(s, copper(), 0.001);
        assertThrows(IllegalStateException.class, md::langevinStep);
        assertThrows(IllegalArgumentException.class, () -> md.thermostat(-5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> md.thermostat(300, 0, 1));
    }

    static double[] centreOfMass(MolecularDynamics md) {
        double[] c = new double[3];
        double m = 0;
        double[] x = md.positionsView();
        for (int i = 0; i < md.atomCount(); i++) {
            for (int k = 0; k < 3; k++) {
                c[k] += md.massOf(i) * x[3 * i + k];
            }
            m += md.massOf(i);
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= m;
        }
        return c;
    }
}
