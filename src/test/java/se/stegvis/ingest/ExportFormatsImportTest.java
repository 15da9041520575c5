package se.stegvis.ingest;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.hardening.PersonnummerScan;
import se.stegvis.store.CohortStore;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end from each export format into the store: Swedish Excel CSV, UTF-8 with BOM, XLSX, Parquet. */
class ExportFormatsImportTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    private final List<ImportError> errors = new ArrayList<>();

    private ImportResult importInto(Path db, Path... inputs) throws ImportFailure {
        return CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).build().importInto(db, List.of(inputs));
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CohortStore store = CohortStore.openReadOnly(db); Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void swedishExcelCsvWithDecimalCommaAndCompactDates() throws Exception {
        Path db = dir.resolve("s.duckdb");
        importInto(db, Path.of("src/test/resources/ingest/readers/cp1252-semicolon"));
        assertThat(errors).isEmpty();
        assertThat(rows(db, "SELECT episode_id || '|' || programme || '|' || municipality || '|' || referral_date || '|'"
                + " || referral_source || '|' || gender FROM episodes ORDER BY episode_id")).containsExactly(
                "W1|evi|Båstad|2019-08-01|ifo|k", "W2|rehabteamet|Ludvika \u2013 norra|2019-08-15|fk|m");
        assertThat(rows(db, "SELECT municipality || ' ' || month || ' ' || fte FROM staffing ORDER BY fte"))
                .containsExactly("Ludvika \u2013 norra 2019-08-01 0.75", "Båstad 2019-08-01 1.5");
    }

    @Test
    void utf8WithBom() throws Exception {
        Path db = dir.resolve("s.duckdb");
        importInto(db, Path.of("src/test/resources/ingest/readers/utf8-bom"));
        assertThat(errors).isEmpty();
        assertThat(rows(db, "SELECT municipality FROM episodes")).containsExactly("Båstad");
        assertThat(rows(db, "SELECT CAST(event_date AS VARCHAR) FROM events ORDER BY event_date"))
                .containsExactly("2020-01-10", "2020-02-01");
    }

    /** @param secondDate the second event's date: a text cell, or a date-time cell shown as yyyy-mm-dd hh:mm */
    private static Path workbook(Path file, Object secondDate) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "stegvis-test", "1.0")) {
            Worksheet episodes = wb.newWorksheet("Episoder");
            String[] header = {"Episod-id", "Personnummer", "Insats", "Kommun", "Remissdatum", "Remittent", "Födelseår"};
            for (int c = 0; c < header.length; c++) {
                episodes.value(0, c, header[c]);
            }
            Object[][] data = {
                {"X1", "19850312-1231", "EVI", "Lund", LocalDate.of(2019, 8, 1), "af", 1985},
                {"X2", "198503121231", "IST", "Falkenberg", LocalDate.of(2019, 9, 2), "Vården", 1985}};
            for (int r = 0; r < data.length; r++) {
                for (int c = 0; c < data[r].length; c++) {
                    Object v = data[r][c];
                    if (v instanceof LocalDate d) {
                        episodes.value(r + 1, c, d);
                        episodes.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Integer i) {
                        episodes.value(r + 1, c, i);
                    } else {
                        episodes.value(r + 1, c, (String) v);
                    }
                }
            }
            Worksheet events = wb.newWorksheet("events");
            events.value(0, 0, "episode_id");
            events.value(0, 1, "event_date");
            events.value(0, 2, "event_type");
            events.value(1, 0, "X1");
            events.value(1, 1, LocalDate.of(2019, 8, 1));
            events.style(1, 1).format("yyyy-mm-dd").set();
            events.value(1, 2, "referral");
            events.value(2, 0, "X2");
            if (secondDate instanceof LocalDateTime t) {
                events.value(2, 1, t);
                events.style(2, 1).format("yyyy-mm-dd hh:mm").set();
            } else {
                events.value(2, 1, (String) secondDate);
            }
            events.value(2, 2, "referral");
            Worksheet staffing = wb.newWorksheet("Bemanning");
            staffing.value(0, 0, "insats");
            staffing.value(0, 1, "kommun");
            staffing.value(0, 2, "månad");
            staffing.value(0, 3, "årsarbetare");
            staffing.value(1, 0, "ist");
            staffing.value(1, 1, "Falkenberg");
            staffing.value(1, 2, "2019-09");
            staffing.value(1, 3, 2.25);
        }
        return file;
    }

    @Test
    void xlsxWorkbookWithOneSheetPerTable() throws Exception {
        Path db = dir.resolve("s.duckdb");
        ImportResult result = importInto(db, workbook(dir.resolve("kohort.xlsx"), "20190902"));
        assertThat(errors).isEmpty();
        assertThat(result.sources()).extracting(ImportResult.SourceResult::source)
                .containsExactly("kohort.xlsx sheet Episoder", "kohort.xlsx sheet events", "kohort.xlsx sheet Bemanning");
        assertThat(rows(db, "SELECT episode_id || ' ' || referral_date || ' ' || referral_source || ' ' || birth_year"
                + " FROM episodes ORDER BY 1")).containsExactly("X1 2019-08-01 af 1985", "X2 2019-09-02 varden 1985");
        assertThat(rows(db, "SELECT count(DISTINCT person_id) FROM episodes")).containsExactly("1");
        assertThat(rows(db, "SELECT CAST(event_date AS VARCHAR) FROM events ORDER BY 1")).containsExactly("2019-08-01", "2019-09-02");
        assertThat(rows(db, "SELECT CAST(fte AS VARCHAR) FROM staffing")).containsExactly("2.25");
    }

    @Test
    void aWorkbookNamedAfterAPersonIsRecordedMaskedInTheImportLog() throws Exception {
        Path db = dir.resolve("s.duckdb");
        ImportResult result = importInto(db, workbook(dir.resolve("19910704-4571.xlsx"), "20190902"));
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        List<String> logged = rows(db, "SELECT file_name FROM import_log ORDER BY file_name");
        assertThat(logged).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("19910704-****.xlsx sheet "));
        assertThat(PersonnummerScan.in(String.join(" ", logged))).isEmpty();
        assertThat(PersonnummerScan.inFile(db)).isEmpty();
    }

    @Test
    void aCsvNotNamedAfterATableIsReportedUnderItsMaskedName() throws Exception {
        Path db = dir.resolve("s.duckdb");
        Path csv = CohortFiles.write(dir.resolve("in/Ludvika 910704 4571.csv"), "a,b", "1,2");
        importInto(db, csv);
        assertThat(errors).singleElement().extracting(ImportError::toString).asString()
                .startsWith("Ludvika 910704 ****.csv: is not named after a table");
        assertThat(PersonnummerScan.in(errors.toString())).isEmpty();
    }

    @Test
    void xlsxErrorsNameWorkbookSheetRowAndColumn() throws Exception {
        importInto(dir.resolve("s.duckdb"), workbook(dir.resolve("kohort.xlsx"), "2019-02-31"));
        assertThat(errors).extracting(ImportError::toString).containsExactly(
                "kohort.xlsx sheet events row 3, column event_date: \"2019-02-31\" is not a date (expected YYYY-MM-DD or YYYYMMDD)");
    }

    @Test
    void xlsxDateTimeCellsAtMidnightAreReadAsDates() throws Exception {
        Path db = dir.resolve("s.duckdb");
        importInto(db, workbook(dir.resolve("kohort.xlsx"), LocalDateTime.of(2019, 9, 2, 0, 0)));
        assertThat(errors).isEmpty();
        assertThat(rows(db, "SELECT CAST(event_date AS VARCHAR) FROM events ORDER BY 1")).containsExactly("2019-08-01", "2019-09-02");
    }

    @Test
    void xlsxDateTimeCellsWithATimeOfDayAreRefusedNamingTheTime() throws Exception {
        importInto(dir.resolve("s.duckdb"), workbook(dir.resolve("kohort.xlsx"), LocalDateTime.of(2019, 9, 2, 14, 30)));
        assertThat(errors).extracting(ImportError::toString).containsExactly(
                "kohort.xlsx sheet events row 3, column event_date: \"2019-09-02 14:30:00\" has a time of day, 14:30:00"
                        + " (expected a date alone, YYYY-MM-DD or YYYYMMDD; only the day is stored, so write 2019-09-02 if"
                        + " that is the day meant)");
    }

    @Test
    void parquetFilesWithTypedColumns() throws Exception {
        Path csv = CohortFiles.canonical(dir.resolve("csv")).folder();
        Path parquet = Files.createDirectories(dir.resolve("parquet"));
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String t : CohortFiles.TABLES) {
                st.execute("COPY (SELECT * FROM read_csv('" + csv.resolve(t + ".csv") + "')) TO '"
                        + parquet.resolve(t + ".parquet") + "' (FORMAT parquet)");
            }
        }
        Path db = dir.resolve("s.duckdb");
        ImportResult result = importInto(db, parquet);
        assertThat(errors).isEmpty();
        assertThat(result.rows("events")).isEqualTo(10);
        assertThat(rows(db, "SELECT count(*) FROM events")).containsExactly("10");
        assertThat(rows(db, "SELECT CAST(referral_date AS VARCHAR) FROM episodes WHERE episode_id = 'E1'")).containsExactly("2019-02-01");
        assertThat(rows(db, "SELECT count(*) FROM staffing WHERE fte = 1.5")).containsExactly("1");
    }
}
