package org.ddos.calibration.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;

/**
 * A calibration of the parameters theta of a linear potential against finite-temperature
 * targets: minimise
 * <pre>  L(theta) = sum_i weight_i (value_i(theta) - goal_i)^2 + (theta - theta_0)^T Q (theta - theta_0)</pre>
 * subject to A theta = b held exactly (by projection onto the null space of A), over learned
 * phases sharing one descriptor set (DESIGN.md section 2, "Fine-tuning"; Swinburne, Lapointe
 * &amp; Marinica, arXiv:2502.18191, the Fe alpha-gamma example).
 *
 * <p>Transition temperatures are searched on the grid tMin..tMax (gridPoints, inclusive) and
 * every T_c target must lie strictly inside it. Build with {@link #builder}.
 */
public final class CalibrationProblem {
    private final Map<String, PhaseFreeEnergy> phases;
    private final double[] theta0;
    private final List<Target> targets;
    private final LinearConstraints constraints;
    private final Regulariser regulariser;
    private final double tMin;
    private final double tMax;
    private final int gridPoints;

    private CalibrationProblem(Builder b) {
        this.phases = Collections.unmodifiableMap(new LinkedHashMap<>(b.phases));
        this.theta0 = b.theta0.clone();
        this.targets = List.copyOf(b.targets);
        this.tMin = b.tMin;
        this.tMax = b.tMax;
        this.gridPoints = b.gridPoints;
        int k = theta0.length;
        LinearConstraints c = LinearConstraints.none(k);
        if (b.holdLatticeEnergy) {
            List<double[]> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (List<String> pair : pairs()) {
                double[] da = phases.get(pair.get(0)).campaign().latticeDescriptor();
                double[] db = phases.get(pair.get(1)).campaign().latticeDescriptor();
                double[] row = new double[k];
                for (int j = 0; j < k; j++) {
                    row[j] = db[j] - da[j];
                }
                rows.add(row);
                names.add("E0_" + pair.get(1) + " - E0_" + pair.get(0));
            }
            c = LinearConstraints.holding(theta0, rows.toArray(new double[0][]), names);
        }
        for (LinearConstraints extra : b.extraConstraints) {
            c = c.and(extra);
        }
        this.constraints = c;
        this.regulariser = b.regulariser == null ? Regulariser.none(k) : b.regulariser;
    }

    /**
     * @param phases name -&gt; learned phase (all with K descriptor components)
     * @param theta0 the starting parameters, length K, all finite
     * @return a builder with no targets, no constraints, no regulariser and the default grid
     * @throws IllegalArgumentException when there is no phase, theta0 is missing or not finite, or a
     *     phase's descriptor count differs from theta0's length
     */
    public static Builder builder(Map<String, PhaseFreeEnergy> phases, double[] theta0) {
        return new Builder(phases, theta0);
    }

    /** @return the phases by name */
    public Map<String, PhaseFreeEnergy> phases() {
        return phases;
    }

    /** @return theta_0, a copy */
    public double[] theta0() {
        return theta0.clone();
    }

    /** @return K */
    public int descriptorCount() {
        return theta0.length;
    }

    /** @return the targets in order */
    public List<Target> targets() {
        return targets;
    }

    /** @return the exact constraints (including held 0 K differences) */
    public LinearConstraints constraints() {
        return constraints;
    }

    /** @return the regulariser */
    public Regulariser regulariser() {
        return regulariser;
    }

    /** @return lowest scanned temperature, K */
    public double minTemperature() {
        return tMin;
    }

    /** @return highest scanned temperature, K */
    public double maxTemperature() {
        return tMax;
    }

    /** @return number of scan temperatures */
    public int gridPoints() {
        return gridPoints;
    }

    /** @return the distinct (A, B) phase pairs of the targets, in order */
    public List<List<String>> pairs() {
        Set<List<String>> s = new LinkedHashSet<>();
        for (Target t : targets) {
            s.add(List.of(t.phaseA(), t.phaseB()));
        }
        return new ArrayList<>(s);
    }

    /** Builder; {@link #build} validates. */
    public static final class Builder {
        private final Map<String, PhaseFreeEnergy> phases;
        private final double[] theta0;
        private final List<Target> targets = new ArrayList<>();
        private final List<LinearConstraints> extraConstraints = new ArrayList<>();
        private Regulariser regulariser;
        private boolean holdLatticeEnergy;
        private double tMin = 500;
        private double tMax = 2500;
        private int gridPoints = 41;

