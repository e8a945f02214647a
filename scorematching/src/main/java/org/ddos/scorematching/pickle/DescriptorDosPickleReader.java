package org.ddos.scorematching.pickle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ddos.descriptors.structure.CellGeometry;
import org.ddos.scorematching.campaign.IsosurfaceStatistics;
import org.ddos.scorematching.campaign.PhaseCampaign;

/**
 * Reads campaign files of the DescriptorDOS reference implementation
 * (github.com/tomswinburne/DescriptorDOS) as they are: Python pickles (protocol 2-5) holding a
 * list with one dict per isosurface (and volume) of numpy arrays and numpy scalars.
 *
 * <p>Keys read per dict: {@code cov_eval} (K), {@code cov_evec} (K x K), {@code cov_counts}
 * (K x B), {@code cov_bins} (K x (B+1)), {@code D_mean} (K), {@code IsoSurfaceMeasured_mean},
 * {@code N}, {@code mass}, {@code V_0}, {@code C_0} (3x3), {@code x_0} (3N), {@code D_0} (K),
 * {@code U_0}, {@code log_det}, {@code alpha_shift}, {@code flavor}, and {@code C_ref} (3x3) when
 * present. Dicts are grouped by volume per atom, {@code V_0 / N}.
 *
 * <p>Lattice positions: DescriptorDOS stores {@code x_0} in the unstrained cell {@code C_ref} while
 * {@code C_0} is the strained cell of the campaign (for the published Fe files
 * C_0 = 1.01 C_ref for bcc, 1.005 C_ref for fcc). When {@code C_ref} is present the campaign's
 * {@link PhaseCampaign#latticePositions()} are {@code x_0} mapped into {@code C_0} (same fractional
 * coordinates), the lattice whose descriptor is {@code D_0}.
 *
 * <p>Only numpy arrays, dtypes and scalars can be constructed (see {@link RestrictedUnpickler}).
 * Errors ({@link CampaignFormatException}) name the file and the problem: not a pickle,
 * truncated, a foreign class, a missing key, inconsistent shapes.
 */
public final class DescriptorDosPickleReader {
    private static final String[] REQUIRED = {"cov_eval", "cov_evec", "cov_counts", "cov_bins", "D_mean",
        "IsoSurfaceMeasured_mean", "N", "mass", "V_0", "D_0", "U_0", "log_det", "alpha_shift", "flavor"};

    private DescriptorDosPickleReader() {
    }

