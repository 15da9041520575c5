package se.stegvis.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.hardening.PersonnummerScan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/}, listed in {@code manifest.tsv}): each file
 * is imported into a store that already holds the canonical cohort. Each must be refused with an error
 * naming the file, the row and the column (row 0 = a reason about the whole file), the store must stay
 * byte-for-byte as it was, and no personnummer may appear in any message.
 */
class BadInputCorpusTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();
    private static final String CORPUS = "/badinput/";

    /** One manifest line: the corpus file, the name it is imported as, and the error expected. */
    record Case(String file, String importAs, String row, String column, String expected, String what) {
        @Override
        public String toString() {
            return file + " (" + what + ")";
        }

        boolean accepted() {
            return row.equals("none");
        }
    }

    @TempDir
    static Path shared;
    static Path baseStore;
    static byte[] baseBytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildStoreHoldingTheCanonicalCohort() throws Exception {
        baseStore = shared.resolve("base/store.duckdb");
        ImportResult r = CohortImporter.builder(DICTIONARY).build()
                .importInto(baseStore, List.of(CohortFiles.canonical(shared.resolve("canonical")).folder()));
        assertThat(r.written()).isTrue();
        baseBytes = Files.readAllBytes(baseStore);
    }

    @AfterAll
    static void baseStoreWasNeverWritten() throws IOException {
        assertThat(Files.readAllBytes(baseStore)).isEqualTo(baseBytes);
    }

    static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(CORPUS + "manifest.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                cases.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5]));
            }
        }
        return cases;
    }

    @Test
    void corpusHoldsAtLeastSixtyFilesEachListedOnce() throws IOException {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases.stream().map(Case::file).distinct()).hasSameSizeAs(cases);
        try (var files = Files.list(Path.of("src/test/resources/badinput"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.tsv")))
                    .containsExactlyInAnyOrderElementsOf(cases.stream().map(Case::file).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsRefusedWithItsLocationAndLeavesTheStoreUnchanged(Case c) throws Exception {
        Path db = copyOfBaseStore();
        Path input = dir.resolve("input").resolve(c.importAs());
        Files.createDirectories(input.getParent());
        try (InputStream in = getClass().getResourceAsStream(CORPUS + c.file())) {
            Files.write(input, in.readAllBytes());
        }
        List<ImportError> errors = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        ImportResult result = CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).messages(messages::add)
                .build().importInto(db, List.of(input));
        String shown = String.join("\n", errors.stream().map(ImportError::toString).toList());

        assertThat(result.written()).isFalse();
        assertThat(Files.readAllBytes(db)).as("store bytes after %s", c).isEqualTo(baseBytes);
        assertThat(PersonnummerScan.in(shown + "\n" + String.join("\n", messages))).isEmpty();
        if (c.accepted()) {
            assertThat(errors).isEmpty();
            assertThat(messages).anySatisfy(m -> assertThat(m).contains(c.expected()));
            return;
        }
        long row = Long.parseLong(c.row());
        String column = c.column().isEmpty() ? null : c.column();
        assertThat(errors).as(shown).anySatisfy(e -> {
            assertThat(e.source()).startsWith(c.importAs());
            assertThat(e.row()).isEqualTo(row);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.toString()).contains(c.expected());
        });
        // Every message begins with the file it is about, in words a spreadsheet user can follow.
        assertThat(errors).allSatisfy(e -> assertThat(e.toString()).startsWith(e.source()).doesNotContain("Exception"));
        assertThat(errors).allMatch(e -> Objects.nonNull(e.problem()) && !e.problem().isBlank());
    }

    private Path copyOfBaseStore() throws IOException {
        Path db = dir.resolve("store.duckdb");
        Files.copy(baseStore, db);
        Files.copy(PseudonymKey.defaultFileFor(baseStore), PseudonymKey.defaultFileFor(db));
        return db;
    }
}
