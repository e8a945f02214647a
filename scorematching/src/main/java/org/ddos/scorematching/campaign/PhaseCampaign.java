package org.ddos.scorematching.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The compressed result of a D-DOS sampling campaign for one crystal phase at one volume: the
 * reference lattice, the harmonic-reference constants and the per-isosurface descriptor statistics
 * sorted by increasing isosurface value.
 *
 * <p>Harmonic-reference conventions follow DescriptorDOS (Swinburne, Lapointe &amp; Marinica,
 * arXiv:2502.18191): the isosurface variable is alpha = ln(h / U_0) - alphaShift, and the shell
 * entropy of the Hessian flavour is
 * {@code S_shell(alpha, T) = -3/2 [ln(3 hbar^2 / (m k_B T)) + logMeanEigenvalue - 1 - alpha]}
 * (hbar^2/m in eV Å^2, see {@code thermo.freeenergy.HarmonicShell}).
 *
 * @param name a label (e.g. "bcc"); free text
 * @param flavor isosurface flavour, e.g. "hessian" (lower case)
 * @param atomCount N, atoms in the cell
 * @param mass atomic mass in amu (single species)
 * @param volume cell volume V_0 in Å^3
 * @param cell 3x3 cell, rows are cell vectors (Å)
 * @param latticePositions flat 3N reference positions (Å), may be empty when unknown
 * @param latticeDescriptor D_0, length K: per-atom mean descriptor of the perfect lattice
 * @param energyScale U_0 in eV/atom (about 1.5 k_B x 1000 K)
 * @param logMeanEigenvalue DescriptorDOS {@code log_det}: the mean log Hessian eigenvalue constant
 * @param alphaShift DescriptorDOS {@code alpha_shift}: alpha = ln(isosurface) - alphaShift
 * @param isosurfaces per-isosurface statistics, sorted by increasing isosurface value
 * @param microcanonicalBeta kinetic campaigns: per isosurface (in the order of {@code isosurfaces}, sorted
 *     with them) the microcanonical inverse temperature (d/2 - 1) &lt;1/K&gt; of the reference Hamiltonian
 *     in 1/eV; empty when not recorded (Hessian and Einstein flavours, pickles)
 * @param microcanonicalBetaError kinetic campaigns: per isosurface (sorted with them) the one-sigma
 *     standard error of {@code microcanonicalBeta} in 1/eV, from the scatter of the independent
 *     trajectories; empty when not recorded (archives written before it was, and every other flavour)
 */
