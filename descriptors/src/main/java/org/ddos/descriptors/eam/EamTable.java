package org.ddos.descriptors.eam;

/**
 * A function tabulated on a uniform grid x_k = k h (k = 0 .. n-1), interpolated by the piecewise
 * cubic Hermite scheme of LAMMPS's tabulated EAM styles ({@code pair_style eam}, {@code eam/alloy},
 * {@code eam/fs}), so that energies and forces agree with LAMMPS to rounding:
 * <ul>
 * <li>node slopes (per grid step) d_k: the fourth-order central difference
 *     (f_{k-2} - f_{k+2} + 8 (f_{k+1} - f_{k-1})) / 12 for 2 &lt;= k &lt;= n-3, the second-order
 *     central difference (f_{k+1} - f_{k-1}) / 2 at k = 1 and k = n-2, and the one-sided
 *     differences f_1 - f_0 and f_{n-1} - f_{n-2} at the two ends;</li>
 * <li>on interval k (between x_k and x_{k+1}) with t = x / h - k in [0, 1], the cubic Hermite
 *     polynomial f(t) = f_k + d_k t + c2 t^2 + c3 t^3 with c2 = 3 (f_{k+1} - f_k) - 2 d_k - d_{k+1}
 *     and c3 = d_k + d_{k+1} - 2 (f_{k+1} - f_k), which takes the node values and slopes at both ends
 *     (C^1 across nodes; the second derivative jumps by O(h^2 f''''));</li>
 * <li>derivative f'(x) = (d_k + 2 c2 t + 3 c3 t^2) / h.</li>
 * </ul>
 * The interpolant is exact for cubic polynomials on the intervals whose two end nodes have the
 * fourth-order slope (2 &lt;= k &lt;= n-4), and its error is O(h^4) there for smooth f.
 *
 * <p>Where the argument lies outside the grid, the callers ({@link EamPotential}) reproduce the
 * LAMMPS conventions: distances beyond the last node use t = 1 of the last interval (value f_{n-1},
 * slope d_{n-1} / h); densities below 0 extrapolate the first cubic, densities beyond the last node
 * are continued linearly by the potential. This class evaluates the polynomial of a given interval
 * at any t.
 *
 * <p>Immutable and thread-safe; evaluation does not allocate.
 */
public final class EamTable {
    /** Coefficients per interval k: [4k] = f_k, [4k+1] = d_k, [4k+2] = c2, [4k+3] = c3 (per grid step). */
    private final double[] coefficients;
    private final int size;
    private final double spacing;

    /**
     * @param values f_k at x_k = k h, k = 0 .. n-1 (n &gt;= 5; copied)
     * @param spacing h &gt; 0 (units of x)
     * @throws IllegalArgumentException for fewer than 5 values, a non-finite value or h &lt;= 0
     */
    public EamTable(double[] values, double spacing) {
        int n = values.length;
        if (n < 5) {
            throw new IllegalArgumentException("a table needs at least 5 values, got " + n);
        }
        if (!(spacing > 0) || !Double.isFinite(spacing)) {
            throw new IllegalArgumentException("table spacing must be positive and finite, got " + spacing);
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("table value " + k + " is not finite: " + values[k]);
            }
        }
        double[] d = new double[n];
        d[0] = values[1] - values[0];
        d[1] = 0.5 * (values[2] - values[0]);
        d[n - 2] = 0.5 * (values[n - 1] - values[n - 3]);
        d[n - 1] = values[n - 1] - values[n - 2];
        for (int k = 2; k <= n - 3; k++) {
            d[k] = ((values[k - 2] - values[k + 2]) + 8.0 * (values[k + 1] - values[k - 1])) / 12.0;
        }
        double[] c = new double[4 * n];
        for (int k = 0; k < n; k++) {
            c[4 * k] = values[k];
            c[4 * k + 1] = d[k];
            if (k < n - 1) {
                double df = values[k + 1] - values[k];
                c[4 * k + 2] = 3.0 * df - 2.0 * d[k] - d[k + 1];
                c[4 * k + 3] = d[k] + d[k + 1] - 2.0 * df;
            }
        }
        this.coefficients = c;
        this.size = n;
        this.spacing = spacing;
    }

    /** @return n, the number of nodes */
    public int size() {
        return size;
    }

    /** @return h, the grid spacing */
    public double spacing() {
        return spacing;
    }

    /**
     * @param k node index, 0 .. n-1
     * @return f_k, the tabulated value at node k
     */
    public double node(int k) {
        return coefficients[4 * k];
    }

    /**
     * @param interval k, 0 .. n-2
     * @param t position in the interval, normally in [0, 1]
     * @return the interpolant f on interval k at x = (k + t) h
     */
    public double value(int interval, double t) {
        int o = 4 * interval;
        double[] c = coefficients;
        return ((c[o + 3] * t + c[o + 2]) * t + c[o + 1]) * t + c[o];
    }

    /**
     * @param interval k as in {@link #value}
     * @param t position in the interval
     * @return df/dx on interval k at x = (k + t) h (units of f per unit of x)
     */
    public double derivative(int interval, double t) {
        int o = 4 * interval;
        double[] c = coefficients;
        return ((3.0 * c[o + 3] * t + 2.0 * c[o + 2]) * t + c[o + 1]) / spacing;
    }

    /**
     * The interpolant at any x in [0, (n-1) h] (convenience for tests and plots; beyond the grid it
     * clamps like a distance table: x &gt; (n-1) h gives f_{n-1}).
     *
     * @param x the argument (units of the grid)
     * @return f(x)
     */
    public double valueAt(double x) {
        double p = x / spacing;
        int k = (int) p;
        k = Math.max(0, Math.min(k, size - 2));
        double t = Math.min(p - k, 1.0);
        return value(k, t);
    }

    /**
     * @param x the argument (units of the grid)
     * @return f'(x) with the clamping of {@link #valueAt}
     */
    public double derivativeAt(double x) {
        double p = x / spacing;
        int k = (int) p;
        k = Math.max(0, Math.min(k, size - 2));
        double t = Math.min(p - k, 1.0);
        return derivative(k, t);
    }
}
