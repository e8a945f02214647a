package org.ddos.scorematching.archive;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.ddos.scorematching.campaign.PhaseCampaign;
import org.ddos.scorematching.pickle.DescriptorDosPickleReader;
import org.ddos.scorematching.score.ScoreMatchingSettings;

/**
 * Reads and writes {@link PhaseArchive} files ({@code .ddos}).
 *
 * <p>Layout (big-endian): 8-byte magic {@code 0x89 'D' 'D' 'O' 'S' '\r' '\n' 0x1a}; int32 format
 * version ({@link #FORMAT_VERSION}); int64 payload length; int64 compressed length; int32 CRC-32 of
 * the payload; then the payload compressed with DEFLATE. The payload is Kryo 5 output of the
 * archive with registration required and explicit serializers (see docs/formats.md).
 *
 * <p>Reading fails with an {@link ArchiveFormatException} naming the file for: a wrong magic, a
 * newer (or unknown) format version, a truncated or over-long file, a checksum mismatch, data
 * naming an unregistered class id, or content that violates the classes' invariants.
 */
public final class PhaseArchives {
    /**
     * The format version written; readers accept every version from 1 up to this one and refuse
     * anything newer. 2: compact encodings of rotations, bin edges, counts and exact sums (same values);
     * 3: kinetic campaigns may also hold per-trajectory sums of 1/kappa (the errors of beta_mu).
     */
    public static final int FORMAT_VERSION = 3;
    static final byte[] MAGIC = {(byte) 0x89, 'D', 'D', 'O', 'S', '\r', '\n', 0x1a};
    static final int HEADER = MAGIC.length + 4 + 8 + 8 + 4;
    private static final long MAX_PAYLOAD = 1L << 30;

    private PhaseArchives() {
    }

