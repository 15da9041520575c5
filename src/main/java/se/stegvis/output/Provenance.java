package se.stegvis.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import se.stegvis.metrics.Basis;
import se.stegvis.metrics.Suppression;

/**
 * Where a result comes from, stamped on every output: the definition, selection, n, as-of date,
 * disclosure threshold, tool version and a snapshot of the data (a hash of the store's import
 * log, which changes with every import), so a pasted number can be traced to the data it came from.
 */
public record Provenance(Basis basis, String toolVersion, String dataSnapshot) {

    /** The first 16 hex digits of the SHA-256 of the store's import log, in import order. */
    public static String snapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT import_id, table_name, file_name, sha256, rows FROM import_log ORDER BY ALL")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    sha.update((rs.getString(i) + "\t").getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields in a fixed order, with stable English keys. */
    public Map<String, String> fields() {
        Suppression s = basis.suppression();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("metric", basis.definition().id());
        m.put("definition_sv", oneLine(basis.definition().sv()));
        m.put("definition_en", oneLine(basis.definition().en()));
        m.put("selection", oneLine(basis.selection()));
        m.put("as_of", basis.asOf().toString());
        m.put("n", basis.nShown());
        m.put("disclosure_threshold", s.applied() ? Integer.toString(s.threshold()) : Suppression.UNSUPPRESSED_MARKER);
        m.put("tool_version", toolVersion);
        m.put("data_snapshot", dataSnapshot);
        return m;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
