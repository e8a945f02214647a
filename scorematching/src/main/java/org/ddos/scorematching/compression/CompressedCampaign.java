package org.ddos.scorematching.compression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;

/**
 * The mergeable, resumable state of the sampling campaign of one phase at one volumetric strain:
 * the reference lattice and harmonic constants, the planned isosurfaces, one
 * {@link IsosurfaceAccumulator} per isosurface (null until its pilot batch is done), the samples
 * already committed per isosurface, and which shards of the sample indices it holds.
 *
 * <p>Sample index j (0 &lt;= j &lt; samplesPerIsosurface) of an isosurface belongs to shard
 * j mod shardCount. An unsharded run is shard 0 of 1. Mutable; not thread-safe.
 *
 * <p>Shapes: cell 3x3 (rows are cell vectors, Å); positions 3N (Å); latticeDescriptor K;
 * stiffness: the stable eigenvalues k_l of the reference Hessian (eV/Å^2, zero modes removed,
 * ascending); isosurfaceValues G (h / U_0).
 *
 * <p>Kinetic campaigns also hold, per isosurface, the exact sum over samples of 1/kappa (kappa the
 * kinetic energy per atom, eV, the last descriptor component): the microcanonical inverse temperature
 * d ln Omega / dE = (d/2 - 1) &lt;1/K&gt; of the reference Hamiltonian ({@link #microcanonicalBeta}), from
 * which the shell entropy ln Omega(E) of an anharmonic reference follows by integration over E.
 */
public final class CompressedCampaign {
    /** Phase label (free text). */
    public final String name;
    /** Isosurface flavour label, e.g. "hessian", "einstein", "kinetic". */
    public final String flavor;
    /** N, atoms in the cell. */
    public final int atomCount;
    /** Atomic mass in amu (single species). */
    public final double mass;
    /** Cell volume in Å^3 (of the strained cell). */
    public final double volume;
    /** 3x3 cell, rows are cell vectors (Å); do not modify. */
    public final double[][] cell;
    /** Flat 3N reference positions {@code [3i + xyz]} (Å); do not modify. */
    public final double[] positions;
    /** D_0, length K: per-atom descriptor of the perfect lattice; do not modify. */
    public final double[] latticeDescriptor;
    /** U_0 in eV. */
    public final double energyScale;
    /** DescriptorDOS {@code log_det}, the log-mean Hessian eigenvalue constant. */
    public final double logMeanEigenvalue;
    /** DescriptorDOS {@code alpha_shift}: alpha = ln(h / U_0) - alphaShift. */
    public final double alphaShift;
    /** Volumetric strain e of this campaign: the lattice scaled to V = V_0 (1 + e). */
    public final double strain;
    /** Stable eigenvalues k_l of the reference Hessian (eV/Å^2, zero modes removed, ascending); do not modify. */
    public final double[] stiffness;
    /** Planned isosurface values h / U_0, length G; do not modify. */
    public final double[] isosurfaceValues;
    /** Samples planned per isosurface over all shards. */
    public final long samplesPerIsosurface;
    /** B, histogram bins per mode. */
    public final int bins;
    /** Number of shards the sample indices are split into. */
    public final int shardCount;
    private final TreeSet<Integer> shards;
    private final IsosurfaceAccumulator[] accumulators;
    private final long[] committed;
    /** Kinetic campaigns: exact sums of 1/kappa per isosurface; null otherwise. */
    private final BigDecimal[] inverseKineticSums;
    /** Kinetic campaigns from format version 3: per-trajectory sums for the error of beta_mu; else null. */
    private final KineticTrajectorySums trajectorySums;

    /**
     * Without kinetic-energy sums (Hessian and Einstein flavours).
     *
     * @param name phase label
     * @param flavor isosurface flavour label
     * @param atomCount N
     * @param mass atomic mass (amu)
     * @param volume cell volume (Å^3)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param positions flat 3N reference positions (Å); copied
     * @param latticeDescriptor D_0, length K; copied
     * @param energyScale U_0 (eV)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det}
     * @param alphaShift DescriptorDOS {@code alpha_shift}
     * @param strain volumetric strain e (V = V_0 (1 + e))
     * @param stiffness stable Hessian eigenvalues (eV/Å^2, ascending); copied
     * @param isosurfaceValues planned h / U_0, length G &gt; 0; copied
     * @param samplesPerIsosurface samples planned per isosurface over all shards
     * @param bins histogram bins per mode
     * @param shardCount number of shards (&gt;= 1)
     * @param shards shard indices held, each in [0, shardCount), at least one, no repeats
     * @param accumulators per isosurface, null before its pilot batch, length G; copied deeply
     * @param committed per isosurface, samples committed by this shard, length G; copied
     * @throws IllegalArgumentException on inconsistent shapes or shard numbers
     */
    public CompressedCampaign(String name, String flavor, int atomCount, double mass, double volume, double[][] cell,
            double[] positions, double[] latticeDescriptor, double energyScale, double logMeanEigenvalue,
            double alphaShift, double strain, double[] stiffness, double[] isosurfaceValues, long samplesPerIsosurface,
            int bins, int shardCount, int[] shards, IsosurfaceAccumulator[] accumulators, long[] committed) {
        this(name, flavor, atomCount, mass, volume, cell, positions, latticeDescriptor, energyScale, logMeanEigenvalue,
                alphaShift, strain, stiffness, isosurfaceValues, samplesPerIsosurface, bins, shardCount, shards,
                accumulators, committed, null);
    }

