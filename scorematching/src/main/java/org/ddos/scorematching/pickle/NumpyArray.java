package org.ddos.scorematching.pickle;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A numpy array or numpy scalar reconstructed from a pickle: its shape and its elements converted
 * to double (or long for integer types), in C order. Built by {@code numpy._core.multiarray._reconstruct}
 * followed by BUILD with the state {@code (version, shape, dtype, is_fortran, rawdata)}, or by
 * {@code numpy._core.multiarray.scalar(dtype, rawdata)} (shape {@code []}).
 */
public final class NumpyArray {
    private int[] shape = new int[0];
    private NumpyDtype dtype;
    private double[] doubles;
    private long[] longs;

    NumpyArray() {
    }

    static NumpyArray scalar(NumpyDtype dtype, byte[] raw) {
        NumpyArray a = new NumpyArray();
        a.fill(new int[0], dtype, false, raw);
        return a;
    }

    /**
     * Applies numpy's ndarray pickle state (called reflectively by the unpickler's BUILD).
     *
     * @param state {@code (version, shape, dtype, is_fortran, rawdata)}
     * @throws CampaignFormatException on a malformed state, shape or data length
     */
    public void __setstate__(Object[] state) {
        if (state.length != 5) {
            throw new CampaignFormatException("malformed numpy array state (expected 5 fields, got " + state.length + ")");
        }
        if (!(state[1] instanceof Object[] dims)) {
            throw new CampaignFormatException("malformed numpy array shape");
        }
        int[] sh = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (!(dims[i] instanceof Number n) || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw new CampaignFormatException("malformed numpy array shape entry " + dims[i]);
            }
            sh[i] = n.intValue();
        }
        if (!(state[2] instanceof NumpyDtype dt)) {
            throw new CampaignFormatException("numpy array without a numeric dtype");
        }
        if (!(state[4] instanceof byte[] raw)) {
            throw new CampaignFormatException("numpy array data is not raw bytes (object arrays are refused)");
        }
        boolean fortran = Boolean.TRUE.equals(state[3]);
        fill(sh, dt, fortran, raw);
    }

    private void fill(int[] sh, NumpyDtype dt, boolean fortran, byte[] raw) {
        long n = 1;
        for (int d : sh) {
            n *= d;
        }
        if (n * dt.itemSize() != raw.length) {
            throw new CampaignFormatException("numpy array of shape " + Arrays.toString(sh) + " needs "
                    + n * dt.itemSize() + " bytes, the pickle holds " + raw.length + " (truncated or corrupt)");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(dt.order());
        int count = (int) n;
        double[] d = new double[count];
        long[] l = dt.kind() == 'f' ? null : new long[count];
        for (int i = 0; i < count; i++) {
            int src = fortran ? fortranIndex(i, sh) : i;
            int off = src * dt.itemSize();
            switch (dt.kind()) {
                case 'f' -> d[i] = dt.itemSize() == 8 ? buf.getDouble(off) : buf.getFloat(off);
                default -> {
                    long v = switch (dt.itemSize()) {
                        case 1 -> dt.kind() == 'i' ? buf.get(off) : buf.get(off) & 0xffL;
                        case 2 -> dt.kind() == 'i' ? buf.getShort(off) : buf.getShort(off) & 0xffffL;
                        case 4 -> dt.kind() == 'i' ? buf.getInt(off) : buf.getInt(off) & 0xffffffffL;
                        default -> buf.getLong(off);
                    };
                    l[i] = v;
                    d[i] = v;
                }
            }
        }
        this.shape = sh;
        this.dtype = dt;
        this.doubles = d;
        this.longs = l;
    }

    /** Maps a C-order flat index to the position of that element in Fortran-ordered data. */
    private static int fortranIndex(int cIndex, int[] sh) {
        int rem = cIndex;
        int f = 0;
        int stride = 1;
        int[] idx = new int[sh.length];
        for (int a = sh.length - 1; a >= 0; a--) {
            idx[a] = rem % sh[a];
            rem /= sh[a];
        }
        for (int a = 0; a < sh.length; a++) {
            f += idx[a] * stride;
            stride *= sh[a];
        }
        return f;
    }

    /** @return copy of the shape ([] for a scalar) */
    public int[] shape() {
        return shape.clone();
    }

    /** @return the elements as doubles, C order (shared array: do not modify) */
    double[] data() {
        if (doubles == null) {
            throw new CampaignFormatException("numpy array was never filled (missing BUILD state)");
        }
        return doubles;
    }

    /** @return true for integer or bool dtypes */
    boolean isInteger() {
        return longs != null;
    }

    /** @return the elements as longs (integer dtypes only) */
    long[] longData() {
        if (longs == null) {
            throw new CampaignFormatException("expected an integer numpy array, found dtype kind " + (dtype == null ? "?" : dtype.kind()));
        }
        return longs;
    }
}
