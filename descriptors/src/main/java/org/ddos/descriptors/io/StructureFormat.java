package org.ddos.descriptors.io;

import java.io.IOException;
import java.util.List;
import org.ddos.descriptors.structure.Structure;

/**
 * One structure file format: its name, file-name patterns, content sniffing, reader and
 * (optionally) writer. Registered in {@link StructureFormats}, the single door through which the
 * library and the CLI read and write structures.
 */
public interface StructureFormat {

    /** @return the format's name, e.g. {@code "lammps-data"} */
    String name();

    /** @return lower-case file-name suffixes (without dot) or whole names (e.g. "POSCAR") it claims */
    List<String> fileNames();

    /**
     * @param head up to the first 40 lines of the file
     * @return true when the content looks like this format
     */
    boolean sniff(List<String> head);

    /**
     * @param lines the whole file
     * @param file its name for error messages
     * @param options element hints
     * @return the structure (first frame for multi-frame formats)
     * @throws StructureFileException naming file and line on malformed content or unknown elements
     */
    Structure read(List<String> lines, String file, ReadOptions options) throws StructureFileException;

    /** @return true when {@link #write} is implemented */
    boolean canWrite();

    /**
     * Writes the structure so that {@link #read} gives it back (positions to the last bit).
     *
     * @param structure the structure to write
     * @param out destination of the text
     * @throws IOException from the appendable
     * @throws UnsupportedOperationException when {@link #canWrite()} is false
     */
    void write(Structure structure, Appendable out) throws IOException;
}
