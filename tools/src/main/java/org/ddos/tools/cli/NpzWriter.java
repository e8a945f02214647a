package org.ddos.tools.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes numpy {@code .npz} files (a zip of {@code .npy} arrays, NPY format 1.0, little-endian,
 * C order), readable with {@code numpy.load}. Only float64 and int64 arrays.
 */
final class NpzWriter implements AutoCloseable {
    private final ZipOutputStream zip;

    NpzWriter(Path file) throws IOException {
        this.zip = new ZipOutputStream(Files.newOutputStream(file));
    }

    void write(String name, double[] data, int... shape) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            bb.putDouble(v);
        }
        entry(name, "<f8", shape, bb.array());
    }

    void write(String name, long[] data, int... shape) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : data) {
            bb.putLong(v);
        }
        entry(name, "<i8", shape, bb.array());
    }

    private void entry(String name, String descr, int[] shape, byte[] body) throws IOException {
        long n = 1;
        StringBuilder sh = new StringBuilder("(");
        for (int s : shape) {
            n *= s;
            sh.append(s).append(shape.length == 1 ? ",)" : ", ");
        }
        if (shape.length == 0) {
            sh.append(')');
        } else if (shape.length > 1) {
            sh.setLength(sh.length() - 2);
            sh.append(')');
        }
        if (n * 8 != body.length) {
            throw new IllegalArgumentException(name + ": shape does not match the data length");
        }
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        OutputStream out = zip;
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = header.length();
        out.write(new byte[] {(byte) (len & 0xff), (byte) (len >> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
