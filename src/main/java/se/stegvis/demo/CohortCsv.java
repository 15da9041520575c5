package se.stegvis.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import se.stegvis.demo.SyntheticEpisode.Event;
import se.stegvis.demo.SyntheticEpisode.Exit;
import se.stegvis.demo.SyntheticEpisode.FollowUp;
import se.stegvis.demo.SyntheticEpisode.StepAssessment;

/**
 * The canonical CSV format of data-dictionary/datapackage.json: comma separated, ISO dates, header
 * of canonical column names. Demo values never contain commas, quotes or line breaks, so nothing is
 * quoted.
 */
final class CohortCsv {
    private CohortCsv() {
    }

    /**
     * Tables in the order they are written, with their headers; the per-episode tables also say how
     * an episode's rows are rendered and how many there are.
     */
    enum Table {
        EPISODES("episodes", List.of("episode_id", "personnummer", "person_id", "programme", "municipality",
                "referral_date", "referral_source", "birth_year", "gender", "born_abroad", "education",
                "income_source_at_entry", "occupation_at_entry", "consent", "episode_kind", "not_relevant_reason"),
                CohortCsv::episode, e -> 1),
        EVENTS("events", List.of("episode_id", "event_date", "event_type"),
                CohortCsv::events, e -> e.events().size()),
        STEP_ASSESSMENTS("step_assessments", List.of("episode_id", "assessed_on", "ladder", "step", "assessor_org",
                "work_capacity_clarified"),
                CohortCsv::assessments, e -> e.assessments().size()),
        EXITS("exits", List.of("episode_id", "exit_date", "destination", "income_source_at_exit", "occupation_at_exit"),
                CohortCsv::exit, e -> e.exit() == null ? 0 : 1),
        FOLLOW_UPS("follow_ups", List.of("episode_id", "offset_days", "observed_on", "status"),
                CohortCsv::followUps, e -> e.followUps().size()),
        STAFFING("staffing", List.of("programme", "municipality", "month", "fte"), null, null),
        CONTACTS("contacts", List.of("episode_id", "contact_date", "kind", "status", "partners"),
                CohortCsv::contacts, e -> e.details().contacts().size()),
        INCOME_SOURCES("income_sources", List.of("episode_id", "timing", "offset_days", "source", "extent"),
                CohortCsv::incomeSources, e -> e.details().incomeSources().size()),
        APPLICATIONS("applications", List.of("episode_id", "applied_on", "benefit", "decided_on", "decision"),
                CohortCsv::applications, e -> e.details().applications().size()),
        PARTNER_HOURS("partner_hours", List.of("programme", "municipality", "partner", "month", "hours_agreed",
                "hours_given"), null, null),
        CONTEXT_EVENTS("context_events", List.of("programme", "municipality", "starts_on", "ends_on", "kind",
                "label_sv", "label_en"), null, null),
        RATINGS("ratings", List.of("episode_id", "instrument", "rated_on", "score", "timing"),
                CohortCsv::ratings, e -> e.details().ratings().size());

        /** The tables with rows per episode (all but staffing, partner hours and context events). */
        static final List<Table> PER_EPISODE = List.of(EPISODES, EVENTS, STEP_ASSESSMENTS, EXITS, FOLLOW_UPS,
                CONTACTS, INCOME_SOURCES, APPLICATIONS, RATINGS);

        final String resource;
        final List<String> columns;
        final BiConsumer<StringBuilder, SyntheticEpisode> render;
        final ToIntFunction<SyntheticEpisode> rowsOf;

        Table(String resource, List<String> columns, BiConsumer<StringBuilder, SyntheticEpisode> render,
              ToIntFunction<SyntheticEpisode> rowsOf) {
            this.resource = resource;
            this.columns = columns;
            this.render = render;
            this.rowsOf = rowsOf;
        }

        String fileName() {
            return resource + ".csv";
        }

        String header() {
            return String.join(",", columns) + "\n";
        }
    }

