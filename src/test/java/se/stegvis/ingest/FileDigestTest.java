package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files DuckDB splits into the same rows, with the same row numbers, as the streaming reader. */
class FileDigestTest {

    @TempDir
    Path dir;

    private boolean plain(byte[] bytes) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.write(f, bytes);
        return FileDigest.of(f).plainText();
    }

    private boolean plain(String text) throws Exception {
        return plain(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void lineEndingsLfAndCrlfAreBothPlainWithOrWithoutAFinalLineBreak() throws Exception {
        assertThat(plain("a,b\n1,2\n")).isTrue();
        assertThat(plain("a,b\r\n1,2\r\n")).isTrue();
        assertThat(plain("a;b\n1;Åsa\n3;4")).isTrue();
    }

    @Test
    void quotesBlankLinesLoneCarriageReturnsNulAndReplacementCharactersAreNot() throws Exception {
        assertThat(plain("a,b\n1,\"2\"\n")).isFalse();
        assertThat(plain("a,b\n1,2\n\n3,4\n")).isFalse();
        assertThat(plain("a,b\r\n1,2\r\n\r\n")).isFalse();
        assertThat(plain("\na,b\n1,2\n")).isFalse();
        assertThat(plain("a,b\r1,2\n")).isFalse();
        assertThat(plain("a,b\n1,2\r")).isFalse();
        assertThat(plain(new byte[] {'a', '\n', 0, '\n'})).isFalse();
        assertThat(plain("a,b\n1,\uFFFD\n")).isFalse();
    }

    @Test
    void aLineLongerThanTheLimitIsNotPlain() throws Exception {
        assertThat(plain("a,b\n1," + "x".repeat(FileDigest.MAX_PLAIN_LINE - 10) + "\n")).isTrue();
        assertThat(plain("a,b\n1," + "x".repeat(FileDigest.MAX_PLAIN_LINE) + "\n")).isFalse();
    }

    @Test
    void crlfSplitAcrossReadBuffersIsStillPlain() throws Exception {
        StringBuilder text = new StringBuilder("a,b\r\n");
        for (int i = 0; i < 200_000; i++) {
            text.append(String.format("%06d,xyz\r\n", i)); // 12 bytes a line: some CR end a 64 KiB buffer
        }
        assertThat(plain(text.toString())).isTrue();
        assertThat(FileDigest.of(dir.resolve("t.csv")).sha256()).hasSize(64);
    }
}
