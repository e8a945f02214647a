package org.ddos.calibration.tuning;

import org.ddos.calibration.FeCampaign;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        var phases = FeCampaign.phases();
        double[] theta = FeCampaign.theta();
        CalibrationProblem p = CalibrationProblem.builder(phases, theta)
                .target(new Target.TransitionTemperature("bcc", "fcc", 1063, 1))
                .holdLatticeEnergyDifferences(true).regulariser(Regulariser.ridge(5, theta.length)).build();
        for (Optimizer o : new Optimizer[] {GradientDescent.reference(), LevenbergMarquardt.standard()}) {
            long t0 = System.nanoTime();
            CalibrationResult r = o.minimise(p);
            System.out.printf("%s %.1f ms %s%n", o.name(), (System.nanoTime() - t0) / 1e6, r.message());
            for (TrajectoryPoint pt : r.trajectory()) {
                System.out.printf("  %3d %6d loss=%.6g Tc=%.3f rel=%.3e cres=%.2e uns=%s in=%s%n", pt.step(), pt.evaluations(), pt.loss(),
                        pt.targetValues()[0], pt.relativeChange(), pt.maxConstraintResidual(), pt.unsolved(), pt.inRange());
            }
            System.out.println("final " + r.outcomes() .get(0).value() + " rel " + r.relativeChange() + " reach10 " + r.evaluationsToReach(10));
        }
    }
}
