package org.ddos.scorematching.archive;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.compression.CompressedCampaign;
import org.ddos.scorematching.compression.IsosurfaceAccumulator;
import org.ddos.scorematching.compression.KineticTrajectorySums;
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * Explicit Kryo serializers of the archive's classes: every field is written in a fixed order with
 * no reflection, and only these classes are registered (fixed ids below), so reading can never
 * instantiate anything else. Array lengths are checked against the bytes left before allocating.
 *
 * <p>Format versions (the container's version selects the encodings; every version is still read):
 * <ul>
 * <li>1: rotations as rows of doubles; bin edges explicit (flag 0) or first/last uniform (flag 1);
 *     histogram counts as varints; exact sums as BigDecimal (decimal scale, unscaled two's-complement bytes).</li>
 * <li>2 (smaller, same values bit for bit): rotations as one K x K block of doubles stored byte plane by
 *     byte plane (the sign/exponent bytes of all entries first, which DEFLATE then compresses); bin edges
 *     may also be first + b x step (flag 2, written only when every edge is reproduced exactly);
 *     counts as zig-zag varints of the difference to the previous bin; exact sums of doubles as dyadic
 *     numbers m x 2^-s (decimal scale s, m = unscaled / 5^s) with a fallback to the decimal form.</li>
 * <li>3: as 2, and a kinetic campaign's state may also hold its per-trajectory sums of 1/kappa
 *     (kinetic flag 2: the sums of flag 1, then frames per trajectory, G, and per isosurface the exact
 *     sums of its T trajectories followed by their T sample counts as varlongs), from which the
 *     standard errors of the microcanonical temperatures follow.</li>
 * </ul>
 */
final class ArchiveSerializers {
    static final int ID_ARCHIVE = 20;
    static final int ID_CAMPAIGN = 21;
    static final int ID_ISOSURFACE = 22;
    static final int ID_SETTINGS = 23;
    static final int ID_STATE = 24;
    static final int ID_ACCUMULATOR = 25;

    private ArchiveSerializers() {
    }

    /** @return a Kryo instance for the current format version */
    static Kryo newKryo() {
        return newKryo(PhaseArchives.FORMAT_VERSION);
    }

    /**
     * @param version the format version to read or write (1 .. {@link PhaseArchives#FORMAT_VERSION})
     * @return a Kryo instance that knows exactly the archive classes (not thread-safe: one per call)
     */
    static Kryo newKryo(int version) {
        if (version < 1 || version > PhaseArchives.FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported archive format version " + version);
        }
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(8);
        kryo.register(PhaseArchive.class, new ArchiveSerializer(), ID_ARCHIVE);
        kryo.register(PhaseCampaign.class, new CampaignSerializer(), ID_CAMPAIGN);
        kryo.register(IsosurfaceStatistics.class, new IsosurfaceSerializer(version), ID_ISOSURFACE);
        kryo.register(ScoreMatchingSettings.class, new SettingsSerializer(), ID_SETTINGS);
        kryo.register(CompressedCampaign.class, new StateSerializer(version), ID_STATE);
        kryo.register(IsosurfaceAccumulator.class, new AccumulatorSerializer(version), ID_ACCUMULATOR);
        return kryo;
    }

    // ---- primitives with bounded lengths

    static int length(Input in, int bytesPerElement) {
        int n = in.readVarInt(true);
        long left = in.limit() - in.position();
        if (n < 0 || (long) n * bytesPerElement > left) {
            throw new KryoException("array length " + n + " exceeds the data left (" + left + " bytes): truncated or corrupt");
        }
        return n;
    }

    static void writeDoubles(Output out, double[] v) {
        out.writeVarInt(v.length, true);
        out.writeDoubles(v, 0, v.length);
    }

    static double[] readDoubles(Input in) {
        int n = length(in, 8);
        return in.readDoubles(n);
    }

    static void writeMatrix(Output out, double[][] m) {
        out.writeVarInt(m.length, true);
        for (double[] row : m) {
            writeDoubles(out, row);
        }
    }

    static double[][] readMatrix(Input in) {
        int n = length(in, 1);
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = readDoubles(in);
        }
        return m;
    }

    /**
     * Edges: flag 1 = uniform (first, last; edge b = first + b * ((last - first) / B), exactly), 0 = explicit;
     * from version 2 also flag 2 = (first, step; edge b = first + b * step exactly, b = 0..B).
     */
    static void writeEdges(Output out, double[] e, int version) {
        int bins = e.length - 1;
        double step = (e[bins] - e[0]) / bins;
        boolean uniform = true;
        for (int b = 0; b < bins && uniform; b++) {
            uniform = Double.compare(b * step + e[0], e[b]) == 0;
        }
        if (!uniform && version >= 2) {
            double s = stepReproducing(e);
            if (!Double.isNaN(s)) {
                out.writeByte(2);
                out.writeVarInt(e.length, true);
                out.writeDouble(e[0]);
                out.writeDouble(s);
                return;
            }
        }
        if (uniform) {
            out.writeByte(1);
            out.writeVarInt(e.length, true);
            out.writeDouble(e[0]);
            out.writeDouble(e[bins]);
        } else {
            out.writeByte(0);
            writeDoubles(out, e);
        }
    }

    /**
     * @return a step s &gt; 0 with e[b] == e[0] + b * s exactly (double arithmetic) for every b, or NaN.
     *     For each b the steps reproducing e[b] form an interval (e[0] + b s is monotone in s); the
     *     intervals are found by bisection on the bit patterns of positive doubles and intersected.
     */
    static double stepReproducing(double[] e) {
        int bins = e.length - 1;
        if (!(e[bins] > e[0]) || !Double.isFinite(e[0]) || !Double.isFinite(e[bins])) {
            return Double.NaN;
        }
        long lo = 1;
        long hi = Double.doubleToRawLongBits(Double.MAX_VALUE);
        for (int b = bins; b >= 1 && lo <= hi; b--) {
            // smallest s with e0 + b s >= e[b], largest s with e0 + b s <= e[b]
            lo = Math.max(lo, firstAtLeast(e[0], b, e[b]));
            hi = Math.min(hi, firstAtLeast(e[0], b, Math.nextUp(e[b])) - 1);
        }
        if (lo > hi) {
            return Double.NaN;
        }
        double s = Double.longBitsToDouble(lo);
        for (int b = 0; b <= bins; b++) {
            if (Double.compare(e[0] + b * s, e[b]) != 0) {
                return Double.NaN;
            }
        }
        return s;
    }

    /** @return the bits of the smallest positive double s with first + b * s &gt;= target (MAX_VALUE bits + 1 if none) */
    private static long firstAtLeast(double first, int b, double target) {
        long lo = 1;
        long hi = Double.doubleToRawLongBits(Double.MAX_VALUE) + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (first + b * Double.longBitsToDouble(mid) >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static double[] readEdges(Input in) {
        byte flag = in.readByte();
        if (flag == 0) {
            return readDoubles(in);
        }
        if (flag == 2) {
            int n = in.readVarInt(true);
            if (n < 2 || n > 1_000_000) {
                throw new KryoException("bad bin-edge count " + n);
            }
            double first = in.readDouble();
            double step = in.readDouble();
            double[] e = new double[n];
            for (int b = 0; b < n; b++) {
                e[b] = first + b * step;
            }
            return e;
        }
        if (flag != 1) {
            throw new KryoException("unknown bin-edge encoding " + flag);
        }
        int n = in.readVarInt(true);
        if (n < 2 || n > 1_000_000) {
            throw new KryoException("bad bin-edge count " + n);
        }
        double first = in.readDouble();
        double last = in.readDouble();
        int bins = n - 1;
        double step = (last - first) / bins;
        double[] e = new double[n];
        for (int b = 0; b < bins; b++) {
            e[b] = b * step + first;
        }
        e[bins] = last;
        return e;
    }

    /** Counts: varints (version 1) or zig-zag varints of the difference to the previous bin (version 2). */
    static void writeCounts(Output out, long[][] c, int version) {
        out.writeVarInt(c.length, true);
        for (long[] row : c) {
            out.writeVarInt(row.length, true);
            long prev = 0;
            for (long v : row) {
                if (version >= 2) {
                    out.writeVarLong(v - prev, false);
                    prev = v;
                } else {
                    out.writeVarLong(v, true);
                }
            }
        }
    }

    static long[][] readCounts(Input in, int version) {
        int n = length(in, 1);
        long[][] c = new long[n][];
        for (int i = 0; i < n; i++) {
            int m = length(in, 1);
            c[i] = new long[m];
            long prev = 0;
            for (int b = 0; b < m; b++) {
                if (version >= 2) {
                    prev += in.readVarLong(false);
                    c[i][b] = prev;
                } else {
                    c[i][b] = in.readVarLong(true);
                }
            }
        }
        return c;
    }

    /** A K x K matrix (version 2): K, then the raw bits of its K^2 doubles, most significant byte plane first. */
    static void writeSquare(Output out, double[][] m) {
        int k = m.length;
        out.writeVarInt(k, true);
        byte[] planes = new byte[8 * k * k];
        int n = k * k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                long bits = Double.doubleToRawLongBits(m[i][j]);
                int at = i * k + j;
                for (int p = 0; p < 8; p++) {
                    planes[p * n + at] = (byte) (bits >>> (56 - 8 * p));
                }
            }
        }
        out.writeBytes(planes);
    }

    static double[][] readSquare(Input in) {
        int k = in.readVarInt(true);
        long left = in.limit() - in.position();
        if (k < 0 || k > 1 << 14 || 8L * k * k > left) {
            throw new KryoException("matrix size " + k + " exceeds the data left (" + left + " bytes): truncated or corrupt");
        }
        int n = k * k;
        byte[] planes = in.readBytes(8 * n);
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int at = i * k + j;
                long bits = 0;
                for (int p = 0; p < 8; p++) {
                    bits = (bits << 8) | (planes[p * n + at] & 0xffL);
                }
                m[i][j] = Double.longBitsToDouble(bits);
            }
        }
        return m;
    }

    private static final BigInteger FIVE = BigInteger.valueOf(5);
    /** Largest decimal scale written in the dyadic form (sums of doubles need at most 1074 + a few). */
    private static final int MAX_DYADIC_SCALE = 1200;

    /**
     * Exact sums. Version 1: decimal scale, unscaled bytes. Version 2: a tag byte, 1 = dyadic
     * (decimal scale s &gt;= 0 with unscaled = m x 5^s, m written: value m x 2^-s, a third of the bytes)
     * or 0 = the version-1 form.
     */
    static void writeBig(Output out, BigDecimal[] v, int version) {
        out.writeVarInt(v.length, true);
        for (BigDecimal x : v) {
            BigInteger unscaled = x.unscaledValue();
            int scale = x.scale();
            if (version >= 2) {
                if (scale >= 0 && scale <= MAX_DYADIC_SCALE) {
                    BigInteger[] qr = unscaled.divideAndRemainder(FIVE.pow(scale));
                    if (qr[1].signum() == 0) {
                        byte[] m = qr[0].toByteArray();
                        out.writeByte(1);
                        out.writeVarInt(scale, true);
                        out.writeVarInt(m.length, true);
                        out.writeBytes(m);
                        continue;
                    }
                }
                out.writeByte(0);
            }
            byte[] bytes = unscaled.toByteArray();
            out.writeVarInt(scale, false);
            out.writeVarInt(bytes.length, true);
            out.writeBytes(bytes);
        }
    }

    static BigDecimal[] readBig(Input in, int version) {
        int n = length(in, 2);
        BigDecimal[] v = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            byte tag = version >= 2 ? in.readByte() : 0;
            if (tag == 1) {
                int scale = in.readVarInt(true);
                if (scale > MAX_DYADIC_SCALE) {
                    throw new KryoException("exact sum with scale " + scale + " beyond " + MAX_DYADIC_SCALE);
                }
                int len = length(in, 1);
                if (len == 0) {
                    throw new KryoException("empty exact sum");
                }
                v[i] = new BigDecimal(new BigInteger(in.readBytes(len)).multiply(FIVE.pow(scale)), scale);
                continue;
            }
            if (tag != 0) {
                throw new KryoException("unknown exact-sum encoding " + tag);
            }
            int scale = in.readVarInt(false);
            int len = length(in, 1);
            if (len == 0) {
                throw new KryoException("empty exact sum");
            }
            v[i] = new BigDecimal(new BigInteger(in.readBytes(len)), scale);
        }
        return v;
    }

    /** Version 2: flag 1 + {@link #writeSquare} for a square matrix, flag 0 + rows otherwise. */
    static void writeRotation(Output out, double[][] m, int version) {
        if (version < 2) {
            writeMatrix(out, m);
            return;
        }
        boolean square = true;
        for (double[] row : m) {
            square &= row.length == m.length;
        }
        out.writeByte(square ? 1 : 0);
        if (square) {
            writeSquare(out, m);
        } else {
            writeMatrix(out, m);
        }
    }

    static double[][] readRotation(Input in, int version) {
        if (version < 2) {
            return readMatrix(in);
        }
        byte flag = in.readByte();
        if (flag == 1) {
            return readSquare(in);
        }
        if (flag != 0) {
            throw new KryoException("unknown matrix encoding " + flag);
        }
        return readMatrix(in);
    }

    // ---- serializers

    static final class SettingsSerializer extends Serializer<ScoreMatchingSettings> {
        @Override
        public void write(Kryo kryo, Output out, ScoreMatchingSettings s) {
            out.writeString(s.basis().name());
            out.writeVarInt(s.order(), true);
            out.writeDouble(s.effectiveSampleFraction());
        }

        @Override
        public ScoreMatchingSettings read(Kryo kryo, Input in, Class<? extends ScoreMatchingSettings> type) {
            String basis = in.readString();
            int order = in.readVarInt(true);
            double fraction = in.readDouble();
            return new ScoreMatchingSettings(PolynomialBasis.parse(basis), order, fraction);
        }
    }

    static final class IsosurfaceSerializer extends Serializer<IsosurfaceStatistics> {
        private final int version;

        IsosurfaceSerializer(int version) {
            this.version = version;
        }

        @Override
        public void write(Kryo kryo, Output out, IsosurfaceStatistics s) {
            out.writeDouble(s.isosurface());
            writeDoubles(out, s.mean());
            writeDoubles(out, s.covarianceEigenvalues());
            writeRotation(out, s.rotation(), version);
            double[][] edges = s.binEdges();
            out.writeVarInt(edges.length, true);
            for (double[] e : edges) {
                writeEdges(out, e, version);
            }
            writeCounts(out, s.counts(), version);
        }

        @Override
        public IsosurfaceStatistics read(Kryo kryo, Input in, Class<? extends IsosurfaceStatistics> type) {
            double iso = in.readDouble();
            double[] mean = readDoubles(in);
            double[] eval = readDoubles(in);
            double[][] rot = readRotation(in, version);
            int k = length(in, 1);
            double[][] edges = new double[k][];
            for (int j = 0; j < k; j++) {
                edges[j] = readEdges(in);
            }
            return new IsosurfaceStatistics(iso, mean, eval, rot, edges, readCounts(in, version));
        }
    }

    static final class CampaignSerializer extends Serializer<PhaseCampaign> {
        @Override
        public void write(Kryo kryo, Output out, PhaseCampaign c) {
            out.writeString(c.name());
            out.writeString(c.flavor());
            out.writeVarInt(c.atomCount(), true);
            out.writeDouble(c.mass());
            out.writeDouble(c.volume());
            writeMatrix(out, c.cell());
            writeDoubles(out, c.latticePositions());
            writeDoubles(out, c.latticeDescriptor());
            out.writeDouble(c.energyScale());
            out.writeDouble(c.logMeanEigenvalue());
            out.writeDouble(c.alphaShift());
            out.writeVarInt(c.isosurfaceCount(), true);
            for (IsosurfaceStatistics s : c.isosurfaces()) {
                kryo.writeObject(out, s);
            }
        }

        @Override
        public PhaseCampaign read(Kryo kryo, Input in, Class<? extends PhaseCampaign> type) {
            String name = in.readString();
            String flavor = in.readString();
            int n = in.readVarInt(true);
            double mass = in.readDouble();
            double volume = in.readDouble();
            double[][] cell = readMatrix(in);
            double[] x0 = readDoubles(in);
            double[] d0 = readDoubles(in);
            double u0 = in.readDouble();
            double logDet = in.readDouble();
            double shift = in.readDouble();
            int g = length(in, 8);
            List<IsosurfaceStatistics> iso = new ArrayList<>();
            for (int i = 0; i < g; i++) {
                iso.add(kryo.readObject(in, IsosurfaceStatistics.class));
            }
            return new PhaseCampaign(name, flavor, n, mass, volume, cell, x0, d0, u0, logDet, shift, iso);
        }
    }

    static final class AccumulatorSerializer extends Serializer<IsosurfaceAccumulator> {
        private final int version;

        AccumulatorSerializer(int version) {
            this.version = version;
        }

        @Override
        public void write(Kryo kryo, Output out, IsosurfaceAccumulator a) {
            out.writeDouble(a.isosurface());
            writeRotation(out, a.rotation(), version);
            double[][] edges = a.absoluteEdges();
            out.writeVarInt(edges.length, true);
            for (double[] e : edges) {
                writeEdges(out, e, version);
            }
            writeCounts(out, a.counts(), version);
            long[] clipped = a.clipped();
            out.writeVarInt(clipped.length, true);
            for (long c : clipped) {
                out.writeVarLong(c, true);
            }
            writeBig(out, a.sumDescriptor(), version);
            writeBig(out, a.sumProjection(), version);
            writeBig(out, a.sumProjectionSquared(), version);
            out.writeVarLong(a.sampleCount(), true);
        }

        @Override
        public IsosurfaceAccumulator read(Kryo kryo, Input in, Class<? extends IsosurfaceAccumulator> type) {
            double iso = in.readDouble();
            double[][] rot = readRotation(in, version);
            int k = length(in, 1);
            double[][] edges = new double[k][];
            for (int j = 0; j < k; j++) {
                edges[j] = readEdges(in);
            }
            long[][] counts = readCounts(in, version);
            int kc = length(in, 1);
            long[] clipped = new long[kc];
            for (int j = 0; j < kc; j++) {
                clipped[j] = in.readVarLong(true);
            }
            BigDecimal[] sumD = readBig(in, version);
            BigDecimal[] sumY = readBig(in, version);
            BigDecimal[] sumY2 = readBig(in, version);
            long n = in.readVarLong(true);
            return new IsosurfaceAccumulator(iso, rot, edges, counts, clipped, sumD, sumY, sumY2, n);
        }
    }

    static final class StateSerializer extends Serializer<CompressedCampaign> {
        private final int version;

        StateSerializer(int version) {
            this.version = version;
        }

        @Override
        public void write(Kryo kryo, Output out, CompressedCampaign c) {
            out.writeString(c.name);
            out.writeString(c.flavor);
            out.writeVarInt(c.atomCount, true);
            out.writeDouble(c.mass);
            out.writeDouble(c.volume);
            writeMatrix(out, c.cell);
            writeDoubles(out, c.positions);
            writeDoubles(out, c.latticeDescriptor);
            out.writeDouble(c.energyScale);
            out.writeDouble(c.logMeanEigenvalue);
            out.writeDouble(c.alphaShift);
            out.writeDouble(c.strain);
            writeDoubles(out, c.stiffness);
            writeDoubles(out, c.isosurfaceValues);
            out.writeVarLong(c.samplesPerIsosurface, true);
            out.writeVarInt(c.bins, true);
            out.writeVarInt(c.shardCount, true);
            int[] shards = c.shards();
            out.writeVarInt(shards.length, true);
            for (int s : shards) {
                out.writeVarInt(s, true);
            }
            for (int g = 0; g < c.isosurfaceCount(); g++) {
                out.writeVarLong(c.committed(g), true);
                kryo.writeObjectOrNull(out, c.accumulator(g), IsosurfaceAccumulator.class);
            }
            BigDecimal[] kinetic = c.inverseKineticSums();
            KineticTrajectorySums trajectories = c.trajectorySums();
            if (trajectories != null && version < 3) {
                throw new IllegalArgumentException("format version " + version + " cannot hold the per-trajectory sums of '"
                        + c.name + "': write version 3");
            }
            if (version >= 2) {
                out.writeByte(kinetic == null ? 0 : trajectories == null ? 1 : 2);
                if (kinetic != null) {
                    writeBig(out, kinetic, version);
                }
                if (trajectories != null) {
                    out.writeVarInt(trajectories.framesPerTrajectory(), true);
                    BigDecimal[][] sums = trajectories.sums();
                    long[][] counts = trajectories.counts();
                    out.writeVarInt(sums.length, true);
                    for (int g = 0; g < sums.length; g++) {
                        writeBig(out, sums[g], version);
                        for (long n : counts[g]) {
                            out.writeVarLong(n, true);
                        }
                    }
                }
            } else if (kinetic != null) {
                throw new IllegalArgumentException("format version 1 cannot hold the kinetic-energy sums of '" + c.name
                        + "': write version 2");
            }
        }

        @Override
        public CompressedCampaign read(Kryo kryo, Input in, Class<? extends CompressedCampaign> type) {
            String name = in.readString();
            String flavor = in.readString();
            int n = in.readVarInt(true);
            double mass = in.readDouble();
            double volume = in.readDouble();
            double[][] cell = readMatrix(in);
            double[] x0 = readDoubles(in);
            double[] d0 = readDoubles(in);
            double u0 = in.readDouble();
            double logDet = in.readDouble();
            double shift = in.readDouble();
            double strain = in.readDouble();
            double[] stiffness = readDoubles(in);
            double[] values = readDoubles(in);
            long samples = in.readVarLong(true);
            int bins = in.readVarInt(true);
            int shardCount = in.readVarInt(true);
            int ns = length(in, 1);
            int[] shards = new int[ns];
            for (int i = 0; i < ns; i++) {
                shards[i] = in.readVarInt(true);
            }
            IsosurfaceAccumulator[] acc = new IsosurfaceAccumulator[values.length];
            long[] committed = new long[values.length];
            for (int g = 0; g < values.length; g++) {
                committed[g] = in.readVarLong(true);
                acc[g] = kryo.readObjectOrNull(in, IsosurfaceAccumulator.class);
            }
            BigDecimal[] kinetic = null;
            KineticTrajectorySums trajectories = null;
            if (version >= 2) {
                byte flag = in.readByte();
                if (flag == 1 || (flag == 2 && version >= 3)) {
                    kinetic = readBig(in, version);
                } else if (flag != 0) {
                    throw new KryoException("unknown kinetic-sums flag " + flag + " in format version " + version);
                }
                if (flag == 2) {
                    int frames = in.readVarInt(true);
                    int g = length(in, 1);
                    BigDecimal[][] sums = new BigDecimal[g][];
                    long[][] counts = new long[g][];
                    for (int i = 0; i < g; i++) {
                        sums[i] = readBig(in, version);
                        counts[i] = new long[sums[i].length];
                        for (int t = 0; t < counts[i].length; t++) {
                            counts[i][t] = in.readVarLong(true);
                        }
                    }
                    try {
                        trajectories = new KineticTrajectorySums(frames, sums, counts);
                    } catch (IllegalArgumentException e) {
                        throw new KryoException("bad per-trajectory sums: " + e.getMessage());
                    }
                }
            }
            return new CompressedCampaign(name, flavor, n, mass, volume, cell, x0, d0, u0, logDet, shift, strain,
                    stiffness, values, samples, bins, shardCount, shards, acc, committed, kinetic, trajectories);
        }
    }

    static final class ArchiveSerializer extends Serializer<PhaseArchive> {
        @Override
        public void write(Kryo kryo, Output out, PhaseArchive a) {
            out.writeString(a.name());
            out.writeVarInt(a.provenance().size(), true);
            a.provenance().forEach((k, v) -> {
                out.writeString(k);
                out.writeString(v);
            });
            kryo.writeObject(out, a.settings());
            out.writeVarInt(a.importedCampaigns().size(), true);
            for (PhaseCampaign c : a.importedCampaigns()) {
                kryo.writeClassAndObject(out, c);
            }
            out.writeVarInt(a.states().size(), true);
            for (CompressedCampaign c : a.states()) {
                kryo.writeClassAndObject(out, c);
            }
        }

        @Override
        public PhaseArchive read(Kryo kryo, Input in, Class<? extends PhaseArchive> type) {
            String name = in.readString();
            int np = length(in, 2);
            TreeMap<String, String> prov = new TreeMap<>();
            for (int i = 0; i < np; i++) {
                prov.put(in.readString(), in.readString());
            }
            ScoreMatchingSettings settings = kryo.readObject(in, ScoreMatchingSettings.class);
            int nc = length(in, 1);
            List<PhaseCampaign> campaigns = new ArrayList<>();
            for (int i = 0; i < nc; i++) {
                campaigns.add(expect(kryo.readClassAndObject(in), PhaseCampaign.class));
            }
            int ns = length(in, 1);
            List<CompressedCampaign> states = new ArrayList<>();
            for (int i = 0; i < ns; i++) {
                states.add(expect(kryo.readClassAndObject(in), CompressedCampaign.class));
            }
            return new PhaseArchive(name, prov, settings, campaigns, states);
        }
    }

    static <T> T expect(Object o, Class<T> type) {
        if (!type.isInstance(o)) {
            throw new KryoException("expected " + type.getSimpleName() + ", found "
                    + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return type.cast(o);
    }
}
