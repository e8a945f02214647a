package org.ddos.descriptors.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ddos.descriptors.neighbors.SkinNeighborList;
import org.ddos.descriptors.potential.Potential;
import org.ddos.descriptors.structure.Structure;
import org.ejml.data.DMatrixRMaj;

/**
 * The Hessian H[a][b] = d^2 E / dx_a dx_b (3N x 3N, eV/Å^2, index a = 3 i + xyz) of any
 * {@link Potential} by central differences of its analytic forces:
 * H[a][.] = (F(x - h e_a) - F(x + h e_a)) / (2 h), then symmetrised, (H + H^T) / 2.
 *
 * <p>Step: the default h = 1e-5 Å, chosen from measurements on fcc Cu (TB-SMA, 32 atoms, force
 * constants up to 6.7 eV/Å^2; maximum error against h = 1e-6 Å):
 * <pre>
 *   h (Å)                         1e-3     1e-4     1e-5     3e-6
 *   smooth pairs (tail 3.9-4.8 Å) 1.3e-5   1.3e-7   1.9e-9   1.6e-9  eV/Å^2  (O(h^2), then rounding)
 *   2nd shell on the tail knot    3.4e-3   3.3e-4   3.0e-5   6.7e-6  eV/Å^2  (O(h))
 * </pre>
 * The second row is the LAMMPS smatb convention (tail starting at r0 sqrt 2, exactly the fcc
 * second-neighbour distance): the energy is only C2 there, so central differences straddling the
 * knot converge linearly. h = 1e-3 Å (the usual phonopy displacement) would cost 5e-4 relative
 * accuracy in that case; h = 1e-5 Å keeps both cases below 5e-6 relative while the rounding
 * error (about 1e-16 x sum of |pair forces| / h) stays near 1e-9 eV/Å^2.
 *
 * <p>Columns are computed on {@code threads} worker threads: the potential's
 * {@link Potential#compute} must then be safe to call concurrently (the library's potentials are).
 */
public final class HessianCalculator {
    /** Default finite-difference step in Å (see the class comment). */
    public static final double DEFAULT_STEP = 1e-5;

    private HessianCalculator() {
    }

    /**
     * @param potential any potential with forces
     * @param structure the reference structure (usually a relaxed crystal)
     * @return the 3N x 3N Hessian (eV/Å^2) with the default step on min(2, available processors)
     *     threads, as {@link #hessian(Potential, Structure, double, int)}
     */
    public static DMatrixRMaj hessian(Potential potential, Structure structure) {
        return hessian(potential, structure, DEFAULT_STEP, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param potential any potential with forces
     * @param structure the reference structure (usually a relaxed crystal)
     * @param step finite-difference displacement h in Å, positive
     * @param threads worker threads, at least 1
     * @return the symmetrised Hessian, 3N x 3N row-major, eV/Å^2
     * @throws IllegalArgumentException on a non-positive step or thread count
     */
    public static DMatrixRMaj hessian(Potential potential, Structure structure, double step, int threads) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("finite-difference step must be positive, got " + step + " Å");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        int dim = 3 * structure.atomCount();
        DMatrixRMaj h = new DMatrixRMaj(dim, dim);
        double[] data = h.data;
        AtomicInteger nextColumn = new AtomicInteger();
        // one neighbour list per worker, built once: the displaced configurations stay within its skin
        final double skin = Math.max(0.1, 4 * step);
        Runnable worker = () -> {
            double[] x = structure.positions();
            double[] fPlus = new double[dim];
            double[] fMinus = new double[dim];
            double rc = potential.cutoff();
            SkinNeighborList list = rc > 0 && Double.isFinite(rc) ? new SkinNeighborList(structure, rc, skin) : null;
            for (int a = nextColumn.getAndIncrement(); a < dim; a = nextColumn.getAndIncrement()) {
                double x0 = x[a];
                x[a] = x0 + step;
                forces(potential, structure.withPositions(x), list, fPlus);
                x[a] = x0 - step;
                forces(potential, structure.withPositions(x), list, fMinus);
                x[a] = x0;
                int row = a * dim;
                for (int b = 0; b < dim; b++) {
                    data[row + b] = (fMinus[b] - fPlus[b]) / (2 * step); // each worker owns whole rows
                }
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "hessian-column");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int k = 0; k < threads; k++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Hessian computation interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("Hessian column failed", c);
            } finally {
                pool.shutdownNow();
            }
        }
        symmetrize(h);
        return h;
    }

    private static void forces(Potential potential, Structure displaced, SkinNeighborList list, double[] f) {
        if (list != null && list.updateWithinSkin(displaced.positionsView())) {
            potential.compute(displaced, list, f, null);
        } else {
            potential.compute(displaced, f, null);
        }
    }

    /**
     * Replaces H by (H + H^T) / 2 in place.
     *
     * @param h a square matrix, overwritten
     */
    public static void symmetrize(DMatrixRMaj h) {
        int n = h.numRows;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double v = 0.5 * (h.data[a * n + b] + h.data[b * n + a]);
                h.data[a * n + b] = v;
                h.data[b * n + a] = v;
            }
        }
    }

    /**
     * The mass-weighted Hessian D[a][b] = H[a][b] / sqrt(m_i(a) m_i(b)) in eV/(Å^2 amu), whose
     * eigenvalues times {@link org.ddos.descriptors.units.PhysicalConstants#EV_PER_AMU_ANGSTROM2_IN_PS2}
     * are squared angular frequencies in rad^2/ps^2.
     *
     * @param hessian the 3N x 3N Hessian in eV/Å^2, index 3 i + xyz
     * @param structure the structure it belongs to (masses in amu)
     * @return a new matrix
     * @throws IllegalArgumentException when H is not 3N x 3N for the structure
     */
    public static DMatrixRMaj massWeighted(DMatrixRMaj hessian, Structure structure) {
        int n = 3 * structure.atomCount();
        if (hessian.numRows != n || hessian.numCols != n) {
            throw new IllegalArgumentException("Hessian is " + hessian.numRows + " x " + hessian.numCols
                    + ", expected " + n + " x " + n);
        }
        double[] invSqrtM = new double[n];
        for (int a = 0; a < n; a++) {
            invSqrtM[a] = 1.0 / Math.sqrt(structure.massOf(a / 3));
        }
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                d.data[a * n + b] = hessian.data[a * n + b] * invSqrtM[a] * invSqrtM[b];
            }
        }
        return d;
    }
}
