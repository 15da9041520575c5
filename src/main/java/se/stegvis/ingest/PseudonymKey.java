package se.stegvis.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The secret key of the pseudonymisation: 32 random bytes in a file outside the database, readable
 * by its owner only (mode 600). Its id (a hash of the key) is recorded in the store so an import
 * with another key is refused; the key bytes themselves are never logged or stored.
 */
public final class PseudonymKey {

    private static final int KEY_BYTES = 32;
    /**
     * A key file must hold at least this many different byte values: 32 random bytes hold about 26, a
     * hex or Base64 text at least 16, while a typed word or one repeated character (aaaa...) holds few,
     * and anyone could guess it and recompute every person_id from a personnummer.
     */
    private static final int MIN_DISTINCT_BYTES = 8;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final byte[] key;
    private final boolean fresh;

    private PseudonymKey(Path file, byte[] key, boolean fresh) {
        this.file = file;
        this.key = key;
        this.fresh = fresh;
    }

    /** The default key file of a store: {@code <db>.key} beside it. */
    public static Path defaultFileFor(Path db) {
        return db.resolveSibling(db.getFileName() + ".key");
    }

    /** Reads the key from {@code file}; refuses a key too short or too uniform to be secret. */
    public static PseudonymKey read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < KEY_BYTES) {
            throw new IOException("the key file " + file + " is too weak to be a stegvis key: it holds " + bytes.length
                    + " bytes, and a key needs at least " + KEY_BYTES + " random bytes (for a new store, remove it and import creates one)");
        }
        long distinct = IntStream.range(0, bytes.length).map(i -> bytes[i]).distinct().count();
        if (distinct < MIN_DISTINCT_BYTES) {
            throw new IOException("the key file " + file + " is too weak to be a stegvis key: its " + bytes.length
                    + " bytes use only " + distinct + " different values, so it could be guessed (a key needs "
                    + KEY_BYTES + " random bytes; for a new store, remove it and import creates one)");
        }
        return new PseudonymKey(file, bytes, false);
    }

    /** False when the file's POSIX permissions let group or others read or write it. */
    public static boolean ownerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        return OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
    }

    /** A new random key meant for {@code file}; nothing is written until {@link #save()}. */
    public static PseudonymKey generate(Path file) {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new PseudonymKey(file, bytes, true);
    }

    /** True when the key was generated in this run and not yet saved. */
    public boolean fresh() {
        return fresh && !Files.exists(file);
    }

    public Path file() {
        return file;
    }

    /** Writes a generated key to its file, created with mode 600 (owner read/write only) where POSIX applies. */
    public void save() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("the key file " + file + " appeared while importing; not overwriting it", e);
        }
        Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Removes a key file this run wrote (used when the import that needed it fails). */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** A public fingerprint of the key: the first 16 hex digits of SHA-256 over a label and the key. */
    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("stegvis-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the key bytes for the HMAC. */
    byte[] bytes() {
        return Arrays.copyOf(key, key.length);
    }

    @Override
    public String toString() {
        return "PseudonymKey[" + file + ", id " + id() + "]";
    }
}
