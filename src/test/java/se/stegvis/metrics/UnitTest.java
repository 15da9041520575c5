package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.store.CohortStore;

/**
 * Every column of every metric's output, with the unit that decides how it is formatted: a new
 * column fails here until its unit is written down (and checked to be what {@link Unit#of} derives).
 */
class UnitTest {
    static final LocalDate AS_OF = DemoOptions.DEFAULT_AS_OF;

    @TempDir
    static Path dir;
    static CohortStore store;

    @BeforeAll
    static void demo() throws Exception {
        new DemoCohort(DemoOptions.defaults().withEpisodes(600).withSeed(42)).writeTo(dir.resolve("csv"));
        Path db = dir.resolve("demo.duckdb");
        assertThat(CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv"))).ok()).isTrue();
        store = CohortStore.openReadOnly(db);
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    /** One line per part of every metric: "metric.part: column=unit ..." in table order. */
    static String actualUnits() {
        Metrics m = Metrics.on(store.connection());
        Cohort c = Cohort.all().groupBy(GroupBy.parse("municipality"));
        Cohort split = c.splitAt(LocalDate.of(2023, 7, 1));
        List<MetricResult> results = List.of(m.funnel(c, AS_OF), m.steps(c, AS_OF), m.transitions(c, AS_OF),
                m.leadTime(split, AS_OF, LeadTime.between(Milestone.parse("referral"), Milestone.parse("first_meeting"))
                        .withinDays(30)),
                m.flow(c, AS_OF, Period.MONTH), m.outcomes(c, AS_OF, 30), m.flowQuality(c, AS_OF),
                m.compare(c, AS_OF, Rate.parse("exit_work_or_studies"), 30), m.dataQuality(c, AS_OF),
                m.rightSupport(c, AS_OF, 0), m.cycling(c, AS_OF), m.intensity(c, AS_OF, 60), m.partnerInput(c, AS_OF),
                m.goals(List.of(new Goal("g", "g", "exit_work_or_studies", 730, 0.3, false, List.of(), List.of())), AS_OF),
                m.ratings(c, AS_OF), m.processMap(c, AS_OF), m.referrers(c, AS_OF, false));
        StringBuilder listing = new StringBuilder();
        for (MetricResult r : results) {
            for (MetricTable t : r.parts()) {
                listing.append(r.definition().id()).append('.').append(t.name()).append(':');
                for (int i = 0; i < t.columns().size(); i++) {
                    listing.append(' ').append(t.columns().get(i).name()).append('=')
                            .append(SHORT.get(Unit.of(t.columns(), i)));
                }
                listing.append('\n');
            }
        }
        return listing.toString();
    }

    static final Map<Unit, String> SHORT = Map.of(Unit.CODE, "code", Unit.COUNT, "count", Unit.SHARE, "share",
            Unit.DAYS, "days", Unit.P_VALUE, "p", Unit.STATISTIC, "stat", Unit.RATE, "rate");

    @Test
    void everyColumnOfEveryMetricHasTheUnitWrittenDownHere() {
        assertThat(actualUnits()).isEqualTo(EXPECTED);
    }

    /** A part per line; a trailing backslash continues it on the next (the indent then collapses to one space). */
    static final String EXPECTED = """
            funnel.stages: group=code stage=code n=count share=share lower=share upper=share from_n=count \
                conv_n=count conversion=share conv_lower=share conv_upper=share
            funnel.now: group=code status=code n=count share=share lower=share upper=share
            steps.summary: group=code n_episodes=count n_assessed=count n_two_plus=count mean_entry=stat \
                mean_latest=stat mean_net=stat n_up=count share_up=share up_lower=share up_upper=share n_same=count \
                n_down=count share_down=share down_lower=share down_upper=share n_ever_up=count share_ever_up=share \
                ever_up_lower=share ever_up_upper=share n_ever_down=count share_ever_down=share \
                ever_down_lower=share ever_down_upper=share
            steps.distribution: group=code step=code n_entry=count n_latest=count
            steps.time_on_step: group=code step=code spells=count completed=count mean_days=days median_days=days
            transitions.consecutive: group=code from_step=code to_step=code n=count share=share lower=share \
                upper=share
            transitions.entry_exit: group=code from_step=code to_step=code n=count share=share lower=share \
                upper=share
            transitions.projection: group=code steps_ahead=code step=code share=share
            leadtime.summary: group=code n=count events=count censored=count out_of_order=count median=days \
                median_lower=days median_upper=days q25=days q25_lower=days q25_upper=days q75=days q75_lower=days \
                q75_upper=days within_days=code share_within=share within_lower=share within_upper=share
            leadtime.curve: group=code time=days surv=share lower=share upper=share
            leadtime.comparison: group=code baseline_n=count baseline_events=count baseline_median=days \
                comparison_n=count comparison_events=count comparison_median=days median_difference=days \
                diff_lower=days diff_upper=days chi_square=stat p_value=p
            leadtime.destinations: group=code destination=code events=count days=code cif=share lower=share \
                upper=share
            flow.periods: group=code period=code inflow=count exits=count other_ends=count wip=count fte=stat \
                exits_per_fte=rate mean_days_to_exit=days
            flow.ageing: group=code age_days=code n=count
            flow.little: group=code months=code ended=count mean_wip=stat throughput_per_month=rate \
                mean_months_to_end=stat little_wip=stat ratio=stat
            outcomes.rates: group=code outcome=code n=count denominator=count rate=share lower=share upper=share
            outcomes.follow_up: group=code offset_days=code due=count observed=count lost=count share_lost=share \
                lost_lower=share lost_upper=share positive=count share_positive=share lower=share upper=share
            flow-quality.quarterly: group=code quarter=code exits=count fte=stat exits_per_fte=rate positive=count \
                positive_rate=share lower=share upper=share two_plus=count step_up=count step_up_rate=share \
                step_lower=share step_upper=share
            compare.groups: group=code events=count n=count rate=share lower=share upper=share target=share \
                funnel_lower95=share funnel_upper95=share funnel_lower998=share funnel_upper998=share signal=code \
                difference=share diff_lower=share diff_upper=share fisher_p=p std_rate=share std_lower=share \
                std_upper=share std_strata=code
            data-quality.checks: group=code check=code table=code column=code problems=count total=count share=share \
                lower=share upper=share
            data-quality.near_duplicates: value=code near=code episodes=count
            right-support.matrix: group=code at=code from_source=code to_source=code n=count share=share lower=share \
                upper=share
            right-support.right_support: group=code at=code classification=code n=count denominator=count \
                share=share lower=share upper=share
            right-support.applications: group=code benefit=code applications=count decided=count granted=count \
                refused=count pending=count granted_share=share lower=share upper=share median_days=days \
                median_lower=days median_upper=days
            cycling.summary: group=code persons=count episodes=count episodes_per_person=rate persons_2plus=count \
                share_2plus=share share_2plus_lower=share share_2plus_upper=share ended=count reentered=count \
                median_days=days median_lower=days median_upper=days
            cycling.within: group=code months=code ended=count share=share lower=share upper=share
            cycling.distribution: group=code episodes_of_person=code persons=count
            cycling.curve: group=code time=days surv=share lower=share upper=share
            intensity.summary: group=code episodes=count person_months=stat contacts=count held=count \
                cancelled=count no_show=count contacts_per_person_month=rate rate_lower=rate rate_upper=rate \
                median_gap_days=days p75_gap_days=days cancelled_share=share cancelled_lower=share \
                cancelled_upper=share attendance=share attendance_lower=share attendance_upper=share open=count \
                idle_days=code idle=count idle_share=share idle_lower=share idle_upper=share
            partner-input.summary: unit=code period=code hours_agreed=stat hours_given=stat given_share=share \
                meetings=count partners_per_meeting=rate episodes=count assessed_twice=count step_up=count \
                step_up_share=share step_up_lower=share step_up_upper=share median_days_to_first_meeting=days \
                median_lower=days median_upper=days
            partner-input.hours: unit=code partner=code month=code hours_agreed=stat hours_given=stat \
                given_share=share
            partner-input.presence: unit=code period=code partner=code meetings=count present=count share=share \
                lower=share upper=share
            goals.goals: id=code label=code rate=code selection=code within_days=code target=share direction=code \
                n=count denominator=count share=share lower=share upper=share status=code note=code
            ratings.summary: group=code instrument=code rated_before=count due_after=count paired=count lost=count \
                share_lost=share lost_lower=share lost_upper=share mean_before=stat mean_after=stat \
                median_difference=stat wilcoxon_v=stat p_value=p improved=count share_improved=share \
                improved_lower=share improved_upper=share
            process-map.edges: group=code from_event=code to_event=code n=count median_days=days p75_days=days \
                bottleneck=code
            process-map.nodes: group=code event=code n=count waiting=count median_next_days=days
            referrers.summary: group=code referred=count not_relevant=count not_relevant_share=share nr_lower=share \
                nr_upper=share accepted=count accepted_share=share acc_lower=share acc_upper=share met=count \
                meeting_median=days meeting_lower=days meeting_upper=days exited=count positive=count \
                positive_share=share pos_lower=share pos_upper=share
            referrers.reasons: group=code reason=code n=count share=share lower=share upper=share merged=code
            referrers.now: group=code status=code n=count share=share lower=share upper=share merged=code
            referrers.destinations: group=code destination=code n=count share=share lower=share upper=share \
                merged=code
            """.replaceAll(" +", " ");
}
