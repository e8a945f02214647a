package org.ddos.descriptors.snap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ddos.descriptors.io.SharedDataDirectory;
import org.ddos.descriptors.structure.Structure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SNAP descriptors and energy+forces of bcc W (a = 3.1856 Å, the W-bcc.dat lattice, atoms displaced
 * by 0.05 Å rms so no symmetry shortcut applies), rcutfac 4.7 (26 neighbours), with the
 * D.snapparam settings and X_W.snapcoeff coefficients for 2J_max = 8 (made-up coefficients of the
 * right count for other 2J_max; the cost does not depend on their values). Neighbour-list
 * construction is included, as in a LAMMPS {@code run 0}.
 *
 * <p>Run, from the repository root:
 * <pre>
 * mvn -B -ntp -q -Pjmh -pl descriptors test-compile
 * mvn -B -ntp -q -Pjmh -pl descriptors dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat cp.txt):descriptors/target/test-classes:descriptors/target/classes" org.openjdk.jmh.Main SnapBenchmark \
 *      -p atoms=128 -p twojmax=8 -p threads=1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapBenchmark {
    /** 128 (4x4x4 cubic cells), 1024 (8x8x8) or 8192 (16x16x16) atoms. */
    @Param({"128"})
    public int atoms;

    @Param({"8"})
    public int twojmax;

    @Param({"1"})
    public int threads;

    private Structure structure;
    private SnapDescriptors descriptors;
    private SnapPotential potential;
    private double[] forces;
    private double[] virial;

    @Setup
    public void setup() throws Exception {
        int n = (int) Math.round(Math.cbrt(atoms / 2.0));
        if (2 * n * n * n != atoms) {
            throw new IllegalArgumentException("atoms must be 2 n^3, got " + atoms);
        }
        structure = bcc(n, 3.1856343060058365, 0.05, 42);
        SnapParameters p = new SnapParameters(4.7, 0.99363, twojmax, 0.0, true, true, false, false, false);
        SnapCoefficients c;
        Optional<Path> file = SharedDataDirectory.dataFile("descriptordos/w/X_W.snapcoeff");
        if (twojmax == 8 && file.isPresent()) {
            c = SnapCoefficients.read(file.get(), p);
        } else {
            Random rnd = new Random(1);
            double[][] v = new double[1][p.coefficientCount()];
            for (int k = 0; k < v[0].length; k++) {
                v[0][k] = 0.05 * rnd.nextGaussian();
            }
            c = new SnapCoefficients(List.of(), new String[] {"X"}, new double[] {0.5}, new double[] {1.0}, v, false);
        }
        potential = new SnapPotential(p, c, "X").withThreads(threads);
        descriptors = potential.descriptors();
        forces = new double[3 * atoms];
        virial = new double[6];
    }

    static Structure bcc(int n, double a, double rms, long seed) {
        Random rnd = new Random(seed);
        int count = 2 * n * n * n;
        double[] x = new double[3 * count];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int b = 0; b < 2; b++) {
                        x[3 * p] = (i + 0.5 * b) * a + rms * rnd.nextGaussian();
                        x[3 * p + 1] = (j + 0.5 * b) * a + rms * rnd.nextGaussian();
                        x[3 * p + 2] = (k + 0.5 * b) * a + rms * rnd.nextGaussian();
                        p++;
                    }
                }
            }
        }
        double l = n * a;
        return new Structure(new double[][] {{l, 0, 0}, {0, l, 0}, {0, 0, l}}, x, new int[count], new String[] {"W"},
                new double[] {183.84});
    }

    /** Per-atom bispectrum components (compute sna/atom). */
    @Benchmark
    public double[] descriptors() {
        return descriptors.perAtom(structure);
    }

    /** Energy, forces and virial (pair_style snap, one step). */
    @Benchmark
    public double energyForces() {
        return potential.compute(structure, forces, virial);
    }
}
