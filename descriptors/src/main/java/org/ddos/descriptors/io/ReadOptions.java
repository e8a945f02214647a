package org.ddos.descriptors.io;

import java.util.List;

/**
 * Options for reading structure files.
 *
 * @param typeElements chemical symbols for the numbered atom types of formats that only number
 *     them (LAMMPS data: type 1 is {@code typeElements.get(0)}); empty to take them from the file
 *     (a {@code Masses} section with element comments, or masses matching a standard weight)
 */
public record ReadOptions(List<String> typeElements) {
    /** No element hints. */
    public static final ReadOptions DEFAULT = new ReadOptions(List.of());

    /**
     * @param typeElements chemical symbols of atom types 1, 2, ... in order; empty for none; copied
     * @throws NullPointerException when the list or an entry is null
     */
    public ReadOptions {
        typeElements = List.copyOf(typeElements);
    }

    /**
     * @param elements chemical symbols of atom types 1, 2, ... in order
     * @return options naming the elements of LAMMPS atom types 1, 2, ... in order
     */
    public static ReadOptions withTypeElements(String... elements) {
        return new ReadOptions(List.of(elements));
    }
}
