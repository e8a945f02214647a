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
import org.ddos.scorematching.score.PolynomialBasis;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * Explicit Kryo serializers of the archive's classes: every field is written in a fixed order with
 * no reflection, and only these classes are registered (fixed ids below), so reading can never
 * instantiate anything else. Array lengths are checked against the bytes left before allocating.
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

    /** @return a Kryo instance that knows exactly the archive classes (not thread-safe: one per call) */
    static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(8);
        kryo.register(PhaseArchive.class, new ArchiveSerializer(), ID_ARCHIVE);
        kryo.register(PhaseCampaign.class, new CampaignSerializer(), ID_CAMPAIGN);
        kryo.register(IsosurfaceStatistics.class, new IsosurfaceSerializer(), ID_ISOSURFACE);
        kryo.register(ScoreMatchingSettings.class, new SettingsSerializer(), ID_SETTINGS);
        kryo.register(CompressedCampaign.class, new StateSerializer(), ID_STATE);
        kryo.register(IsosurfaceAccumulator.class, new AccumulatorSerializer(), ID_ACCUMULATOR);
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

    /** Edges: flag 1 = uniform (first, last; edge b = first + b * ((last - first) / B), exactly), 0 = explicit. */
    static void writeEdges(Output out, double[] e) {
        int bins = e.length - 1;
        double step = (e[bins] - e[0]) / bins;
        boolean uniform = true;
        for (int b = 0; b < bins && uniform; b++) {
            uniform = Double.compare(b * step + e[0], e[b]) == 0;
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

    static double[] readEdges(Input in) {
        byte flag = in.readByte();
        if (flag == 0) {
            return readDoubles(in);
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

    static void writeCounts(Output out, long[][] c) {
        out.writeVarInt(c.length, true);
        for (long[] row : c) {
            out.writeVarInt(row.length, true);
            for (long v : row) {
                out.writeVarLong(v, true);
            }
        }
    }

    static long[][] readCounts(Input in) {
        int n = length(in, 1);
        long[][] c = new long[n][];
        for (int i = 0; i < n; i++) {
            int m = length(in, 1);
            c[i] = new long[m];
            for (int b = 0; b < m; b++) {
                c[i][b] = in.readVarLong(true);
            }
        }
        return c;
    }

    static void writeBig(Output out, BigDecimal[] v) {
        out.writeVarInt(v.length, true);
        for (BigDecimal x : v) {
            byte[] unscaled = x.unscaledValue().toByteArray();
            out.writeVarInt(x.scale(), false);
            out.writeVarInt(unscaled.length, true);
            out.writeBytes(unscaled);
        }
    }

    static BigDecimal[] readBig(Input in) {
        int n = length(in, 2);
        BigDecimal[] v = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int scale = in.readVarInt(false);
            int len = length(in, 1);
            if (len == 0) {
                throw new KryoException("empty exact sum");
            }
            v[i] = new BigDecimal(new BigInteger(in.readBytes(len)), scale);
        }
        return v;
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
        @Override
        public void write(Kryo kryo, Output out, IsosurfaceStatistics s) {
            out.writeDouble(s.isosurface());
            writeDoubles(out, s.mean());
            writeDoubles(out, s.covarianceEigenvalues());
            writeMatrix(out, s.rotation());
            double[][] edges = s.binEdges();
            out.writeVarInt(edges.length, true);
            for (double[] e : edges) {
                writeEdges(out, e);
            }
            writeCounts(out, s.counts());
        }

        @Override
        public IsosurfaceStatistics read(Kryo kryo, Input in, Class<? extends IsosurfaceStatistics> type) {
            double iso = in.readDouble();
            double[] mean = readDoubles(in);
            double[] eval = readDoubles(in);
            double[][] rot = readMatrix(in);
            int k = length(in, 1);
            double[][] edges = new double[k][];
            for (int j = 0; j < k; j++) {
                edges[j] = readEdges(in);
            }
            return new IsosurfaceStatistics(iso, mean, eval, rot, edges, readCounts(in));
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
        @Override
        public void write(Kryo kryo, Output out, IsosurfaceAccumulator a) {
            out.writeDouble(a.isosurface());
            writeMatrix(out, a.rotation());
            double[][] edges = a.absoluteEdges();
            out.writeVarInt(edges.length, true);
            for (double[] e : edges) {
                writeEdges(out, e);
            }
            writeCounts(out, a.counts());
            long[] clipped = a.clipped();
            out.writeVarInt(clipped.length, true);
            for (long c : clipped) {
                out.writeVarLong(c, true);
            }
            writeBig(out, a.sumDescriptor());
            writeBig(out, a.sumProjection());
            writeBig(out, a.sumProjectionSquared());
            out.writeVarLong(a.sampleCount(), true);
        }

        @Override
        public IsosurfaceAccumulator read(Kryo kryo, Input in, Class<? extends IsosurfaceAccumulator> type) {
            double iso = in.readDouble();
            double[][] rot = readMatrix(in);
            int k = length(in, 1);
            double[][] edges = new double[k][];
            for (int j = 0; j < k; j++) {
                edges[j] = readEdges(in);
            }
            long[][] counts = readCounts(in);
            int kc = length(in, 1);
            long[] clipped = new long[kc];
            for (int j = 0; j < kc; j++) {
                clipped[j] = in.readVarLong(true);
            }
            BigDecimal[] sumD = readBig(in);
            BigDecimal[] sumY = readBig(in);
            BigDecimal[] sumY2 = readBig(in);
            long n = in.readVarLong(true);
            return new IsosurfaceAccumulator(iso, rot, edges, counts, clipped, sumD, sumY, sumY2, n);
        }
    }

    static final class StateSerializer extends Serializer<CompressedCampaign> {
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
            return new CompressedCampaign(name, flavor, n, mass, volume, cell, x0, d0, u0, logDet, shift, strain,
                    stiffness, values, samples, bins, shardCount, shards, acc, committed);
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
