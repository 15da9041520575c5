package se.stegvis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;

/**
 * The outputs an evaluator pastes into a report, read back as the programs that open them do: the
 * workbook with a real xlsx reader, the Swedish CSV as Excel splits it, the JSON with a JSON parser.
 */
class OutputFormatsTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void demo() throws Exception {
        new DemoCohort(DemoOptions.defaults().withEpisodes(600).withSeed(42)).writeTo(dir.resolve("csv"));
        db = dir.resolve("demo.duckdb");
        assertThat(CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv"))).ok()).isTrue();
        Files.writeString(dir.resolve("demo.properties"), String.join("\n",
                "goal.work2y.rate=exit_work_or_studies", "goal.work2y.within_days=730", "goal.work2y.target=0.3"));
    }

    /** Standard output as bytes (the Swedish CSV's BOM must survive). */
    static byte[] stdout(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            assertThat(new CommandLine(new Main()).execute(args)).as(String.join(" ", args)).isZero();
            return o.toByteArray();
        } finally {
            System.setOut(out);
        }
    }

    static String[] metrics(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("metrics", name, "--db", db.toString(), "--by", "municipality"));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    static JsonNode json(String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(more));
        args.addAll(List.of("--format", "json"));
        return new ObjectMapper().readTree(stdout(metrics(name, args.toArray(String[]::new))));
    }

    /** The value columns of a JSON row, in order, without their flags. */
    static List<String> columns(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(n -> {
            if (!n.endsWith("_flag")) {
                names.add(n);
            }
        });
        return names;
    }

    @Test
    void everyMetricsWorkbookHoldsNumbersAsNumbersMarksHiddenCellsAndHasAnInfoSheet() throws Exception {
        int hidden = 0;
        for (MetricsRequest.Name name : MetricsRequest.Name.values()) {
            String metric = name.key();
            JsonNode parts = json(metric, "--part", "all").get("parts");
            Path xlsx = dir.resolve(metric + ".xlsx");
            stdout(metrics(metric, "--part", "all", "--format", "xlsx", "--out", xlsx.toString()));
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
                List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
                List<String> expected = new ArrayList<>();
                parts.fieldNames().forEachRemaining(expected::add);
                expected.addAll(List.of("Förklaring", "Info"));
                assertThat(sheets).as(metric).isEqualTo(expected);
                for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> part = it.next();
                    List<Row> rows = wb.findSheet(part.getKey()).orElseThrow().read();
                    assertThat(rows).hasSize(part.getValue().size() + 1);
                    for (int r = 0; r < part.getValue().size(); r++) {
                        JsonNode row = part.getValue().get(r);
                        List<String> columns = columns(row);
                        for (int c = 0; c < columns.size(); c++) {
                            String where = metric + "." + part.getKey() + "[" + r + "]." + columns.get(c);
                            JsonNode value = row.get(columns.get(c));
                            var cell = rows.get(r + 1).getOptionalCell(c);
                            if (value.isNumber()) {
                                assertThat(cell.orElseThrow().getType()).as(where).isEqualTo(CellType.NUMBER);
                                // the same double, give or take the last bit of the workbook's decimal text
                                assertThat(cell.get().asNumber().doubleValue()).as(where)
                                        .isCloseTo(value.asDouble(), org.assertj.core.data.Offset.offset(Math.abs(value.asDouble()) * 1e-14));
                                assertThat(cell.get().getDataFormatString()).as(where).isNotBlank();
                            } else if (row.has(columns.get(c) + "_flag")) {
                                String flag = row.get(columns.get(c) + "_flag").asText();
                                String text = cell.map(x -> x.getText()).orElse("");
                                assertThat(text).as(where).isEqualTo(switch (flag) {
                                    case "small" -> "<5";
                                    case "protected" -> "..";
                                    default -> "";
                                });
                                hidden += text.isEmpty() ? 0 : 1;
                            }
                        }
                    }
                }
                List<Row> info = wb.findSheet("Info").orElseThrow().read();
                assertThat(info.stream().map(x -> x.getCellText(0)).toList()).as(metric)
                        .contains("metric", "as_of", "n", "disclosure_threshold", "tool_version", "data_snapshot");
                assertThat(wb.findSheet("Förklaring").orElseThrow().read().get(1).getCellText(0)).isEqualTo("<5");
            }
        }
        assertThat(hidden).as("hidden cells seen").isPositive();
    }

    @Test
    void numberFormatsFollowTheUnit() throws Exception {
        Path xlsx = dir.resolve("formats.xlsx");
        stdout(metrics("compare", "--format", "xlsx", "--out", xlsx.toString()));
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(x -> x.getText()).toList();
            Row ludvika = rows.stream().filter(r -> r.getCellText(0).equals("Ludvika")).findFirst().orElseThrow();
            assertThat(ludvika.getCell(header.indexOf("n")).getDataFormatString()).isEqualTo("0");
            assertThat(ludvika.getCell(header.indexOf("andel")).getDataFormatString()).isEqualTo("0.0%");
            assertThat(ludvika.getCell(header.indexOf("p (Fisher)")).getDataFormatString()).isIn("0.000", "0.0E+00");
        }
    }

    @Test
    void swedishCsvReadsAsExcelReadsIt() throws Exception {
        byte[] bytes = stdout(metrics("funnel", "--format", "csv-sv"));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String[]> rows = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#")).map(l -> l.split(";", -1)).toList();
        List<String> header = Arrays.asList(rows.get(0));
        assertThat(header).startsWith("grupp", "steg i flödet", "n", "andel");
        String[] referred = rows.stream().filter(r -> r[0].equals("Ludvika") && r[1].equals("Remitterade"))
                .findFirst().orElseThrow();
        JsonNode same = null;
        for (JsonNode row : json("funnel").get("parts").get("stages")) {
            if (row.get("group").asText().equals("Ludvika") && row.get("stage").asText().equals("referred")) {
                same = row;
            }
        }
        DecimalFormat excel = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE")));
        assertThat(excel.parse(referred[2]).longValue()).isEqualTo(same.get("n").asLong());
        String firstMeeting = rows.stream().filter(r -> r[0].equals("Ludvika") && r[1].equals("Första möte"))
                .findFirst().orElseThrow()[header.indexOf("andel vidare")];
        assertThat(firstMeeting).matches("\\d{1,3},\\d%");
        assertThat(rows.stream().flatMap(Arrays::stream)).noneMatch(f -> f.matches("-?\\d+\\.\\d+"));
    }

    @Test
    void jsonNumbersAreJsonNumbersAndTheDisclosureStateIsAFieldOfItsOwn() throws Exception {
        JsonNode root = json("funnel");
        assertThat(root.get("provenance").get("data_snapshot").asText()).matches("[0-9a-f]{16}");
        assertThat(root.get("provenance").get("tool_version").asText()).isNotBlank();
        int flagged = 0;
        for (JsonNode row : root.get("parts").get("stages")) {
            for (String column : List.of("n", "share", "lower", "upper")) {
                JsonNode v = row.get(column);
                assertThat(v.isNumber() || v.isNull()).as(row + "." + column).isTrue();
                if (v.isNull()) {
                    assertThat(row.get(column + "_flag").asText()).isIn("small", "protected", "not_reached");
                    flagged++;
                }
            }
            assertThat(row.get("n").isIntegralNumber() || row.get("n").isNull()).isTrue();
        }
        assertThat(flagged).isPositive();
        assertThat(root.toString()).doesNotContain("\"<5\"").doesNotContain("\"..\"");
    }

    @Test
    void machineCsvKeepsNumberColumnsNumericWithTheStateInAFlagColumn() {
        List<String[]> rows = new String(stdout(metrics("funnel")), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#")).map(l -> l.split(",", -1)).toList();
        List<String> header = Arrays.asList(rows.get(0));
        assertThat(header).startsWith("group", "stage", "n", "n_flag", "share", "share_flag");
        int n = header.indexOf("n");
        for (String[] row : rows.subList(1, rows.size())) {
            assertThat(row[n]).matches("\\d*");
            assertThat(row[n + 1]).isEqualTo(row[n].isEmpty() ? row[n + 1] : "").isIn("", "small", "protected");
        }
        assertThat(rows.stream().filter(r -> r.length > 1 && r[n + 1].equals("small"))).isNotEmpty();
    }

    @Test
    void theTableShowsNoMorePrecisionThanTheFormattingGives() {
        for (String name : List.of("leadtime", "compare", "flow", "intensity", "ratings")) {
            String table = new String(stdout(metrics(name, "--part", "all", "--format", "table")), StandardCharsets.UTF_8);
            // a p-value has two significant digits, so four decimals at most ("0,0012"); all else fewer
            assertThat(table).as(name).doesNotContainPattern("\\d[.,]\\d{5,}").doesNotContain("E-").doesNotContain("NaN");
        }
        String leadtime = new String(stdout(metrics("leadtime", "--format", "table")), StandardCharsets.UTF_8);
        assertThat(leadtime).containsPattern("\\d,\\d\u00a0%").doesNotContainPattern(" \\d+,\\d+  ");
    }
}
