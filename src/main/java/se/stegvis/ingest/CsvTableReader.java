package se.stegvis.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CSV file as exported by Excel or another system: the separator ({@code ;}, {@code ,} or
 * tab) is sniffed from the header, the encoding from the first megabyte (UTF-8 with or without BOM,
 * otherwise Windows-1252, whose bytes 0x80-0x9F such as € and curly quotes differ from Latin-1).
 * Quoted values may hold separators, doubled quotes and line breaks (RFC 4180).
 */
public final class CsvTableReader implements TableReader {

    /** Windows-1252, the encoding Swedish Excel uses for "CSV (semicolon separated)". */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 1 << 20;
    /** No cohort value comes near this; a longer one means a quote was never closed or the file is not CSV. */
    static final int MAX_VALUE_CHARS = 100_000;

    private final Reader in;
    private final Charset encoding;
    private final boolean bom;
    private final boolean utf8;
    private final char separator;
    private final List<String> header;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>();
    private int pos;
    private int len;
    private long recordNumber;

    private CsvTableReader(InputStream raw, byte[] prefix, int skip, Charset encoding, boolean bom, char separator)
            throws IOException, InputProblem {
        this.encoding = encoding;
        this.bom = bom;
        this.separator = separator;
        // Bad bytes become U+FFFD, which the parser reports at the row where it occurs (UTF-8 only:
        // in Windows-1252 the five undefined bytes are the only replacements and are harmless).
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.utf8 = encoding == StandardCharsets.UTF_8;
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(prefix, skip, prefix.length - skip), raw);
        this.in = new InputStreamReader(all, decoder);
        String[] head = readRecord();
        if (head == null) {
            throw new InputProblem(1, "the file is empty (expected a header row naming the columns)");
        }
        this.header = List.of(head);
    }

    /** Opens {@code file}, sniffing encoding and separator, and reads the header. */
    public static CsvTableReader open(Path file) throws IOException, InputProblem {
        InputStream raw = Files.newInputStream(file);
        try {
            byte[] prefix = raw.readNBytes(SNIFF_BYTES);
            boolean complete = prefix.length < SNIFF_BYTES;
            if (prefix.length >= 2 && ((prefix[0] == (byte) 0xFF && prefix[1] == (byte) 0xFE)
                    || (prefix[0] == (byte) 0xFE && prefix[1] == (byte) 0xFF))) {
                throw new InputProblem(0, "the file is UTF-16 text; save it as \"CSV UTF-8\" or \"CSV (semicolon separated)\"");
            }
            if (prefix.length >= 4 && prefix[0] == 'P' && prefix[1] == 'K' && prefix[2] == 3 && prefix[3] == 4) {
                throw new InputProblem(0, "the file is a zip archive (an Excel workbook?), not CSV text; name it .xlsx");
            }
            for (int i = 0; i < Math.min(prefix.length, 4096); i++) {
                if (prefix[i] == 0) {
                    throw new InputProblem(0, "the file holds NUL bytes, so it is not CSV text");
                }
            }
            boolean bom = prefix.length >= 3 && prefix[0] == (byte) 0xEF && prefix[1] == (byte) 0xBB && prefix[2] == (byte) 0xBF;
            int skip = bom ? 3 : 0;
            Charset encoding = bom || isUtf8(prefix, skip, complete) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            char separator = sniffSeparator(new String(prefix, skip, prefix.length - skip, encoding));
            return new CsvTableReader(raw, prefix, skip, encoding, bom, separator);
        } catch (IOException | InputProblem | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean isUtf8(byte[] bytes, int offset, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        // When the prefix is cut off mid-file, a multi-byte character cut in half is not an error.
        return !decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset), out, complete).isError();
    }

    /** The separator that occurs most often outside quotes in the first line: ; , or tab (comma when none). */
    static char sniffSeparator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons >= commas && semicolons >= tabs && semicolons > 0) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    public Charset encoding() {
        return encoding;
    }

    public boolean hasBom() {
        return bom;
    }

    public char separator() {
        return separator;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException, InputProblem {
        String[] record = readRecord();
        return record == null ? null : new Row(recordNumber, record);
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    /** One record (a spreadsheet row), or null at the end of the file. */
    private String[] readRecord() throws IOException, InputProblem {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordNumber++;
        cells.clear();
        cell.setLength(0);
        while (true) {
            if (c == '"' && cell.length() == 0) {
                readQuoted();
                c = read();
                if (c != separator && c != '\n' && c != '\r' && c != -1) {
                    throw new InputProblem(recordNumber, "a quoted value is followed by more text before the next"
                            + " separator (a quote inside a value must be written twice: \"\")");
                }
                continue;
            }
            if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                cells.add(cell.toString());
                return cells.toArray(new String[0]);
            } else {
                append((char) c);
            }
            c = read();
        }
    }

    private void append(char c) throws InputProblem {
        if (c == '\uFFFD' && utf8) {
            throw new InputProblem(recordNumber, "holds bytes that are not UTF-8 although the file begins as UTF-8;"
                    + " save the whole file in one encoding (UTF-8 or Windows-1252)");
        }
        if (cell.length() == MAX_VALUE_CHARS) {
            throw new InputProblem(recordNumber, "holds a value longer than " + MAX_VALUE_CHARS + " characters"
                    + " (a quote that is never closed, or not a CSV file)");
        }
        cell.append(c);
    }

    private void readQuoted() throws IOException, InputProblem {
        long openedAt = recordNumber;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new InputProblem(openedAt, "a quoted value starting in this row is never closed (missing \")");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    cell.append('"');
                } else {
                    return;
                }
            } else {
                append((char) c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "CSV " + encoding + (bom ? " with BOM" : "") + ", separator '" + separator + "'";
    }
}
