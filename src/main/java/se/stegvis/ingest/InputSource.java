package se.stegvis.ingest;

import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One table's worth of input: a CSV or Parquet file named after its table, or one sheet of a workbook.
 *
 * @param file   the file
 * @param sheet  the sheet name for XLSX, else null
 * @param format how to read it
 * @param table  the canonical table it holds
 */
public record InputSource(Path file, String sheet, Format format, Table table) {

    /** The file formats import reads. */
    public enum Format { CSV, XLSX, PARQUET }

    /**
     * How messages and import_log name this source: the file name, and the sheet for workbooks, masked
     * when it holds a personnummer (exports are often named after the person).
     */
    public String displayName() {
        return Redaction.name(sheet == null ? file.getFileName().toString() : file.getFileName() + " sheet " + sheet);
    }

    /** Opens a streaming reader positioned after the header. */
    public TableReader open() throws IOException, TableReader.InputProblem {
        return switch (format) {
            case CSV -> CsvTableReader.open(file);
            case XLSX -> XlsxTableReader.open(file, sheet);
            case PARQUET -> ParquetTableReader.open(file);
        };
    }

    /**
     * The sources in {@code inputs}: folders are searched (not recursively) for .csv, .txt, .tsv, .xlsx
     * and .parquet files; each file or sheet is matched to a table by its name, canonical or Swedish
     * (e.g. {@code händelser.csv} holds events). Unrecognised names are reported, not guessed.
     */
    public static List<InputSource> discover(List<Path> inputs, DataDictionary dictionary, ErrorSink errors)
            throws IOException {
        List<InputSource> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(input)) {
                    files = s.filter(Files::isRegularFile).filter(p -> format(p) != null).sorted().toList();
                }
                if (files.isEmpty()) {
                    errors.report(ImportError.wholeFile(Redaction.name(input.toString()), "holds no .csv, .xlsx or .parquet files"));
                }
                for (Path f : files) {
                    addFile(f, dictionary, errors, out);
                }
            } else if (Files.isRegularFile(input)) {
                addFile(input, dictionary, errors, out);
            } else {
                errors.report(ImportError.wholeFile(Redaction.name(input.toString()), "does not exist"));
            }
        }
        return out;
    }

    private static void addFile(Path file, DataDictionary dictionary, ErrorSink errors, List<InputSource> out)
            throws IOException {
        String name = file.getFileName().toString();
        String shown = Redaction.name(name);
        Format format = format(file);
        if (format == null) {
            errors.report(ImportError.wholeFile(shown, "is not a file type import reads (expected .csv, .xlsx or .parquet)"));
            return;
        }
        if (format == Format.XLSX) {
            List<String> sheets;
            try {
                sheets = XlsxTableReader.sheetNames(file);
            } catch (IOException | RuntimeException e) {
                errors.report(ImportError.wholeFile(shown, "cannot be read as an Excel workbook (.xlsx): "
                        + Redaction.name(String.valueOf(e.getMessage()))));
                return;
            }
            for (String sheet : sheets) {
                dictionary.tableNamed(sheet).ifPresentOrElse(
                        t -> out.add(new InputSource(file, sheet, format, t)),
                        () -> errors.report(ImportError.wholeFile(Redaction.name(name + " sheet " + sheet),
                                "is not named after a table (expected " + tableNames(dictionary) + ")")));
            }
            return;
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        dictionary.tableNamed(stem).ifPresentOrElse(
                t -> out.add(new InputSource(file, null, format, t)),
                () -> errors.report(ImportError.wholeFile(shown,
                        "is not named after a table, so its content is unknown (expected " + tableNames(dictionary) + ")")));
    }

    private static String tableNames(DataDictionary dictionary) {
        List<String> names = new ArrayList<>();
        for (Table t : dictionary.tables()) {
            names.add(t.name() + " / " + t.titleSv().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (name.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        return null;
    }
}
