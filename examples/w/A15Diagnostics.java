import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ddos.descriptors.dynamics.MolecularDynamics;
import org.ddos.descriptors.hessian.HessianCalculator;
import org.ddos.descriptors.io.ReadOptions;
import org.ddos.descriptors.io.StructureFormats;
import org.ddos.descriptors.snap.SnapCoefficients;
import org.ddos.descriptors.snap.SnapParameters;
import org.ddos.descriptors.snap.SnapPotential;
import org.ddos.descriptors.structure.Structure;
import org.ddos.descriptors.units.PhysicalConstants;
import org.ddos.scorematching.sampling.HarmonicReference;
import org.ddos.scorematching.sampling.IsosurfaceFlavor;
import org.ddos.scorematching.sampling.IsosurfaceSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Diagnostics of the W A15 (and bcc) disagreement between D-DOS and TI at 2000-3000 K
 * (docs/accuracy.md section 3). Two modes, both with the W SNAP example potential:
 *
 * <pre>
 * # Langevin MD (BAOAB, 2 fs, friction 5/ps, centre of mass fixed) at fixed cell: every 0.5 ps the
 * # potential energy, the harmonic energy h = u.H.u/(2N) of the displacement from the lattice (as
 * # h/U_0 with U_0 = 1.5 k_B x 1000 K, the campaigns' isosurface value), the largest and RMS
 * # displacement, the atoms more than 1 A from their site and the atoms nearer another site;
 * # then the distribution of ln(h/U_0) after 2 ps (what D-DOS's alpha* estimates).
 * java -cp tools/target/ddos.jar examples/w/A15Diagnostics.java md W-a15.dat 3000 20 1 2
 *
 * # Shell averages: n samples on each Hessian isosurface h/U_0 (the campaigns' sampler), the true
 * # energy there, and the model-free anharmonic free energy of the harmonic-shell decomposition
 * #   Z/Z_harm = int dh h^(d/2-1) e^(-beta N h) M(h) / int dh h^(d/2-1) e^(-beta N h),
 * #   M(h) = < exp(-beta (E - E_0 - N h)) >_shell(h),   F_anh = -k_B T ln(Z/Z_harm) / (N - 1)
 * # (ln M interpolated linearly between shells; bootstrap error over the samples).
 * java -cp tools/target/ddos.jar examples/w/A15Diagnostics.java shells W-a15.dat 0.2:5.8:29 2000 1000,2000,3000 2
 * # Kinetic archive: the microcanonical inverse temperatures beta_mu(e) per isosurface, their
 * # anharmonic part b = beta_mu - (d-1)/(N e), the library's Delta(e) (piecewise linear from 0),
 * # and F(T) from the same beta_mu integrated piecewise linearly (trapezoid) from an anchor:
 * # the Hessian-archive D-DOS free energy at T0 fixes the one unknown entropy constant.
 * java -cp tools/target/ddos.jar examples/w/A15Diagnostics.java kinetic W-a15-kinetic.ddos W-a15-29.ddos 1000 1000,2000,3000
 *
 * # Relaxation of kinetic trajectories: b = beta_mu - (d-1)/(N e) from 1/K averaged over successive
 * # windows of NVE steps, over independent trajectories at total energy E_0 + N x value x 3 k_B x 1000 K,
 * # started from the harmonic microcanonical start (THERMAL = 0) or after THERMAL Langevin steps at
 * # the harmonic temperature (the library's md_thermalization_steps):
 * # relax STRUCTURE VALUE TRAJECTORIES THERMAL WINDOWS WINDOW_STEPS THREADS
 * java -cp tools/target/ddos.jar examples/w/A15Diagnostics.java relax W-a15.dat 2.8 40 0 6 250 2
 * </pre>
 * The W SNAP files and structures are read from $DDOS_SHARED_DATA/descriptordos/w (default
 * ../shared/data/descriptordos/w).
 */
