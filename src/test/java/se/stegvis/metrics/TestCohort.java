package se.stegvis.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * A hand-made cohort in an in-memory DuckDB with the store schema ({@code sql/schema.sql}), so
 * every expected number in a test can be worked out by hand. Dates are ISO strings.
 */
public final class TestCohort implements AutoCloseable {
    public final Connection connection;

    private TestCohort(Connection connection) {
        this.connection = connection;
    }

    /** On an open store connection whose schema already exists (e.g. {@code CohortStore.open}). */
    public static TestCohort on(Connection connection) {
        return new TestCohort(connection);
    }

    public static TestCohort create() {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (InputStream in = TestCohort.class.getResourceAsStream("/sql/schema.sql"); Statement st = c.createStatement()) {
                String schema = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
                for (String sql : schema.split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            return new TestCohort(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enrolled episode of its own person, referred on {@code referral} (also a referral event). */
    public Episode episode(String id, String programme, String municipality, String referral) {
        exec("INSERT INTO episodes (episode_id, person_id, programme, municipality, referral_date, referral_source) "
                + "VALUES (?, ?, ?, ?, ?, 'af')", id, "p-" + id, programme, municipality, LocalDate.parse(referral));
        exec("INSERT INTO events VALUES (?, ?, 'referral')", id, LocalDate.parse(referral));
        return new Episode(id);
    }

    /** Hours a partner agreed and gave a team in a month (given null: not reported). */
    public TestCohort partnerHours(String programme, String municipality, String partner, String month, double agreed,
                                   Double given) {
        exec("INSERT INTO partner_hours VALUES (?, ?, ?, ?, ?, ?)", programme, municipality, partner, LocalDate.parse(month),
                agreed, given);
        return this;
    }

    /** A context event for all programmes (programme null) or one; {@code endsOn} null while it lasts. */
    public TestCohort contextEvent(String programme, String municipality, String startsOn, String endsOn, String kind,
                                   String labelSv) {
        exec("INSERT INTO context_events VALUES (?, ?, ?, ?, ?, ?, NULL)", programme, municipality, LocalDate.parse(startsOn),
                endsOn == null ? null : LocalDate.parse(endsOn), kind, labelSv);
        return this;
    }

    public TestCohort staffing(String programme, String municipality, String month, double fte) {
        exec("INSERT INTO staffing VALUES (?, ?, ?, ?)", programme, municipality, LocalDate.parse(month), fte);
        return this;
    }

    void exec(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    public final class Episode {
        final String id;

        private Episode(String id) {
            this.id = id;
        }

        public Episode set(String column, Object value) {
            // column names come from the tests only
            exec("UPDATE episodes SET " + column + " = ? WHERE episode_id = ?", value, id);
            return this;
        }

        public Episode person(String personId) {
            return set("person_id", personId);
        }

        public Episode gender(String g) {
            return set("gender", g);
        }

        public Episode born(int year) {
            return set("birth_year", year);
        }

        public Episode income(String code) {
            return set("income_source_at_entry", code);
        }

        public Episode consultation() {
            return set("episode_kind", "consultation");
        }

        public Episode event(String type, String date) {
            exec("INSERT INTO events VALUES (?, ?, ?)", id, LocalDate.parse(date), type);
            return this;
        }

        public Episode accepted(String date) {
            return event("decision_accepted", date);
        }

        public Episode step(String date, int step) {
            return step(date, "stegvis-7", step, step);
        }

        public Episode step(String date, String ladder, int step, int stepStd) {
            exec("INSERT INTO step_assessments (episode_id, assessed_on, ladder, step, step_std, assessor_org)"
                    + " VALUES (?, ?, ?, ?, ?, 'team')", id, LocalDate.parse(date), ladder, step, stepStd);
            return this;
        }

        /** Exit in the exits table and as an event. */
        public Episode exit(String date, String destination) {
            exec("INSERT INTO exits (episode_id, exit_date, destination) VALUES (?, ?, ?)", id, LocalDate.parse(date), destination);
            return event("exit", date);
        }

        /** A contact; {@code partners} as stored (codes joined by |), or null. */
        public Episode contact(String date, String kind, String status, String partners) {
            exec("INSERT INTO contacts VALUES (?, ?, ?, ?, ?)", id, LocalDate.parse(date), kind, status, partners);
            return this;
        }

        /** A held meeting without partners. */
        public Episode meeting(String date) {
            return contact(date, "meeting", "held", null);
        }

        /** An income source at entry, exit ({@code offsetDays} 0) or follow-up. */
        public Episode source(String timing, int offsetDays, String source, String extent) {
            exec("INSERT INTO income_sources VALUES (?, ?, ?, ?, ?)", id, timing, offsetDays, source, extent);
            return this;
        }

        /** An application; {@code decided} null while pending. */
        public Episode application(String applied, String benefit, String decided, String decision) {
            exec("INSERT INTO applications VALUES (?, ?, ?, ?, ?)", id, LocalDate.parse(applied), benefit,
                    decided == null ? null : LocalDate.parse(decided), decision);
            return this;
        }

        public Episode rating(String instrument, String date, double score, String timing) {
            exec("INSERT INTO ratings VALUES (?, ?, ?, ?, ?)", id, instrument, LocalDate.parse(date), score, timing);
            return this;
        }

        public Episode followUp(int offsetDays, String status) {
            exec("INSERT INTO follow_ups VALUES (?, ?, NULL, ?)", id, offsetDays, status);
            return this;
        }
    }
}
