package se.stegvis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's SHA-256 (which import_log records, so a file is not imported twice) and, found in the same
 * pass over its bytes, whether it is plain line-per-row text that DuckDB's CSV reader splits exactly
 * as {@link CsvTableReader} does, each line one row, so its row numbers are line numbers.
 *
 * @param sha256    lower-case hex SHA-256 of the whole file
 * @param plainText no quote character, blank line, NUL byte, carriage return outside CRLF, UTF-8 replacement
 *                  character (EF BF BD, which the streaming reader reports as a bad byte) or line
 *                  longer than {@link #MAX_PLAIN_LINE} bytes (which the streaming reader may report
 *                  as too long)
 */
record FileDigest(String sha256, boolean plainText) {

    static final int MAX_PLAIN_LINE = 100_000;

    static FileDigest of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            boolean plain = true;
            long lineStart = 0; // file offset of the current line's first byte
            long offset = 0;    // file offset of buf[0]
            int prev = '\n';
            int prev2 = '\n';
            boolean crEndsBuffer = false;
            for (int n; (n = in.read(buf)) > 0; offset += n) {
                md.update(buf, 0, n);
                plain &= !crEndsBuffer || buf[0] == '\n';
                crEndsBuffer = false;
                for (int i = 0; plain && i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (b > '"' && b != 0xBD) {
                        continue; // the common case: an ordinary character
                    }
                    int p1 = i >= 1 ? buf[i - 1] & 0xFF : prev;
                    int p2 = i >= 2 ? buf[i - 2] & 0xFF : i == 1 ? prev : prev2;
                    long length = offset + i - lineStart;
                    if (b == '\n') {
                        // a blank line (DuckDB skips it, so row numbers would shift) or a long one
                        plain = length > (p1 == '\r' ? 1 : 0) && length <= MAX_PLAIN_LINE;
                        lineStart = offset + i + 1;
                    } else if (b == '\r') {
                        crEndsBuffer = i + 1 == n;
                        plain = crEndsBuffer || buf[i + 1] == '\n';
                    } else {
                        plain = b != '"' && b != 0 && !(b == 0xBD && p1 == 0xBF && p2 == 0xEF);
                    }
                }
                if (n >= 2) {
                    prev2 = buf[n - 2] & 0xFF;
                    prev = buf[n - 1] & 0xFF;
                } else {
                    prev2 = prev;
                    prev = buf[0] & 0xFF;
                }
                plain &= offset + n - lineStart <= MAX_PLAIN_LINE;
            }
            return new FileDigest(HexFormat.of().formatHex(md.digest()), plain && !crEndsBuffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
