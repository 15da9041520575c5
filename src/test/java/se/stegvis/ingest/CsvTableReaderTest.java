package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV reader on the forms real exports take: separators, encodings, BOM, quoting, line endings. */
class CsvTableReaderTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        return Path.of("src/test/resources/ingest/readers").resolve(name);
    }

    private static List<TableReader.Row> rows(CsvTableReader reader) throws Exception {
        List<TableReader.Row> out = new ArrayList<>();
        for (TableReader.Row r; (r = reader.next()) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Test
    void swedishExcelExportIsWindows1252WithSemicolons() throws Exception {
        try (CsvTableReader r = CsvTableReader.open(fixture("cp1252-semicolon/episoder.csv"))) {
            assertThat(r.encoding()).isEqualTo(CsvTableReader.WINDOWS_1252);
            assertThat(r.separator()).isEqualTo(';');
            assertThat(r.hasBom()).isFalse();
            assertThat(r.header()).containsExactly("Episod-id", "Personnummer", "Insats", "Kommun", "Remissdatum",
                    "Remittent", "Födelseår", "Kön");
            List<TableReader.Row> rows = rows(r);
            assertThat(rows).extracting(TableReader.Row::number).containsExactly(2L, 3L);
            assertThat(rows.get(0).cells()[3]).isEqualTo("Båstad");
            // 0x96 is an en dash in Windows-1252 but a control character in Latin-1.
            assertThat(rows.get(1).cells()[3]).isEqualTo("Ludvika \u2013 norra");
        }
    }

    @Test
    void byteOrderMarkMeansUtf8AndIsNotPartOfTheFirstColumn() throws Exception {
        try (CsvTableReader r = CsvTableReader.open(fixture("utf8-bom/episodes.csv"))) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(r.hasBom()).isTrue();
            assertThat(r.separator()).isEqualTo(',');
            assertThat(r.header().get(0)).isEqualTo("episode_id");
            assertThat(rows(r).get(0).cells()[3]).isEqualTo("Båstad");
        }
    }

    @Test
    void utf8WithoutBomIsRecognised() throws Exception {
        Path f = CohortFiles.write(dir.resolve("a.csv"), "kommun,x", "Båstad,ö");
        try (CsvTableReader r = CsvTableReader.open(f)) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(r.hasBom()).isFalse();
            assertThat(rows(r).get(0).cells()).containsExactly("Båstad", "ö");
        }
    }

    @Test
    void tabSeparatedIsRecognised() throws Exception {
        Path f = CohortFiles.write(dir.resolve("a.tsv"), "a\tb,c\td", "1\t2,5\t3");
        try (CsvTableReader r = CsvTableReader.open(f)) {
            assertThat(r.separator()).isEqualTo('\t');
            assertThat(rows(r).get(0).cells()).containsExactly("1", "2,5", "3");
        }
    }

    @Test
    void separatorIsTheCommonestOutsideQuotes() {
        assertThat(CsvTableReader.sniffSeparator("a;b;\"c,d,e\"\n1,2,3")).isEqualTo(';');
        assertThat(CsvTableReader.sniffSeparator("a,b,c;d")).isEqualTo(',');
        assertThat(CsvTableReader.sniffSeparator("single")).isEqualTo(',');
    }

    @Test
    void quotedValuesHoldSeparatorsQuotesAndLineBreaksAndRowsAreSpreadsheetRows() throws Exception {
        Path f = dir.resolve("q.csv");
        Files.writeString(f, "a;b\r\n\"x;y\";\"say \"\"hej\"\"\"\r\n\"two\nlines\";z\r\nlast;\r\n");
        try (CsvTableReader r = CsvTableReader.open(f)) {
            List<TableReader.Row> rows = rows(r);
            assertThat(rows).extracting(TableReader.Row::number).containsExactly(2L, 3L, 4L);
            assertThat(rows.get(0).cells()).containsExactly("x;y", "say \"hej\"");
            assertThat(rows.get(1).cells()).containsExactly("two\nlines", "z");
            assertThat(rows.get(2).cells()).containsExactly("last", "");
        }
    }

    @Test
    void emptyFileHasNoHeader() throws Exception {
        Path f = Files.write(dir.resolve("e.csv"), new byte[0]);
        assertThatThrownBy(() -> CsvTableReader.open(f)).isInstanceOf(TableReader.InputProblem.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void utf16IsRefusedWithAdvice() throws Exception {
        Path f = Files.write(dir.resolve("u.csv"), "a;b\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] withBom = new byte[Files.readAllBytes(f).length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(Files.readAllBytes(f), 0, withBom, 2, withBom.length - 2);
        Files.write(f, withBom);
        assertThatThrownBy(() -> CsvTableReader.open(f)).isInstanceOf(TableReader.InputProblem.class)
                .hasMessageContaining("UTF-16");
    }

    @Test
    void workbookNamedCsvIsRefused() throws Exception {
        Path f = Files.write(dir.resolve("w.csv"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> CsvTableReader.open(f)).hasMessageContaining("zip archive");
    }

    @Test
    void invalidUtf8AfterAValidBeginningIsReportedAtItsRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("a,b\n".getBytes(StandardCharsets.UTF_8));
        byte[] row = "1,å\n".getBytes(StandardCharsets.UTF_8);
        int rows = (1 << 20) / row.length + 10;
        for (int i = 0; i < rows; i++) {
            bytes.write(row);
        }
        bytes.write(new byte[] {'2', ',', (byte) 0xE5, '\n'});
        Path f = Files.write(dir.resolve("mixed.csv"), bytes.toByteArray());
        try (CsvTableReader r = CsvTableReader.open(f)) {
            assertThat(r.encoding()).isEqualTo(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> rows(r)).isInstanceOf(TableReader.InputProblem.class)
                    .hasMessageContaining("not UTF-8")
                    .satisfies(e -> assertThat(((TableReader.InputProblem) e).row()).isEqualTo(rows + 2));
        }
    }

    @Test
    void unclosedQuoteInAHugeFileStopsAtAClearLimit() throws Exception {
        Path f = dir.resolve("huge.csv");
        Files.writeString(f, "a,b\n1,\"" + "x".repeat(CsvTableReader.MAX_VALUE_CHARS + 10) + "\n2,3\n");
        try (CsvTableReader r = CsvTableReader.open(f)) {
            assertThatThrownBy(() -> rows(r)).isInstanceOf(TableReader.InputProblem.class)
                    .hasMessageContaining("longer than 100000 characters")
                    .satisfies(e -> assertThat(((TableReader.InputProblem) e).row()).isEqualTo(2));
        }
    }
}
