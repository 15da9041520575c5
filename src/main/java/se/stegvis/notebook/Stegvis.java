package se.stegvis.notebook;

import se.stegvis.charts.Lang;
import se.stegvis.charts.SeminarTheme;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.metrics.Goal;
import se.stegvis.metrics.LeadTime;
import se.stegvis.metrics.Metrics;
import se.stegvis.store.CohortStore;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Ladder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Where a notebook starts: {@code var sv = Stegvis.open("build/demo/stegvis.duckdb");} opens the
 * cohort store read-only and gives tables, metrics and the seminar theme. Relative paths are
 * resolved against STEGVIS_HOME (the project directory, set by our kernelspec) so notebooks work
 * whatever directory the kernel starts in.
 */
public final class Stegvis implements AutoCloseable {
    private static volatile Lang lang = Lang.SV;

    private final CohortStore store;
    private final Connection connection;
    private final Path settings;
    private final Metrics metrics;

    private Stegvis(CohortStore store, Path settings, DisclosurePolicy policy) {
        this.store = store;
        this.connection = store.connection();
        this.settings = settings;
        this.metrics = Metrics.on(connection).withPolicy(policy);
    }

    /** Opens the DuckDB cohort store read-only. */
    public static Stegvis open(String path) {
        Path db = resolve(path);
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no cohort database at " + db + " (run 'make demo' to create the demo one)");
        }
        Path settings = CohortStore.settingsFile(db);
        DisclosurePolicy policy;
        try {
            policy = DisclosurePolicy.fromSettings(settings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + settings, e);
        }
        try {
            return new Stegvis(CohortStore.openReadOnly(db), settings, policy);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    /** A path relative to STEGVIS_HOME when that is set, else to the working directory. */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        String home = System.getenv("STEGVIS_HOME");
        return p.isAbsolute() || home == null || home.isBlank() ? p.toAbsolutePath() : Path.of(home).resolve(p);
    }

    /** A notebook parameter: the environment variable STEGVIS_&lt;NAME&gt;, or the default. */
    public static String param(String name, String fallback) {
        String v = System.getenv("STEGVIS_" + name.toUpperCase(java.util.Locale.ROOT));
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The language of labels, tables and charts (Swedish unless changed). */
    public static Lang lang() {
        return lang;
    }

    /** Switches labels, tables and charts to another language for the rest of the session. */
    public static void lang(Lang newLang) {
        lang = newLang;
    }

    /** The projector theme in the session's language. */
    public static SeminarTheme theme() {
        return SeminarTheme.projector().withLang(lang);
    }

    public Path database() {
        return store.file();
    }

    /** The JDBC connection (read-only), for metric classes that take one. */
    public Connection connection() {
        return connection;
    }

    /**
     * The metrics over this store, with disclosure control as the project's settings file beside the
     * store says ({@code disclosure.threshold}), else the default; one instance per session, so every
     * cell (and {@link #atRisk}) shares the per-episode tables it builds.
     */
    public Metrics metrics() {
        return metrics;
    }

    /** The goals of the project's settings file beside the store (none when there is no such file). */
    public List<Goal> goals() {
        try {
            return Files.isRegularFile(settings) ? Goal.fromSettings(settings) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + settings, e);
        }
    }

    /**
     * Numbers at risk for the lead time of a cohort at the given days, per group, with counts
     * below the disclosure threshold hidden (for the table under a lead-time curve).
     */
    public AtRisk atRisk(Cohort cohort, LocalDate asOf, LeadTime spec, double... days) {
        Metrics m = metrics();
        return AtRisk.count(m.unsuppressed().leadTimeEpisodes(cohort, asOf, spec), m.policy().threshold(), days);
    }

    /** The latest date recorded in the store: the natural as-of date of an export. */
    public LocalDate asOf() {
        return metrics().latestDate();
    }

    /** The default step ladder from the data dictionary: step, label and definition. */
    public static Table ladder() {
        Ladder ladder = DataDictionary.load().defaultLadder();
        Table t = Table.create(lang.pick(ladder.titleSv(), ladder.titleEn()),
                IntColumn.create(lang.pick("steg", "step")), StringColumn.create(lang.pick("namn", "name")),
                StringColumn.create(lang.pick("beskrivning", "description")));
        for (Ladder.Step s : ladder.steps()) {
            t.intColumn(0).append(s.step());
            t.stringColumn(1).append(lang.pick(s.sv(), s.en()));
            t.stringColumn(2).append(s.definition());
        }
        return t;
    }

    /** Runs a query (with ? parameters) and returns the result as a table. */
    public Table sql(String sql, Object... params) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return Table.read().db(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every table in the store with its number of rows. */
    public Table overview() {
        Table names = sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name");
        StringBuilder union = new StringBuilder();
        for (String name : names.stringColumn(0)) {
            if (!union.isEmpty()) {
                union.append(" UNION ALL ");
            }
            union.append("SELECT '").append(name).append("' AS ").append(lang.pick("tabell", "table_name"))
                    .append(", count(*) AS ").append(lang.pick("rader", "rows")).append(" FROM \"").append(name).append('"');
        }
        Table t = union.isEmpty() ? names : sql(union.toString());
        t.setName(lang.pick("Tabeller i kohortdatabasen", "Tables in the cohort store"));
        return t;
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Stegvis[" + store.file() + "]";
    }
}
