package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link DataQualityResult} from {@code sql/data_quality.sql}. */
final class DataQualityMetric {

    static final Definition DEFINITION = new Definition("data-quality",
            "Datakvalitet i urvalet: saknade värden per kolumn, omöjliga eller misstänkta datumordningar, "
                    + "möten utan stegbedömning, dubbletter och sena registreringar, som antal problem av antal "
                    + "möjliga.",
            "Data quality of the selection: missing values per column, impossible or suspicious date orders, "
                    + "meetings without a step assessment, duplicates and late registrations, as problems out of "
                    + "possible.");

    /** Days after the first meeting within which the entry step assessment is expected. */
    static final int LATE_DAYS = 30;

    private DataQualityMetric() {}

    static DataQualityResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var checks = rb.table("checks", key("group"), key("check"), key("table"), key("column"), count("problems"),
                count("total"), number("share"), number("lower"), number("upper"));
        Map<String, Long> episodes = new HashMap<>();
        try (PreparedStatement ps = ctx.query("data_quality").bind("late_days", LATE_DAYS).prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                var row = checks.row().key("group", g).key("check", rs.getString("kind"))
                        .key("table", rs.getString("tbl")).key("column", rs.getString("col"));
                int problems = row.count("problems", rs.getLong("problems"));
                int total = row.count("total", rs.getLong("total"));
                row.share("share", "lower", "upper", problems, total);
                if ("birth_year".equals(rs.getString("col"))) {
                    episodes.put(g, rs.getLong("total"));
                }
            }
        }
        long n = episodes.values().stream().mapToLong(Long::longValue).sum();
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new DataQualityResult(built.basis(), built.table("checks"));
    }
}
