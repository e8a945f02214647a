package org.ddos.tools.cli;

/** Parses {@code START:STOP:COUNT} (inclusive, evenly spaced) or a single temperature, in K. */
final class TemperatureGrid {
    private TemperatureGrid() {
    }

    static double[] parse(String spec) {
        String[] p = spec.split(":");
        try {
            double[] t;
            if (p.length == 1) {
                t = new double[] {Double.parseDouble(p[0])};
            } else if (p.length == 3) {
                double a = Double.parseDouble(p[0]);
                double b = Double.parseDouble(p[1]);
                int n = Integer.parseInt(p[2]);
                if (n < 1) {
                    throw new IllegalArgumentException("--temperatures: COUNT must be at least 1, got " + n);
                }
                if (n > 1 && !(b > a)) {
                    throw new IllegalArgumentException("--temperatures: STOP must exceed START, got " + spec);
                }
                t = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
                }
            } else {
                throw new IllegalArgumentException("--temperatures expects START:STOP:COUNT or one value, got '" + spec + "'");
            }
            for (double x : t) {
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw new IllegalArgumentException("--temperatures: temperatures must be positive and finite (K), got " + x);
                }
            }
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--temperatures expects numbers, got '" + spec + "'");
        }
    }

    /** As {@link #parse}, but a range of at least two temperatures is required (T_c searches). */
    static double[] parseRange(String spec) {
        return requireRange(parse(spec));
    }

    /** @throws IllegalArgumentException when fewer than two temperatures are given */
    static double[] requireRange(double[] temperatures) {
        if (temperatures.length < 2) {
            throw new IllegalArgumentException("--temperatures needs a range START:STOP:COUNT with COUNT >= 2 to locate T_c");
        }
        return temperatures;
    }
}
