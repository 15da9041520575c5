package se.stegvis.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An immutable selection of episodes: programme, municipality, referral period, age band,
 * gender, income source at entry, enrolled only or with consultations; how it is broken down
 * ({@link GroupBy}); and an optional baseline-versus-comparison {@link Split}. Every method
 * returns a new selection; filters on the same attribute replace each other.
 *
 * <pre>{@code
 * Cohort evi = Cohort.all().programme("evi").municipality("Ludvika", "Smedjebacken")
 *         .splitAt(LocalDate.of(2017, 1, 1)).groupBy(GroupBy.MUNICIPALITY);
 * }</pre>
 */
public final class Cohort {

    private final Set<String> programmes;
    private final Set<String> municipalities;
    private final Set<String> genders;
    private final Set<String> incomeSources;
    private final Set<AgeBand> ageBands;
    private final LocalDate referredFrom;
    private final LocalDate referredTo;
    private final boolean withConsultations;
    private final Split split;
    private final GroupBy groupBy;

    private Cohort(Set<String> programmes, Set<String> municipalities, Set<String> genders,
            Set<String> incomeSources, Set<AgeBand> ageBands, LocalDate referredFrom, LocalDate referredTo,
            boolean withConsultations, Split split, GroupBy groupBy) {
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.genders = genders;
        this.incomeSources = incomeSources;
        this.ageBands = ageBands;
        this.referredFrom = referredFrom;
        this.referredTo = referredTo;
        this.withConsultations = withConsultations;
        this.split = split;
        this.groupBy = groupBy;
    }

    /** Every enrolled episode, not broken down, no split. */
    public static Cohort all() {
        return new Cohort(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, false,
                new Split.None(), GroupBy.NONE);
    }

    /**
     * Only these programmes: codes or labels, in any case ({@code evi}, {@code EVI}); the metrics
     * resolve them against the store and refuse one that matches nothing.
     */
    public Cohort programme(String... codes) {
        return new Cohort(set(codes), municipalities, genders, incomeSources, ageBands, referredFrom,
                referredTo, withConsultations, split, groupBy);
    }

    /** Only these municipalities, in any case; resolved against the store as {@link #programme} is. */
    public Cohort municipality(String... names) {
        return new Cohort(programmes, set(names), genders, incomeSources, ageBands, referredFrom,
                referredTo, withConsultations, split, groupBy);
    }

    /** Only these genders (codes {@code k}, {@code m}, {@code x}). */
    public Cohort gender(String... codes) {
        return new Cohort(programmes, municipalities, set(codes), incomeSources, ageBands, referredFrom,
                referredTo, withConsultations, split, groupBy);
    }

    /** Only these income sources at entry (codes, e.g. {@code forsorjningsstod}). */
    public Cohort incomeSourceAtEntry(String... codes) {
        return new Cohort(programmes, municipalities, genders, set(codes), ageBands, referredFrom,
                referredTo, withConsultations, split, groupBy);
    }

    /** Only these age bands at referral. */
    public Cohort ageBand(AgeBand... bands) {
        return new Cohort(programmes, municipalities, genders, incomeSources, set(bands), referredFrom,
                referredTo, withConsultations, split, groupBy);
    }

