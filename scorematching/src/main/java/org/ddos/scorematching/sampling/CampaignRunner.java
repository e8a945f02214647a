package org.ddos.scorematching.sampling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ddos.descriptors.neighbors.CellListNeighborList;
import org.ddos.descriptors.neighbors.SkinNeighborList;
import org.ddos.descriptors.potential.LinearPotential;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.scorematching.archive.PhaseArchive;
import org.ddos.scorematching.archive.PhaseArchives;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.ddos.scorematching.compression.IsosurfaceAccumulator;
import org.ddos.scorematching.compression.KineticTrajectorySums;
import org.ddos.scorematching.compression.PilotCompression;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * Runs a D-DOS sampling campaign of one phase: for every volumetric strain, the harmonic reference
 * (Hessian of the reference potential, once per strain), then for every isosurface a pilot batch
 * (fixing rotation and bins, {@link PilotCompression}) and the shard's slice of the sample indices,
 * compressed on the fly ({@link IsosurfaceAccumulator}: memory independent of the sample count).
 *
 * <p><b>Harmonic constants.</b> The isosurface value is h / U_0 with h = u.H.u / (2N). The
 * campaign stores alpha_shift = 0 and log_det L = &lt;ln k&gt; - ln(2 U_0), with &lt;ln k&gt; the mean
 * log stable eigenvalue of H in eV/Å^2, so that the DescriptorDOS shell entropy gives exactly
 * F_H = 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;] for a harmonic crystal (the identity
 * &lt;ln k&gt; = L + alpha_shift + ln(2 U_0) of thermo's HarmonicLimitTest).
 *
 * <p><b>Determinism.</b> Sample j of isosurface g at strain s uses its own generator seeded from
 * (seed, s, g, j), and compression is exact and order-independent, so the archive is bit-identical
 * for any thread count, and shards merge to the unsharded result exactly.
 *
 * <p><b>Resumability.</b> With a checkpoint path, the state is written atomically (temporary file,
 * then rename) at most every {@code checkpointSeconds}; a run started with the same inputs finds the
 * checkpoint, checks its fingerprint and continues where it stopped.
 */
public final class CampaignRunner {
    /** Progress callback: samples done and planned over the whole run (including pilot batches). */
    @FunctionalInterface
    public interface Progress {
        /**
         * Called on the thread that runs {@link CampaignRunner#run()} (never on a worker thread): before
         * each strain's Hessian, at the start of each isosurface and after each committed wave of samples.
         *
         * @param done samples counted so far: pilot batches plus this shard's committed samples (on a
         *     resumed run, the samples already in the checkpoint are counted as done)
         * @param total samples planned for this shard: strains x isosurfaces x (shard's share of
         *     {@code samples} + {@code pilotSamples})
         * @param stage human-readable stage, e.g. "Hessian (strain 0.0)" or "isosurface 2/5"
         */
        void update(long done, long total, String stage);
    }

    private final String name;
    private final Structure lattice;
    private final LinearPotential descriptor;
    private final Potential reference;
    private final CampaignSettings settings;
    private int threads = 1;
    private int shard = 0;
    private int shardCount = 1;
    private Path checkpoint;
    private double checkpointSeconds = 10;
    private Progress progress = (d, t, s) -> { };
    private final SortedMap<String, String> provenance = new TreeMap<>();
    private long stopAfterSamples = Long.MAX_VALUE;
    private KineticSettings kinetic = KineticSettings.DEFAULT;

    /**
     * Nothing is checked here: a lattice with several masses, or that is not a minimum of
     * {@code reference}, is refused by {@link #run()} (see {@link HarmonicReference#of}). A
     * {@link SnapPotential} descriptor is used single-threaded (one sample per worker thread).
     *
     * @param name phase label
     * @param lattice the reference lattice (single species, a stable minimum of {@code reference})
     * @param descriptor the descriptor D sampled: a linear potential's mean descriptor
     * @param reference the potential whose Hessian defines the isosurfaces (often {@code descriptor});
     *     for the kinetic flavour also the potential integrated by molecular dynamics
     * @param settings isosurfaces, strains, sample counts, flavour, seed and U_0 of the campaign
     */
    public CampaignRunner(String name, Structure lattice, LinearPotential descriptor, Potential reference,
            CampaignSettings settings) {
        this.name = name;
        this.lattice = lattice;
        this.descriptor = descriptor instanceof SnapPotential sp ? sp.withThreads(1) : descriptor;
        this.reference = reference;
        this.settings = settings;
    }

    /**
     * @param n worker threads (default 1) for the Hessian columns and the samples; the archive does not
     *     depend on it
     * @return this
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public CampaignRunner threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
        return this;
    }

    /**
     * @param k the molecular-dynamics settings of the kinetic flavour (default {@link KineticSettings#DEFAULT};
     *     ignored by the other flavours)
     * @return this
     * @throws NullPointerException when {@code k} is null
     */
    public CampaignRunner kinetic(KineticSettings k) {
        kinetic = java.util.Objects.requireNonNull(k, "kinetic settings");
        return this;
    }

    /**
     * Runs only shard i of n: the sample indices j with j mod n = i of every isosurface (the pilot batch
     * is evaluated in full by every shard, so all shards fix the same rotation and bins).
     *
     * @param i shard index, 0 &lt;= i &lt; n
     * @param n number of shards, &gt;= 1 (default 1: unsharded)
     * @return this
     * @throws IllegalArgumentException unless 0 &lt;= i &lt; n
     */
    public CampaignRunner shard(int i, int n) {
        if (n < 1 || i < 0 || i >= n) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, got " + i + "/" + n);
        }
        shard = i;
        shardCount = n;
        return this;
    }

    /**
     * Checkpoints to {@code file} (a phase archive, written atomically): after a wave of samples when at
     * least {@code seconds} have passed since the last write, and at the end of the run. Neither argument
     * is checked.
     *
     * @param file checkpoint path; null (the default) for no checkpoint
     * @param seconds minimum wall time between two checkpoints, in s (default 10)
     * @return this
     */
    public CampaignRunner checkpoint(Path file, double seconds) {
        checkpoint = file;
        checkpointSeconds = seconds;
        return this;
    }

    /**
     * @param p progress callback (default: none); must not be null
     * @return this
     */
    public CampaignRunner progress(Progress p) {
        progress = p;
        return this;
    }

    /**
     * @param entries extra provenance entries (input file hashes, code version, ...), added to the archive;
     *     they also enter the checkpoint fingerprint, so a resumed run must pass the same entries
     * @return this
     */
    public CampaignRunner provenance(Map<String, String> entries) {
        provenance.putAll(entries);
        return this;
    }

    /** For tests of resumption: stop (checkpointing) after about this many committed samples. */
    CampaignRunner stopAfter(long samples) {
        stopAfterSamples = samples;
        return this;
    }

    /** @return the fingerprint a checkpoint must match to be resumed */
    String fingerprint() {
        StringBuilder sb = new StringBuilder(name).append('|').append(settings.describe()).append('|')
                .append(isKinetic() ? kinetic.describe() + "|" : "")
                .append(shard).append('/').append(shardCount).append('|').append(descriptor).append('|').append(reference);
        for (double x : lattice.positionsView()) {
            sb.append(',').append(x);
        }
        provenance.forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
        return PhaseArchives.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs (or resumes) the campaign.
     *
     * @return the archive (complete unless stopped early by a test hook): one compressed state per
     *     strain, in the order of {@code settings.strains()}
     * @throws IOException when the checkpoint cannot be read or written, or belongs to another campaign
     *     (its fingerprint of name, settings, shard, potentials, lattice positions and provenance differs)
     * @throws InterruptedException when interrupted while waiting for the worker threads
     * @throws IllegalArgumentException when the lattice atoms do not all have the same mass
     * @throws IllegalStateException when the lattice is not a minimum of the reference potential, when a
     *     kinetic trajectory finds no start below its target energy, or when a worker fails with a checked
     *     exception (runtime exceptions of the workers are rethrown as they are)
     */
    public PhaseArchive run() throws IOException, InterruptedException {
        String fp = fingerprint();
        List<CompressedCampaign> states = new ArrayList<>();
        if (checkpoint != null && Files.exists(checkpoint)) {
            PhaseArchive old = PhaseArchives.read(checkpoint);
            if (!fp.equals(old.provenance().get("campaign.fingerprint"))) {
                throw new IOException(checkpoint + ": checkpoint belongs to another campaign (different inputs or"
                        + " settings); delete it or choose another --out");
            }
            for (CompressedCampaign c : old.states()) {
                states.add(c.copy());
            }
        }
        int g = settings.isosurfaces().length;
        long perShard = (settings.samples() - 1 - shard) / shardCount + 1;
        long total = (long) settings.strains().length * g * (perShard + settings.pilotSamples());
        long[] done = {0};
        long lastCheckpoint = System.nanoTime();
        long committedThisRun = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int s = 0; s < settings.strains().length; s++) {
                Structure strained = strained(lattice, settings.strains()[s]);
                progress.update(done[0], total, "Hessian (strain " + settings.strains()[s] + ")");
                // the Hessian's columns run on the worker threads: one thread per force call
                Potential hessianPotential = threads > 1 && reference instanceof SnapPotential sp ? sp.withThreads(1) : reference;
                HarmonicReference ref = HarmonicReference.of(hessianPotential, strained, threads);
                IsosurfaceSampler sampler = new IsosurfaceSampler(ref, settings.flavor());
                // MD: one trajectory per worker thread, so a single-threaded force call
                KineticSampler kin = isKinetic() ? new KineticSampler(ref,
                        reference instanceof SnapPotential sp ? sp.withThreads(1) : reference, strained, kinetic) : null;
                if (states.size() <= s) {
                    states.add(newState(strained, ref, settings.strains()[s]));
                }
                CompressedCampaign state = states.get(s);
                for (int iso = 0; iso < g; iso++) {
                    double h = settings.isosurfaces()[iso] * settings.energyScale();
                    Map<Long, double[]> pilotReuse = new HashMap<>();
                    if (state.accumulator(iso) == null) {
                        int p = settings.pilotSamples();
                        double[][] pilot = evaluate(pool, sampler, kin, strained, s, iso, h, 0, 1, p);
                        double[][] pilotDescriptors = new double[p][];
                        for (int j = 0; j < p; j++) {
                            if (j % shardCount == shard) {
                                pilotReuse.put((long) j, pilot[j]);
                            }
                            pilotDescriptors[j] = descriptorPart(pilot[j]);
                        }
                        state.setAccumulator(iso, PilotCompression.fromPilot(settings.isosurfaces()[iso], pilotDescriptors,
                                settings.bins()));
                    }
                    done[0] += settings.pilotSamples();
                    IsosurfaceAccumulator acc = state.accumulator(iso);
                    double[] work = new double[acc.descriptorCount()];
                    long t = state.committed(iso);
                    done[0] += t;
                    progress.update(done[0], total, "isosurface " + (iso + 1) + "/" + g);
                    int wave = Math.max(32 * threads, 64);
                    while (t < perShard) {
                        int count = (int) Math.min(wave, perShard - t);
                        double[][] d = new double[count][];
                        List<Integer> missing = new ArrayList<>();
                        for (int c = 0; c < count; c++) {
                            long j = shard + (t + c) * shardCount;
                            d[c] = pilotReuse.remove(j);
                            if (d[c] == null) {
                                missing.add(c);
                            }
                        }
                        if (!missing.isEmpty()) {
                            double[][] fresh = evaluate(pool, sampler, kin, strained, s, iso, h, shard + t * shardCount,
                                    shardCount, count);
                            for (int c : missing) {
                                d[c] = fresh[c];
                            }
                        }
                        for (int c = 0; c < count; c++) {
                            double[] x = d[c];
                            acc.add(x, work);
                            if (kin != null) {
                                // the time-averaged 1/K of the sample's trajectory, per atom: N <1/K> = <1/kappa>
                                state.addInverseKinetic(iso, shard + (t + c) * shardCount, x[x.length - 1]);
                            }
                        }
                        t += count;
                        committedThisRun += count;
                        state.setCommitted(iso, t);
                        done[0] += count;
                        progress.update(done[0], total, "isosurface " + (iso + 1) + "/" + g);
                        boolean stop = committedThisRun >= stopAfterSamples;
                        if (checkpoint != null && (stop || (System.nanoTime() - lastCheckpoint) * 1e-9 > checkpointSeconds)) {
                            PhaseArchives.write(checkpoint, archive(states, fp));
                            lastCheckpoint = System.nanoTime();
                        }
                        if (stop) {
                            return archive(states, fp);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        PhaseArchive result = archive(states, fp);
        if (checkpoint != null) {
            PhaseArchives.write(checkpoint, result);
        }
        return result;
    }

    private PhaseArchive archive(List<CompressedCampaign> states, String fp) {
        TreeMap<String, String> prov = new TreeMap<>(provenance);
        prov.put("campaign.fingerprint", fp);
        prov.put("campaign.settings", settings.describe());
        prov.put("campaign.descriptor", String.valueOf(descriptor));
        prov.put("campaign.reference", String.valueOf(reference));
        prov.put("campaign.convention", "alpha_shift = 0, log_det = <ln k> - ln(2 U_0), k in eV/A^2 (stable Hessian eigenvalues)");
        if (isKinetic()) {
            prov.put("campaign.kinetic", kinetic.describe());
            prov.put("campaign.kinetic.convention", "isosurface x U_0 = total (potential + kinetic) energy per atom above"
                    + " the lattice; last descriptor component = kinetic energy per atom (eV), D_0 component 0;"
                    + " microcanonical measure: the harmonic shell entropy does not apply");
        }
        if (shardCount > 1) {
            prov.put("shard", shard + "/" + shardCount);
        }
        return new PhaseArchive(name, prov, ScoreMatchingSettings.DEFAULT, List.of(), states);
    }

    private CompressedCampaign newState(Structure strained, HarmonicReference ref, double strain) {
        int g = settings.isosurfaces().length;
        double u0 = settings.energyScale();
        double logDet = ref.logMeanStiffness() - Math.log(2 * u0);
        double[] values = settings.isosurfaces();
        double[] d0 = descriptor.meanDescriptor(strained);
        if (isKinetic()) {
            d0 = java.util.Arrays.copyOf(d0, d0.length + 1); // kinetic energy per atom of the lattice at rest: 0
        }
        return new CompressedCampaign(name, settings.flavor().label(), strained.atomCount(), strained.massOf(0),
                strained.volume(), strained.cell(), strained.positions(), d0, u0, logDet,
                0.0, strain, ref.stiffness(), values, settings.samples(), settings.bins(), shardCount,
                new int[] {shard}, new IsosurfaceAccumulator[g], new long[g], isKinetic() ? zeros(g) : null,
                isKinetic() ? new KineticTrajectorySums(kinetic.frames(), g, settings.samples()) : null);
    }

    /**
     * A sample row as stored: kinetic rows carry after the K + 1 descriptor components (the last being
     * kappa) their time-averaged 1/kappa, which is not a descriptor and is dropped here.
     */
    private double[] descriptorPart(double[] row) {
        return isKinetic() ? java.util.Arrays.copyOf(row, row.length - 1) : row;
    }

    private static java.math.BigDecimal[] zeros(int g) {
        java.math.BigDecimal[] z = new java.math.BigDecimal[g];
        java.util.Arrays.fill(z, java.math.BigDecimal.ZERO);
        return z;
    }

    /**
     * Per-thread sampling state for one strained lattice: a neighbour list of the lattice with a wide
     * skin (reused for every sample whose atoms all stay within skin / 2 of the lattice; otherwise a
     * fresh list is built for that sample, so each result depends only on its own sample) and the
     * scratch arrays. Nothing is allocated per sample except the descriptor row kept for compression.
     */
    private static final class SampleWorker {
        final Structure lattice;
        final SkinNeighborList list;
        final double[] z;
        final double[] u;
        final double[] x;
        KineticSampler.Trajectory trajectory;
        private double[] scratch;

        double[] descriptorScratch(int k) {
            if (scratch == null || scratch.length != k) {
                scratch = new double[k];
            }
            return scratch;
        }

        SampleWorker(Structure lattice, double cutoff, int modes) {
            this.lattice = lattice;
            this.list = new SkinNeighborList(lattice, cutoff, SAMPLING_SKIN);
            int n3 = 3 * lattice.atomCount();
            z = new double[modes];
            u = new double[n3];
            x = new double[n3];
        }
    }

    /** Skin of the sampling neighbour list (Å): samples with every atom within 1 Å of its site reuse it. */
    static final double SAMPLING_SKIN = 2.0;

    private final ThreadLocal<SampleWorker> workers = new ThreadLocal<>();

    private SampleWorker worker(Structure strained, IsosurfaceSampler sampler, KineticSampler kin) {
        SampleWorker w = workers.get();
        if (w == null || w.lattice != strained) {
            w = new SampleWorker(strained, descriptor.cutoff(), sampler.reference().modeCount());
            workers.set(w);
        }
        if (kin != null && (w.trajectory == null || w.trajectory.sampler() != kin)) {
            w.trajectory = kin.newTrajectory();
        }
        return w;
    }

    private boolean isKinetic() {
        return settings.flavor() == IsosurfaceFlavor.KINETIC;
    }

    /** Evaluates samples j = first + c * stride, c = 0..count-1, of isosurface iso in parallel. */
    private double[][] evaluate(ExecutorService pool, IsosurfaceSampler sampler, KineticSampler kin, Structure strained,
            int strain, int iso, double h, long first, int stride, int count) throws InterruptedException {
        int blocks = Math.min(count, threads);
        List<Future<?>> futures = new ArrayList<>();
        double[][] out = new double[count][];
        final int k = descriptor.descriptorCount();
        for (int b = 0; b < blocks; b++) {
            final int from = (int) ((long) count * b / blocks);
            final int to = (int) ((long) count * (b + 1) / blocks);
            futures.add(pool.submit(() -> {
                SampleWorker w = worker(strained, sampler, kin);
                double[] x0 = strained.positionsView();
                int n3 = x0.length;
                for (int c = from; c < to; c++) {
                    long j = first + (long) c * stride;
                    double[] d;
                    if (kin != null) {
                        // sample j = frame (j mod frames) of trajectory (j / frames)
                        int frames = kinetic.frames();
                        long trajectory = j / frames;
                        var md = w.trajectory.frame(trajectorySeed(settings.seed(), strain, iso, trajectory), h,
                                (int) (j % frames));
                        System.arraycopy(md.positionsView(), 0, w.x, 0, n3);
                        d = new double[k + 2];
                        d[k] = md.kineticEnergy() / md.atomCount();
                        d[k + 1] = md.atomCount() * w.trajectory.inverseKineticMean();
                    } else {
                        SplittableRandom rng = new SplittableRandom(sampleSeed(settings.seed(), strain, iso, j));
                        sampler.displace(h, rng, w.z, w.u);
                        for (int a = 0; a < n3; a++) {
                            w.x[a] = x0[a] + w.u[a];
                        }
                        d = new double[k];
                    }
                    Structure sample = strained.withPositions(w.x);
                    double[] dk = d.length == k ? d : w.descriptorScratch(k);
                    if (w.list.updateWithinSkin(w.x)) {
                        descriptor.meanDescriptor(sample, w.list, dk);
                    } else {
                        descriptor.meanDescriptor(sample, CellListNeighborList.build(sample, descriptor.cutoff()), dk);
                    }
                    if (dk != d) {
                        System.arraycopy(dk, 0, d, 0, k);
                    }
                    out[c] = d;
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("sampling failed: " + c, c);
            }
        }
        return out;
    }

    /** Seed of kinetic trajectory t of isosurface iso at strain s (a stream disjoint from the sample seeds). */
    static long trajectorySeed(long seed, int strain, int iso, long t) {
        return sampleSeed(seed ^ 0x6B696E6574696373L, strain, iso, t);
    }

    static long sampleSeed(long seed, int strain, int iso, long j) {
        long k = mix(seed ^ 0x5DEECE66DL);
        k = mix(k + 0x9E3779B97F4A7C15L * (strain + 1));
        k = mix(k + 0xC2B2AE3D27D4EB4FL * (iso + 1));
        return mix(k + 0x165667B19E3779F9L * (j + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the lattice scaled homogeneously to V = V_0 (1 + strain) */
    static Structure strained(Structure lattice, double strain) {
        if (strain == 0) {
            return lattice;
        }
        double f = Math.cbrt(1 + strain);
        double[][] cell = lattice.cell();
        for (double[] row : cell) {
            for (int c = 0; c < 3; c++) {
                row[c] *= f;
            }
        }
        double[] x = lattice.positions();
        for (int a = 0; a < x.length; a++) {
            x[a] *= f;
        }
        return lattice.withCell(cell).withPositions(x);
    }
}