    /**
     * Full state.
     *
     * @param name phase label
     * @param flavor isosurface flavour label
     * @param atomCount N
     * @param mass atomic mass (amu)
     * @param volume cell volume (Å^3)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param positions flat 3N reference positions (Å); copied
     * @param latticeDescriptor D_0, length K; copied
     * @param energyScale U_0 (eV)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det}
     * @param alphaShift DescriptorDOS {@code alpha_shift}
     * @param strain volumetric strain e (V = V_0 (1 + e))
     * @param stiffness stable Hessian eigenvalues (eV/Å^2, ascending); copied
     * @param isosurfaceValues planned h / U_0, length G &gt; 0; copied
     * @param samplesPerIsosurface samples planned per isosurface over all shards
     * @param bins histogram bins per mode
     * @param shardCount number of shards (&gt;= 1)
     * @param shards shard indices held, each in [0, shardCount), at least one, no repeats
     * @param accumulators per isosurface, null before its pilot batch, length G; copied deeply
     * @param committed per isosurface, samples committed by this shard, length G; copied
     * @param inverseKineticSums null, or per isosurface the exact sum of 1/kappa over its samples (length G)
     * @throws IllegalArgumentException on inconsistent shapes or shard numbers
     */
    public CompressedCampaign(String name, String flavor, int atomCount, double mass, double volume, double[][] cell,
            double[] positions, double[] latticeDescriptor, double energyScale, double logMeanEigenvalue,
            double alphaShift, double strain, double[] stiffness, double[] isosurfaceValues, long samplesPerIsosurface,
            int bins, int shardCount, int[] shards, IsosurfaceAccumulator[] accumulators, long[] committed,
            BigDecimal[] inverseKineticSums) {
        this(name, flavor, atomCount, mass, volume, cell, positions, latticeDescriptor, energyScale, logMeanEigenvalue,
                alphaShift, strain, stiffness, isosurfaceValues, samplesPerIsosurface, bins, shardCount, shards,
                accumulators, committed, inverseKineticSums, null);
    }

