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
            int line = 0;
            int prev = '\n';
            int prev2 = '\n';
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                if (!plain) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xFF;
                    if (b == '\n') {
                        if (line == 0 || (line == 1 && prev == '\r')) {
                            plain = false; // a blank line: DuckDB skips it, so its row numbers would shift
                            break;
                        }
                        line = 0;
                    } else if (++line > MAX_PLAIN_LINE || b == '"' || b == 0 || prev == '\r'
                            || (b == 0xBD && prev == 0xBF && prev2 == 0xEF)) {
                        plain = false;
                        break;
                    }
                    prev2 = prev;
                    prev = b;
                }
            }
            return new FileDigest(HexFormat.of().formatHex(md.digest()), plain && prev != '\r');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
