package org.ddos.calibration.tuning;

/**
 * One evaluated point of a calibration run.
 *
 * @param step index in the run (0 = the starting point; for Levenberg–Marquardt every trial
 *     evaluation is a step, accepted or not)
 * @param evaluations cumulative single-phase free-energy evaluations when this point was done
 * @param loss the optimiser's objective: sum of squared residuals (see {@link CalibrationObjective})
 * @param targetValues per target: T_c in K, or DeltaF in eV/atom, or the 0 K difference in eV/atom
 * @param relativeChange |theta - theta_0| / |theta_0|
 * @param constraintResiduals A theta - b per constraint row (eV/atom for 0 K differences)
 * @param unsolved true when a phase was unsolved (alpha* on the sampled edge) at a T_c or DeltaF
 * @param inRange false when some T_c was extrapolated beyond the scanned range
 */
public record TrajectoryPoint(int step, long evaluations, double loss, double[] targetValues, double relativeChange,
        double[] constraintResiduals, boolean unsolved, boolean inRange) {

    /** @return max |A theta - b| (0 without constraints) */
    public double maxConstraintResidual() {
        double m = 0;
        for (double r : constraintResiduals) {
            m = Math.max(m, Math.abs(r));
        }
        return m;
    }
}
