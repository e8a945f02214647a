package org.ddos.descriptors.io;

import java.io.IOException;

/**
 * A structure or parameter file that cannot be read: the message names the file and the line
 * (1-based), e.g. {@code "W-bcc.dat line 12: expected 5 columns (id type x y z), got 3"}.
 */
public class StructureFileException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The file name as shown to the user. */
    private final String file;
    /** 1-based line number, 0 when the problem concerns the whole file. */
    private final int line;

    /**
     * @param file the file name as shown to the user
     * @param line 1-based line number, or 0 when the problem concerns the whole file
     * @param message what is wrong and what was expected
     */
    public StructureFileException(String file, int line, String message) {
        super(file + (line > 0 ? " line " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** @return the file name as shown in the message */
    public String file() {
        return file;
    }

    /** @return the 1-based line number, 0 when not tied to a line */
    public int line() {
        return line;
    }
}