public record PhaseCampaign(String name, String flavor, int atomCount, double mass, double volume,
        double[][] cell, double[] latticePositions, double[] latticeDescriptor, double energyScale,
        double logMeanEigenvalue, double alphaShift, List<IsosurfaceStatistics> isosurfaces,
        double[] microcanonicalBeta, double[] microcanonicalBetaError) {

    /**
     * Without microcanonical temperatures (every flavour but kinetic).
     *
     * @param name phase label (free text)
     * @param flavor isosurface flavour, e.g. "hessian", "einstein", "kinetic"; may be null (pickles)
     * @param atomCount N, atoms in the cell (&gt;= 1)
     * @param mass atomic mass in amu (&gt; 0)
     * @param volume cell volume V_0 in Å^3 (&gt; 0)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param latticePositions flat 3N reference positions [3i + c] (Å), may be empty; copied
     * @param latticeDescriptor D_0, length K, per-atom descriptor of the perfect lattice; copied
     * @param energyScale U_0 in eV (&gt; 0)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det} (finite)
     * @param alphaShift DescriptorDOS {@code alpha_shift} (finite)
     * @param isosurfaces per-isosurface statistics, at least 3, any order (sorted here)
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PhaseCampaign(String name, String flavor, int atomCount, double mass, double volume,
            double[][] cell, double[] latticePositions, double[] latticeDescriptor, double energyScale,
            double logMeanEigenvalue, double alphaShift, List<IsosurfaceStatistics> isosurfaces) {
        this(name, flavor, atomCount, mass, volume, cell, latticePositions, latticeDescriptor, energyScale,
                logMeanEigenvalue, alphaShift, isosurfaces, new double[0], new double[0]);
    }

    /**
     * With microcanonical temperatures but without their standard errors.
     *
     * @param name phase label (free text)
     * @param flavor isosurface flavour, e.g. "kinetic"; may be null (pickles)
     * @param atomCount N, atoms in the cell (&gt;= 1)
     * @param mass atomic mass in amu (&gt; 0)
     * @param volume cell volume V_0 in Å^3 (&gt; 0)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param latticePositions flat 3N reference positions [3i + c] (Å), may be empty; copied
     * @param latticeDescriptor D_0, length K, per-atom descriptor of the perfect lattice; copied
     * @param energyScale U_0 in eV (&gt; 0)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det} (finite)
     * @param alphaShift DescriptorDOS {@code alpha_shift} (finite)
     * @param isosurfaces per-isosurface statistics, at least 3, any order (sorted here)
     * @param microcanonicalBeta per isosurface, in the order given, 1/eV (&gt; 0); empty or null when
     *     not recorded
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PhaseCampaign(String name, String flavor, int atomCount, double mass, double volume,
            double[][] cell, double[] latticePositions, double[] latticeDescriptor, double energyScale,
            double logMeanEigenvalue, double alphaShift, List<IsosurfaceStatistics> isosurfaces,
            double[] microcanonicalBeta) {
        this(name, flavor, atomCount, mass, volume, cell, latticePositions, latticeDescriptor, energyScale,
                logMeanEigenvalue, alphaShift, isosurfaces, microcanonicalBeta, new double[0]);
    }

    /**
     * Validates and sorts the isosurfaces (and the microcanonical temperatures with them).
     *
     * @param name phase label (free text)
     * @param flavor isosurface flavour, e.g. "hessian", "einstein", "kinetic"; may be null (pickles)
     * @param atomCount N, atoms in the cell (&gt;= 1)
     * @param mass atomic mass in amu (&gt; 0)
     * @param volume cell volume V_0 in Å^3 (&gt; 0)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param latticePositions flat 3N reference positions [3i + c] (Å), may be empty; copied
     * @param latticeDescriptor D_0, length K, per-atom descriptor of the perfect lattice; copied
     * @param energyScale U_0 in eV (&gt; 0)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det} (finite)
     * @param alphaShift DescriptorDOS {@code alpha_shift} (finite)
     * @param isosurfaces per-isosurface statistics, at least 3, any order (sorted here)
     * @param microcanonicalBeta per isosurface, in the order given, 1/eV (&gt; 0); empty or null when
     *     not recorded
     * @param microcanonicalBetaError per isosurface, in the order given, one-sigma standard error of
     *     beta_mu in 1/eV (&gt;= 0); empty or null when not recorded
     * @throws IllegalArgumentException on fewer than 3 isosurfaces, inconsistent descriptor counts,
     *     repeated isosurface values, a microcanonical-temperature count that is neither 0 nor G,
     *     non-positive microcanonical temperatures, standard errors without temperatures, of another
     *     count, negative or not finite, non-finite D_0, log_det or alpha_shift, or
     *     non-physical constants (N &lt; 1, mass, volume or U_0 &lt;= 0)
     */
    public PhaseCampaign {
        if (atomCount < 1) {
            throw new IllegalArgumentException("atom count must be positive, got " + atomCount);
        }
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("mass must be positive (amu), got " + mass);
        }
        if (!(volume > 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("volume must be positive (Å^3), got " + volume);
        }
        if (!(energyScale > 0) || !Double.isFinite(energyScale)) {
            throw new IllegalArgumentException("U_0 must be positive (eV), got " + energyScale);
        }
        if (!Double.isFinite(logMeanEigenvalue) || !Double.isFinite(alphaShift)) {
            throw new IllegalArgumentException("log_det and alpha_shift must be finite");
        }
        IsosurfaceStatistics.requireFinite(latticeDescriptor, "lattice descriptor D_0");
        if (isosurfaces.size() < 3) {
            throw new IllegalArgumentException("a campaign needs at least 3 isosurfaces, got " + isosurfaces.size());
        }
        if (microcanonicalBeta == null) {
            microcanonicalBeta = new double[0];
        }
        if (microcanonicalBeta.length != 0 && microcanonicalBeta.length != isosurfaces.size()) {
            throw new IllegalArgumentException("microcanonical temperatures: " + microcanonicalBeta.length + " for "
                    + isosurfaces.size() + " isosurfaces");
        }
        for (double b : microcanonicalBeta) {
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("microcanonical inverse temperatures must be positive, got " + b);
            }
        }
        if (microcanonicalBetaError == null) {
            microcanonicalBetaError = new double[0];
        }
        if (microcanonicalBetaError.length != 0 && microcanonicalBetaError.length != microcanonicalBeta.length) {
            throw new IllegalArgumentException("microcanonical temperature errors: " + microcanonicalBetaError.length
                    + " for " + microcanonicalBeta.length + " microcanonical temperatures");
        }
        for (double b : microcanonicalBetaError) {
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("microcanonical temperature errors must be >= 0 and finite, got " + b);
            }
        }
        Integer[] order = new Integer[isosurfaces.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        final List<IsosurfaceStatistics> given = isosurfaces;
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> given.get(i).isosurface()));
        List<IsosurfaceStatistics> sorted = new ArrayList<>();
        double[] beta = new double[microcanonicalBeta.length];
        double[] betaError = new double[microcanonicalBetaError.length];
        for (int i = 0; i < order.length; i++) {
            sorted.add(given.get(order[i]));
            if (beta.length > 0) {
                beta[i] = microcanonicalBeta[order[i]];
            }
            if (betaError.length > 0) {
                betaError[i] = microcanonicalBetaError[order[i]];
            }
        }
        microcanonicalBeta = beta;
        microcanonicalBetaError = betaError;
        int k = latticeDescriptor.length;
        for (int g = 0; g < sorted.size(); g++) {
            if (sorted.get(g).descriptorCount() != k) {
                throw new IllegalArgumentException("isosurface " + g + " has " + sorted.get(g).descriptorCount()
                        + " descriptor components, the lattice descriptor has " + k);
            }
            if (g > 0 && !(sorted.get(g).isosurface() > sorted.get(g - 1).isosurface())) {
                throw new IllegalArgumentException("repeated isosurface value " + sorted.get(g).isosurface()
                        + " (one volume per campaign)");
            }
        }
        isosurfaces = List.copyOf(sorted);
        cell = IsosurfaceStatistics.deepCopy(cell);
        latticePositions = latticePositions.clone();
        latticeDescriptor = latticeDescriptor.clone();
    }

    /** @return K, descriptor components */
    public int descriptorCount() {
        return latticeDescriptor.length;
    }

    /** @return G, the number of isosurfaces */
    public int isosurfaceCount() {
        return isosurfaces.size();
    }

    /**
     * @param g isosurface index in sorted order, 0 &lt;= g &lt; G
     * @return alpha of isosurface g: ln(isosurface value) - alphaShift
     */
    public double alpha(int g) {
        return Math.log(isosurfaces.get(g).isosurface()) - alphaShift;
    }

    /** @return volume per atom in Å^3 */
    public double volumePerAtom() {
        return volume / atomCount;
    }

    /**
     * @param theta linear-potential parameters, in eV per descriptor unit
     * @return the 0 K energy per atom theta . D_0 (eV/atom) of a parameter vector of length K (kinetic
     *     campaigns also accept K - 1: the last component, the kinetic energy, is 0 in the lattice)
     * @throws IllegalArgumentException when theta has another length
     */
    public double latticeEnergy(double[] theta) {
        boolean kineticWithout = "kinetic".equalsIgnoreCase(flavor) && theta.length == latticeDescriptor.length - 1;
        if (theta.length != latticeDescriptor.length && !kineticWithout) {
            throw new IllegalArgumentException("theta has length " + theta.length + ", the campaign's descriptor has "
                    + latticeDescriptor.length + " components");
        }
        double e = 0;
        for (int j = 0; j < theta.length; j++) {
            e += theta[j] * latticeDescriptor[j];
        }
        return e;
    }

    /**
     * @return copy of the microcanonical inverse temperatures per sorted isosurface (1/eV), length G,
     *     or empty when not recorded
     */
    @Override
    public double[] microcanonicalBeta() {
        return microcanonicalBeta.clone();
    }

    /**
     * @return copy of the one-sigma standard errors of the microcanonical inverse temperatures per
     *     sorted isosurface (1/eV), length G, or empty when not recorded
     */
    @Override
    public double[] microcanonicalBetaError() {
        return microcanonicalBetaError.clone();
    }

    /** @return true when the microcanonical temperatures carry their standard errors */
    public boolean hasMicrocanonicalBetaError() {
        return microcanonicalBetaError.length > 0;
    }

    /** @return true for a kinetic campaign that carries its microcanonical temperatures */
    public boolean hasMicrocanonicalBeta() {
        return microcanonicalBeta.length > 0;
    }

    /** @return copy of D_0, length K (per-atom descriptor of the perfect lattice) */
    @Override
    public double[] latticeDescriptor() {
        return latticeDescriptor.clone();
    }

    /** @return copy of the flat 3N lattice positions [3i + c] in Å (empty when unknown) */
    @Override
    public double[] latticePositions() {
        return latticePositions.clone();
    }

    /** @return copy of the 3x3 cell, rows are cell vectors (Å) */
    @Override
    public double[][] cell() {
        return IsosurfaceStatistics.deepCopy(cell);
    }
}
