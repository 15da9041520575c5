package se.stegvis.ingest;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Streams one sheet of an XLSX workbook: the first row is the header, row numbers are the sheet's own.
 * Date-formatted numbers become ISO dates, other numbers their plain decimal text.
 */
public final class XlsxTableReader implements TableReader {

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> rows;
    private final Iterator<org.dhatim.fastexcel.reader.Row> iterator;
    private final List<String> header;

    private XlsxTableReader(ReadableWorkbook workbook, Sheet sheet) throws IOException, InputProblem {
        this.workbook = workbook;
        this.rows = sheet.openStream();
        this.iterator = rows.iterator();
        if (!iterator.hasNext()) {
            throw new InputProblem(1, "the sheet is empty (expected a header row naming the columns)");
        }
        this.header = List.of(cells(iterator.next()));
    }

    /** The names of the sheets of a workbook, in order. */
    public static List<String> sheetNames(Path file) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        }
    }

    /** Opens sheet {@code sheetName} of the workbook at {@code file} and reads its header. */
    public static XlsxTableReader open(Path file, String sheetName) throws IOException, InputProblem {
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
    public Row next() throws IOException {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            org.dhatim.fastexcel.reader.Row row = iterator.next();
            return new Row(row.getRowNum(), cells(row));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String[] cells(org.dhatim.fastexcel.reader.Row row) {
        List<String> out = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            out.add(text(row.getCell(i)));
        }
        return out.toArray(new String[0]);
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        switch (cell.getType()) {
            case NUMBER:
                if (isDateFormat(cell.getDataFormatString())) {
                    return cell.asDate().toLocalDate().toString();
                }
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return Boolean.TRUE.equals(cell.asBoolean()) ? "true" : "false";
            default:
                return cell.getText();
        }
    }

    /** Excel marks dates only by their number format: one with day or year parts and no hours is a date. */
    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return (f.contains("y") || f.contains("d")) && !f.contains("h");
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
