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
                "income_source_at_entry", "occupation_at_entry", "consent", "episode_kind"),
                CohortCsv::episode, e -> 1),
        EVENTS("events", List.of("episode_id", "event_date", "event_type"),
                CohortCsv::events, e -> e.events().size()),
        STEP_ASSESSMENTS("step_assessments", List.of("episode_id", "assessed_on", "ladder", "step", "assessor_org"),
                CohortCsv::assessments, e -> e.assessments().size()),
        EXITS("exits", List.of("episode_id", "exit_date", "destination", "income_source_at_exit", "occupation_at_exit"),
                CohortCsv::exit, e -> e.exit() == null ? 0 : 1),
        FOLLOW_UPS("follow_ups", List.of("episode_id", "offset_days", "observed_on", "status"),
                CohortCsv::followUps, e -> e.followUps().size()),
        STAFFING("staffing", List.of("programme", "municipality", "month", "fte"), null, null);

        /** The tables with rows per episode (all but staffing). */
        static final List<Table> PER_EPISODE = List.of(EPISODES, EVENTS, STEP_ASSESSMENTS, EXITS, FOLLOW_UPS);

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
                .append(e.consultationOnly() ? "consultation" : "enrolled").append('\n');
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
                    .append(s.assessorOrg()).append('\n');
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