        private Builder(Map<String, PhaseFreeEnergy> phases, double[] theta0) {
            if (phases == null || phases.isEmpty()) {
                throw new IllegalArgumentException("a calibration needs at least one phase");
            }
            if (theta0 == null) {
                throw new IllegalArgumentException("theta0 is required");
            }
            for (Map.Entry<String, PhaseFreeEnergy> e : phases.entrySet()) {
                if (e.getValue().descriptorCount() != theta0.length) {
                    throw new IllegalArgumentException("phase '" + e.getKey() + "' has " + e.getValue().descriptorCount()
                            + " descriptor components, theta0 has " + theta0.length);
                }
            }
            for (int j = 0; j < theta0.length; j++) {
                if (!Double.isFinite(theta0[j])) {
                    throw new IllegalArgumentException("theta0[" + j + "] is not finite: " + theta0[j]);
                }
            }
            this.phases = new LinkedHashMap<>(phases);
            this.theta0 = theta0.clone();
        }

        /**
         * Adds a target.
         *
         * @param t the target (its phases are checked by {@link #build})
         * @return this builder
         */
        public Builder target(Target t) {
            targets.add(t);
            return this;
        }

        /**
         * Holds theta . (D_0^B - D_0^A) at its theta_0 value for every target pair.
         *
         * @param hold whether to add these linear equalities (default false)
         * @return this builder
         */
        public Builder holdLatticeEnergyDifferences(boolean hold) {
            this.holdLatticeEnergy = hold;
            return this;
        }

        /**
         * Adds user linear equalities (e.g. energies of training structures).
         *
         * @param c equalities on theta, length-K rows
         * @return this builder
         */
        public Builder constraints(LinearConstraints c) {
            extraConstraints.add(c);
            return this;
        }

        /**
         * Sets the regulariser (default none).
         *
         * @param r the regulariser, on K components
         * @return this builder
         */
        public Builder regulariser(Regulariser r) {
            this.regulariser = r;
            return this;
        }

        /**
         * Sets the transition-temperature scan grid (default 500..2500 K, 41 points); checked by
         * {@link #build}.
         *
         * @param min lowest temperature in K (&gt; 0)
         * @param max highest temperature in K (&gt; min)
         * @param points grid points (&gt;= 2)
         * @return this builder
         */
        public Builder temperatures(double min, double max, int points) {
            this.tMin = min;
            this.tMax = max;
            this.gridPoints = points;
            return this;
        }

        /**
         * @return the validated, immutable problem
         * @throws IllegalArgumentException on unknown phases, a bad grid, no targets, a T_c target
         *     outside (tMin, tMax), or constraints that cannot hold together
         */
        public CalibrationProblem build() {
            if (!(tMin > 0) || !(tMax > tMin) || !Double.isFinite(tMax) || gridPoints < 2) {
                throw new IllegalArgumentException("temperature grid must satisfy 0 < Tmin < Tmax with >= 2 points, got "
                        + tMin + " .. " + tMax + " K, " + gridPoints + " points");
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("a calibration needs at least one target");
            }
            for (Target t : targets) {
                for (String p : List.of(t.phaseA(), t.phaseB())) {
                    if (!phases.containsKey(p)) {
                        throw new IllegalArgumentException("target " + t.describe() + ": unknown phase '" + p
                                + "' (phases: " + phases.keySet() + ")");
                    }
                }
                if (t instanceof Target.TransitionTemperature tc && !(tc.goal() > tMin && tc.goal() < tMax)) {
                    throw new IllegalArgumentException("target " + t.describe() + " lies outside the scanned temperature range "
                            + tMin + " .. " + tMax + " K");
                }
            }
            CalibrationProblem p = new CalibrationProblem(this);
            if (p.regulariser.residualCount() > 0 && p.regulariser.factorRowLength() != theta0.length) {
                throw new IllegalArgumentException("regulariser is for a different number of parameters than theta0 ("
                        + theta0.length + ")");
            }
            p.constraints.feasiblePoint(theta0); // throws InfeasibleConstraintsException
            if (p.constraints.freeDimension() == 0) {
                throw new LinearConstraints.InfeasibleConstraintsException("the constraints fix every parameter (rank "
                        + p.constraints.rank() + " = K): nothing is left to calibrate");
            }
            return p;
        }
    }
}
