package org.ddos.calibration.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy format as documented by numpy (numpy.lib.format). */
class NpyArraysTest {

    /** Bytes laid out by hand from the format description, independent of the writer. */
    private static byte[] npy(int major, String header, ByteOrder order, double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        int prefix = major == 1 ? 10 : 12;
        int pad = (64 - (prefix + header.length() + 1) % 64) % 64;
        String h = header + " ".repeat(pad) + "\n";
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) h.length());
        } else {
            len.putInt(h.length());
        }
        out.writeBytes(len.array());
        out.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer d = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            d.putDouble(v);
        }
        out.writeBytes(d.array());
        return out.toByteArray();
    }

    @Test
    void readsCAndFortranOrderBothEndiannesses(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("c.npy");
        Files.write(c, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", ByteOrder.LITTLE_ENDIAN,
                1, 2, 3, 4, 5, 6));
        double[][] a = NpyArrays.read(c);
        assertArrayEquals(new double[] {1, 2, 3}, a[0]);
        assertArrayEquals(new double[] {4, 5, 6}, a[1]);
        Path f = dir.resolve("f.npy");
        Files.write(f, npy(2, "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", ByteOrder.BIG_ENDIAN,
                1, 4, 2, 5, 3, 6));
        double[][] b = NpyArrays.read(f);
        assertArrayEquals(a[0], b[0]);
        assertArrayEquals(a[1], b[1]);
    }

    @Test
    void roundTripsAndHeaderIsAlignedTo64Bytes(@TempDir Path dir) throws Exception {
        double[][] x = {{1.5, -2.25, Math.PI}, {1e-300, 7, 8}};
        Path p = dir.resolve("x.npy");
        NpyArrays.write(p, x);
        byte[] bytes = Files.readAllBytes(p);
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64);
        assertEquals(10 + headerLen + 48, bytes.length);
        double[][] y = NpyArrays.read(p);
        assertArrayEquals(x[0], y[0]);
        assertArrayEquals(x[1], y[1]);
        assertTrue(NpyArrays.looksLikeNpy(p));
    }

    @Test
    void rejectsWrongDtypeShapeMagicAndTruncation(@TempDir Path dir) throws Exception {
        Path f4 = dir.resolve("f4.npy");
        Files.write(f4, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", ByteOrder.LITTLE_ENDIAN, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyArrays.read(f4));
        assertTrue(e.getMessage().contains("'<f4'"), e.getMessage());
        Path oneD = dir.resolve("1d.npy");
        Files.write(oneD, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", ByteOrder.LITTLE_ENDIAN, 1, 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> NpyArrays.read(oneD));
        assertTrue(e.getMessage().contains("not 2-D"), e.getMessage());
        Path shortData = dir.resolve("short.npy");
        Files.write(shortData, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", ByteOrder.LITTLE_ENDIAN, 1, 2, 3));
        e = assertThrows(IllegalArgumentException.class, () -> NpyArrays.read(shortData));
        assertTrue(e.getMessage().contains("needs 32 data bytes"), e.getMessage());
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "1,2,3\n4,5,6\n");
        assertThrows(IllegalArgumentException.class, () -> NpyArrays.read(text));
    }
}