    /**
     * @param file any file
     * @return true when the file starts with the archive magic bytes
     * @throws IOException when the file cannot be read
     */
    public static boolean isArchive(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC);
        }
    }

    /**
     * @param file an archive file
     * @return the format version in the file's header (re-saving writes {@link #FORMAT_VERSION})
     * @throws ArchiveFormatException when the file is not an archive or its header is truncated
     * @throws IOException when the file cannot be read
     */
    public static int formatVersion(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length + 4);
            if (head.length < MAGIC.length || !java.util.Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new ArchiveFormatException(file + ": not a ddos phase archive (wrong magic bytes)");
            }
            if (head.length < MAGIC.length + 4) {
                throw new ArchiveFormatException(file + ": truncated archive header (" + head.length + " bytes)");
            }
            return ByteBuffer.wrap(head, MAGIC.length, 4).getInt();
        }
    }

    /**
     * @param archive the archive
     * @return the encoded archive bytes in format {@link #FORMAT_VERSION} (header, CRC-32, DEFLATE-compressed Kryo payload; docs/formats.md)
     */
    public static byte[] encode(PhaseArchive archive) {
        return encode(archive, FORMAT_VERSION);
    }

    /**
     * @param archive the archive
     * @param version 1 .. {@link #FORMAT_VERSION} (an older version for readers that have not been upgraded)
     * @return the archive bytes in that format version
     * @throws IllegalArgumentException for an unknown version
     */
    public static byte[] encode(PhaseArchive archive, int version) {
        Kryo kryo = ArchiveSerializers.newKryo(version);
        Output out = new Output(1 << 16, -1);
        kryo.writeClassAndObject(out, archive);
        return container(out.toBytes(), version);
    }

    /** Wraps a Kryo payload: header, checksum, DEFLATE (package-private for tests of the reader). */
    static byte[] container(byte[] payload, int version) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(payload);
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(payload.length / 2 + 64);
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            z.write(buf, 0, n);
        }
        deflater.end();
        byte[] compressed = z.toByteArray();
        ByteBuffer bb = ByteBuffer.allocate(HEADER + compressed.length);
        bb.put(MAGIC).putInt(version).putLong(payload.length).putLong(compressed.length)
                .putInt((int) crc.getValue()).put(compressed);
        return bb.array();
    }

    /**
     * Writes atomically: to a temporary file in the same folder, then renamed over {@code file}.
     *
     * @param file the archive file (its folder is created if needed)
     * @param archive the archive
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, PhaseArchive archive) throws IOException {
        byte[] bytes = encode(archive);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads an archive file.
     *
     * @param file the archive file
     * @return the archive
     * @throws IOException when the file cannot be read
     * @throws ArchiveFormatException (an IOException) naming the file when it is not an archive, was
     *     written by a newer format version, is truncated or fails its checksum
     */
    public static PhaseArchive read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * Decodes archive bytes.
     *
     * @param bytes the encoded archive
     * @param source name used in error messages
     * @return the archive
     * @throws ArchiveFormatException when the bytes are not an archive, are of a newer format
     *     version, are truncated or fail their checksum
     */
    public static PhaseArchive decode(byte[] bytes, String source) throws ArchiveFormatException {
        if (bytes.length < MAGIC.length || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ArchiveFormatException(source + ": not a ddos phase archive (wrong magic bytes)");
        }
        if (bytes.length < HEADER) {
            throw new ArchiveFormatException(source + ": truncated archive header (" + bytes.length + " bytes)");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        bb.position(MAGIC.length);
        int version = bb.getInt();
        if (version > FORMAT_VERSION) {
            throw new ArchiveFormatException(source + ": archive format version " + version
                    + " is newer than this ddos reads (up to " + FORMAT_VERSION + "); upgrade ddos");
        }
        if (version < 1) {
            throw new ArchiveFormatException(source + ": invalid archive format version " + version);
        }
        long rawLength = bb.getLong();
        long zLength = bb.getLong();
        int crcStored = bb.getInt();
        long have = bytes.length - HEADER;
        if (zLength > have) {
            throw new ArchiveFormatException(source + ": truncated archive: " + have + " of " + zLength + " compressed bytes present");
        }
        if (zLength < have) {
            throw new ArchiveFormatException(source + ": " + (have - zLength) + " unexpected bytes after the archive data");
        }
        if (rawLength < 0 || rawLength > MAX_PAYLOAD) {
            throw new ArchiveFormatException(source + ": corrupt archive header (payload length " + rawLength + ")");
        }
        byte[] payload = new byte[(int) rawLength];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, HEADER, (int) zLength);
            int n = 0;
            while (n < payload.length) {
                int got = inflater.inflate(payload, n, payload.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != payload.length || !inflater.finished()) {
                throw new ArchiveFormatException(source + ": corrupt archive: compressed data do not match the declared length");
            }
        } catch (DataFormatException e) {
            throw new ArchiveFormatException(source + ": corrupt archive: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        if ((int) crc.getValue() != crcStored) {
            throw new ArchiveFormatException(source + ": corrupt archive: CRC-32 checksum mismatch");
        }
        Kryo kryo = ArchiveSerializers.newKryo(version);
        try (Input in = new Input(payload)) {
            Object o = kryo.readClassAndObject(in);
            if (!(o instanceof PhaseArchive archive)) {
                throw new ArchiveFormatException(source + ": archive does not hold a phase (found "
                        + (o == null ? "null" : o.getClass().getSimpleName()) + ")");
            }
            if (in.position() != payload.length) {
                throw new ArchiveFormatException(source + ": " + (payload.length - in.position()) + " unread payload bytes");
            }
            return archive;
        } catch (KryoException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            if (msg.contains("nregistered class")) {
                throw new ArchiveFormatException(source + ": archive names a class that is not part of the archive format ("
                        + msg + "); refusing to load it", e);
            }
            throw new ArchiveFormatException(source + ": unreadable archive content: " + msg, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ArchiveFormatException(source + ": invalid archive content: " + e.getMessage(), e);
        }
    }

    /**
     * Imports a DescriptorDOS pickle: every volume of the file becomes one campaign of the archive.
     *
     * @param pickle the DescriptorDOS campaign pickle
     * @param name the phase name
     * @param settings score-matching settings to store
     * @param codeVersion the ddos version recorded in the provenance
     * @return the archive (provenance: source file, its SHA-256, format, creation time, code version)
     * @throws IOException when the pickle cannot be read or is not a campaign
     */
    public static PhaseArchive importPickle(Path pickle, String name, ScoreMatchingSettings settings, String codeVersion)
            throws IOException {
        List<PhaseCampaign> campaigns = DescriptorDosPickleReader.readAll(pickle);
        TreeMap<String, String> prov = new TreeMap<>();
        prov.put("source.file", pickle.getFileName().toString());
        prov.put("source.sha256", sha256(Files.readAllBytes(pickle)));
        prov.put("source.format", "DescriptorDOS pickle");
        prov.put("created", Instant.now().toString());
        prov.put("code.version", codeVersion);
        return PhaseArchive.imported(name, prov, settings, campaigns);
    }

    /**
     * @param bytes any bytes
     * @return lower-case hex SHA-256 of the bytes
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
