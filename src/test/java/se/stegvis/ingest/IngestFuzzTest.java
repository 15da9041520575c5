package se.stegvis.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.Table;
import se.stegvis.hardening.PersonnummerScan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the CSV reader, the XLSX reader and the validator with Jazzer. Each must finish or refuse
 * with our own clear error type ({@link TableReader.InputProblem}, {@link FieldParser.BadValue});
 * any other exception or a broken promise is a finding.
 * <p>
 * {@code make test} only replays the committed inputs in {@code IngestFuzzTestInputs/<test>/} (seeds
 * and the findings of earlier fuzzing), so the gate is the same every run. {@code make fuzz} explores
 * with JAZZER_FUZZ=1, one test per JVM (Jazzer fuzzes one at a time) for {@link #BUDGET} each; a
 * finding is written into that directory, to be committed with its fix.
 */
class IngestFuzzTest {

    /** Exploration time per fuzz test under {@code make fuzz}; replay ignores it. */
    static final String BUDGET = "10m";

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();
    private static final List<FieldParser> PARSERS = new ArrayList<>();
    private static Path workbook;

    @BeforeAll
    static void setUp() throws IOException {
        for (Table t : DICTIONARY.tables()) {
            for (Field f : t.fields()) {
                PARSERS.add(new FieldParser(f, DICTIONARY));
            }
        }
        workbook = Files.createTempFile("fuzz", ".xlsx");
    }

    @AfterAll
    static void tearDown() throws IOException {
        Files.deleteIfExists(workbook);
    }

    /** Raw bytes as a CSV file: read to the end, rows numbered one after another, or a row problem. */
    @FuzzTest(maxDuration = BUDGET)
    void csvReaderReadsToTheEndOrRefusesARow(byte[] bytes) throws IOException {
        try (CsvTableReader reader = CsvTableReader.open(new ByteArrayInputStream(bytes))) {
            assertThat(reader.header()).isNotEmpty();
            long last = 1;
            for (TableReader.Row row = reader.next(); row != null; row = reader.next()) {
                assertThat(row.number()).isEqualTo(last + 1);
                assertThat(row.cells()).isNotEmpty().allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(CsvTableReader.MAX_VALUE_CHARS));
                last = row.number();
            }
        } catch (TableReader.InputProblem p) {
            assertThat(p.getMessage()).isNotBlank();
            assertThat(p.row()).isNotNegative();
        }
    }

    /**
     * A workbook with fuzzed text, numbers, booleans and formulas in fuzzed cells: read to the end or a
     * problem; the last text cell comes back as written.
     */
    @FuzzTest(maxDuration = BUDGET)
    void xlsxReaderReadsToTheEndOrRefuses(FuzzedDataProvider data) throws IOException {
        String expected;
        try (OutputStream out = Files.newOutputStream(workbook)) {
            Workbook wb = new Workbook(out, "stegvis", "1.0");
            Worksheet ws = wb.newWorksheet("events");
            ws.value(0, 0, "episode_id");
            int cells = data.consumeInt(0, 12);
            for (int i = 0; i < cells; i++) {
                int r = data.consumeInt(1, 30);
                int c = data.consumeInt(0, 4);
                switch (data.consumeInt(0, 3)) {
                    case 0 -> ws.value(r, c, data.consumeString(40));
                    case 1 -> ws.value(r, c, data.consumeDouble());
                    case 2 -> ws.value(r, c, data.consumeBoolean());
                    default -> ws.formula(r, c, data.consumeString(40));
                }
            }
            expected = xmlSafe(data.consumeRemainingAsString());
            ws.value(31, 0, expected);
            wb.finish();
        }
        try (XlsxTableReader reader = XlsxTableReader.open(workbook, "events")) {
            assertThat(reader.header()).first().isEqualTo("episode_id");
            String lastFirstCell = null;
            for (TableReader.Row row = reader.next(); row != null; row = reader.next()) {
                assertThat(row.number()).isBetween(2L, 32L);
                lastFirstCell = row.cells().length == 0 ? null : row.cells()[0];
            }
            if (!expected.isEmpty()) {
                assertThat(lastFirstCell).isEqualTo(expected);
            }
        } catch (TableReader.InputProblem p) {
            assertThat(p.getMessage()).isNotBlank();
        }
    }

    /**
     * Any text in any dictionary field parses to a value or is refused in words; the personnummer reader
     * never throws; a value as shown in a message, masked or stored never carries a personnummer.
     */
    @FuzzTest(maxDuration = BUDGET)
    void validatorParsesOrRefusesInWords(FuzzedDataProvider data) {
        FieldParser parser = PARSERS.get(data.consumeInt(0, PARSERS.size() - 1));
        String text = data.consumeRemainingAsString().strip();
        if (!text.isEmpty()) {
            try {
                Object value = parser.parse(text);
                assertThat(value).isNotNull();
                if (value instanceof String s) {
                    assertThat(PersonnummerScan.in(s)).isEmpty();
                }
            } catch (FieldParser.BadValue e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        Personnummer.Parsed pnr = Personnummer.parse(text, LocalDate.of(2026, 1, 1));
        assertThat(pnr.valid() ? pnr.twelveDigits() : pnr.problem()).isNotBlank();
        assertThat(PersonnummerScan.in(Redaction.forMessage(text))).isEmpty();
        assertThat(PersonnummerScan.in(Personnummer.mask(text))).isEmpty();
    }

    /** XML 1.0 cannot hold most control characters, whatever a workbook writer is given. */
    private static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF).forEach(b::appendCodePoint);
        return b.toString();
    }
}