    /**
     * Full state, with the per-trajectory sums of a kinetic campaign.
     *
     * @param name phase label
     * @param flavor isosurface flavour label
     * @param atomCount N
     * @param mass atomic mass (amu)
     * @param volume cell volume (Å^3)
     * @param cell 3x3 cell, rows are cell vectors (Å); copied
     * @param positions flat 3N reference positions (Å); copied
     * @param latticeDescriptor D_0, length K; copied
     * @param energyScale U_0 (eV)
     * @param logMeanEigenvalue DescriptorDOS {@code log_det}
     * @param alphaShift DescriptorDOS {@code alpha_shift}
     * @param strain volumetric strain e (V = V_0 (1 + e))
     * @param stiffness stable Hessian eigenvalues (eV/Å^2, ascending); copied
     * @param isosurfaceValues planned h / U_0, length G &gt; 0; copied
     * @param samplesPerIsosurface samples planned per isosurface over all shards
     * @param bins histogram bins per mode
     * @param shardCount number of shards (&gt;= 1)
     * @param shards shard indices held, each in [0, shardCount), at least one, no repeats
     * @param accumulators per isosurface, null before its pilot batch, length G; copied deeply
     * @param committed per isosurface, samples committed by this shard, length G; copied
     * @param inverseKineticSums null, or per isosurface the exact sum of 1/kappa over its samples (length G)
     * @param trajectorySums null, or the per-trajectory sums of the same samples (G isosurfaces; needs
     *     {@code inverseKineticSums}); copied
     * @throws IllegalArgumentException on inconsistent shapes or shard numbers
     */
    public CompressedCampaign(String name, String flavor, int atomCount, double mass, double volume, double[][] cell,
            double[] positions, double[] latticeDescriptor, double energyScale, double logMeanEigenvalue,
            double alphaShift, double strain, double[] stiffness, double[] isosurfaceValues, long samplesPerIsosurface,
            int bins, int shardCount, int[] shards, IsosurfaceAccumulator[] accumulators, long[] committed,
            BigDecimal[] inverseKineticSums, KineticTrajectorySums trajectorySums) {
        int g = isosurfaceValues.length;
        if (trajectorySums != null && (inverseKineticSums == null || trajectorySums.isosurfaceCount() != g)) {
            throw new IllegalArgumentException("trajectory sums need the kinetic sums and one row per isosurface ("
                    + g + ")");
        }
        if (inverseKineticSums != null) {
            if (inverseKineticSums.length != g) {
                throw new IllegalArgumentException("kinetic sums: " + inverseKineticSums.length + " for " + g + " isosurfaces");
            }
            for (BigDecimal b : inverseKineticSums) {
                if (b == null || b.signum() < 0) {
                    throw new IllegalArgumentException("kinetic sums of 1/kappa must be non-negative");
                }
            }
        }
        if (g == 0 || accumulators.length != g || committed.length != g) {
            throw new IllegalArgumentException("isosurface values, accumulators and progress must have the same length (>0)");
        }
        if (shardCount < 1 || shards.length == 0) {
            throw new IllegalArgumentException("shard count must be >= 1 with at least one shard held");
        }
        this.shards = new TreeSet<>();
        for (int s : shards) {
            if (s < 0 || s >= shardCount || !this.shards.add(s)) {
                throw new IllegalArgumentException("bad or repeated shard index " + s + " of " + shardCount);
            }
        }
        this.name = name;
        this.flavor = flavor;
        this.atomCount = atomCount;
        this.mass = mass;
        this.volume = volume;
        this.cell = new double[3][];
        for (int r = 0; r < 3; r++) {
            this.cell[r] = cell[r].clone();
        }
        this.positions = positions.clone();
        this.latticeDescriptor = latticeDescriptor.clone();
        this.energyScale = energyScale;
        this.logMeanEigenvalue = logMeanEigenvalue;
        this.alphaShift = alphaShift;
        this.strain = strain;
        this.stiffness = stiffness.clone();
        this.isosurfaceValues = isosurfaceValues.clone();
        this.samplesPerIsosurface = samplesPerIsosurface;
        this.bins = bins;
        this.shardCount = shardCount;
        this.accumulators = new IsosurfaceAccumulator[g];
        for (int i = 0; i < g; i++) {
            this.accumulators[i] = accumulators[i] == null ? null : accumulators[i].copy();
        }
        this.committed = committed.clone();
        this.inverseKineticSums = inverseKineticSums == null ? null : inverseKineticSums.clone();
        this.trajectorySums = trajectorySums == null ? null : trajectorySums.copy();
    }

    /** @return a deep copy */
    public CompressedCampaign copy() {
        return new CompressedCampaign(name, flavor, atomCount, mass, volume, cell, positions, latticeDescriptor,
                energyScale, logMeanEigenvalue, alphaShift, strain, stiffness, isosurfaceValues, samplesPerIsosurface,
                bins, shardCount, shards(), accumulators, committed, inverseKineticSums, trajectorySums);
    }

    /** @return a copy of the per-trajectory sums of 1/kappa, or null when not recorded */
    public KineticTrajectorySums trajectorySums() {
        return trajectorySums == null ? null : trajectorySums.copy();
    }

    /**
     * Adds one kinetic sample's 1/kappa to isosurface g, and to its trajectory when per-trajectory
     * sums are recorded (exactly: order-independent).
     *
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @param sample the sample's index j on its isosurface (trajectory j / frames per trajectory)
     * @param inverseKappa 1/kappa of the sample, kappa the kinetic energy per atom (1/eV), &gt; 0
     * @throws IllegalStateException when this campaign records no kinetic sums
     * @throws IllegalArgumentException when 1/kappa is not positive and finite, or j lies outside the campaign
     */
    public void addInverseKinetic(int g, long sample, double inverseKappa) {
        if (trajectorySums != null) {
            trajectorySums.add(g, sample, inverseKappa);
        }
        addInverseKinetic(g, inverseKappa);
    }

    /** @return the exact sums of 1/kappa per isosurface (copy), or null when not recorded (not kinetic) */
    public BigDecimal[] inverseKineticSums() {
        return inverseKineticSums == null ? null : inverseKineticSums.clone();
    }

