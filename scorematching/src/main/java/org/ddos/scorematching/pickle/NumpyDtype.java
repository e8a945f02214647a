package org.ddos.scorematching.pickle;

import java.nio.ByteOrder;

/**
 * The part of {@code numpy.dtype} a campaign pickle needs: a fixed-size numeric type and its byte
 * order. Built by the restricted unpickler from {@code numpy.dtype(code, align, copy)} followed by
 * BUILD with numpy's state tuple {@code (version, byteorder, subarray, names, fields, elsize,
 * alignment, flags)}.
 */
public final class NumpyDtype {
    private final char kind;
    private final int itemSize;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    NumpyDtype(String code) {
        if (code == null || code.length() < 2) {
            throw new CampaignFormatException("unsupported numpy dtype '" + code + "': only fixed-size numeric types are read");
        }
        char k = code.charAt(0);
        int size;
        try {
            size = Integer.parseInt(code.substring(1));
        } catch (NumberFormatException e) {
            throw new CampaignFormatException("unsupported numpy dtype '" + code + "'");
        }
        boolean ok = switch (k) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!ok) {
            throw new CampaignFormatException("unsupported numpy dtype '" + code
                    + "': only float32/64, (u)int8-64 and bool are read (object arrays are refused)");
        }
        this.kind = k;
        this.itemSize = size;
    }

    /**
     * Applies numpy's pickled dtype state; only the byte order matters for numeric types.
     *
     * @param state numpy's dtype state tuple {@code (version, byteorder, subarray, names, ...)}
     * @throws CampaignFormatException on a malformed state, a structured dtype (field names) or an
     *     unknown byte order
     */
    public void __setstate__(Object[] state) {
        if (state.length < 2 || !(state[1] instanceof String bo)) {
            throw new CampaignFormatException("malformed numpy dtype state");
        }
        if (state.length > 3 && state[3] != null) {
            throw new CampaignFormatException("structured numpy dtypes (with field names) are not supported");
        }
        switch (bo) {
            case "<", "|", "=" -> order = ByteOrder.LITTLE_ENDIAN;
            case ">" -> order = ByteOrder.BIG_ENDIAN;
            default -> throw new CampaignFormatException("unknown numpy byte order '" + bo + "'");
        }
    }

    /** @return numpy kind character: f, i, u or b */
    public char kind() {
        return kind;
    }

    /** @return bytes per element */
    public int itemSize() {
        return itemSize;
    }

    /** @return byte order of the raw data */
    public ByteOrder order() {
        return order;
    }
}