    /** Only episodes referred in {@code [from, to]}; either end may be null (open). */
    public Cohort referredBetween(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("referral period ends (" + to + ") before it starts (" + from + ")");
        }
        return new Cohort(programmes, municipalities, genders, incomeSources, ageBands, from, to,
                withConsultations, split, groupBy);
    }

    /** Also consultation-only episodes (left out by default, as the reports count them apart). */
    public Cohort includingConsultations() {
        return new Cohort(programmes, municipalities, genders, incomeSources, ageBands, referredFrom,
                referredTo, true, split, groupBy);
    }

    /** Baseline: referred before {@code start}; comparison: referred on or after it. */
    public Cohort splitAt(LocalDate start) {
        return withSplit(new Split.ByDate(Objects.requireNonNull(start)));
    }

    /** Baseline: episodes whose {@code unit} is one of {@code baseline}; comparison: one of {@code comparison}. */
    public Cohort splitBy(GroupBy unit, List<String> baseline, List<String> comparison) {
        return withSplit(new Split.ByUnit(unit, baseline, comparison));
    }

    private Cohort withSplit(Split s) {
        return new Cohort(programmes, municipalities, genders, incomeSources, ageBands, referredFrom,
                referredTo, withConsultations, s, groupBy);
    }

    /** Break every metric down by this attribute. */
    public Cohort groupBy(GroupBy g) {
        return new Cohort(programmes, municipalities, genders, incomeSources, ageBands, referredFrom,
                referredTo, withConsultations, split, Objects.requireNonNull(g));
    }

    public GroupBy groupBy() {
        return groupBy;
    }

    /** The programmes selected, as given (empty: any). */
    public Set<String> programmes() {
        return programmes;
    }

    /** The municipalities selected, as given (empty: any). */
    public Set<String> municipalities() {
        return municipalities;
    }

    public Split split() {
        return split;
    }

    /** True when a baseline-versus-comparison split is set. */
    public boolean hasSplit() {
        return !(split instanceof Split.None);
    }

    /** The WHERE condition on episodes ({@code e}) with bound parameters; as-of not included. */
    public SqlFragment where() {
        List<SqlFragment> parts = new ArrayList<>();
        if (!withConsultations) {
            parts.add(SqlFragment.of("e.episode_kind = 'enrolled'"));
        }
        addIn(parts, "e.programme", programmes);
        addIn(parts, "e.municipality", municipalities);
        addIn(parts, "e.gender", genders);
        addIn(parts, "e.income_source_at_entry", incomeSources);
        if (!ageBands.isEmpty()) {
            StringJoiner any = new StringJoiner(" OR ");
            ageBands.forEach(b -> any.add(b.condition()));
            parts.add(SqlFragment.of(any.toString()));
        }
        if (referredFrom != null) {
            parts.add(new SqlFragment("e.referral_date >= ?", List.of(referredFrom)));
        }
        if (referredTo != null) {
            parts.add(new SqlFragment("e.referral_date <= ?", List.of(referredTo)));
        }
        return SqlFragment.and(parts);
    }

    /**
     * The selected episodes known on {@code asOf} (referred on or before it) as a SELECT over
     * {@code episodes e} with every episode column plus {@code grp} (the group label),
     * {@code arm} (baseline, comparison or NULL) and {@code age_band} (at referral).
     */
    public SqlFragment selection(LocalDate asOf) {
        SqlFragment arm = split.armExpression();
        SqlFragment grp = groupBy == GroupBy.ARM
                ? new SqlFragment("COALESCE(" + arm.sql() + ", 'unknown')", arm.params())
                : SqlFragment.of(groupBy.expression());
        SqlFragment where = where();
        List<Object> params = new ArrayList<>(grp.params());
        params.addAll(arm.params());
        params.addAll(where.params());
        params.add(Objects.requireNonNull(asOf, "as-of date"));
        return new SqlFragment("SELECT e.*, " + grp.sql() + " AS grp, " + arm.sql() + " AS arm, "
                + AgeBand.labelExpression() + " AS age_band FROM episodes e WHERE "
                + where.sql() + " AND e.referral_date <= ?", params);
    }

    /**
     * This selection without breakdown and split: the one whose per-episode tables every grouping
     * and split of it can share (see {@link #regrouped}).
     */
    public Cohort unbrokenDown() {
        return new Cohort(programmes, municipalities, genders, incomeSources, ageBands, referredFrom, referredTo,
                withConsultations, new Split.None(), GroupBy.NONE);
    }

    /**
     * The rows of {@code ungrouped}, a per-episode query (one with {@code episode_id}, {@code arm} and
     * {@code grp} columns) of {@link #unbrokenDown()}, with {@code grp} set to this selection's group
     * label and {@code arm} to its arm. Lets metrics grouped or split in different ways share one
     * materialised per-episode table instead of rebuilding it from the events for every grouping.
     */
    public SqlFragment regrouped(SqlFragment ungrouped) {
        if (groupBy == GroupBy.NONE && !hasSplit()) {
            return ungrouped;
        }
        SqlFragment arm = split.armExpression();
        SqlFragment grp = switch (groupBy) {
            case NONE -> SqlFragment.of("t.grp");
            case ARM -> new SqlFragment("COALESCE(" + arm.sql() + ", 'unknown')", arm.params());
            default -> SqlFragment.of(groupBy.expression());
        };
        List<Object> params = new ArrayList<>(grp.params());
        params.addAll(arm.params());
        params.addAll(ungrouped.params());
        return new SqlFragment("SELECT t.* REPLACE (" + grp.sql() + " AS grp, " + arm.sql() + " AS arm) FROM ("
                + ungrouped.sql() + ") t JOIN episodes e ON e.episode_id = t.episode_id", params);
    }

    /**
     * The staffing rows ({@code staffing} aliased {@code e}) that belong to this selection, with
     * the group label as {@code grp}; only meaningful when {@link GroupBy#hasStaffing()}.
     */
    public SqlFragment staffing() {
        return teamTable("staffing");
    }

    /**
     * The rows of a table kept per programme and municipality ({@code staffing}, {@code partner_hours};
     * a constant, aliased {@code e}) that belong to this selection, with the group label as {@code grp}.
     */
    public SqlFragment teamTable(String table) {
        List<SqlFragment> parts = new ArrayList<>();
        addIn(parts, "e.programme", programmes);
        addIn(parts, "e.municipality", municipalities);
        SqlFragment where = SqlFragment.and(parts);
        String grp = groupBy.hasStaffing() ? groupBy.expression() : "'unknown'";
        return new SqlFragment("SELECT e.*, " + grp + " AS grp FROM " + table + " e WHERE " + where.sql(), where.params());
    }

    /** A short human-readable description of the selection, for result headers. */
    public String describe() {
        StringJoiner s = new StringJoiner("; ");
        describe(s, "programme", programmes);
        describe(s, "municipality", municipalities);
        describe(s, "gender", genders);
        describe(s, "income_source_at_entry", incomeSources);
        if (!ageBands.isEmpty()) {
            s.add("age_band=" + ageBands.stream().map(AgeBand::label).toList());
        }
        if (referredFrom != null || referredTo != null) {
            s.add("referred " + (referredFrom == null ? "" : referredFrom) + ".." + (referredTo == null ? "" : referredTo));
        }
        if (withConsultations) {
            s.add("with consultations");
        }
        if (hasSplit()) {
            s.add("split " + split);
        }
        if (groupBy != GroupBy.NONE) {
            s.add("by " + groupBy.key());
        }
        return s.length() == 0 ? "all enrolled episodes" : s.toString();
    }

    @Override
    public String toString() {
        return "Cohort[" + describe() + "]";
    }

    private static void addIn(List<SqlFragment> parts, String column, Set<String> values) {
        if (!values.isEmpty()) {
            parts.add(SqlFragment.in(column, List.copyOf(values)));
        }
    }

    private static void describe(StringJoiner s, String name, Set<String> values) {
        if (!values.isEmpty()) {
            s.add(name + "=" + values);
        }
    }

    @SafeVarargs
    private static <T> Set<T> set(T... values) {
        for (T v : values) {
            Objects.requireNonNull(v);
        }
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
    }
}
