package se.stegvis.dictionary;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataDictionaryTest {

    private static final Path FOLDER = Path.of("data-dictionary");
    private final DataDictionary dictionary = DataDictionary.fromClasspath();

    @Test
    void classpathCopyIsTheRepositoryFolder() {
        DataDictionary fromFolder = DataDictionary.fromFolder(FOLDER);
        assertThat(GlossaryWriter.markdown(fromFolder)).isEqualTo(GlossaryWriter.markdown(dictionary));
    }

    @Test
    void folderOverrideIsReadWhenSet() {
        System.setProperty(DataDictionary.FOLDER_PROPERTY, FOLDER.toString());
        try {
            assertThat(DataDictionary.load().tables()).hasSize(12);
        } finally {
            System.clearProperty(DataDictionary.FOLDER_PROPERTY);
        }
    }

    @Test
    void canonicalTablesWithTheirKeys() {
        assertThat(dictionary.tables()).extracting(Table::name)
                .containsExactly("episodes", "events", "step_assessments", "exits", "follow_ups", "staffing",
                        "contacts", "income_sources", "applications", "partner_hours", "context_events", "ratings");
        assertThat(dictionary.table("income_sources").orElseThrow().primaryKey())
                .containsExactly("episode_id", "timing", "offset_days", "source");
        Table events = dictionary.table("events").orElseThrow();
        assertThat(events.primaryKey()).containsExactly("episode_id", "event_type", "event_date");
        assertThat(events.foreignKeys()).singleElement().extracting(ForeignKey::referencedTable).isEqualTo("episodes");
        Field referral = dictionary.table("episodes").orElseThrow().field("referral_date").orElseThrow();
        assertThat(referral.type()).isEqualTo(FieldType.DATE);
        assertThat(referral.required()).isTrue();
        assertThat(referral.aliases()).contains("remissdatum");
        Field pnr = dictionary.table("episodes").orElseThrow().field("personnummer").orElseThrow();
        assertThat(pnr.pseudonymise()).isTrue();
        assertThat(dictionary.table("follow_ups").orElseThrow().field("observed_on").orElseThrow().notBefore())
                .isEqualTo(new Field.NotBefore("exits", "exit_date"));
    }

    @Test
    void everyCodedFieldAllowsExactlyItsCodeListsCodes() {
        int coded = 0;
        for (Table t : dictionary.tables()) {
            for (Field f : t.fields()) {
                if (f.codeList() == null && !f.constraints().allowed().isEmpty()) {
                    assertThat(f.name()).as("an enum without a code list is only allowed for ladders").isEqualTo("ladder");
                }
                if (f.codeList() != null) {
                    coded++;
                    CodeList list = dictionary.codeList(f.codeList()).orElseThrow(
                            () -> new AssertionError(t.name() + "." + f.name() + " names missing code list " + f.codeList()));
                    assertThat(f.constraints().allowed()).as(t.name() + "." + f.name()).isEqualTo(list.codeValues());
                }
            }
        }
        assertThat(coded).isEqualTo(29);
    }

    @Test
    void partnersAtAContactAreAListOfPartnerCodes() {
        Field partners = dictionary.table("contacts").orElseThrow().field("partners").orElseThrow();
        assertThat(partners.isList()).isTrue();
        assertThat(partners.listSeparator()).isEqualTo("|");
        assertThat(partners.constraints().allowed()).contains("af", "fk", "ifo", "ame", "psykiatri", "primarvard");
    }

    @Test
    void rightSupportClassificationIsVersionedAndCountsSocialAssistanceToCompensation() {
        RightSupport rs = dictionary.rightSupport();
        assertThat(rs.version()).isEqualTo("1.0");
        assertThat(rs.isRightMove("forsorjningsstod", "sjukersattning")).isTrue();
        assertThat(rs.isRightMove("forsorjningsstod", "aktivitetsersattning")).isTrue();
        assertThat(rs.isRightMove("sjukersattning", "forsorjningsstod")).isFalse();
        assertThat(rs.isRightMove("forsorjningsstod", "forsorjningsstod")).isFalse();
        for (String[] move : rs.pairs()) {
            assertThat(dictionary.codeList("income_source").orElseThrow().codeValues()).contains(move[0], move[1]);
        }
    }

    @Test
    void everyCodeHasLabelsAndADefinition() {
        for (CodeList list : dictionary.codeLists().values()) {
            assertThat(list.definitionSv()).as(list.name()).isNotBlank();
            assertThat(list.definitionEn()).as(list.name()).isNotBlank();
            for (CodeList.Code c : list.codes()) {
                assertThat(List.of(c.sv(), c.en(), c.definition())).as(list.name() + "." + c.code()).allSatisfy(
                        s -> assertThat(s).isNotBlank());
            }
        }
    }

    @Test
    void ladderStepsAreOnTheFieldsEnum() {
        Field ladder = dictionary.table("step_assessments").orElseThrow().field("ladder").orElseThrow();
        assertThat(ladder.constraints().allowed()).containsExactlyInAnyOrderElementsOf(dictionary.ladders().keySet());
    }

    @Test
    void crosswalkMapsOlderScaleOntoTheDefaultLadder() {
        assertThat(dictionary.defaultLadder().id()).isEqualTo("stegvis-7");
        assertThat(dictionary.toDefaultStep("sus-5", 3)).contains(4);
        assertThat(dictionary.toDefaultStep("sus-5", 5)).contains(7);
        assertThat(dictionary.toDefaultStep("stegvis-7", 6)).contains(6);
        assertThat(dictionary.toDefaultStep("sus-5", 6)).isEmpty();
        assertThat(dictionary.toDefaultStep("nope", 1)).isEmpty();
        Ladder sus = dictionary.ladder("sus-5").orElseThrow();
        assertThat(sus.highestStep()).isEqualTo(5);
        assertThat(sus.isStepUp(2, 3)).isTrue();
        assertThat(sus.isStepUp(3, 2)).isFalse();
        for (Ladder l : dictionary.ladders().values()) {
            for (Ladder.Step s : l.steps()) {
                assertThat(dictionary.toDefaultStep(l.id(), s.step())).as(l.id() + " step " + s.step()).isPresent();
            }
        }
    }

    @Test
    void tablesAreFoundByCanonicalOrSwedishName() {
        assertThat(dictionary.tableNamed("händelser")).map(Table::name).contains("events");
        assertThat(dictionary.tableNamed("Handelser")).map(Table::name).contains("events");
        assertThat(dictionary.tableNamed("stegbedomningar")).map(Table::name).contains("step_assessments");
        assertThat(dictionary.tableNamed("UPPFÖLJNINGAR")).map(Table::name).contains("follow_ups");
        assertThat(dictionary.tableNamed("avslut")).map(Table::name).contains("exits");
        assertThat(dictionary.tableNamed("bemanning")).map(Table::name).contains("staffing");
        assertThat(dictionary.tableNamed("episoder")).map(Table::name).contains("episodes");
        assertThat(dictionary.tableNamed("follow ups")).map(Table::name).contains("follow_ups");
        assertThat(dictionary.tableNamed("people")).isEmpty();
    }

    @Test
    void committedGlossaryIsCurrent() throws Exception {
        assertThat(Files.readString(FOLDER.resolve("GLOSSARY.md")))
                .as("data-dictionary/GLOSSARY.md is stale: run ./stegvis dictionary glossary --out data-dictionary/GLOSSARY.md")
                .isEqualTo(GlossaryWriter.markdown(dictionary));
    }

    @Test
    void glossaryShowsCodesLaddersAndRules() {
        String md = GlossaryWriter.markdown(dictionary);
        assertThat(md).contains("| `af` | Arbetsförmedlingen | Public employment service | Referred by Arbetsförmedlingen. |")
                .contains("| 3 | Arbetsförberedelse | Work preparation | Work-preparatory activity. | 4 |")
                .contains("| `exit_date` | Avslutsdatum | date | yes | YYYY-MM-DD or YYYYMMDD; not before `episodes.referral_date` |")
                .contains("### stegvis-7 (version 1.0)");
    }
}
