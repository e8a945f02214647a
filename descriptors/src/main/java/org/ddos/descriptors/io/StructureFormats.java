package org.ddos.descriptors.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ddos.descriptors.structure.Structure;

/**
 * The one registry of structure file formats (in the spirit of ASE's {@code io/formats}): maps a
 * format name, a file name or extension, or the file's first lines to a {@link StructureFormat}.
 * Every command and API that reads or writes structures goes through here.
 *
 * <p>Registered: {@code lammps-data} ({@link LammpsDataFormat}: .data .dat .lmp .lammps),
 * {@code extxyz} ({@link ExtendedXyzFormat}: .xyz .extxyz) and {@code vasp}
 * ({@link PoscarFormat}: POSCAR*, CONTCAR*, .vasp, .poscar).
 *
 * <p>Format resolution for a file without an explicit format: the format claiming the file name
 * or extension when its content sniffing agrees; else the first format whose sniffing accepts the
 * content; else the format claiming the name (its reader then reports what is wrong); else an
 * error listing the known formats.
 */
public final class StructureFormats {
    private static final List<StructureFormat> FORMATS =
            List.of(new LammpsDataFormat(), new ExtendedXyzFormat(), new PoscarFormat());
    private static final int SNIFF_LINES = 40;

    private StructureFormats() {
    }

    /** @return the registered formats */
    public static List<StructureFormat> all() {
        return FORMATS;
    }

    /**
     * @param name a format name such as {@code "lammps-data"} (case-insensitive)
     * @return the format
     * @throws IllegalArgumentException naming the known formats when none matches
     */
    public static StructureFormat byName(String name) {
        for (StructureFormat f : FORMATS) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown structure format '" + name + "' (known: " + names() + ")");
    }

    private static String names() {
        List<String> n = new ArrayList<>();
        for (StructureFormat f : FORMATS) {
            n.add(f.name());
        }
        return String.join(", ", n);
    }

    /**
     * @param fileName a file name (case-insensitive)
     * @return the format that claims this file name by extension or whole name, or null
     */
    public static StructureFormat byFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot >= 0 ? lower.substring(dot + 1) : "";
        for (StructureFormat f : FORMATS) {
            for (String claim : f.fileNames()) {
                if (claim.equals(ext) || lower.equals(claim) || lower.startsWith(claim + ".")
                        || lower.startsWith(claim + "_") || lower.startsWith(claim + "-")) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * @param fileName the file name (for the extension)
     * @param lines the file content
     * @return the format for this file
     * @throws StructureFileException when no format fits
     */
    public static StructureFormat detect(String fileName, List<String> lines) throws StructureFileException {
        List<String> head = lines.subList(0, Math.min(lines.size(), SNIFF_LINES));
        StructureFormat claimed = byFileName(fileName);
        if (claimed != null && claimed.sniff(head)) {
            return claimed;
        }
        for (StructureFormat f : FORMATS) {
            if (f.sniff(head)) {
                return f;
            }
        }
        if (claimed != null) {
            return claimed;
        }
        throw new StructureFileException(fileName, 0, "cannot tell the structure format from the name or the content"
                + " (known: " + names() + ")");
    }

    /**
     * Reads a structure, detecting the format (see the class comment).
     *
     * @param path the file
     * @return the structure (the first frame of a multi-frame file)
     * @throws StructureFileException naming file and line on malformed content or an unknown format
     * @throws IOException when the file cannot be read
     */
    public static Structure read(Path path) throws IOException {
        return read(path, null, ReadOptions.DEFAULT);
    }

    /**
     * Reads a structure.
     *
     * @param path the file
     * @param format a format name, or null to detect it
     * @param options element hints for formats that number types
     * @return the structure (the first frame of a multi-frame file)
     * @throws StructureFileException naming file and line on malformed content
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException for an unknown format name
     */
    public static Structure read(Path path, String format, ReadOptions options) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        String name = path.getFileName().toString();
        return parse(lines, name, format, options);
    }

    /**
     * Parses file content already in memory.
     *
     * @param lines the file's lines
     * @param fileName the name used in error messages and to detect the format
     * @param format a format name, or null to detect it
     * @param options element hints
     * @return the structure (the first frame of a multi-frame file)
     * @throws StructureFileException naming file and line on malformed content, an empty file or a
     *     format that cannot be detected; structure-level inconsistencies (e.g. zero cell volume)
     *     are reported with line 0
     * @throws IllegalArgumentException for an unknown format name
     */
    public static Structure parse(List<String> lines, String fileName, String format, ReadOptions options)
            throws StructureFileException {
        if (lines.isEmpty()) {
            throw new StructureFileException(fileName, 0, "the file is empty");
        }
        StructureFormat f = format != null ? byName(format) : detect(fileName, lines);
        try {
            return f.read(lines, fileName, options);
        } catch (IllegalArgumentException e) {
            // a structure-level inconsistency (e.g. zero cell volume) found when assembling it
            throw new StructureFileException(fileName, 0, e.getMessage());
        }
    }

    /**
     * Writes a structure in the format claimed by the file name (UTF-8).
     *
     * @param path the file, created or overwritten
     * @param structure the structure
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when no writable format claims the file name
     */
    public static void write(Path path, Structure structure) throws IOException {
        write(path, structure, null);
    }

    /**
     * Writes a structure.
     *
     * @param path the file, created or overwritten (UTF-8)
     * @param structure the structure
     * @param format a format name, or null to take it from the file name
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when the format is unknown, cannot be inferred or cannot write
     */
    public static void write(Path path, Structure structure, String format) throws IOException {
        StructureFormat f = format != null ? byName(format) : byFileName(path.getFileName().toString());
        if (f == null) {
            throw new IllegalArgumentException("cannot tell the structure format from the file name '" + path.getFileName()
                    + "': give one of " + names());
        }
        if (!f.canWrite()) {
            throw new IllegalArgumentException("format " + f.name() + " cannot be written");
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            f.write(structure, w);
        }
    }

    /**
     * @param structure the structure
     * @param format a format name (case-insensitive)
     * @return the structure written to a string in the named format
     * @throws IllegalArgumentException for an unknown format name
     * @throws UnsupportedOperationException when the format cannot write
     */
    public static String format(Structure structure, String format) {
        StringBuilder sb = new StringBuilder();
        try {
            byName(format).write(structure, sb);
        } catch (IOException e) {
            throw new IllegalStateException("StringBuilder cannot fail", e);
        }
        return sb.toString();
    }
}
