package org.ddos.calibration.tuning;

/** A method that minimises a {@link CalibrationProblem}'s loss within its constraints. */
public interface Optimizer {
    /** @return a short name for reports ("gd", "lm") */
    String name();

    /**
     * @param problem the validated problem to minimise
     * @return the result; its parameters satisfy every constraint
     * @throws LinearConstraints.InfeasibleConstraintsException when the constraints cannot be met
     * @throws IllegalStateException when an evaluation fails (e.g. no crossing can be located)
     */
    CalibrationResult minimise(CalibrationProblem problem);
}
