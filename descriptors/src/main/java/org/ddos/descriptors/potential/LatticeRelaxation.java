package org.ddos.descriptors.potential;

import java.util.function.DoubleUnaryOperator;
import org.ddos.descriptors.structure.Lattices;
import org.ddos.descriptors.structure.Structure;

/**
 * Zero-temperature equilibrium lattice constants of perfect crystals: the energy per atom of the
 * unit cell minimised over its free lattice parameters (fcc and bcc: a; hcp: a and c, so both
 * the pressure and the anisotropic stress vanish), by golden-section search (nested for hcp:
 * the inner search over c/a, the outer over a). Deterministic: the same potential gives
 * bit-identical constants on every run.
 *
 * <p>The search brackets must contain a single minimum; the result is checked to lie strictly
 * inside them.
 */
public final class LatticeRelaxation {
    private static final int ITERATIONS = 90;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private LatticeRelaxation() {
    }

    /**
     * A relaxed crystal.
     *
     * @param structure "fcc", "bcc" or "hcp"
     * @param a lattice constant a (Å): the cubic edge, or the hcp in-plane constant
     * @param c hcp lattice constant c (Å); equal to a for the cubic lattices
     * @param energyPerAtom E_0 / N of the perfect crystal (eV/atom)
     * @param volumePerAtom V / N (Å^3/atom)
     */
    public record RelaxedLattice(String structure, double a, double c, double energyPerAtom, double volumePerAtom) {
        /** @return c / a */
        public double ratio() {
            return c / a;
        }

        /**
         * @param element chemical symbol
         * @param n1 repetitions along the first cell vector (at least 1)
         * @param n2 repetitions along the second
         * @param n3 repetitions along the third
         * @return an n1 x n2 x n3 supercell of the relaxed lattice (cubic cells for fcc and bcc,
         *     the hexagonal cell for hcp; see {@link Lattices})
         */
        public Structure supercell(String element, int n1, int n2, int n3) {
            return switch (structure) {
                case "fcc" -> Lattices.fcc(element, a, n1, n2, n3);
                case "bcc" -> Lattices.bcc(element, a, n1, n2, n3);
                default -> Lattices.hcp(element, a, c, n1, n2, n3);
            };
        }
    }

    /**
     * @param potential a single-element potential for {@code element}
     * @param element chemical symbol
     * @param lo lower bracket of the cubic edge a (Å)
     * @param hi upper bracket (Å)
     * @return the relaxed fcc crystal
     * @throws IllegalArgumentException on a bad bracket or a minimum on its edge
     */
    public static RelaxedLattice fcc(Potential potential, String element, double lo, double hi) {
        double a = minimise(x -> perAtom(potential, Lattices.fcc(element, x, 1, 1, 1)), lo, hi, "fcc a");
        return new RelaxedLattice("fcc", a, a, perAtom(potential, Lattices.fcc(element, a, 1, 1, 1)), a * a * a / 4);
    }

    /**
     * As {@link #fcc} for bcc.
     *
     * @param potential a single-element potential for {@code element}
     * @param element chemical symbol
     * @param lo lower bracket of the cubic edge a (Å)
     * @param hi upper bracket (Å)
     * @return the relaxed bcc crystal
     */
    public static RelaxedLattice bcc(Potential potential, String element, double lo, double hi) {
        double a = minimise(x -> perAtom(potential, Lattices.bcc(element, x, 1, 1, 1)), lo, hi, "bcc a");
        return new RelaxedLattice("bcc", a, a, perAtom(potential, Lattices.bcc(element, a, 1, 1, 1)), a * a * a / 2);
    }

    /**
     * @param potential a single-element potential for {@code element}
     * @param element chemical symbol
     * @param lo lower bracket of the in-plane constant a (Å)
     * @param hi upper bracket (Å)
     * @param ratioLo lower bracket of c/a (e.g. 1.5)
     * @param ratioHi upper bracket of c/a (e.g. 1.8)
     * @return the relaxed hcp crystal (a and c both optimal)
     * @throws IllegalArgumentException on a bad bracket or a minimum on its edge
     */
    public static RelaxedLattice hcp(Potential potential, String element, double lo, double hi, double ratioLo,
            double ratioHi) {
        DoubleUnaryOperator bestRatio = a -> minimise(r -> perAtom(potential, Lattices.hcp(element, a, a * r, 1, 1, 1)),
                ratioLo, ratioHi, "hcp c/a");
        double a = minimise(x -> {
            double r = bestRatio.applyAsDouble(x);
            return perAtom(potential, Lattices.hcp(element, x, x * r, 1, 1, 1));
        }, lo, hi, "hcp a");
        double c = a * bestRatio.applyAsDouble(a);
        return new RelaxedLattice("hcp", a, c, perAtom(potential, Lattices.hcp(element, a, c, 1, 1, 1)),
                Math.sqrt(3) / 4 * a * a * c);
    }

    private static double perAtom(Potential potential, Structure s) {
        return potential.energy(s) / s.atomCount();
    }

    /** Golden-section minimum of f on [lo, hi]. */
    static double minimise(DoubleUnaryOperator f, double lo, double hi, String what) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException(what + ": bracket must satisfy 0 < lo < hi, got " + lo + " .. " + hi);
        }
        double a = lo;
        double b = hi;
        double x1 = b - GOLDEN * (b - a);
        double x2 = a + GOLDEN * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < ITERATIONS && b - a > 1e-12 * b; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        double x = 0.5 * (a + b);
        double margin = 1e-6 * (hi - lo);
        if (x < lo + margin || x > hi - margin) {
            throw new IllegalArgumentException(what + ": the energy minimum lies on the edge of the bracket " + lo + " .. " + hi
                    + " (at " + x + "); widen it");
        }
        return x;
    }
}
