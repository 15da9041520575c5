package se.stegvis.ingest;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.Ladder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The fast path for clean CSV: DuckDB's own reader loads the file straight into the staging table,
 * each dictionary rule written as a SQL predicate that accepts only values the row-by-row validator
 * ({@link TableStager} with {@link FieldParser}) accepts and reads to the same value, usually only their
 * canonical form. A file whose text DuckDB could split differently (see {@link FileDigest#plainText()}),
 * that is not UTF-8, whose header does not bind, or holding any value outside those predicates is left
 * to the row-by-row validator, which reports each problem by row and column. So this path decides
 * speed only, never what is accepted nor how a problem is reported.
 */
final class BulkCsvStager {

    /** Raised inside DuckDB by the first row the predicates do not accept. */
    private static final String NOT_CANONICAL = "stegvis: needs the row-by-row validator";
    private static final String PERSONNUMMER_TABLE = "stg_personnummer";
    private static final String LIST_SEPARATORS = "|,;+";

    private final DuckDBConnection connection;
    private final DataDictionary dictionary;
    private final TableStager stager;
    private final Pseudonymiser pseudonymiser;
    private final LocalDate today;

    /** @param pseudonymiser computes person_id; null when only validating (person_id is then left empty) */
    BulkCsvStager(DuckDBConnection connection, DataDictionary dictionary, TableStager stager, Pseudonymiser pseudonymiser,
                  LocalDate today) {
        this.connection = connection;
        this.dictionary = dictionary;
        this.stager = stager;
        this.pseudonymiser = pseudonymiser;
        this.today = today;
    }

    /**
     * Stages all rows of a plain-text CSV {@code source} in one statement; empty when it staged nothing
     * and the file must be read row by row.
     */
    Optional<TableStager.Staged> stage(InputSource source, String name, int sourceIndex, StagingTable staging)
            throws IOException, SQLException {
        if (source.format() != InputSource.Format.CSV) {
            return Optional.empty();
        }
        List<String> header;
        char separator;
        try (CsvTableReader reader = CsvTableReader.open(source.file())) {
            if (reader.encoding() != StandardCharsets.UTF_8) {
                return Optional.empty();
            }
            header = reader.header();
            separator = reader.separator();
        } catch (TableReader.InputProblem p) {
            return Optional.empty();
        }
        Map<String, String> headerOf = new LinkedHashMap<>();
        ErrorSink problems = ErrorSink.counting();
        List<TableStager.Binding> bindings = stager.bind(name, staging.table(), header, staging, headerOf, problems);
        if (bindings == null || problems.count() > 0) {
            return Optional.empty();
        }
        String csv = readCsv(source, header.size(), separator);
        Optional<TableStager.Binding> pnr = bindings.stream().filter(TableStager.Binding::personnummer).findFirst();
        staging.flush();
        try {
            if (pnr.isPresent() && !pseudonymise(csv, cell(pnr.get()))) {
                return Optional.empty();
            }
            long rows;
            try (Statement st = connection.createStatement()) {
                rows = st.executeUpdate(insert(csv, header.size(), bindings, pnr, staging, sourceIndex));
            }
            staging.inserted(rows);
            return Optional.of(new TableStager.Staged(rows, headerOf, true));
        } catch (SQLException e) {
            // A value outside the predicates (NOT_CANONICAL), or a row DuckDB cannot split (wrong number
            // of values, bytes that are not UTF-8): the statement left the table as it was.
            return Optional.empty();
        }
    }

    private static String readCsv(InputSource source, int columns, char separator) {
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        return "read_csv(" + literal(source.file().toAbsolutePath().toString()) + ", header = false, skip = 1, delim = "
                + literal(String.valueOf(separator)) + ", quote = '\"', escape = '\"', auto_detect = false,"
                + " strict_mode = true, columns = {" + cols + "})";
    }

    private static String cell(TableStager.Binding b) {
        return "r.c" + b.cell();
    }

    /**
     * Pseudonymises each distinct personnummer of the file into {@value #PERSONNUMMER_TABLE} (text,
     * person_id); false when one is not a valid personnummer.
     */
    private boolean pseudonymise(String csv, String column) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + PERSONNUMMER_TABLE + " (pnr VARCHAR, person_id VARCHAR)");
        }
        try (DuckDBAppender out = connection.createAppender("temp", "main", PERSONNUMMER_TABLE);
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT " + column + " FROM " + csv + " r WHERE " + column + " IS NOT NULL")) {
            while (rs.next()) {
                String text = rs.getString(1);
                Personnummer.Parsed parsed = Personnummer.parse(text, today);
                if (!parsed.valid()) {
                    return false;
                }
                out.beginRow().append(text).append(pseudonymiser == null ? "" : pseudonymiser.personId(parsed.twelveDigits()))
                        .endRow();
            }
        }
        return true;
    }

    private String insert(String csv, int columns, List<TableStager.Binding> bindings, Optional<TableStager.Binding> pnr,
                          StagingTable staging, int sourceIndex) {
        Map<Integer, TableStager.Binding> byTarget = new HashMap<>();
        for (TableStager.Binding b : bindings) {
            if (!b.personnummer()) {
                byTarget.put(b.target(), b);
            }
        }
        List<String> values = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<StagingTable.Column> cols = staging.columns();
        for (int i = 0; i < cols.size(); i++) {
            String column = cols.get(i).name();
            TableStager.Binding b = byTarget.get(i);
            if (column.equals(StagingTable.STEP_STD)) {
                String std = stepStd(value(byTarget.get(staging.indexOf("ladder"))), value(byTarget.get(staging.indexOf("step"))));
                values.add(std);
                checks.add(std + " IS NOT NULL");
                continue;
            }
            String value = b == null ? "NULL" : value(b);
            String valid = b == null ? "true" : valid(b);
            if (column.equals(TableStager.PERSON_ID)) {
                // A row's personnummer wins over its person_id cell, which is then not read.
                String given = b == null ? "NULL" : cell(b);
                if (pnr.isPresent()) {
                    String p = cell(pnr.get());
                    value = "CASE WHEN " + p + " IS NOT NULL THEN m.person_id ELSE " + value + " END";
                    valid = "(" + p + " IS NOT NULL OR " + valid + ")";
                    given = "coalesce(" + p + ", " + given + ")";
                }
                checks.add(given + " IS NOT NULL");
            }
            Field f = staging.table().field(column).orElse(null);
            if (f != null && f.defaultValue() != null) {
                value = "coalesce(" + value + ", " + literal(f.defaultValue()) + ")";
            }
            values.add(value);
            checks.add(valid);
        }
        String notBlank = IntStream.range(0, columns).mapToObj(i -> "r.c" + i + " IS NULL")
                .collect(Collectors.joining(" AND ", "NOT (", ")"));
        String names = cols.stream().map(StagingTable.Column::name).collect(Collectors.joining(", "));
        // row_number() OVER () numbers the rows in file order, and the file has no blank lines
        // (FileDigest), so _n + 1 is the spreadsheet row. ORDER BY keeps the file's order in the store,
        // which a parallel INSERT with a heavy filter does not always do on its own.
        return "INSERT INTO " + staging.name() + " (" + names + ", " + StagingTable.SOURCE + ", " + StagingTable.ROW + ")"
                + " SELECT " + String.join(", ", values) + ", " + sourceIndex + ", r._n + 1"
                + " FROM (SELECT *, row_number() OVER () AS _n FROM " + csv + ") r"
                + (pnr.isPresent() ? " LEFT JOIN " + PERSONNUMMER_TABLE + " m ON m.pnr = " + cell(pnr.get()) : "")
                + " WHERE " + notBlank + " AND (" + String.join(" AND ", checks) + " OR error(" + literal(NOT_CANONICAL) + ") IS NULL)"
                + " ORDER BY r._n";
    }

    /** The typed value of a bound cell, for a value {@link #valid} accepts. */
    private static String value(TableStager.Binding b) {
        String v = cell(b);
        Field f = b.parser().field();
        if (f.isList()) {
            return v;
        }
        return switch (f.type()) {
            case STRING -> v;
            case INTEGER -> "TRY_CAST(" + v + " AS INTEGER)";
            case NUMBER -> "TRY_CAST(replace(" + v + ", ',', '.') AS DOUBLE)";
            case BOOLEAN -> v + " IN (" + texts(b.parser().booleanTexts().entrySet().stream().filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey).sorted().toList()) + ")";
            case DATE -> "TRY_CAST(" + v + " AS DATE)";
            case YEARMONTH -> "TRY_CAST(" + v + " || '-01' AS DATE)";
        };
    }

    /**
     * True for an empty cell of an optional field or a value that {@link FieldParser#parse} takes as it
     * is written and reads to {@link #value}; false (never null) otherwise.
     */
    private static String valid(TableStager.Binding b) {
        String v = cell(b);
        Field f = b.parser().field();
        String accepted = accepted(b, v);
        return f.required() ? "(" + v + " IS NOT NULL AND " + accepted + ")" : "(" + v + " IS NULL OR " + accepted + ")";
    }

    private static String accepted(TableStager.Binding b, String v) {
        FieldParser parser = b.parser();
        Field f = parser.field();
        if (f.isList()) {
            String sep = f.listSeparator();
            if (!parser.coded() || sep.length() != 1 || LIST_SEPARATORS.indexOf(sep.charAt(0)) < 0
                    || parser.canonicalCodes().isEmpty()) {
                return "false";
            }
            String code = parser.canonicalCodes().stream().map(c -> "\\Q" + c + "\\E").collect(Collectors.joining("|", "(?:", ")"));
            String split = "string_split(" + v + ", " + literal(sep) + ")";
            return "coalesce(regexp_full_match(" + v + ", " + literal(code + "(?:\\Q" + sep + "\\E" + code + ")*") + ")"
                    + " AND len(" + split + ") = len(list_distinct(" + split + ")), false)";
        }
        String check = switch (f.type()) {
            case STRING -> parser.coded() ? codes(parser.canonicalCodes(), v) : freeText(f, v);
            case INTEGER -> "CAST(" + value(b) + " AS VARCHAR) = " + v + range(f, value(b));
            case NUMBER -> "regexp_full_match(" + v + ", '[0-9]{1,15}(?:[.,][0-9]{1,15})?')" + range(f, value(b));
            case BOOLEAN -> v + " IN (" + texts(parser.booleanTexts().keySet().stream().sorted().toList()) + ")";
            case DATE -> "CAST(" + value(b) + " AS VARCHAR) = " + v + " AND " + plausible(value(b));
            case YEARMONTH -> "strlen(" + v + ") = 7 AND CAST(" + value(b) + " AS VARCHAR) = " + v + " || '-01' AND "
                    + plausible(value(b));
        };
        return "coalesce(" + check + ", false)";
    }

    private static String codes(Set<String> canonical, String v) {
        return canonical.isEmpty() ? "false" : v + " IN (" + texts(List.copyOf(canonical)) + ")";
    }

    /**
     * Free text the streaming validator keeps as written: begins and ends with a letter or digit (so no
     * surrounding whitespace and no formula prefix = + - @), in NFC, within the length limit (counted in
     * bytes, never fewer than Java's chars), with no control character (any, tab too) nor bidi override,
     * and no digits (of any script) grouped like a personnummer with any one separator or none.
     */
    private static String freeText(Field f, String v) {
        Integer max = f.constraints().maxLength();
        return "regexp_full_match(" + v + ", '(?s)[\\p{L}\\p{N}](?:.*[\\p{L}\\p{N}])?')"
                + " AND nfc_normalize(" + v + ") = " + v
                + " AND NOT regexp_matches(" + v + ", '[\\p{Cc}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]')"
                + " AND NOT regexp_matches(" + v + ", '\\p{Nd}{6}\\P{Nd}?\\p{Nd}{4}')"
                + (max == null ? "" : " AND strlen(" + v + ") <= " + max);
    }

    private static String range(Field f, String value) {
        Double min = f.constraints().minimum();
        Double max = f.constraints().maximum();
        return (min == null ? "" : " AND " + value + " >= " + plain(min)) + (max == null ? "" : " AND " + value + " <= " + plain(max));
    }

    private static String plausible(String date) {
        return date + " BETWEEN DATE '" + FieldParser.EARLIEST_YEAR + "-01-01' AND DATE '2100-12-31'";
    }

    /** step_std: the step on the default ladder, NULL for a step its ladder does not have. */
    private String stepStd(String ladder, String step) {
        StringBuilder sql = new StringBuilder("CASE");
        for (Ladder l : dictionary.ladders().values()) {
            for (int s = l.lowestStep(); s <= l.highestStep(); s++) {
                Optional<Integer> std = dictionary.toDefaultStep(l.id(), s);
                if (std.isPresent()) {
                    sql.append(" WHEN ").append(ladder).append(" = ").append(literal(l.id())).append(" AND ").append(step)
                            .append(" = ").append(s).append(" THEN ").append(std.get());
                }
            }
        }
        return sql.append(" END").toString();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String texts(List<String> texts) {
        return texts.stream().map(BulkCsvStager::literal).collect(Collectors.joining(", "));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