    /**
     * @param file file to sniff (only its first two bytes are read)
     * @return true when the file starts like a pickle of protocol 2 to 5 (0x80, version byte)
     * @throws IOException when the file cannot be opened or read
     */
    public static boolean looksLikePickle(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5;
        }
    }

    /**
     * Reads a campaign holding exactly one volume.
     *
     * @param file DescriptorDOS campaign pickle
     * @return the campaign of the file's only volume
     * @throws CampaignFormatException when the file holds several volumes (the message lists
     *     them; use {@link #read(Path, double)}) or cannot be read
     * @throws IOException on an I/O error
     */
    public static PhaseCampaign read(Path file) throws IOException {
        List<PhaseCampaign> all = readAll(file);
        if (all.size() > 1) {
            StringBuilder sb = new StringBuilder();
            for (PhaseCampaign c : all) {
                sb.append(String.format(Locale.ROOT, " %.4f", c.volumePerAtom()));
            }
            throw new CampaignFormatException(file + ": holds " + all.size()
                    + " volumes (Å^3/atom:" + sb + "); choose one");
        }
        return all.get(0);
    }

    /**
     * Reads the volume closest to {@code volumePerAtom} (Å^3/atom), as DescriptorDOS's analyser does.
     *
     * @param file DescriptorDOS campaign pickle
     * @param volumePerAtom wanted volume per atom V_0 / N in Å^3
     * @return the campaign whose volume per atom is nearest (the first of equally near ones)
     * @throws CampaignFormatException when the file cannot be read as a campaign
     * @throws IOException on an I/O error
     */
    public static PhaseCampaign read(Path file, double volumePerAtom) throws IOException {
        PhaseCampaign best = null;
        for (PhaseCampaign c : readAll(file)) {
            if (best == null || Math.abs(c.volumePerAtom() - volumePerAtom) < Math.abs(best.volumePerAtom() - volumePerAtom)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * @param file DescriptorDOS campaign pickle
     * @return one campaign per volume in the file, sorted by volume per atom
     * @throws CampaignFormatException when the file is not a pickle, is truncated, names a foreign
     *     class, lacks a required key or has inconsistent shapes (the message names the file)
     * @throws IOException on an I/O error
     */
    public static List<PhaseCampaign> readAll(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = stem(file);
        Object root;
        RestrictedUnpickler u = new RestrictedUnpickler();
        try {
            root = u.load(new ByteArrayInputStream(bytes));
        } catch (CampaignFormatException e) {
            throw new CampaignFormatException(file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof IOException && bytes.length > 0 && (bytes[0] & 0xff) == 0x80) {
                why = "unexpected end of data (truncated file?): " + why;
            }
            throw new CampaignFormatException(file + ": not a readable DescriptorDOS campaign pickle: " + why, e);
        } finally {
            u.close();
        }
        if (!(root instanceof List<?> list) || list.isEmpty()) {
            throw new CampaignFormatException(file + ": expected a non-empty list of per-isosurface dicts, found "
                    + (root == null ? "None" : root.getClass().getSimpleName()));
        }
        Map<Long, List<Map<?, ?>>> byVolume = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> d)) {
                throw new CampaignFormatException(file + ": entry " + i + " is not a dict");
            }
            for (String key : REQUIRED) {
                if (!d.containsKey(key)) {
                    throw new CampaignFormatException(file + ": entry " + i + " lacks key '" + key + "'");
                }
            }
            double vpa = scalar(d, "V_0", file, i) / scalar(d, "N", file, i);
            byVolume.computeIfAbsent(Math.round(vpa * 1e6), v -> new ArrayList<>()).add(d);
        }
        List<PhaseCampaign> out = new ArrayList<>();
        for (List<Map<?, ?>> group : byVolume.values()) {
            out.add(campaign(name, group, file));
        }
        return out;
    }

    private static PhaseCampaign campaign(String name, Collection<Map<?, ?>> group, Path file) {
        List<IsosurfaceStatistics> iso = new ArrayList<>();
        Map<?, ?> first = group.iterator().next();
        int index = 0;
        for (Map<?, ?> d : group) {
            try {
                double[] eval = vector(d, "cov_eval", file, index);
                int k = eval.length;
                iso.add(new IsosurfaceStatistics(scalar(d, "IsoSurfaceMeasured_mean", file, index),
                        vector(d, "D_mean", file, index), eval,
                        matrix(d, "cov_evec", k, -1, file, index),
                        matrix(d, "cov_bins", k, -1, file, index),
                        countMatrix(d, "cov_counts", k, file, index)));
            } catch (IllegalArgumentException e) {
                throw new CampaignFormatException(file + ": entry " + index + ": " + e.getMessage(), e);
            }
            index++;
        }
        int n = (int) Math.round(scalar(first, "N", file, 0));
        Object fl = first.get("flavor");
        String flavor = fl instanceof String s ? s.toLowerCase(Locale.ROOT) : "hessian";
        double[][] cell = first.containsKey("C_0") ? matrix(first, "C_0", 3, 3, file, 0) : new double[3][3];
        double[] x0 = first.containsKey("x_0") ? vector(first, "x_0", file, 0) : new double[0];
        if (x0.length > 0 && first.containsKey("C_ref")) {
            // DescriptorDOS keeps x_0 (= x_ref) in the unstrained cell C_ref; the sampled lattice is
            // x_0 mapped into the strained cell C_0 (its D_0 is computed there)
            x0 = mapIntoCell(x0, matrix(first, "C_ref", 3, 3, file, 0), cell, file);
        }
        try {
            return new PhaseCampaign(name, flavor, n, scalar(first, "mass", file, 0), scalar(first, "V_0", file, 0),
                    cell, x0, vector(first, "D_0", file, 0), scalar(first, "U_0", file, 0),
                    scalar(first, "log_det", file, 0), scalar(first, "alpha_shift", file, 0), iso);
        } catch (IllegalArgumentException e) {
            throw new CampaignFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** x (flat 3N, row vectors) with fractional coordinates in {@code from} kept in {@code to}: x from^-1 to. */
    static double[] mapIntoCell(double[] x, double[][] from, double[][] to, Path file) {
        double[][] inv;
        try {
            inv = CellGeometry.inverse(from);
        } catch (IllegalArgumentException e) {
            throw new CampaignFormatException(file + ": 'C_ref' " + e.getMessage());
        }
        double[] out = new double[x.length];
        for (int i = 0; i + 2 < x.length; i += 3) {
            for (int b = 0; b < 3; b++) {
                double f = x[i] * inv[0][b] + x[i + 1] * inv[1][b] + x[i + 2] * inv[2][b];
                out[i] += f * to[b][0];
                out[i + 1] += f * to[b][1];
                out[i + 2] += f * to[b][2];
            }
        }
        return out;
    }

    private static String stem(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static double scalar(Map<?, ?> d, String key, Path file, int i) {
        Object v = d.get(key);
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof NumpyArray a && a.data().length == 1) {
            return a.data()[0];
        }
        throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' is not a number");
    }

    private static NumpyArray array(Map<?, ?> d, String key, Path file, int i) {
        Object v = d.get(key);
        if (!(v instanceof NumpyArray a)) {
            throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' is not a numpy array");
        }
        return a;
    }

    private static double[] vector(Map<?, ?> d, String key, Path file, int i) {
        NumpyArray a = array(d, key, file, i);
        if (a.shape().length != 1) {
            throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' should be 1-d, has shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        return a.data().clone();
    }

    private static double[][] matrix(Map<?, ?> d, String key, int rows, int cols, Path file, int i) {
        NumpyArray a = array(d, key, file, i);
        int[] sh = a.shape();
        if (sh.length != 2 || sh[0] != rows || (cols >= 0 && sh[1] != cols)) {
            throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' has shape "
                    + java.util.Arrays.toString(sh) + ", expected [" + rows + ", " + (cols >= 0 ? cols : "*") + "]");
        }
        double[] flat = a.data();
        double[][] m = new double[sh[0]][sh[1]];
        for (int r = 0; r < sh[0]; r++) {
            System.arraycopy(flat, r * sh[1], m[r], 0, sh[1]);
        }
        return m;
    }

    private static long[][] countMatrix(Map<?, ?> d, String key, int rows, Path file, int i) {
        NumpyArray a = array(d, key, file, i);
        int[] sh = a.shape();
        if (sh.length != 2 || sh[0] != rows) {
            throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' has shape "
                    + java.util.Arrays.toString(sh) + ", expected [" + rows + ", B]");
        }
        long[][] m = new long[sh[0]][sh[1]];
        if (a.isInteger()) {
            long[] flat = a.longData();
            for (int r = 0; r < sh[0]; r++) {
                System.arraycopy(flat, r * sh[1], m[r], 0, sh[1]);
            }
        } else {
            double[] flat = a.data();
            for (int r = 0; r < sh[0]; r++) {
                for (int c = 0; c < sh[1]; c++) {
                    double v = flat[r * sh[1] + c];
                    if (v != Math.rint(v) || v < 0) {
                        throw new CampaignFormatException(file + ": entry " + i + ": '" + key + "' holds a non-count value " + v);
                    }
                    m[r][c] = (long) v;
                }
            }
        }
        return m;
    }
}
