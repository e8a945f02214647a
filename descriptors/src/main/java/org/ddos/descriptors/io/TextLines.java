package org.ddos.descriptors.io;

import java.util.List;

/**
 * A cursor over the lines of a text file that builds {@link StructureFileException}s naming the
 * file and the 1-based line, for every reader of the library (structures, potential parameters).
 */
public final class TextLines {
    private final List<String> lines;
    private final String file;
    private int next;

    /**
     * @param lines the file's lines
     * @param file the file name used in messages
     */
    public TextLines(List<String> lines, String file) {
        this.lines = lines;
        this.file = file;
    }

    /** @return the file name used in messages */
    public String file() {
        return file;
    }

    /** @return true while lines remain */
    public boolean hasNext() {
        return next < lines.size();
    }

    /**
     * @param expected what the caller expects, for the message at the end of the file
     * @return the next line
     * @throws StructureFileException at the end of the file, naming what was expected
     */
    public String next(String expected) throws StructureFileException {
        if (next >= lines.size()) {
            throw new StructureFileException(file, lines.size(), "unexpected end of file, expected " + expected);
        }
        return lines.get(next++);
    }

    /** @return 1-based number of the line last returned by {@link #next} */
    public int lineNumber() {
        return next;
    }

    /** @return the next line without consuming it, or null at the end of the file */
    public String peek() {
        return next < lines.size() ? lines.get(next) : null;
    }

    /**
     * @param message what is wrong
     * @return an exception naming the file and the line last returned by {@link #next}
     */
    public StructureFileException error(String message) {
        return new StructureFileException(file, next, message);
    }

    /**
     * @param line 1-based line number (0 for the whole file)
     * @param message what is wrong
     * @return an exception naming the file and that line
     */
    public StructureFileException error(int line, String message) {
        return new StructureFileException(file, line, message);
    }

    /**
     * Parses a number of the current line (Fortran exponents such as {@code 1.5d0} accepted).
     *
     * @param token the text to parse
     * @param what the quantity, for the message
     * @return the value
     * @throws StructureFileException naming {@code what} and the token when it is not a finite number
     */
    public double parseDouble(String token, String what) throws StructureFileException {
        try {
            double v = Double.parseDouble(token.replace('d', 'e').replace('D', 'E'));
            if (!Double.isFinite(v)) {
                throw error(what + " is not finite: '" + token + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number for " + what + ", got '" + token + "'");
        }
    }

    /**
     * Parses an integer of the current line.
     *
     * @param token the text to parse
     * @param what the quantity, for the message
     * @return the value
     * @throws StructureFileException naming {@code what} and the token when it is not an integer
     */
    public int parseInt(String token, String what) throws StructureFileException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    /**
     * @param line a line
     * @return its whitespace-separated tokens (empty for a blank line)
     */
    public static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
