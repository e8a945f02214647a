package org.ddos.calibration.quickstart;

import java.util.List;
import java.util.Map;
import org.ddos.calibration.tuning.CalibrationResult;
import org.ddos.calibration.uncertainty.EnsemblePropagation;
import org.ddos.descriptors.potential.LatticeRelaxation.RelaxedLattice;
import org.ddos.descriptors.sma.SmaPairParameters;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.thermo.freeenergy.FreeEnergyResult;
import org.ddos.thermo.freeenergy.PhaseFreeEnergy;
import org.ddos.thermo.transition.TransitionResult;

/**
 * Everything the built-in example computed (see {@link Quickstart}). Phases are named "fcc"
 * (phase A, stable at 0 K) and "hcp" (phase B).
 *
 * @param settings what was run
 * @param pair the second-moment parameters (A, xi in eV; r0 and cutoffs in Å)
 * @param theta0 the published parameters as the linear coefficients theta = (A, xi), eV
 * @param phases per phase, in the order fcc, hcp
 * @param archives name -&gt; the sampled phase archive
 * @param learned name -&gt; the learned free-energy model
 * @param temperatures the grid in K
 * @param freeEnergies name -&gt; F(theta0, T) on the grid (eV/atom, with uncertainty)
 * @param transition T_c(fcc -&gt; hcp) of theta0 with its uncertainty and DeltaF on the grid
 * @param harmonicTransition T_c of the harmonic free energies in K (NaN when they do not cross
 *     on the grid)
 * @param tuning the fine-tuning run (T_c to {@link QuickstartSettings#targetTc()}, 0 K energy
 *     difference held)
 * @param covariance the K x K covariance of theta used for the propagation ensemble (eV^2)
 * @param ensemble the propagated ensemble
 * @param seconds wall time per step, in step order
 */
public record QuickstartResult(QuickstartSettings settings, SmaPairParameters pair, double[] theta0, List<PhaseSetup> phases,
        Map<String, PhaseArchive> archives, Map<String, PhaseFreeEnergy> learned, double[] temperatures,
        Map<String, FreeEnergyResult[]> freeEnergies, TransitionResult transition, double harmonicTransition,
        CalibrationResult tuning, double[][] covariance, EnsemblePropagation.EnsembleResult ensemble,
        Map<Quickstart.Step, Double> seconds) {

    /**
     * One crystal phase as built and checked.
     *
     * @param name "fcc" or "hcp"
     * @param lattice the relaxed unit-cell constants and the 0 K energy per atom
     * @param structure the sampled supercell at the relaxed lattice constants
     * @param minimumEigenvalue smallest non-translational eigenvalue of the mass-weighted Hessian,
     *     eV/(Å^2 amu); positive for a mechanically stable crystal
     * @param minimumFrequency the corresponding angular frequency in rad/ps
     * @param logMeanFrequency &lt;ln omega&gt; over the 3N - 3 modes, omega in rad/ps
     * @param harmonicFreeEnergy F_H(T) = E_0 + 3 k_B T (&lt;ln omega&gt; + ln(hbar / k_B T)) on the
     *     grid, eV/atom (the D-DOS convention: three degrees of freedom per atom)
     */
    public record PhaseSetup(String name, RelaxedLattice lattice, Structure structure, double minimumEigenvalue,
            double minimumFrequency, double logMeanFrequency, double[] harmonicFreeEnergy) {
        /** @return true when every non-translational mode is stable */
        public boolean stable() {
            return minimumEigenvalue > 0;
        }
    }

    /**
     * @param name "fcc" or "hcp"
     * @return the phase of that name
     * @throws IllegalArgumentException for another name
     */
    public PhaseSetup phase(String name) {
        for (PhaseSetup p : phases) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no phase '" + name + "'");
    }

    /** @return E_0(hcp) - E_0(fcc) in eV/atom for theta0 */
    public double latticeEnergyDifference() {
        return phase("hcp").lattice().energyPerAtom() - phase("fcc").lattice().energyPerAtom();
    }
}
