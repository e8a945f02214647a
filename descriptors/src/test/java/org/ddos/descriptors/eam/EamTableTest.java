package org.ddos.descriptors.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EamTableTest {

    @Test
    void firstIntervalUsesOneSidedAndSecondOrderSlopesAsLammps() {
        // f = x^2 at x = 0..6 (h = 1): d_0 = f_1 - f_0 = 1, d_1 = (f_2 - f_0) / 2 = 2, so on [0, 1]
        // f(t) = t + c2 t^2 + c3 t^3 with c2 = 3 - 2 - 2 = -1, c3 = 1 + 2 - 2 = 1: f(0.5) = 0.375 (exact 0.25)
        EamTable t = new EamTable(new double[] {0, 1, 4, 9, 16, 25, 36}, 1.0);
        assertEquals(0.375, t.valueAt(0.5), 1e-15);
        // f'(0.5) = 1 - 2 (0.5) + 3 (0.25) = 0.75
        assertEquals(0.75, t.derivativeAt(0.5), 1e-15);
        assertEquals(1.0, t.derivativeAt(0.0), 1e-15);
        // last node slope one-sided: f_6 - f_5 = 11
        assertEquals(11.0, t.derivativeAt(6.0), 1e-15);
        // beyond the grid: the last interval at t = 1 (value f_{n-1}, slope d_{n-1} / h)
        assertEquals(36.0, t.valueAt(7.5), 1e-15);
        assertEquals(11.0, t.derivativeAt(7.5), 1e-15);
        // node values are reproduced exactly
        for (int k = 0; k < 7; k++) {
            assertEquals(k * k, t.valueAt(k), 0);
        }
    }

    @Test
    void interiorIntervalsAreExactForCubics() {
        // fourth-order slopes are exact for polynomials up to degree 4, so Hermite interpolation
        // reproduces a cubic exactly on intervals 2 .. n-4
        double h = 0.25;
        int n = 20;
        double[] f = new double[n];
        for (int k = 0; k < n; k++) {
            double x = k * h;
            f[k] = 0.5 * x * x * x - 2 * x * x + x - 3;
        }
        EamTable t = new EamTable(f, h);
        for (double x = 2 * h; x <= (n - 3) * h; x += 0.0371) {
            assertEquals(0.5 * x * x * x - 2 * x * x + x - 3, t.valueAt(x), 1e-12, "x = " + x);
            assertEquals(1.5 * x * x - 4 * x + 1, t.derivativeAt(x), 1e-12, "x = " + x);
        }
    }

    @Test
    void smoothFunctionErrorIsFourthOrder() {
        // halving h divides the interior error of exp(-x) by about 16
        double e1 = maxError(0.1);
        double e2 = maxError(0.05);
        double ratio = e1 / e2;
        assertEquals(16, ratio, 3, "error ratio " + ratio + " (" + e1 + ", " + e2 + ")");
    }

    private static double maxError(double h) {
        int n = (int) Math.round(4 / h) + 1;
        double[] f = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = Math.exp(-k * h);
        }
        EamTable t = new EamTable(f, h);
        double max = 0;
        for (double x = 0.5; x < 3.5; x += 0.0013) {
            max = Math.max(max, Math.abs(t.valueAt(x) - Math.exp(-x)));
        }
        return max;
    }

    @Test
    void rejectsTooShortNonFiniteAndBadSpacing() {
        assertThrows(IllegalArgumentException.class, () -> new EamTable(new double[] {1, 2, 3, 4}, 1));
        assertThrows(IllegalArgumentException.class, () -> new EamTable(new double[] {1, 2, Double.NaN, 4, 5}, 1));
        assertThrows(IllegalArgumentException.class, () -> new EamTable(new double[] {1, 2, 3, 4, 5}, -1));
    }
}