public class A15Diagnostics {
    static final double KB = PhysicalConstants.BOLTZMANN_EV_PER_K;
    static final double U0 = 1.5 * KB * 1000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: A15Diagnostics md STRUCTURE T PS SEED THREADS | shells STRUCTURE MIN:MAX:COUNT SAMPLES T1,T2 THREADS"
                    + " | relax STRUCTURE VALUE TRAJECTORIES THERMAL WINDOWS WINDOW_STEPS THREADS");
            System.exit(2);
        }
        String shared = System.getenv().getOrDefault("DDOS_SHARED_DATA", "../shared");
        Path w = Path.of(shared, "data", "descriptordos", "w");
        SnapParameters p = SnapParameters.read(w.resolve("D.snapparam"));
        SnapCoefficients c = SnapCoefficients.read(w.resolve("X_W.snapcoeff"), p);
        if (args[0].equals("kinetic")) {
            kinetic(c, Path.of(args[1]), Path.of(args[2]), Double.parseDouble(args[3]), args[4]);
            return;
        }
        if (args[0].equals("profile")) {
            profile(c, Path.of(args[1]), args[2]);
            return;
        }
        Structure lattice = StructureFormats.read(w.resolve(args[1]), null, ReadOptions.withTypeElements("W"));
        if (args[0].equals("relax")) {
            relax(p, c, lattice, Double.parseDouble(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            return;
        }
        if (args[0].equals("md")) {
            md(p, c, lattice, Double.parseDouble(args[2]), Double.parseDouble(args[3]), Long.parseLong(args[4]),
                    Integer.parseInt(args[5]));
        } else {
            String[] g = args[2].split(":");
            int count = Integer.parseInt(g[2]);
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = Double.parseDouble(g[0]) + i * (Double.parseDouble(g[1]) - Double.parseDouble(g[0])) / (count - 1);
            }
            String[] ts = args[4].split(",");
            double[] temps = new double[ts.length];
            for (int i = 0; i < ts.length; i++) {
                temps[i] = Double.parseDouble(ts[i]);
            }
            shells(p, c, lattice, values, Integer.parseInt(args[3]), temps, Integer.parseInt(args[5]));
        }
    }

    /** Minimum-image displacement of every atom from its own lattice site (orthogonal cell). */
    static void displacement(double[] x, double[] x0, double[] box, double[] u) {
        for (int a = 0; a < x.length; a++) {
            double d = x[a] - x0[a];
            double l = box[a % 3];
            d -= l * Math.rint(d / l);
            u[a] = d;
        }
    }

    static double[] box(Structure s) {
        double[][] cell = s.cell();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j && cell[i][j] != 0) {
                    throw new IllegalArgumentException("orthogonal cells only");
                }
            }
        }
        return new double[] {cell[0][0], cell[1][1], cell[2][2]};
    }

    static double harmonicPerAtom(DMatrixRMaj h, double[] u, int n) {
        int n3 = u.length;
        double s = 0;
        double[] data = h.data;
        for (int a = 0; a < n3; a++) {
            double r = 0;
            for (int b = 0; b < n3; b++) {
                r += data[a * n3 + b] * u[b];
            }
            s += u[a] * r;
        }
        return s / (2 * n);
    }

    /** Atoms nearer another lattice site than their own (a hop or a collapse onto a neighbour). */
    static int offSite(double[] x, double[] x0, double[] box, int n) {
        int off = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            int site = -1;
            for (int j = 0; j < n; j++) {
                double r2 = 0;
                for (int c = 0; c < 3; c++) {
                    double d = x[3 * i + c] - x0[3 * j + c];
                    d -= box[c] * Math.rint(d / box[c]);
                    r2 += d * d;
                }
                if (r2 < best) {
                    best = r2;
                    site = j;
                }
            }
            if (site != i) {
                off++;
            }
        }
        return off;
    }

    static double minPairDistance(double[] x, double[] box, int n) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double r2 = 0;
                for (int c = 0; c < 3; c++) {
                    double d = x[3 * i + c] - x[3 * j + c];
                    d -= box[c] * Math.rint(d / box[c]);
                    r2 += d * d;
                }
                best = Math.min(best, r2);
            }
        }
        return Math.sqrt(best);
    }

    static void md(SnapParameters p, SnapCoefficients c, Structure lattice, double t, double ps, long seed, int threads) {
        SnapPotential pot = new SnapPotential(p, c, "X").withThreads(threads);
        int n = lattice.atomCount();
        double e0 = pot.energy(lattice);
        DMatrixRMaj hess = HessianCalculator.hessian(pot, lattice, HessianCalculator.DEFAULT_STEP, threads);
        double[] x0 = lattice.positions();
        double[] box = box(lattice);
        MolecularDynamics md = MolecularDynamics.of(lattice, pot, 0.002).thermostat(t, 5.0, seed).initializeVelocities(t, seed + 7);
        int block = 250;
        int blocks = (int) Math.round(ps / 0.5);
        double[] u = new double[3 * n];
        System.out.printf("# %s N=%d T=%.0f K, E0/N=%.6f eV, U0=%.5f eV; 3/2 kT (N-1)/N = %.4f eV/atom = %.3f U0%n", "MD", n, t, e0 / n,
                U0, 1.5 * KB * t * (n - 1) / n, 1.5 * KB * t * (n - 1) / n / U0);
        System.out.println("#  t(ps)  (E-E0)/N(eV)  h/U0    (E-E0)/N-h(meV)  max|u|(A)  rms u(A)  n(|u|>1A)  n(off-site)  rmin(A)");
        List<Double> alphas = new ArrayList<>();
        double sumE = 0, sumH = 0, sumA = 0;
        int samples = 0;
        long start = System.nanoTime();
        int maxOff = 0;
        double maxU = 0;
        for (int b = 1; b <= blocks; b++) {
            for (int s = 0; s < block; s++) {
                md.langevinStep();
                if (s % 25 == 24 && md.time() > 2.0) {
                    displacement(md.positionsView(), x0, box, u);
                    double h = harmonicPerAtom(hess, u, n);
                    double de = (md.potentialEnergy() - e0) / n;
                    alphas.add(Math.log(h / U0));
                    sumE += de;
                    sumH += h;
                    sumA += de - h;
                    samples++;
                }
            }
            double[] x = md.positionsView();
            displacement(x, x0, box, u);
            double h = harmonicPerAtom(hess, u, n);
            double max = 0, ms = 0;
            int far = 0;
            for (int i = 0; i < n; i++) {
                double r2 = u[3 * i] * u[3 * i] + u[3 * i + 1] * u[3 * i + 1] + u[3 * i + 2] * u[3 * i + 2];
                max = Math.max(max, Math.sqrt(r2));
                ms += r2;
                if (r2 > 1) {
                    far++;
                }
            }
            int off = offSite(x, x0, box, n);
            maxOff = Math.max(maxOff, off);
            maxU = Math.max(maxU, max);
            double de = (md.potentialEnergy() - e0) / n;
            System.out.printf("%7.2f  %12.5f  %6.3f  %15.2f  %9.3f  %8.3f  %9d  %11d  %7.3f%n", md.time(), de, h / U0, 1e3 * (de - h), max,
                    Math.sqrt(ms / n), far, off, minPairDistance(x, box, n));
        }
        double mean = 0;
        for (double a : alphas) {
            mean += a;
        }
        mean /= alphas.size();
        double var = 0;
        for (double a : alphas) {
            var += (a - mean) * (a - mean);
        }
        var /= alphas.size() - 1;
        double[] sorted = alphas.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("# after 2 ps (%d frames every 50 fs): <(E-E0)/N> = %.5f eV, <h> = %.5f eV = %.3f U0, <(E-E0)/N - h> = %.2f meV%n",
                samples, sumE / samples, sumH / samples, sumH / samples / U0, 1e3 * sumA / samples);
        System.out.printf("# ln(h/U0): mean %.3f, sd %.3f, 5/25/50/75/95%%: %.3f %.3f %.3f %.3f %.3f; max |u| %.3f A, max off-site %d%n", mean,
                Math.sqrt(var), q(sorted, 0.05), q(sorted, 0.25), q(sorted, 0.5), q(sorted, 0.75), q(sorted, 0.95), maxU, maxOff);
        System.out.printf("# %d steps in %.1f s%n", md.stepCount(), (System.nanoTime() - start) * 1e-9);
    }

    static double q(double[] s, double f) {
        return s[(int) Math.min(s.length - 1, Math.round(f * (s.length - 1)))];
    }

    static void shells(SnapParameters p, SnapCoefficients c, Structure lattice, double[] values, int samples, double[] temps, int threads)
            throws Exception {
        int n = lattice.atomCount();
        SnapPotential pot0 = new SnapPotential(p, c, "X").withThreads(threads);
        double e0 = pot0.energy(lattice);
        HarmonicReference ref = HarmonicReference.of(pot0, lattice, threads);
        IsosurfaceSampler sampler = new IsosurfaceSampler(ref, IsosurfaceFlavor.HESSIAN);
        int d = ref.modeCount();
        double[] x0 = lattice.positions();
        double[] box = box(lattice);
        int gCount = values.length;
        // r[g][j] = (E - E0)/N - h  (eV/atom)
        double[][] r = new double[gCount][samples];
        double[][] rmin = new double[gCount][samples];
        int[][] off = new int[gCount][samples];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int worker = 0; worker < threads; worker++) {
            final int wk = worker;
            jobs.add(pool.submit(() -> {
                SnapPotential pot = new SnapPotential(p, c, "X").withThreads(1);
                double[] z = new double[d];
                double[] u = new double[3 * n];
                double[] x = new double[3 * n];
                for (int g = 0; g < gCount; g++) {
                    double h = values[g] * U0;
                    for (int j = wk; j < samples; j += threads) {
                        SplittableRandom rng = new SplittableRandom(1_000_003L * g + j + 17);
                        sampler.displace(h, rng, z, u);
                        for (int a = 0; a < 3 * n; a++) {
                            x[a] = x0[a] + u[a];
                        }
                        double e = pot.energy(lattice.withPositions(x));
                        r[g][j] = (e - e0) / n - h;
                        rmin[g][j] = minPairDistance(x, box, n);
                        off[g][j] = offSite(x, x0, box, n);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("# N=%d, d=%d, E0/N=%.6f eV, U0=%.5f eV, %d samples x %d shells in %.1f s%n", n, d, e0 / n, U0, samples, gCount,
                (System.nanoTime() - start) * 1e-9);
        System.out.print("#  h/U0  alpha   <dE/N-h>(meV)  sd(meV)  min(meV)  max(meV)  skew   <rmin>(A) min rmin  frac off-site");
        for (double t : temps) {
            System.out.printf("  lnM(%.0fK)", t);
        }
        System.out.println();
        for (int g = 0; g < gCount; g++) {
            double m = 0, mn = Double.MAX_VALUE, mx = -Double.MAX_VALUE, rm = 0, rmn = Double.MAX_VALUE;
            int offs = 0;
            for (int j = 0; j < samples; j++) {
                m += r[g][j];
                mn = Math.min(mn, r[g][j]);
                mx = Math.max(mx, r[g][j]);
                rm += rmin[g][j];
                rmn = Math.min(rmn, rmin[g][j]);
                if (off[g][j] > 0) {
                    offs++;
                }
            }
            m /= samples;
            double v = 0;
            for (int j = 0; j < samples; j++) {
                v += (r[g][j] - m) * (r[g][j] - m);
            }
            v /= samples - 1;
            double m3 = 0;
            for (int j = 0; j < samples; j++) {
                m3 += Math.pow(r[g][j] - m, 3);
            }
            double skew = m3 / samples / Math.pow(v, 1.5);
            System.out.printf("%6.3f  %6.3f  %13.3f  %7.3f  %8.3f  %8.3f  %6.3f  %9.3f  %8.3f  %12.4f", values[g], Math.log(values[g]), 1e3 * m,
                    1e3 * Math.sqrt(v), 1e3 * mn, 1e3 * mx, skew, rm / samples, rmn, (double) offs / samples);
            for (double t : temps) {
                System.out.printf("  %10.4f", logMeanExp(r[g], null, -n / (KB * t)));
            }
            System.out.println();
        }
        System.out.println("#  T(K)   F_anh shell integral (meV/atom)  bootstrap sd  weight outside grid  <h/U0> and mode of the tilted shell weight");
        SplittableRandom boot = new SplittableRandom(99);
        int reps = 200;
        for (double t : temps) {
            double est = anharmonic(r, null, values, t, n, d);
            double s = 0, s2 = 0;
            int[][] idx = new int[gCount][samples];
            for (int k = 0; k < reps; k++) {
                for (int g = 0; g < gCount; g++) {
                    for (int j = 0; j < samples; j++) {
                        idx[g][j] = boot.nextInt(samples);
                    }
                }
                double b = anharmonic(r, idx, values, t, n, d);
                s += b;
                s2 += b * b;
            }
            double sd = Math.sqrt(Math.max(0, s2 / reps - (s / reps) * (s / reps)));
            double[] shape = weightShape(r, values, t, n, d);
            System.out.printf("%7.0f  %14.3f  %12.3f  %12.2e  %8.3f  %8.3f (alpha %.3f)%n", t, 1e3 * est, 1e3 * sd, shape[0], shape[1],
                    shape[2], Math.log(shape[2]));
        }
    }

    static double logMeanExp(double[] r, int[] idx, double scale) {
        double mx = -Double.MAX_VALUE;
        int m = r.length;
        for (int j = 0; j < m; j++) {
            mx = Math.max(mx, scale * r[idx == null ? j : idx[j]]);
        }
        double s = 0;
        for (int j = 0; j < m; j++) {
            s += Math.exp(scale * r[idx == null ? j : idx[j]] - mx);
        }
        return mx + Math.log(s / m);
    }

    /** ln of the harmonic shell weight times M on a fine grid of h; returns {grid h, ln weight, ln weight * M}. */
    static double[][] lnWeights(double[][] r, int[][] idx, double[] values, double t, int n, int d) {
        double beta = 1 / (KB * t);
        int gCount = values.length;
        double[] lnM = new double[gCount];
        for (int g = 0; g < gCount; g++) {
            lnM[g] = logMeanExp(r[g], idx == null ? null : idx[g], -beta * n);
        }
        // grid in h/U0 from 0 to well above the harmonic peak
        double top = Math.max(values[gCount - 1], 4 * t / 1000.0 + 2);
        int m = 20000;
        double[][] out = new double[3][m];
        for (int i = 0; i < m; i++) {
            double v = (i + 0.5) * top / m;
            double h = v * U0;
            double lw = (d / 2.0 - 1) * Math.log(h) - beta * n * h;
            double lm;
            if (v <= values[0]) {
                lm = lnM[0] * v / values[0]; // M(0) = 1
            } else if (v >= values[gCount - 1]) {
                lm = lnM[gCount - 1];
            } else {
                int g = 0;
                while (values[g + 1] < v) {
                    g++;
                }
                double f = (v - values[g]) / (values[g + 1] - values[g]);
                lm = lnM[g] + f * (lnM[g + 1] - lnM[g]);
            }
            out[0][i] = v;
            out[1][i] = lw;
            out[2][i] = lw + lm;
        }
        return out;
    }

    static double anharmonic(double[][] r, int[][] idx, double[] values, double t, int n, int d) {
        double[][] w = lnWeights(r, idx, values, t, n, d);
        double lz = logSumExp(w[2]) - logSumExp(w[1]);
        return -KB * t * lz / (n - 1);
    }

    /** {weight of the tilted distribution outside [min, max] of the grid, mean h/U0, mode h/U0}. */
    static double[] weightShape(double[][] r, double[] values, double t, int n, int d) {
        double[][] w = lnWeights(r, null, values, t, n, d);
        double ls = logSumExp(w[2]);
        double outside = 0, mean = 0, best = -Double.MAX_VALUE, mode = 0;
        for (int i = 0; i < w[0].length; i++) {
            double pr = Math.exp(w[2][i] - ls);
            if (w[0][i] < values[0] || w[0][i] > values[values.length - 1]) {
                outside += pr;
            }
            mean += pr * w[0][i];
            if (w[2][i] > best) {
                best = w[2][i];
                mode = w[0][i];
            }
        }
        return new double[] {outside, mean, mode};
    }

    /**
     * Per-isosurface profile of an archive at each T: the D-DOS value beta F_g (sum over modes of the
     * Legendre transform; descriptor part only), the harmonic value beta h_g it would have for a
     * harmonic crystal, the smoothed total beta F(alpha_g) = q(alpha_g) + c0 - 3/2 alpha_g, and the
     * score, second- and fourth-order cumulant free energies.
     */
    static void profile(SnapCoefficients c, Path archivePath, String temps) throws Exception {
        org.ddos.scorematching.archive.PhaseArchive archive = org.ddos.scorematching.archive.PhaseArchives.read(archivePath);
        org.ddos.scorematching.score.PhaseEntropy entropy = archive.entropy(0);
        org.ddos.thermo.freeenergy.PhaseFreeEnergy phase = new org.ddos.thermo.freeenergy.PhaseFreeEnergy(entropy);
        org.ddos.thermo.freeenergy.CumulantFreeEnergy cumulant = new org.ddos.thermo.freeenergy.CumulantFreeEnergy(entropy);
        org.ddos.thermo.freeenergy.ConcaveConjugate conj = new org.ddos.thermo.freeenergy.ConcaveConjugate(entropy);
        org.ddos.thermo.freeenergy.IsosurfacePolynomial poly = new org.ddos.thermo.freeenergy.IsosurfacePolynomial(entropy.alphas(),
                org.ddos.thermo.freeenergy.PhaseFreeEnergy.ALPHA_POLYNOMIAL_DEGREE);
        double[] theta = c.linear(0);
        int gCount = entropy.isosurfaceCount();
        int k = entropy.descriptorCount();
        double[] rotated = new double[gCount * k];
        for (int g = 0; g < gCount; g++) {
            double[] r = entropy.rotation(g);
            for (int kk = 0; kk < k; kk++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += r[j * k + kk] * theta[j];
                }
                rotated[g * k + kk] = s;
            }
        }
        double[] alphas = entropy.alphas();
        int n = entropy.campaign().atomCount();
        double u0 = entropy.campaign().energyScale();
        for (String ts : temps.split(",")) {
            double t = Double.parseDouble(ts);
            double beta = 1 / (KB * t);
            int[] vertex = new int[gCount * k];
            conj.argminAll(rotated, beta, vertex, false);
            double[] values = new double[gCount];
            double[] bands = new double[gCount];
            for (int g = 0; g < gCount; g++) {
                for (int kk = 0; kk < k; kk++) {
                    int v = vertex[g * k + kk];
                    values[g] += beta * rotated[g * k + kk] * conj.y(v) - conj.entropy(v);
                    bands[g] += conj.band(v);
                }
            }
            double[] coeff = new double[poly.coefficientCount()];
            poly.fit(values, coeff);
            double c0 = org.ddos.thermo.freeenergy.HarmonicShell.shellConstant(t, entropy.campaign().mass(),
                    entropy.campaign().logMeanEigenvalue());
            org.ddos.thermo.freeenergy.FreeEnergyResult score = phase.evaluate(theta, t);
            org.ddos.thermo.freeenergy.FreeEnergyResult c2 = cumulant.evaluate(theta, t, false);
            org.ddos.thermo.freeenergy.FreeEnergyResult c4 = cumulant.evaluate(theta, t, true);
            System.out.printf("# T=%.0f K, N=%d, U0=%.5f: F score %.6f +- %.2f meV (alpha* %.3f%s), cumulant-2 %.6f +- %.2f (alpha* %.3f), "
                    + "cumulant-4 %.6f +- %.2f (alpha* %.3f)%n", t, n, u0, score.freeEnergy(), 1e3 * score.uncertainty(), score.alphaStar(),
                    score.unsolved() ? " UNSOLVED" : "", c2.freeEnergy(), 1e3 * c2.uncertainty(), c2.alphaStar(), c4.freeEnergy(),
                    1e3 * c4.uncertainty(), c4.alphaStar());
            System.out.println("#   h/U0   alpha   betaF_g   beta*h_g  betaF_g-beta*h_g  band   smoothed-betaF_g   total beta(F-E0)(alpha_g)");
            for (int g = 0; g < gCount; g++) {
                double bh = beta * Math.exp(alphas[g]) * u0;
                double sm = poly.value(coeff, 0, 0, alphas[g]);
                System.out.printf("%7.3f  %6.3f  %8.4f  %8.4f  %10.4f  %8.4f  %10.4f  %10.4f%n", Math.exp(alphas[g]), alphas[g], values[g], bh,
                        values[g] - bh, bands[g], sm, sm + c0 - 1.5 * alphas[g]);
            }
        }
    }

    static void kinetic(SnapCoefficients c, Path kineticPath, Path hessianPath, double t0, String temps) throws Exception {
        org.ddos.scorematching.campaign.PhaseCampaign kc = org.ddos.scorematching.archive.PhaseArchives.read(kineticPath).entropy(0).campaign();
        org.ddos.scorematching.score.PhaseEntropy he = org.ddos.scorematching.archive.PhaseArchives.read(hessianPath).entropy(0);
        org.ddos.thermo.freeenergy.PhaseFreeEnergy hessian = new org.ddos.thermo.freeenergy.PhaseFreeEnergy(he);
        org.ddos.thermo.freeenergy.PhaseFreeEnergy kineticPhase = new org.ddos.thermo.freeenergy.PhaseFreeEnergy(
                org.ddos.scorematching.archive.PhaseArchives.read(kineticPath).entropy(0));
        double[] theta = c.linear(0);
        int n = kc.atomCount();
        int d = 3 * n - 3;
        double lnK = he.campaign().logMeanEigenvalue() + Math.log(2 * he.campaign().energyScale());
        double mass = he.campaign().mass();
        double[] beta = kc.microcanonicalBeta();
        double[] libDelta = org.ddos.thermo.freeenergy.KineticShell.anharmonicCorrection(kc);
        int g = beta.length;
        double[] e = new double[g];
        double[] b = new double[g];
        System.out.println("# kinetic isosurfaces: value, e (eV/atom), T_mu (K), b = beta_mu - (d-1)/(N e) (1/eV), library Delta (k_B/atom)");
        for (int i = 0; i < g; i++) {
            e[i] = kc.isosurfaces().get(i).isosurface() * kc.energyScale();
            b[i] = beta[i] - (d - 1) / (n * e[i]);
            System.out.printf("%5.2f  %8.5f  %8.1f  %9.4f  %9.4f%n", kc.isosurfaces().get(i).isosurface(), e[i], 1 / (KB * beta[i]), b[i],
                    libDelta[i]);
        }
        // Delta(e) - Delta(e_0): trapezoid of the piecewise-linear b on a fine grid over [e_0, e_{G-1}]
        int m = 20000;
        double[] grid = new double[m + 1];
        double[] delta = new double[m + 1];
        for (int j = 0; j <= m; j++) {
            grid[j] = e[0] + j * (e[g - 1] - e[0]) / m;
        }
        for (int j = 1; j <= m; j++) {
            delta[j] = delta[j - 1] + 0.5 * (interp(e, b, grid[j - 1]) + interp(e, b, grid[j])) * (grid[j] - grid[j - 1]);
        }
        // x(T) = min_e [beta e - (d-1)/N ln e - Delta(e)] - (the same without Delta): beta F_anh up to the constant
        double anchorVib = hessian.evaluate(theta, t0).vibrationalFreeEnergy();
        double anchorSigma = hessian.evaluate(theta, t0).uncertainty();
        double anchor = anchorVib - harmonicVib(t0, mass, lnK);
        double x0 = anharmonicX(grid, delta, t0, n, d);
        double constant = x0 - anchor / (KB * t0);
        System.out.printf("# anchor: Hessian-archive D-DOS at %.0f K: F - E0 = %.6f +- %.2f meV, harmonic %.6f, F_anh = %.3f meV%n", t0, anchorVib,
                1e3 * anchorSigma, harmonicVib(t0, mass, lnK), 1e3 * anchor);
        System.out.println("#  T(K)  F-E0 anchored trapezoid (eV/atom)  +- anchor (meV)  F_anh (meV)  | library kinetic F-E0  F_anh (meV)  e* grid (eV)");
        for (String ts : temps.split(",")) {
            double t = Double.parseDouble(ts);
            double x = anharmonicX(grid, delta, t, n, d);
            double fAnh = KB * t * (x - constant);
            double harm = harmonicVib(t, mass, lnK);
            org.ddos.thermo.freeenergy.FreeEnergyResult lib = kineticPhase.evaluate(theta, t);
            System.out.printf("%6.0f  %14.6f  %10.2f  %10.3f  | %14.6f  %10.3f  %s%n", t, harm + fAnh, 1e3 * anchorSigma * t / t0, 1e3 * fAnh,
                    lib.vibrationalFreeEnergy(), 1e3 * (lib.vibrationalFreeEnergy() - harm), edge(grid, delta, t, n, d));
        }
    }

    static void relax(SnapParameters p, SnapCoefficients c, Structure lattice, double value, int trajectories, int thermal,
            int windows, int window, int threads) throws Exception {
        org.ddos.scorematching.sampling.HarmonicReference ref = org.ddos.scorematching.sampling.HarmonicReference.of(
                new SnapPotential(p, c, "X").withThreads(threads), lattice, threads);
        int n = lattice.atomCount();
        int d = 3 * n - 3;
        double e = value * 3 * KB * 1000;
        org.ddos.scorematching.sampling.KineticSettings settings = new org.ddos.scorematching.sampling.KineticSettings(0.002, 0,
                window, 1, thermal);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<double[]>> futures = new ArrayList<>();
        for (int t = 0; t < trajectories; t++) {
            final long seed = 5000 + t;
            futures.add(pool.submit(() -> {
                org.ddos.scorematching.sampling.KineticSampler.Trajectory tr = new org.ddos.scorematching.sampling.KineticSampler(
                        ref, new SnapPotential(p, c, "X").withThreads(1), lattice, settings).newTrajectory();
                double[] out = new double[windows];
                for (int wi = 0; wi < windows; wi++) {
                    tr.frame(seed, e, wi + 1); // window wi: the frameInterval steps before frame wi + 1
                    out[wi] = tr.inverseKineticMean();
                }
                return out;
            }));
        }
        double[][] m = new double[trajectories][];
        for (int t = 0; t < trajectories; t++) {
            m[t] = futures.get(t).get();
        }
        pool.shutdown();
        double harmonic = (d - 1) / (n * e);
        System.out.printf("# e = %.4f eV/atom, %d trajectories, %d Langevin steps first; b (1/eV) +- standard error per window of %d steps%n",
                e, trajectories, thermal, window);
        for (int wi = 0; wi < windows; wi++) {
            double mean = 0;
            for (double[] r : m) {
                mean += r[wi] / trajectories;
            }
            double var = 0;
            for (double[] r : m) {
                var += (r[wi] - mean) * (r[wi] - mean) / (trajectories - 1);
            }
            System.out.printf("%6.2f ps  %8.4f  %7.4f%n", (wi + 1) * window * 0.002, (d / 2.0 - 1) * mean - harmonic,
                    (d / 2.0 - 1) * Math.sqrt(var / trajectories));
        }
    }

    static String edge(double[] grid, double[] delta, double t, int n, int d) {
        double beta = 1 / (KB * t);
        double best = Double.MAX_VALUE;
        int at = 0;
        for (int j = 0; j < grid.length; j++) {
            double v = beta * grid[j] - (d - 1.0) / n * Math.log(grid[j]) - delta[j];
            if (v < best) {
                best = v;
                at = j;
            }
        }
        return String.format("%.4f%s", grid[at], at == 0 || at == grid.length - 1 ? " EDGE" : "");
    }

    static double anharmonicX(double[] grid, double[] delta, double t, int n, int d) {
        double beta = 1 / (KB * t);
        double best = Double.MAX_VALUE;
        for (int j = 0; j < grid.length; j++) {
            best = Math.min(best, beta * grid[j] - (d - 1.0) / n * Math.log(grid[j]) - delta[j]);
        }
        // harmonic: minimum at e = (d-1) kT / N
        double eh = (d - 1.0) * KB * t / n;
        double harmonic = beta * eh - (d - 1.0) / n * Math.log(eh);
        return best - harmonic;
    }

    static double interp(double[] x, double[] y, double v) {
        int i = 0;
        while (i < x.length - 2 && x[i + 1] < v) {
            i++;
        }
        return y[i] + (y[i + 1] - y[i]) * (v - x[i]) / (x[i + 1] - x[i]);
    }

    /** Classical harmonic F - E0 per atom: 3/2 k_B T [ln(hbar^2 / (m (k_B T)^2)) + &lt;ln k&gt;]. */
    static double harmonicVib(double t, double mass, double lnK) {
        double kt = KB * t;
        return 1.5 * kt * (Math.log(org.ddos.thermo.freeenergy.HarmonicShell.hbarSquaredOverMass(mass) / (kt * kt)) + lnK);
    }

    static double logSumExp(double[] a) {
        double mx = -Double.MAX_VALUE;
        for (double v : a) {
            mx = Math.max(mx, v);
        }
        double s = 0;
        for (double v : a) {
            s += Math.exp(v - mx);
        }
        return mx + Math.log(s);
    }
}
