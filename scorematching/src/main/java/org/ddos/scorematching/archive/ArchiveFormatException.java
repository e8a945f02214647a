package org.ddos.scorematching.archive;

import java.io.IOException;

/**
 * An archive that cannot be read: not an archive, written by a newer format version, truncated,
 * corrupted (checksum mismatch) or naming a class that is not registered. The message names the
 * file and the problem.
 */
public class ArchiveFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file and the problem
     */
    public ArchiveFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and the problem
     * @param cause the underlying failure (I/O, decompression, parsing)
     */
    public ArchiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
