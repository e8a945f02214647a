package org.ddos.descriptors.io;

import java.util.List;

/** A cursor over the lines of a text file that builds error messages naming file and line. */
final class TextLines {
    private final List<String> lines;
    private final String file;
    private int next;

    TextLines(List<String> lines, String file) {
        this.lines = lines;
        this.file = file;
    }

    String file() {
        return file;
    }

    boolean hasNext() {
        return next < lines.size();
    }

    /** @return the next line, or throws naming what was expected at the end of the file */
    String next(String expected) throws StructureFileException {
        if (next >= lines.size()) {
            throw new StructureFileException(file, lines.size(), "unexpected end of file, expected " + expected);
        }
        return lines.get(next++);
    }

    /** @return 1-based number of the line last returned by {@link #next} */
    int lineNumber() {
        return next;
    }

    String peek() {
        return next < lines.size() ? lines.get(next) : null;
    }

    StructureFileException error(String message) {
        return new StructureFileException(file, next, message);
    }

    StructureFileException error(int line, String message) {
        return new StructureFileException(file, line, message);
    }

    /** Parses a double token of the current line, naming the token in the error. */
    double parseDouble(String token, String what) throws StructureFileException {
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

    int parseInt(String token, String what) throws StructureFileException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    static String[] tokens(String line) {
        String t = line.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
