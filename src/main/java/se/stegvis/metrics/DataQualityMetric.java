package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.SqlFragment;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link DataQualityResult} from {@code sql/data_quality.sql}. */
final class DataQualityMetric {

    static final Definition DEFINITION = new Definition("data-quality",
            "Datakvalitet i urvalet: saknade värden per kolumn, omöjliga eller misstänkta datumordningar, "
                    + "möten utan stegbedömning, dubbletter, nästan lika kommunnamn och sena registreringar, som antal problem av antal "
                    + "möjliga.",
            "Data quality of the selection: missing values per column, impossible or suspicious date orders, "
                    + "meetings without a step assessment, duplicates, near-duplicate municipalities and late registrations, as "
                    + "problems out of possible.");

    /** The checks, in the order shown; {@code sql/data_quality.sql} gives p_NAME and t_NAME for each. */
    enum Check {
        BIRTH_YEAR("completeness", "episodes"),
        GENDER("completeness", "episodes"),
        BORN_ABROAD("completeness", "episodes"),
        EDUCATION("completeness", "episodes"),
        INCOME_SOURCE_AT_ENTRY("completeness", "episodes"),
        OCCUPATION_AT_ENTRY("completeness", "episodes"),
        CONSENT("completeness", "episodes"),
        INCOME_SOURCE_AT_EXIT("completeness", "exits"),
        OCCUPATION_AT_EXIT("completeness", "exits"),
        OBSERVED_ON("completeness", "follow_ups"),
        EVENT_BEFORE_REFERRAL("event_date", "events"),
        EXIT_BEFORE_REFERRAL("exit_date", "exits"),
        MILESTONE_AFTER_EXIT("event_date", "events"),
        ASSESSMENT_AFTER_EXIT("assessed_on", "step_assessments"),
        EXIT_WITHOUT_EXIT_EVENT("episode_id", "exits"),
        EXIT_EVENT_WITHOUT_EXIT("event_type", "events"),
        ACCEPTED_AND_NOT_RELEVANT("event_type", "events"),
        MET_WITHOUT_ASSESSMENT("episode_id", "step_assessments"),
        DUPLICATE_EPISODE("episode_id", "episodes"),
        NEAR_DUPLICATE("municipality", "episodes"),
        LATE_ENTRY_ASSESSMENT("assessed_on", "step_assessments"),
        EVENTS_AFTER_AS_OF("event_date", "events");

        /** For completeness checks "completeness", else the column the check reads. */
        final String kindOrColumn;
        final String table;

        Check(String kindOrColumn, String table) {
            this.kindOrColumn = kindOrColumn;
            this.table = table;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The check's name in the table: "completeness" or the check itself. */
        String check() {
            return kindOrColumn.equals("completeness") ? "completeness" : key();
        }

        /** The column the check is about. */
        String column() {
            return kindOrColumn.equals("completeness") ? key() : kindOrColumn;
        }
    }

    /** The values compared for near-duplicates: the selection's municipalities (programmes are codes). */
    private static final SqlFragment MUNICIPALITIES = new SqlFragment("SELECT municipality AS value FROM sel", List.of());

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
        try (PreparedStatement ps = ctx.query("data_quality").with("values", MUNICIPALITIES).bind("late_days", LATE_DAYS).prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                episodes.put(g, rs.getLong("t_birth_year"));
                for (Check c : Check.values()) {
                    var row = checks.row().key("group", g).key("check", c.check()).key("table", c.table)
                            .key("column", c.column());
                    int problems = row.count("problems", rs.getLong("p_" + c.key()));
                    int total = row.count("total", rs.getLong("t_" + c.key()));
                    row.share("share", "lower", "upper", problems, total);
                }
            }
        }
        var near = rb.table("near_duplicates", key("value"), key("near"), count("episodes"));
        try (PreparedStatement ps = ctx.query("near_duplicate_values").with("values", MUNICIPALITIES).prepare(ctx.connection());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                near.row().key("value", rs.getString("value")).key("near", rs.getString("near")).count("episodes", rs.getLong("episodes"));
            }
        }
        long n = episodes.values().stream().mapToLong(Long::longValue).sum();
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new DataQualityResult(built.basis(), built.table("checks"), built.table("near_duplicates"));
    }
}