    static void episode(StringBuilder out, SyntheticEpisode e) {
        SyntheticEpisode.Person p = e.person();
        out.append(e.episodeId()).append(',').append(p.personnummer()).append(",,")
                .append(e.profile().programme()).append(',').append(e.profile().municipality()).append(',');
        date(out, e.referralDay()).append(',').append(e.referralSource()).append(',')
                .append(p.birthYear()).append(',').append(p.gender()).append(',').append(p.bornAbroad()).append(',')
                .append(p.education()).append(',').append(e.incomeAtEntry()).append(',').append(e.occupationAtEntry())
                .append(',').append(e.consent()).append(',')
                .append(e.consultationOnly() ? "consultation" : "enrolled").append(',')
                .append(e.details().notRelevantReason() == null ? "" : e.details().notRelevantReason()).append('\n');
    }

    static void events(StringBuilder out, SyntheticEpisode e) {
        for (Event ev : e.events()) {
            out.append(e.episodeId()).append(',');
            date(out, ev.day()).append(',').append(ev.type()).append('\n');
        }
    }

    static void assessments(StringBuilder out, SyntheticEpisode e) {
        for (StepAssessment s : e.assessments()) {
            out.append(e.episodeId()).append(',');
            date(out, s.day()).append(',').append(s.ladder()).append(',').append(s.step()).append(',')
                    .append(s.assessorOrg()).append(',').append(s.day() == e.details().clarifiedOn()).append('\n');
        }
    }

    static void exit(StringBuilder out, SyntheticEpisode e) {
        Exit x = e.exit();
        if (x == null) {
            return;
        }
        out.append(e.episodeId()).append(',');
        date(out, x.day()).append(',').append(x.destination()).append(',').append(x.incomeSource()).append(',')
                .append(x.occupation()).append('\n');
    }

    static void followUps(StringBuilder out, SyntheticEpisode e) {
        for (FollowUp f : e.followUps()) {
            out.append(e.episodeId()).append(',').append(f.offsetDays()).append(',');
            if (f.observedDay() != null) {
                date(out, f.observedDay());
            }
            out.append(',').append(f.status()).append('\n');
        }
    }

    static void contacts(StringBuilder out, SyntheticEpisode e) {
        for (SyntheticEpisode.Contact c : e.details().contacts()) {
            out.append(e.episodeId()).append(',');
            date(out, c.day()).append(',').append(c.kind()).append(',').append(c.status()).append(',')
                    .append(c.partners()).append('\n');
        }
    }

    static void incomeSources(StringBuilder out, SyntheticEpisode e) {
        for (SyntheticEpisode.IncomeSource s : e.details().incomeSources()) {
            out.append(e.episodeId()).append(',').append(s.timing()).append(',').append(s.offsetDays()).append(',')
                    .append(s.source()).append(',').append(s.extent()).append('\n');
        }
    }

    static void applications(StringBuilder out, SyntheticEpisode e) {
        for (SyntheticEpisode.Application a : e.details().applications()) {
            out.append(e.episodeId()).append(',');
            date(out, a.appliedDay()).append(',').append(a.benefit()).append(',');
            if (a.decidedDay() != null) {
                date(out, a.decidedDay());
            }
            out.append(',').append(a.decision()).append('\n');
        }
    }

    static void ratings(StringBuilder out, SyntheticEpisode e) {
        for (SyntheticEpisode.Rating r : e.details().ratings()) {
            out.append(e.episodeId()).append(',').append(r.instrument()).append(',');
            date(out, r.day()).append(',').append(r.score()).append(',').append(r.timing()).append('\n');
        }
    }

    /** Appends the epoch day as YYYY-MM-DD. */
    static StringBuilder date(StringBuilder out, int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        out.append(d.getYear()).append('-');
        twoDigits(out, d.getMonthValue()).append('-');
        return twoDigits(out, d.getDayOfMonth());
    }

    static StringBuilder twoDigits(StringBuilder out, int n) {
        return out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
