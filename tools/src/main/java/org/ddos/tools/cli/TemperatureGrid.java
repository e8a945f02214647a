package org.ddos.tools.cli;

/**
 * Parses the {@code --temperatures} option of every command: comma-separated items, each a single
 * temperature or {@code START:STOP:COUNT} (inclusive, evenly spaced), in K; the union is returned
 * ascending without repeats.
 */
final class TemperatureGrid {
    private TemperatureGrid() {
    }

    /**
     * @param spec e.g. {@code 1000,1500,2000}, {@code 500:2500:21} or {@code 300,500:1500:11}
     * @return ascending, distinct temperatures (K)
     * @throws IllegalArgumentException on an empty item, a non-number, a bad range or T &lt;= 0
     */
    static double[] parse(String spec) {
        java.util.stream.DoubleStream all = java.util.stream.DoubleStream.empty();
        for (String item : spec.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--temperatures: empty item in '" + spec + "'");
            }
            all = java.util.stream.DoubleStream.concat(all, java.util.Arrays.stream(parseItem(item.trim())));
        }
        return all.sorted().distinct().toArray();
    }

    private static double[] parseItem(String spec) {
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
                throw new IllegalArgumentException("--temperatures expects values or START:STOP:COUNT, comma-separated, got '" + spec + "'");
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
            throw new IllegalArgumentException("--temperatures needs at least two temperatures (e.g. START:STOP:COUNT with COUNT >= 2) to locate T_c");
        }
        return temperatures;
    }
}
