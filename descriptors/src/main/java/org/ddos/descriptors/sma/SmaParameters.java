package org.ddos.descriptors.sma;

import java.util.Arrays;
import org.ddos.descriptors.structure.PeriodicTable;

/**
 * A complete multi-species second-moment parameter set: one {@link SmaPairParameters} per
 * unordered species pair (LAMMPS {@code smatb} does not mix: every cross pair must be given).
 * Species are identified by chemical symbol, so a structure's species order does not matter.
 */
public final class SmaParameters {
    private final String[] elements;
    private final SmaPairParameters[][] pairs;

    /**
     * @param elements distinct chemical symbols, S of them
     * @param pairs S x S table, symmetric ({@code pairs[s][t] == pairs[t][s]} by value), no nulls
     * @throws IllegalArgumentException on unknown or repeated elements, a missing or asymmetric pair
     */
    public SmaParameters(String[] elements, SmaPairParameters[][] pairs) {
        if (elements.length == 0 || pairs.length != elements.length) {
            throw new IllegalArgumentException("need an S x S pair table for " + elements.length + " elements");
        }
        for (int s = 0; s < elements.length; s++) {
            PeriodicTable.atomicNumber(elements[s]);
            for (int t = 0; t < s; t++) {
                if (elements[s].equals(elements[t])) {
                    throw new IllegalArgumentException("element " + elements[s] + " appears twice");
                }
            }
        }
        this.elements = elements.clone();
        this.pairs = new SmaPairParameters[elements.length][];
        for (int s = 0; s < elements.length; s++) {
            if (pairs[s] == null || pairs[s].length != elements.length) {
                throw new IllegalArgumentException("pair table row " + s + " must have " + elements.length + " entries");
            }
            this.pairs[s] = pairs[s].clone();
        }
        for (int s = 0; s < elements.length; s++) {
            for (int t = 0; t < elements.length; t++) {
                if (this.pairs[s][t] == null) {
                    throw new IllegalArgumentException("no SMA parameters for the pair " + elements[s] + "-" + elements[t]);
                }
                if (!this.pairs[s][t].equals(this.pairs[t][s])) {
                    throw new IllegalArgumentException("SMA parameters of " + elements[s] + "-" + elements[t]
                            + " and " + elements[t] + "-" + elements[s] + " differ");
                }
            }
        }
    }

    /**
     * @param element chemical symbol
     * @param pair its pair parameters
     * @return a single-species set
     */
    public static SmaParameters single(String element, SmaPairParameters pair) {
        return new SmaParameters(new String[] {element}, new SmaPairParameters[][] {{pair}});
    }

    /**
     * @param elementA symbol of species 0
     * @param elementB symbol of species 1
     * @param aa the A-A pair
     * @param bb the B-B pair
     * @param ab the A-B pair (used for both orders)
     * @return a binary set from the two pure pairs and the cross pair
     */
    public static SmaParameters binary(String elementA, String elementB, SmaPairParameters aa, SmaPairParameters bb,
            SmaPairParameters ab) {
        return new SmaParameters(new String[] {elementA, elementB}, new SmaPairParameters[][] {{aa, ab}, {ab, bb}});
    }

    /** @return S, the number of species */
    public int speciesCount() {
        return elements.length;
    }

    /** @return a copy of the chemical symbols */
    public String[] elements() {
        return elements.clone();
    }

    /**
     * @param s species index
     * @param t species index
     * @return the parameters of the pair (s, t) (symmetric in s and t)
     */
    public SmaPairParameters pair(int s, int t) {
        return pairs[s][t];
    }

    /**
     * @param element chemical symbol (exact, case-sensitive)
     * @return the species index of a symbol, or -1
     */
    public int indexOf(String element) {
        for (int s = 0; s < elements.length; s++) {
            if (elements[s].equals(element)) {
                return s;
            }
        }
        return -1;
    }

    /** @return the largest cutoffEnd over all pairs (Å) */
    public double maxCutoff() {
        double m = 0;
        for (SmaPairParameters[] row : pairs) {
            for (SmaPairParameters pp : row) {
                m = Math.max(m, pp.cutoffEnd());
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "SmaParameters" + Arrays.toString(elements);
    }
}
