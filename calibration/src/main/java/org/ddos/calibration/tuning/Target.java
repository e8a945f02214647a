package org.ddos.calibration.tuning;

/**
 * One calibration target over the parameters theta of a linear potential. Each target
 * contributes the residual sqrt(weight) (value(theta) - goal) to the least-squares loss
 * L = sum residual^2 + regulariser (see {@link CalibrationProblem}).
 *
 * <p>Phases are named as in the problem's phase map; "A" is the phase stable below a transition.
 */
public sealed interface Target permits Target.TransitionTemperature, Target.FreeEnergyDifference,
        Target.LatticeEnergyDifference {

    /** @return the phase A name */
    String phaseA();

    /** @return the phase B name */
    String phaseB();

    /** @return weight (&gt; 0) multiplying the squared residual */
    double weight();

    /** @return a short human-readable description, e.g. "T_c(bcc->fcc) = 1063 K" */
    String describe();

    /**
     * T_c(A -&gt; B) = goal, in K; residual sqrt(weight) (T_c - goal) in K.
     *
     *
     * @param phaseA name of the phase stable below the transition
     * @param phaseB name of the other phase (different from phaseA)
     * @param goal target transition temperature (K, inside the problem's temperature range)
     * @param weight weight (&gt; 0) multiplying the squared residual (1/K^2)
     */
    record TransitionTemperature(String phaseA, String phaseB, double goal, double weight) implements Target {
        /**
         * Validates the target.
         *
         * @param phaseA name of the phase stable below the transition
         * @param phaseB name of the other phase (different from phaseA)
         * @param goal transition temperature in K (&gt; 0, finite)
         * @param weight weight (&gt; 0, finite)
         * @throws IllegalArgumentException on equal or missing phase names, or a bad goal or weight
         */
        public TransitionTemperature {
            Targets.check(phaseA, phaseB, weight);
            if (!(goal > 0) || !Double.isFinite(goal)) {
                throw new IllegalArgumentException("target transition temperature must be positive and finite, got " + goal + " K");
            }
        }

        @Override
        public String describe() {
            return "T_c(" + phaseA + "->" + phaseB + ") = " + goal + " K";
        }
    }

    /**
     * F_B(T) - F_A(T) = goal at one temperature, in eV/atom (residual in eV/atom).
     *
     * @param phaseA name of the phase stable below the transition
     * @param phaseB name of the other phase (different from phaseA)
     * @param temperature T in K
     * @param goal free-energy difference F_B - F_A in eV/atom
     * @param weight weight (&gt; 0) multiplying the squared residual (1/(eV/atom)^2)
     */
    record FreeEnergyDifference(String phaseA, String phaseB, double temperature, double goal, double weight)
            implements Target {
        /**
         * Validates the target.
         *
         * @param phaseA name of the phase stable below the transition
         * @param phaseB name of the other phase (different from phaseA)
         * @param temperature T in K (&gt; 0, finite)
         * @param goal F_B - F_A in eV/atom (finite)
         * @param weight weight (&gt; 0, finite)
         * @throws IllegalArgumentException on equal or missing phase names, or a bad temperature,
         *     goal or weight
         */
        public FreeEnergyDifference {
            Targets.check(phaseA, phaseB, weight);
            if (!(temperature > 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature + " K");
            }
            if (!Double.isFinite(goal)) {
                throw new IllegalArgumentException("free-energy difference goal is not finite: " + goal);
            }
        }

        @Override
        public String describe() {
            return "F_" + phaseB + " - F_" + phaseA + " at " + temperature + " K = " + goal + " eV/atom";
        }
    }

    /**
     * theta . (D_0^B - D_0^A) = goal, the 0 K energy difference in eV/atom.
     *
     * @param phaseA name of the phase stable below the transition
     * @param phaseB name of the other phase (different from phaseA)
     * @param goal 0 K energy difference E0_B - E0_A in eV/atom
     * @param weight weight (&gt; 0) multiplying the squared residual (1/(eV/atom)^2)
     */
    record LatticeEnergyDifference(String phaseA, String phaseB, double goal, double weight) implements Target {
        /**
         * Validates the target.
         *
         * @param phaseA name of the phase stable below the transition
         * @param phaseB name of the other phase (different from phaseA)
         * @param goal E0_B - E0_A in eV/atom (finite)
         * @param weight weight (&gt; 0, finite)
         * @throws IllegalArgumentException on equal or missing phase names, or a bad goal or weight
         */
        public LatticeEnergyDifference {
            Targets.check(phaseA, phaseB, weight);
            if (!Double.isFinite(goal)) {
                throw new IllegalArgumentException("0 K energy difference goal is not finite: " + goal);
            }
        }

        @Override
        public String describe() {
            return "E0_" + phaseB + " - E0_" + phaseA + " = " + goal + " eV/atom";
        }
    }
}

final class Targets {
    private Targets() {
    }

    static void check(String a, String b, double weight) {
        if (a == null || b == null || a.equals(b)) {
            throw new IllegalArgumentException("a target needs two different phases, got '" + a + "' and '" + b + "'");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("target weight must be positive and finite, got " + weight);
        }
    }
}
