package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.AgeBand;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.cohort.SqlFragment;

/** The cohort selection, run as SQL on a hand-made store. */
class CohortSelectionTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static TestCohort db;

    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("c1", "evi", "Ludvika", "2016-05-01").gender("k").born(1990).income("forsorjningsstod");
        db.episode("c2", "evi", "Smedjebacken", "2017-03-01").gender("m").born(1960).income("sjukpenning");
        db.episode("c3", "uma", "Ludvika", "2018-01-01").gender("k").born(2000).income("forsorjningsstod");
        db.episode("c4", "evi", "O'Hara", "2019-01-01").gender("x");
        db.episode("c5", "evi", "Ludvika", "2025-02-01").gender("k");
        db.episode("c6", "evi", "Ludvika", "2018-01-01").consultation();
        db.contextEvent("evi", "Ludvika", "2019-04-01", "2019-09-30", "intake_stop", "Intagsstopp");
        db.contextEvent("evi", "Smedjebacken", "2020-04-01", null, "reform", "Reform");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static List<String> ids(Cohort c) throws SQLException {
        SqlFragment f = c.selection(AS_OF);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.connection.prepareStatement("SELECT episode_id, grp, arm FROM (" + f.sql() + ") ORDER BY 1")) {
            for (int i = 0; i < f.params().size(); i++) {
                Object p = f.params().get(i);
                ps.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        }
        return out;
    }

    @Test
    void allEnrolledKnownOnTheAsOfDate() throws SQLException {
        // c5 is referred after the as-of date, c6 is a consultation.
        assertThat(ids(Cohort.all())).containsExactly("c1:all:null", "c2:all:null", "c3:all:null", "c4:all:null");
        assertThat(ids(Cohort.all().includingConsultations())).hasSize(5);
    }

    @Test
    void filtersCombineAndValuesAreBoundNotSpliced() throws SQLException {
        assertThat(ids(Cohort.all().programme("evi").municipality("Ludvika", "Smedjebacken")))
                .containsExactly("c1:all:null", "c2:all:null");
        assertThat(ids(Cohort.all().municipality("O'Hara"))).containsExactly("c4:all:null");
        assertThat(ids(Cohort.all().municipality("x' OR '1'='1"))).isEmpty();
        assertThat(ids(Cohort.all().gender("k").incomeSourceAtEntry("forsorjningsstod")))
                .containsExactly("c1:all:null", "c3:all:null");
        assertThat(ids(Cohort.all().referredBetween(LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1))))
                .containsExactly("c2:all:null", "c3:all:null");
        // ages at referral: c1 26, c2 57, c3 18, c4 unknown
        assertThat(ids(Cohort.all().ageBand(AgeBand.FROM_25_TO_34, AgeBand.FROM_55))).containsExactly("c1:all:null", "c2:all:null");
    }

    @Test
    void laterFiltersOnTheSameAttributeReplaceEarlierOnesAndTheOriginalIsUnchanged() throws SQLException {
        Cohort evi = Cohort.all().programme("evi");
        Cohort uma = evi.programme("uma");
        assertThat(ids(uma)).containsExactly("c3:all:null");
        assertThat(ids(evi)).hasSize(3);
    }

    @Test
    void groupsAndArms() throws SQLException {
        assertThat(ids(Cohort.all().groupBy(GroupBy.AGE_BAND)))
                .containsExactly("c1:25-34:null", "c2:55-:null", "c3:16-24:null", "c4:unknown:null");
        assertThat(ids(Cohort.all().splitAt(LocalDate.of(2017, 1, 1)).groupBy(GroupBy.ARM)))
                .containsExactly("c1:baseline:baseline", "c2:comparison:comparison", "c3:comparison:comparison",
                        "c4:comparison:comparison");
        assertThat(ids(Cohort.all().splitBy(GroupBy.MUNICIPALITY, List.of("Ludvika"), List.of("Smedjebacken"))))
                .containsExactly("c1:all:baseline", "c2:all:comparison", "c3:all:baseline", "c4:all:null");
        assertThat(ids(Cohort.all().groupBy(GroupBy.UNIT))).contains("c3:uma/Ludvika:null");
    }

    @Test
    void programmeAndMunicipalityMatchInAnyCaseAndProgrammeByItsLabel() {
        Metrics m = Metrics.on(db.connection).unsuppressed();
        LeadTime spec = LeadTime.between(Milestone.REFERRAL, Milestone.EXIT);
        // c1 only (c5 is referred after the as-of date, c6 a consultation)
        assertThat(m.leadTimeEpisodes(Cohort.all().programme("EVI").municipality("ludvika"), AS_OF, spec).size()).isEqualTo(1);
        assertThat(m.leadTimeEpisodes(Cohort.all().programme("UMA (young adults)"), AS_OF, spec).size()).isEqualTo(1);
    }

    @Test
    void anUnknownValueIsRefusedWithTheKnownOnes() {
        Metrics m = Metrics.on(db.connection);
        assertThatThrownBy(() -> m.funnel(Cohort.all().municipality("Ludvica"), AS_OF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("municipality \"Ludvica\" matches no municipality in the store; known: Ludvika, O'Hara, Smedjebacken");
        assertThatThrownBy(() -> m.funnel(Cohort.all().programme("evi", "xyz"), AS_OF))
                .hasMessage("programme \"xyz\" matches no programme in the store; known: evi, uma");
    }

    @Test
    void contextEventsAreSelectedAsEpisodesAre() {
        Metrics m = Metrics.on(db.connection);
        assertThat(m.contextEvents("EVI", "ludvika", AS_OF)).extracting(ContextEvent::kind).containsExactly("intake_stop");
        assertThatThrownBy(() -> m.contextEvents("evi", "Ludvica", AS_OF))
                .hasMessage("municipality \"Ludvica\" matches no municipality in the store; known: Ludvika, O'Hara, Smedjebacken");
    }

    @Test
    void aValidSelectionWithNoEpisodeSaysSoInsteadOfAnEmptyResult() {
        assertThatThrownBy(() -> Metrics.on(db.connection).funnel(
                Cohort.all().programme("uma").referredBetween(LocalDate.of(2020, 1, 1), null), AS_OF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no episode matches the selection: programme=[uma]; referred 2020-01-01..; as of 2024-12-31");
    }

    @Test
    void aLeadTimeIntoReferralOrOutOfExitIsRefusedAsBackwards() {
        assertThatThrownBy(() -> LeadTime.between(Milestone.FIRST_MEETING, Milestone.REFERRAL))
                .hasMessage("a lead time from first_meeting to referral runs backwards:"
                        + " referral is every episode's first milestone and exit its last");
        assertThatThrownBy(() -> LeadTime.between(Milestone.EXIT, Milestone.FIRST_MEETING)).hasMessageContaining("runs backwards");
    }

    @Test
    void badSelectionsAreRefused() {
        assertThatThrownBy(() -> Cohort.all().referredBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)))
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> GroupBy.parse("personnummer")).hasMessageContaining("cannot group by");
        assertThatThrownBy(() -> Milestone.parse("lunch")).hasMessageContaining("unknown milestone");
    }
}