    /** The isosurface total of {@link #addInverseKinetic(int, long, double)}, its only caller (keeps both sums in step). */
    private void addInverseKinetic(int g, double inverseKappa) {
        if (inverseKineticSums == null) {
            throw new IllegalStateException(name + ": this " + flavor + " campaign records no kinetic energies");
        }
        if (!(inverseKappa > 0) || !Double.isFinite(inverseKappa)) {
            throw new IllegalArgumentException("1/kappa must be positive and finite, got " + inverseKappa);
        }
        inverseKineticSums[g] = inverseKineticSums[g].add(new BigDecimal(inverseKappa));
    }

    /**
     * The microcanonical inverse temperature of the reference Hamiltonian on kinetic isosurface g,
     * beta_mu = d ln Omega / dE = (d/2 - 1) &lt;1/K&gt; = (d/2 - 1) &lt;1/kappa&gt; / N (1/eV), d = 3N - 3;
     * for a harmonic reference it is (d - 1) / (E - E_0).
     *
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @return beta_mu in 1/eV, NaN when isosurface g holds no samples
     * @throws IllegalStateException when this campaign records no kinetic sums
     */
    public double microcanonicalBeta(int g) {
        if (inverseKineticSums == null) {
            throw new IllegalStateException(name + ": this " + flavor + " campaign records no kinetic energies");
        }
        long n = accumulators[g] == null ? 0 : accumulators[g].sampleCount();
        if (n == 0) {
            return Double.NaN;
        }
        double mean = inverseKineticSums[g].divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL64).doubleValue();
        return (stiffness.length / 2.0 - 1) * mean / atomCount;
    }

    /** @return the shard indices held, ascending */
    public int[] shards() {
        return shards.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return G */
    public int isosurfaceCount() {
        return isosurfaceValues.length;
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @return the accumulator of isosurface g (the live object), or null before its pilot batch
     */
    public IsosurfaceAccumulator accumulator(int g) {
        return accumulators[g];
    }

    /**
     * Sets the accumulator of isosurface g (after its pilot batch); kept, not copied.
     *
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @param a its accumulator
     */
    public void setAccumulator(int g, IsosurfaceAccumulator a) {
        accumulators[g] = a;
    }

    /**
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @return samples of isosurface g committed by this (single) shard, in shard order
     */
    public long committed(int g) {
        return committed[g];
    }

    /**
     * Records that the first {@code n} samples of the shard's slice of isosurface g are in.
     *
     * @param g isosurface index, 0 &lt;= g &lt; G
     * @param n samples committed
     */
    public void setCommitted(int g, long n) {
        committed[g] = n;
    }

    /**
     * @param s shard index, 0 &lt;= s &lt; shardCount
     * @return how many of the indices 0..samplesPerIsosurface-1 belong to shard s of this campaign
     */
    public long shardSize(int s) {
        return samplesPerIsosurface <= s ? 0 : (samplesPerIsosurface - 1 - s) / shardCount + 1;
    }

    /** @return true when every held shard has committed all its samples on every isosurface */
    public boolean complete() {
        long need = 0;
        for (int s : shards) {
            need += shardSize(s);
        }
        for (int g = 0; g < committed.length; g++) {
            if (accumulators[g] == null || accumulators[g].sampleCount() != need) {
                return false;
            }
        }
        return true;
    }

    /** @return true when this holds all shards */
    public boolean allShards() {
        return shards.size() == shardCount;
    }

    /**
     * Adds the samples of another shard exactly.
     *
     * @param o a complete campaign of other shards of the same campaign
     * @throws IllegalArgumentException when the two do not belong to the same campaign (different
     *     structure, descriptor, reference, isosurfaces, bins or rotation), share a shard, or are
     *     not complete
     */
    public void merge(CompressedCampaign o) {
        require(flavor.equals(o.flavor), "flavours differ: " + flavor + " vs " + o.flavor);
        require(atomCount == o.atomCount && Double.compare(mass, o.mass) == 0, "atom counts or masses differ");
        require(Arrays.deepEquals(cell, o.cell) && Arrays.equals(positions, o.positions), "structures differ");
        require(Arrays.equals(latticeDescriptor, o.latticeDescriptor), "lattice descriptors D_0 differ (different descriptor or structure)");
        require(Double.compare(energyScale, o.energyScale) == 0 && Double.compare(logMeanEigenvalue, o.logMeanEigenvalue) == 0
                && Double.compare(alphaShift, o.alphaShift) == 0 && Arrays.equals(stiffness, o.stiffness),
                "harmonic references differ (U_0, log_det, alpha_shift or Hessian eigenvalues)");
        require(Double.compare(strain, o.strain) == 0, "strains differ: " + strain + " vs " + o.strain);
        require(Arrays.equals(isosurfaceValues, o.isosurfaceValues), "isosurface values differ");
        require(samplesPerIsosurface == o.samplesPerIsosurface && shardCount == o.shardCount,
                "samples per isosurface or shard counts differ");
        require(bins == o.bins, "bin counts differ: " + bins + " vs " + o.bins);
        require(complete() && o.complete(), "only complete shards can be merged");
        for (int s : o.shards) {
            require(!shards.contains(s), "shard " + s + "/" + shardCount + " is present twice");
        }
        require((inverseKineticSums == null) == (o.inverseKineticSums == null), "one holds kinetic-energy sums, the other not");
        require((trajectorySums == null) == (o.trajectorySums == null), "one holds per-trajectory sums, the other not");
        if (trajectorySums != null) {
            trajectorySums.merge(o.trajectorySums);
        }
        for (int g = 0; g < accumulators.length; g++) {
            accumulators[g].merge(o.accumulators[g]);
            if (inverseKineticSums != null) {
                inverseKineticSums[g] = inverseKineticSums[g].add(o.inverseKineticSums[g]);
            }
        }
        shards.addAll(o.shards);
        for (int g = 0; g < committed.length; g++) {
            committed[g] += o.committed[g];
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("cannot merge: " + message);
        }
    }

    /**
     * @return the campaign for prediction from the isosurfaces that hold samples
     * @throws IllegalStateException when fewer than 3 isosurfaces hold samples
     */
    public PhaseCampaign toCampaign() {
        List<IsosurfaceStatistics> iso = new ArrayList<>();
        double[] beta = new double[accumulators.length];
        double[] betaError = new double[accumulators.length];
        boolean errors = trajectorySums != null;
        for (int g = 0; g < accumulators.length; g++) {
            IsosurfaceAccumulator a = accumulators[g];
            if (a != null && a.sampleCount() > 0) {
                if (inverseKineticSums != null) {
                    beta[iso.size()] = microcanonicalBeta(g);
                }
                if (errors) {
                    // beta_mu = (d/2 - 1) <1/kappa> / N
                    betaError[iso.size()] = (stiffness.length / 2.0 - 1) * trajectorySums.standardErrorOfMean(g) / atomCount;
                    errors = Double.isFinite(betaError[iso.size()]);
                }
                iso.add(a.statistics());
            }
        }
        if (iso.size() < 3) {
            throw new IllegalStateException(name + ": only " + iso.size() + " isosurfaces hold samples; at least 3 needed");
        }
        return new PhaseCampaign(name, flavor, atomCount, mass, volume, cell, positions, latticeDescriptor, energyScale,
                logMeanEigenvalue, alphaShift, iso, inverseKineticSums == null ? new double[0] : Arrays.copyOf(beta, iso.size()),
                errors ? Arrays.copyOf(betaError, iso.size()) : new double[0]);
    }

    /**
     * @param o another campaign state
     * @return true when both hold exactly the same state
     */
    public boolean sameState(CompressedCampaign o) {
        if (!(name.equals(o.name) && flavor.equals(o.flavor) && atomCount == o.atomCount && Double.compare(mass, o.mass) == 0
                && Double.compare(volume, o.volume) == 0 && Arrays.deepEquals(cell, o.cell)
                && Arrays.equals(positions, o.positions) && Arrays.equals(latticeDescriptor, o.latticeDescriptor)
                && Double.compare(energyScale, o.energyScale) == 0 && Double.compare(logMeanEigenvalue, o.logMeanEigenvalue) == 0
                && Double.compare(alphaShift, o.alphaShift) == 0 && Double.compare(strain, o.strain) == 0
                && Arrays.equals(stiffness, o.stiffness) && Arrays.equals(isosurfaceValues, o.isosurfaceValues)
                && samplesPerIsosurface == o.samplesPerIsosurface && bins == o.bins && shardCount == o.shardCount
                && shards.equals(o.shards) && Arrays.equals(committed, o.committed)
                && Arrays.equals(inverseKineticSums, o.inverseKineticSums)
                && (trajectorySums == null ? o.trajectorySums == null : trajectorySums.sameState(o.trajectorySums)))) {
            return false;
        }
        for (int g = 0; g < accumulators.length; g++) {
            IsosurfaceAccumulator a = accumulators[g];
            IsosurfaceAccumulator b = o.accumulators[g];
            if ((a == null) != (b == null) || (a != null && !a.sameState(b))) {
                return false;
            }
        }
        return true;
    }
}
