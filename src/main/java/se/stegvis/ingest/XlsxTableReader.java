package se.stegvis.ingest;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Streams one sheet of an XLSX workbook: the first row is the header, row numbers are the sheet's own.
 * Date-formatted numbers become ISO dates (date-times with their time when it is not midnight), other numbers their plain decimal text, and formula cells
 * their formula ({@code =SUM(A1:A2)}), never the value Excel last computed, so validation refuses them.
 */
public final class XlsxTableReader implements TableReader {

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> rows;
    private final Iterator<org.dhatim.fastexcel.reader.Row> iterator;
    private final List<String> header;

    /** Parts larger than this that are also packed tighter than {@link #MAX_PACKING} are refused unread. */
    static final long LARGE_PART_BYTES = 64L << 20;
    /** Real sheets pack 5-30 times; a zip bomb thousands of times. */
    static final long MAX_PACKING = 100;

    private XlsxTableReader(ReadableWorkbook workbook, Sheet sheet) throws IOException, InputProblem {
        this.workbook = workbook;
        this.rows = sheet.openStream();
        this.iterator = rows.iterator();
        if (!hasNext()) {
            throw new InputProblem(1, "the sheet is empty (expected a header row naming the columns)");
        }
        this.header = List.of(cells(nextRow()));
    }

    /** The names of the sheets of a workbook, in order. */
    public static List<String> sheetNames(Path file) throws IOException {
        refuseZipBomb(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        }
    }

    /**
     * Refuses a workbook whose parts would unpack to far more than the file holds, before any part is
     * read: the sizes come from the zip's directory, so a bomb costs no memory or time.
     */
    static void refuseZipBomb(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                long size = e.getSize();
                long packed = Math.max(1, e.getCompressedSize());
                if (size > LARGE_PART_BYTES && size / packed > MAX_PACKING) {
                    throw new IOException("its part " + e.getName() + " would unpack from " + packed / 1024 + " kB to "
                            + (size >> 20) + " MB (over " + MAX_PACKING + " times), which no real export does;"
                            + " refused as a possible zip bomb");
                }
            }
        }
    }

    /** Opens sheet {@code sheetName} of the workbook at {@code file} and reads its header. */
    public static XlsxTableReader open(Path file, String sheetName) throws IOException, InputProblem {
        refuseZipBomb(file);
        ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        try {
            Sheet sheet = wb.findSheet(sheetName)
                    .orElseThrow(() -> new InputProblem(0, "the workbook has no sheet named " + sheetName));
            return new XlsxTableReader(wb, sheet);
        } catch (IOException | InputProblem | RuntimeException e) {
            wb.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException, InputProblem {
        if (!hasNext()) {
            return null;
        }
        org.dhatim.fastexcel.reader.Row row = nextRow();
        return new Row(row.getRowNum(), cells(row));
    }

    private boolean hasNext() throws IOException, InputProblem {
        return guarded(iterator::hasNext);
    }

    private org.dhatim.fastexcel.reader.Row nextRow() throws IOException, InputProblem {
        return guarded(iterator::next);
    }

    /** One step of the sheet's row stream, with the library's unchecked failures turned into ours. */
    private static <T> T guarded(Supplier<T> step) throws IOException, InputProblem {
        try {
            return step.get();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    /** The sheet's XML broke off or is not well-formed: a whole-file problem, said in words. */
    private static InputProblem damaged(RuntimeException e) {
        String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new InputProblem(0, "the workbook is damaged and cannot be read (" + detail + "); open it in Excel and"
                + " save it again");
    }

    private static String[] cells(org.dhatim.fastexcel.reader.Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            out.add(text(row.getCell(i)));
        }
        return out.toArray(new String[0]);
    }

    private static String text(Cell cell) {
        if (cell != null && cell.getFormula() != null) {
            return "=" + cell.getFormula();
        }
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        switch (cell.getType()) {
            case NUMBER:
                if (isDateFormat(cell.getDataFormatString())) {
                    return dateText(cell.asDate());
                }
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return Boolean.TRUE.equals(cell.asBoolean()) ? "true" : "false";
            default:
                return cell.getText();
        }
    }

    /**
     * Excel marks dates only by their number format: one with day or year parts is a date, or a date-time
     * when it also shows hours (a time alone, hh:mm, stays a number).
     */
    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return f.contains("y") || f.contains("d");
    }

    /**
     * A date cell as ISO text: the date alone at midnight, else with its time of day to the nearest second
     * (the cell holds a fraction of a day), which a date field then refuses by its own rule.
     */
    private static String dateText(LocalDateTime value) {
        LocalDateTime t = value.plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.toLocalDate() + " " + t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
