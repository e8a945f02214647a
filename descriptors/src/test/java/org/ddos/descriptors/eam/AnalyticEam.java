package org.ddos.descriptors.eam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Analytic EAM models written to LAMMPS setfl / eam/fs text here in the tests (independently of
 * the reader), so that lattice energies can be compared with closed-form shell sums.
 *
 * <p>Model: for elements I, J
 * <pre>
 *   rho_IJ(r) = c_IJ exp(-beta (r / re - 1)) fc(r)       (density of an I atom at a J site)
 *   phi_IJ(r) = A_IJ exp(-alpha (r / re - 1)) fc(r)
 *   F_I(rho)  = -a_I sqrt(rho) + b_I rho^2
 *   fc(r)     = (1 - (r / rc)^2)^3 for r &lt; rc, 0 beyond (C^2 at rc)
 * </pre>
 * a Johnson-like exponential EAM with a Finnis–Sinclair square-root embedding.
 */
final class AnalyticEam {
    final String[] elements;
    final double[] mass;
    final double[][] c;
    final double[][] pairA;
    final double[] a;
    final double[] b;
    final double re;
    final double alpha;
    final double beta;
    final double rc;

    AnalyticEam(String[] elements, double[] mass, double[][] c, double[][] pairA, double[] a, double[] b, double re,
            double alpha, double beta, double rc) {
        this.elements = elements;
        this.mass = mass;
        this.c = c;
        this.pairA = pairA;
        this.a = a;
        this.b = b;
        this.re = re;
        this.alpha = alpha;
        this.beta = beta;
        this.rc = rc;
    }

    /** A single-element Cu-like model (re = fcc nearest-neighbour distance of a = 3.615 Å). */
    static AnalyticEam copper() {
        return new AnalyticEam(new String[] {"Cu"}, new double[] {63.546}, new double[][] {{1.0}},
                new double[][] {{0.35}}, new double[] {1.9}, new double[] {0.004}, 3.615 / Math.sqrt(2), 8.0, 5.85, 5.0);
    }

    /** A Fe-Cr Finnis–Sinclair model with asymmetric densities c_FeCr != c_CrFe. */
    static AnalyticEam ironChromium() {
        return new AnalyticEam(new String[] {"Fe", "Cr"}, new double[] {55.845, 51.996},
                new double[][] {{1.0, 0.6}, {1.4, 0.8}}, new double[][] {{0.30, 0.25}, {0.25, 0.28}},
                new double[] {2.0, 1.7}, new double[] {0.003, 0.005}, 2.87 * Math.sqrt(3) / 2, 7.5, 5.5, 4.5);
    }

    double cutoffFunction(double r) {
        if (r >= rc) {
            return 0;
        }
        double x = 1 - (r / rc) * (r / rc);
        return x * x * x;
    }

    /** Density of an atom of element i at a site of element j. */
    double density(int i, int j, double r) {
        return c[i][j] * Math.exp(-beta * (r / re - 1)) * cutoffFunction(r);
    }

    double pair(int i, int j, double r) {
        return pairA[i][j] * Math.exp(-alpha * (r / re - 1)) * cutoffFunction(r);
    }

    double embedding(int i, double rho) {
        return -a[i] * Math.sqrt(Math.max(rho, 0)) + b[i] * rho * rho;
    }

    /**
     * @param fs true for the eam/fs layout (Nelements density tables per element), false for
     *     setfl (one table per element: the model must then have c_IJ independent of J)
     * @param nr Nr
     * @param nrho Nrho
     * @param rhoMax (Nrho - 1) drho
     * @return the file lines, 5 values per line, full precision
     */
    List<String> lines(boolean fs, int nr, int nrho, double rhoMax) {
        int n = elements.length;
        double dr = rc / (nr - 1);
        double drho = rhoMax / (nrho - 1);
        List<String> out = new ArrayList<>();
        out.add("analytic test potential: exponential rho and phi, F = -a sqrt(rho) + b rho^2");
        out.add("written by " + getClass().getSimpleName() + (fs ? " (eam/fs)" : " (eam/alloy)"));
        out.add("");
        out.add(n + " " + String.join(" ", elements));
        out.add(nrho + " " + drho + " " + nr + " " + dr + " " + rc);
        for (int i = 0; i < n; i++) {
            out.add("0 " + mass[i] + " 0.0 custom");
            double[] f = new double[nrho];
            for (int k = 0; k < nrho; k++) {
                f[k] = embedding(i, k * drho);
            }
            table(out, f);
            for (int j = 0; j < (fs ? n : 1); j++) {
                double[] rho = new double[nr];
                for (int k = 0; k < nr; k++) {
                    rho[k] = density(i, j, k * dr);
                }
                table(out, rho);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double[] z = new double[nr];
                for (int k = 0; k < nr; k++) {
                    z[k] = k * dr * pair(i, j, k * dr);
                }
                table(out, z);
            }
        }
        return out;
    }

    Path write(Path dir, String name, boolean fs, int nr, int nrho, double rhoMax) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines(fs, nr, nrho, rhoMax));
        return p;
    }

    static void table(List<String> out, double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k % 5 == 0 ? "" : " ").append(v[k]);
            if (k % 5 == 4 || k == v.length - 1) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
    }
}
