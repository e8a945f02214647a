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

    public TextLines(List<String> lines, String file) {
        this.lines = lines;
        this.file = file;
    }

    public String file() {
        return file;
    }

    public boolean hasNext() {
        return next < lines.size();
    }

    /** @return the next line, or throws naming what was expected at the end of the file */
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

    public String peek() {
        return next < lines.size() ? lines.get(next) : null;
    }

    public StructureFileException error(String message) {
        return new StructureFileException(file, next, message);
    }

    public StructureFileException error(int line, String message) {
        return new StructureFileException(file, line, message);
    }

    /**
     * Parses a number of the current line (Fortran exponents such as {@code 1.5d0} accepted).
     *
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

    public int parseInt(String token, String what) throws StructureFileException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    public static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
