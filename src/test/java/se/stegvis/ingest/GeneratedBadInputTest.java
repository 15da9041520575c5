package se.stegvis.ingest;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.hardening.PersonnummerScan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad inputs too large to commit, made at test time: a 300 MB file with one bad row near its end (in a
 * child JVM with a small heap), huge values, bad bytes past the encoding sniff, a zip bomb, and files
 * cut off at random byte offsets. Each is refused with its location and leaves the store as it was.
 */
class GeneratedBadInputTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    private Path db;
    private byte[] before;
    private final List<ImportError> errors = new ArrayList<>();

    @BeforeEach
    void storeHoldingTheCanonicalCohort() throws Exception {
        db = dir.resolve("store.duckdb");
        CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(CohortFiles.canonical(dir.resolve("canonical")).folder()));
        before = Files.readAllBytes(db);
    }

    private ImportResult importInto(Path input) throws ImportFailure {
        errors.clear();
        return CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).build().importInto(db, List.of(input));
    }

    private String shown() {
        return String.join("\n", errors.stream().map(ImportError::toString).toList());
    }

    private void assertRefusedAndUnchanged(ImportResult result) throws IOException {
        assertThat(result.written()).isFalse();
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).startsWith(e.source()));
        assertThat(PersonnummerScan.in(shown())).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void threeHundredMegabyteFileWithOneBadRowNearTheEndIsRefusedThroughA64MegabyteHeap() throws Exception {
        Path file = dir.resolve("big/episodes.csv");
        Files.createDirectories(file.getParent());
        String pad = "x".repeat(55); // values just under the 64-character limit
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("episode_id,person_id,programme,municipality,referral_date,referral_source\n");
            for (int i = 1; i <= 1_500_000; i++) {
                String date = i == 1_499_990 ? "2019-02-31" : "2019-05-01";
                w.write("K" + i + pad + ",p" + i + pad + ",evi,Ludvika " + pad + "," + date + ",af\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(300_000_000L);
        Process importing = ImportProcessTest.stegvis("-Xmx64m", "import", "--db", db.toString(), file.getParent().toString());
        String shown = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(importing.waitFor()).as(shown).isEqualTo(1);
        assertThat(shown).contains("episodes.csv row 1499991, column referral_date: \"2019-02-31\" is not a date")
                .contains("1 error found; nothing was written").doesNotContain("OutOfMemoryError");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void hugeValueIsRefusedAtItsRow() throws Exception {
        Path file = CohortFiles.write(dir.resolve("in/events.csv"), "episode_id,event_date,event_type",
                "E1,2019-05-01,mapping_done", "E1,2019-05-02," + "m".repeat(5_000_000));
        assertRefusedAndUnchanged(importInto(file));
        assertThat(shown()).contains("events.csv row 3: holds a value longer than 100000 characters");
    }

    @Test
    void rowOfSeparatorsWithoutLineBreaksIsRefusedAtItsRow() throws Exception {
        Path file = CohortFiles.write(dir.resolve("in/events.csv"), "episode_id,event_date,event_type", ",".repeat(20_000_000));
        assertRefusedAndUnchanged(importInto(file));
        assertThat(shown()).contains("events.csv row 2: is longer than 1000000 characters");
    }

    @Test
    void quoteThatIsNeverClosedInALargeFileIsReportedWhereItOpens() throws Exception {
        Path file = dir.resolve("in/events.csv");
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("episode_id,event_date,event_type\n");
            for (int i = 0; i < 200_000; i++) {
                w.write(i == 100 ? "E1,\"2019-05-01,mapping_done\n" : "E1,2019-05-01,mapping_done\n");
            }
        }
        assertRefusedAndUnchanged(importInto(file));
        assertThat(shown()).contains("events.csv row 102: holds a value longer than 100000 characters");
    }

    @Test
    void invalidUtf8PastTheEncodingSniffIsReportedAtItsRow() throws Exception {
        Path file = dir.resolve("in/episodes.csv");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("episode_id,person_id,programme,municipality,referral_date,referral_source\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 40_000; i++) {
                out.write(("N" + i + ",p" + i + ",evi,Båstad,2019-05-01,af\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("N0,p0,evi,Båstad,2019-05-01,af\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        assertRefusedAndUnchanged(importInto(file));
        assertThat(shown()).contains("episodes.csv row 40002: holds bytes that are not UTF-8 although the file begins as UTF-8");
    }

    @Test
    void zipBombWorkbookIsRefusedUnread() throws Exception {
        Path workbook = dir.resolve("in/cohort.xlsx");
        Files.createDirectories(workbook.getParent());
        Path small = dir.resolve("small.xlsx");
        try (OutputStream out = Files.newOutputStream(small)) {
            Workbook wb = new Workbook(out, "stegvis", "1.0");
            Worksheet ws = wb.newWorksheet("events");
            ws.value(0, 0, "episode_id");
            wb.finish();
        }
        // The same workbook with its sheet swapped for 400 MB of empty rows, packed about 1000 times.
        try (ZipFile in = new ZipFile(small.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(workbook))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().startsWith("xl/worksheets/")) {
                    out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] rows = "<row></row>".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 400; i++) {
                        out.write(rows);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
                } else {
                    in.getInputStream(e).transferTo(out);
                }
            }
        }
        assertThat(Files.size(workbook)).isLessThan(2L << 20);
        assertRefusedAndUnchanged(importInto(workbook));
        assertThat(shown()).contains("cohort.xlsx: cannot be read as an Excel workbook (.xlsx): its part xl/worksheets/sheet1.xml"
                + " would unpack from").contains("refused as a possible zip bomb");
    }

    @Test
    void filesCutOffAtRandomByteOffsetsAreRefusedOrImportedWhole() throws Exception {
        Random random = new Random(20261125);
        CohortFiles canonical = CohortFiles.canonical(dir.resolve("whole"));
        for (String table : List.of("episodes", "events", "step_assessments")) {
            byte[] whole = Files.readAllBytes(canonical.file(table));
            for (int i = 0; i < 8; i++) {
                int cut = 1 + random.nextInt(whole.length - 1);
                Path file = dir.resolve("cut/" + table + "-" + cut + "/" + table + ".csv");
                Files.createDirectories(file.getParent());
                Files.write(file, java.util.Arrays.copyOf(whole, cut));
                ImportResult result = importInto(file);
                if (!errors.isEmpty()) {
                    assertRefusedAndUnchanged(result);
                } else {
                    // Cut where a row ends: a shorter valid file, imported whole (its keys replace the store's own).
                    long complete = new String(whole, 0, cut, StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).count();
                    assertThat(result.written()).isEqualTo(complete > 0);
                    assertThat(result.rows(table)).as("%s cut at %d", table, cut).isEqualTo(complete);
                    before = Files.readAllBytes(db);
                }
            }
        }
    }
}
