package org.ddos.calibration.alloy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Generates a mixing dataset ({@link DatasetDesign}): plans the samples deterministically, runs
 * the pure-metal simulations, then the alloy points on a thread pool, appending each finished row
 * to the CSV ({@link MixingDataset}) with a flush. Re-running with the same design and file skips
 * the rows already present, so an interrupted generation resumes where it stopped; the rows do
 * not depend on the number of threads (each sample has its own seed).
 */
public final class DatasetGenerator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress callbacks (called from worker threads, one at a time). */
    public interface Listener {
        /** @param message a stage starts (planning, pure runs, alloy runs) */
        default void stage(String message) {
        }

        /**
         * A sample was simulated and written.
         *
         * @param sample the sample with its result
         * @param done samples completed so far by this call
         * @param total samples this call simulates
         */
        default void completed(MixingSample sample, int done, int total) {
        }
    }

    /**
     * What a generation did.
     *
     * @param samples samples in the design
     * @param skipped samples already present in the file
     * @param simulated samples simulated by this call
     * @param candidates Sobol candidates screened to plan the samples
     * @param wallSeconds elapsed time of this call
     * @param cpuSeconds CPU time of the alloy runs of this call (sum over threads)
     */
    public record Summary(int samples, int skipped, int simulated, int candidates, double wallSeconds, double cpuSeconds) {
    }

    private DatasetGenerator() {
    }

    /**
     * The planned samples (no simulation): Sobol candidates screened in order until
     * {@code samples} are kept.
     *
     * @param design the design (box, compositions, temperatures, screening window, seed)
     * @param simulator a simulator of the design's binary (computes the screening energies)
     * @param samples number of samples to plan (&gt;= 1)
     * @return the plan, index 0..samples-1, and the number of candidates screened
     * @throws IllegalArgumentException when samples &lt; 1
     * @throws IllegalStateException when 10000 candidates in a row are rejected by the screening window
     */
    public static Plan plan(DatasetDesign design, MixingSimulator simulator, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("number of samples must be positive, got " + samples);
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(6);
        sobol.nextVector(); // the all-zero point
        double[] temps = design.temperatures();
        List<MixingSample> out = new ArrayList<>();
        int candidates = 0;
        int sinceLast = 0;
        while (out.size() < samples) {
            double[] u = sobol.nextVector();
            candidates++;
            HeteronuclearParameters h = design.box().at(new double[] {u[0], u[1], u[2], u[3]});
            double screen = simulator.vegardMixingEnergy(h, 0.5);
            if (screen < design.screenLow() || screen > design.screenHigh()) {
                if (++sinceLast > 200 * 50) {
                    throw new IllegalStateException("screening window [" + design.screenLow() + ", " + design.screenHigh()
                            + "] meV/atom rejected 10000 candidates in a row: widen it or change the box");
                }
                continue;
            }
            sinceLast = 0;
            double x = design.xMin() + u[4] * (design.xMax() - design.xMin());
            double t = temps[Math.min(temps.length - 1, (int) (u[5] * temps.length))];
            int index = out.size();
            long seed = design.seed() * 1_000_003L + index;
            out.add(new MixingSample(index, h, x, t, seed, screen, null, Double.NaN, Double.NaN));
        }
        return new Plan(out, candidates);
    }

    /**
     * The planned samples and how many candidates were screened for them.
     *
     * @param samples planned samples in index order
     * @param candidates candidates screened
     */
    public record Plan(List<MixingSample> samples, int candidates) {
    }

    /**
     * Generates (or completes) a dataset.
     *
     * @param design the design; written to {@code csv + ".design.json"} or checked against it
     * @param samples number of samples wanted in the file
     * @param threads worker threads (at least 1)
     * @param csv the dataset file (created or appended to)
     * @param listener progress callbacks
     * @return the summary
     * @throws IllegalArgumentException when the file belongs to a different design
     * @throws IOException on write errors
     * @throws InterruptedException when the calling thread is interrupted while waiting for the workers
     */
    public static Summary generate(DatasetDesign design, int samples, int threads, Path csv, Listener listener)
            throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        long t0 = System.nanoTime();
        checkOrWriteDesign(design, csv);
        Set<Integer> present = new HashSet<>();
        if (Files.exists(csv)) {
            for (MixingSample s : MixingDataset.read(csv)) {
                present.add(s.index());
            }
        }
        MixingSimulator sim = new MixingSimulator(design.binary(), design.settings());
        listener.stage("planning " + samples + " samples (screening Sobol candidates)");
        Plan plan = plan(design, sim, samples);
        List<MixingSample> todo = new ArrayList<>();
        for (MixingSample s : plan.samples()) {
            if (!present.contains(s.index())) {
                todo.add(s);
            }
        }
        int skipped = samples - todo.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "mixing-dataset");
            th.setDaemon(true);
            return th;
        });
        double[] cpu = new double[1];
        try {
            if (!todo.isEmpty()) {
                listener.stage("pure " + design.binary().elementA() + " and " + design.binary().elementB() + " at "
                        + design.temperatures().length + " temperatures");
                List<Future<?>> pure = new ArrayList<>();
                for (double t : design.temperatures()) {
                    for (int s = 0; s < 2; s++) {
                        int species = s;
                        pure.add(pool.submit(() -> sim.pure(species, t)));
                    }
                }
                waitAll(pure);
                listener.stage("alloy runs: " + todo.size() + " to do, " + skipped + " already in " + csv.getFileName());
            }
            AtomicInteger done = new AtomicInteger(skipped);
            try (BufferedWriter w = MixingDataset.openForAppend(csv)) {
                List<Future<?>> jobs = new ArrayList<>();
                for (MixingSample planned : todo) {
                    jobs.add(pool.submit(() -> {
                        MixingResult r = sim.simulate(planned.parameters(), planned.requestedX(), planned.temperature(), planned.seed());
                        MixingSample s = new MixingSample(planned.index(), planned.parameters(), planned.requestedX(),
                                planned.temperature(), planned.seed(), planned.screening(), r,
                                sim.pure(0, planned.temperature()).latticeParameter(),
                                sim.pure(1, planned.temperature()).latticeParameter());
                        synchronized (w) {
                            w.write(MixingDataset.format(s));
                            w.write('\n');
                            w.flush();
                            cpu[0] += r.cpuSeconds();
                            listener.completed(s, done.incrementAndGet(), samples);
                        }
                        return null;
                    }));
                }
                waitAll(jobs);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(samples, skipped, todo.size(), plan.candidates(), (System.nanoTime() - t0) * 1e-9, cpu[0]);
    }

    private static void waitAll(List<Future<?>> futures) throws InterruptedException, IOException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                for (Future<?> g : futures) {
                    g.cancel(true);
                }
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    /**
     * @param csv the dataset file
     * @return the design file beside a dataset ({@code csv + ".design.json"})
     */
    public static Path designFile(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".design.json");
    }

    /**
     * Reads the design saved beside a dataset.
     *
     * @param csv the dataset file
     * @return the design read from {@link #designFile}
     * @throws IllegalArgumentException when there is no design file
     * @throws IOException when the design file cannot be read or parsed
     */
    public static DatasetDesign readDesign(Path csv) throws IOException {
        Path f = designFile(csv);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("no design file " + f + " beside the dataset " + csv);
        }
        return JSON.readValue(f.toFile(), DatasetDesign.class);
    }

    private static void checkOrWriteDesign(DatasetDesign design, Path csv) throws IOException {
        Path f = designFile(csv);
        String mine = JSON.writeValueAsString(design);
        if (Files.exists(f)) {
            String theirs = JSON.writeValueAsString(JSON.readValue(f.toFile(), DatasetDesign.class));
            if (!mine.equals(theirs)) {
                throw new IllegalArgumentException(csv + " was generated with another design (" + f.getFileName()
                        + "): system, box, compositions, temperatures, screening, seed and run lengths must match to resume;"
                        + " write to a new file instead");
            }
        } else {
            if (Files.exists(csv) && Files.size(csv) > 0) {
                throw new IllegalArgumentException(csv + " exists without its design file " + f.getFileName() + ": refusing to append");
            }
            if (csv.toAbsolutePath().getParent() != null) {
                Files.createDirectories(csv.toAbsolutePath().getParent());
            }
            JSON.writeValue(f.toFile(), design);
        }
    }
}
