package org.ddos.calibration.uncertainty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes 2-D float64 arrays in numpy's {@code .npy} format (format versions 1.0, 2.0
 * and 3.0; https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
 * {@code \x93NUMPY}, a version, a little-endian header length (uint16 for 1.0, uint32 for 2.0
 * and 3.0), a Python-literal header {@code {'descr': '<f8', 'fortran_order': False, 'shape': (m, n), }}
 * padded to a multiple of 64 bytes, then the raw data.
 *
 * <p>Only float64 ({@code '<f8'}, {@code '>f8'}, {@code '|f8'} is not valid numpy) 2-D arrays
 * are accepted, in C or Fortran order; anything else is an {@link IllegalArgumentException}
 * naming the file and the offending header field. Object arrays (pickles) are never read.
 */
public final class NpyArrays {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyArrays() {
    }

    /**
     * @param file a .npy file holding a 2-D float64 array
     * @return the array as rows [m][n]
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a 2-D float64 .npy array or is truncated
     */
    public static double[][] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 10) {
            throw new IllegalArgumentException(file + ": too short for a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException(file + ": not a .npy file (missing the \\x93NUMPY magic)");
            }
        }
        int major = bytes[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = bb.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException(file + ": truncated .npy header");
            }
            headerLength = bb.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(file + ": unsupported .npy format version " + major + "." + (bytes[7] & 0xff));
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) {
            throw new IllegalArgumentException(file + ": truncated .npy header (length " + headerLength + ")");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(file, header, DESCR, "descr");
        ByteOrder order;
        if (descr.equals("<f8")) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (descr.equals(">f8")) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new IllegalArgumentException(file + ": dtype '" + descr + "' is not float64 ('<f8'); save with"
                    + " numpy.save(file, array.astype(numpy.float64))");
        }
        boolean fortran = field(file, header, FORTRAN, "fortran_order").equals("True");
        String[] dims = field(file, header, SHAPE, "shape").split(",");
        int count = 0;
        long[] shape = new long[2];
        for (String d : dims) {
            if (d.isBlank()) {
                continue;
            }
            if (count == 2) {
                throw new IllegalArgumentException(file + ": shape (" + String.join(",", dims) + ") is not 2-D");
            }
            try {
                shape[count++] = Long.parseLong(d.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": bad shape entry '" + d.trim() + "'");
            }
        }
        if (count != 2) {
            throw new IllegalArgumentException(file + ": shape (" + String.join(",", dims).trim() + ") is not 2-D;"
                    + " store one parameter vector per row (shape (members, K))");
        }
        long m = shape[0];
        long n = shape[1];
        int dataStart = headerStart + headerLength;
        if (m * n * 8 > Integer.MAX_VALUE || (long) bytes.length - dataStart != m * n * 8) {
            throw new IllegalArgumentException(file + ": shape (" + m + ", " + n + ") needs " + (m * n * 8)
                    + " data bytes, the file has " + (bytes.length - dataStart));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart).slice().order(order);
        double[][] out = new double[(int) m][(int) n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long index = fortran ? (long) j * m + i : (long) i * n + j;
                out[i][j] = data.getDouble((int) (index * 8));
            }
        }
        return out;
    }

    private static String field(Path file, String header, Pattern p, String name) {
        Matcher mt = p.matcher(header);
        if (!mt.find()) {
            throw new IllegalArgumentException(file + ": .npy header has no '" + name + "' field: " + header.trim());
        }
        return mt.group(1);
    }

    /**
     * Writes rows [m][n] (all of length n) as a version 1.0, C-order, little-endian float64 array.
     *
     * @param file destination, created or overwritten
     * @param rows the matrix, rows [m][n]
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException on ragged rows
     */
    public static void write(Path file, double[][] rows) throws IOException {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + n);
            }
        }
        StringBuilder h = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + m + ", " + n + "), }");
        int total = 10 + h.length() + 1;
        int pad = (64 - total % 64) % 64;
        h.append(" ".repeat(pad)).append('\n');
        ByteBuffer buf = ByteBuffer.allocate(10 + h.length() + 8 * m * n).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length());
        buf.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (double[] r : rows) {
            for (double v : r) {
                buf.putDouble(v);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(buf.array());
        }
    }

    /**
     * @param file file to sniff (only its first six bytes are read)
     * @return true when the file starts with the .npy magic
     * @throws IOException when the file cannot be opened or read
     */
    public static boolean looksLikeNpy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(6);
            if (b.length < 6) {
                return false;
            }
            for (int i = 0; i < 6; i++) {
                if (b[i] != MAGIC[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
