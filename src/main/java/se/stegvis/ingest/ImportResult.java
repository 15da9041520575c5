package se.stegvis.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import or validation did.
 *
 * @param sources    one entry per file or sheet
 * @param errorCount number of errors reported (each went to the error sink)
 * @param written    true when the rows were committed to the store
 * @param keyId      id of the pseudonymisation key used, or null when validating
 * @param keyFile    the key file, or null when validating
 * @param keyCreated true when this import created the key file
 */
public record ImportResult(List<SourceResult> sources, long errorCount, boolean written, String keyId, Path keyFile,
                           boolean keyCreated) {
    public ImportResult {
        sources = List.copyOf(sources);
    }

    /**
     * One file or sheet.
     *
     * @param source        display name (file, and sheet for workbooks)
     * @param table         canonical table
     * @param sha256        hex SHA-256 of the file
     * @param rows          data rows read (blank rows not counted)
     * @param skippedReason why it was not imported again, or null
     */
    public record SourceResult(String source, String table, String sha256, long rows, String skippedReason) {
    }

    public boolean ok() {
        return errorCount == 0;
    }

    /** Rows read per canonical table, over all sources not skipped. */
    public long rows(String table) {
        return sources.stream().filter(s -> s.table().equals(table) && s.skippedReason() == null)
                .mapToLong(SourceResult::rows).sum();
    }
}
