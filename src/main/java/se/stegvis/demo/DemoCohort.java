package se.stegvis.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import se.stegvis.demo.CohortCsv.Table;

/**
 * Writes the synthetic demo cohort as canonical CSV files, one per table. Episodes are generated in
 * chunks on all cores and written in index order, a bounded window of chunks at a time, so the
 * files are byte-identical for a seed and memory does not grow with the number of episodes.
 */
public final class DemoCohort {
    static final int CHUNK = 2048;
    private static final int BUFFER = 1 << 18;
    private static final long PARTNER_STREAM = 4;

    private final DemoOptions options;
    private final CohortModel model;

    /** A cohort for the options; fails when no programme of the demo had started by the as-of date. */
    public DemoCohort(DemoOptions options) {
        this.options = options;
        this.model = new CohortModel(options);
    }

    /** Generates the cohort into {@code dir} (created if missing), overwriting earlier files. */
    public DemoSummary writeTo(Path dir) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dir);
        Map<Table, OutputStream> writers = new EnumMap<>(Table.class);
        Map<Table, Long> rows = new EnumMap<>(Table.class);
        try {
            for (Table t : Table.values()) {
                OutputStream w = new BufferedOutputStream(Files.newOutputStream(dir.resolve(t.fileName())), BUFFER);
                writers.put(t, w);
                w.write(t.header().getBytes(StandardCharsets.UTF_8));
            }
            long chunks = (options.episodes() + CHUNK - 1) / CHUNK;
            int window = Math.max(2, 4 * Runtime.getRuntime().availableProcessors());
            for (long from = 0; from < chunks; from += window) {
                long base = from;
                List<Chunk> done = IntStream.range(0, (int) Math.min(window, chunks - from)).parallel()
                        .mapToObj(k -> chunk(base + k)).toList();
                for (Chunk c : done) {
                    c.writeTo(writers, rows);
                }
            }
            rows.put(Table.STAFFING, writeStaffing(writers.get(Table.STAFFING)));
            rows.put(Table.PARTNER_HOURS, writePartnerHours(writers.get(Table.PARTNER_HOURS)));
            rows.put(Table.CONTEXT_EVENTS, writeContextEvents(writers.get(Table.CONTEXT_EVENTS)));
        } finally {
            closeAll(writers.values());
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        for (Table t : Table.values()) {
            byName.put(t.resource, rows.getOrDefault(t, 0L));
        }
        return new DemoSummary(byName, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every episode of the cohort in index order, without writing files (for tests and notebooks). */
    public List<SyntheticEpisode> episodes() {
        List<SyntheticEpisode> out = new ArrayList<>((int) options.episodes());
        for (long i = 0; i < options.episodes(); i++) {
            out.add(model.episode(i));
        }
        return out;
    }

    private Chunk chunk(long chunkIndex) {
        long first = chunkIndex * CHUNK;
        long last = Math.min(options.episodes(), first + CHUNK);
        Chunk c = new Chunk((int) (last - first));
        for (long i = first; i < last; i++) {
            c.add(model.episode(i));
        }
        c.encode();
        return c;
    }

    /**
     * One row per team and month up to the as-of month, as the teams were staffed; the staff do not
     * grow with the number of episodes (the default cohort is about twice the reports' volume).
     */
    private long writeStaffing(OutputStream w) throws IOException {
        YearMonth asOfMonth = YearMonth.from(options.asOf());
        long n = 0;
        for (TeamStaffing t : DemoProfiles.STAFFING) {
            YearMonth to = t.to() == null || t.to().isAfter(asOfMonth) ? asOfMonth : t.to();
            for (YearMonth m = t.from(); !m.isAfter(to); m = m.plusMonths(1)) {
                w.write((t.programme() + "," + t.municipality() + "," + m + ","
                        + String.format(Locale.ROOT, "%.2f", t.fte()) + "\n").getBytes(StandardCharsets.UTF_8));
                n++;
            }
        }
        return n;
    }

    /**
     * Hours each partner agreed and gave each team per month while the team ran: given near the team's
     * usual share, half in July, less during the pandemic.
     */
    private long writePartnerHours(OutputStream w) throws IOException {
        YearMonth asOfMonth = YearMonth.from(options.asOf());
        long n = 0;
        for (TeamStaffing t : DemoProfiles.STAFFING) {
            DemoProfiles.TeamWork team = DemoProfiles.teamWork(t.programme(), t.municipality());
            YearMonth to = t.to() == null || t.to().isAfter(asOfMonth) ? asOfMonth : t.to();
            for (YearMonth m = t.from(); !m.isAfter(to); m = m.plusMonths(1)) {
                SplittableRandom rng = CohortModel.random(options.seed(),
                        DemoProfiles.TEAM_WORK.indexOf(team) * 100_000L + m.getYear() * 12L + m.getMonthValue(), PARTNER_STREAM);
                double season = m.getMonthValue() == 7 ? 0.5 : 1;
                LocalDate first = m.atDay(1);
                if (!first.isBefore(DemoProfiles.PANDEMIC_START.withDayOfMonth(1)) && !first.isAfter(DemoProfiles.PANDEMIC_END)) {
                    season *= 0.8;
                }
                for (DemoProfiles.PartnerInput p : team.partners()) {
                    double given = p.hoursAgreed() * p.givenShare() * season * (1 + 0.15 * rng.nextGaussian());
                    given = Math.round(2 * Math.max(0, Math.min(1.2 * p.hoursAgreed(), given))) / 2.0;
                    w.write((t.programme() + "," + t.municipality() + "," + p.partner() + "," + m + ","
                            + String.format(Locale.ROOT, "%.1f,%.1f", p.hoursAgreed(), given) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    n++;
                }
            }
        }
        return n;
    }

    /** The dated context events that began by the as-of date, and a summer break each year; ends after it are left open. */
    private long writeContextEvents(OutputStream w) throws IOException {
        List<DemoProfiles.ContextEvent> events = new ArrayList<>(DemoProfiles.CONTEXT_EVENTS);
        int firstYear = DemoProfiles.ALL.stream().mapToInt(p -> p.start().getYear()).min().orElseThrow();
        for (int y = firstYear; y <= options.asOf().getYear(); y++) {
            events.add(DemoProfiles.summer(y));
        }
        long n = 0;
        for (DemoProfiles.ContextEvent e : events) {
            if (e.startsOn().isAfter(options.asOf())) {
                continue;
            }
            String ends = e.endsOn() == null || e.endsOn().isAfter(options.asOf()) ? "" : e.endsOn().toString();
            w.write((nullToEmpty(e.programme()) + "," + nullToEmpty(e.municipality()) + "," + e.startsOn() + "," + ends
                    + "," + e.kind() + "," + e.labelSv() + "," + e.labelEn() + "\n").getBytes(StandardCharsets.UTF_8));
            n++;
        }
        return n;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void closeAll(Iterable<OutputStream> writers) throws IOException {
        IOException first = null;
        for (OutputStream w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * The CSV text of a run of consecutive episodes, per table, with row counts; encoded to UTF-8
     * on the worker thread so that the writing thread only copies bytes.
     */
    private static final class Chunk {
        private final Map<Table, StringBuilder> text = new EnumMap<>(Table.class);
        private final Map<Table, byte[]> bytes = new EnumMap<>(Table.class);
        private final Map<Table, Long> rows = new EnumMap<>(Table.class);

        Chunk(int episodes) {
            for (Table t : Table.PER_EPISODE) {
                text.put(t, new StringBuilder(episodes * 160));
                rows.put(t, 0L);
            }
        }

        void add(SyntheticEpisode e) {
            for (Table t : Table.PER_EPISODE) {
                t.render.accept(text.get(t), e);
                rows.merge(t, (long) t.rowsOf.applyAsInt(e), Long::sum);
            }
        }

        void encode() {
            for (Table t : Table.PER_EPISODE) {
                bytes.put(t, text.get(t).toString().getBytes(StandardCharsets.UTF_8));
            }
            text.clear();
        }

        void writeTo(Map<Table, OutputStream> writers, Map<Table, Long> totals) {
            try {
                for (Table t : Table.PER_EPISODE) {
                    writers.get(t).write(bytes.get(t));
                    totals.merge(t, rows.get(t), Long::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
