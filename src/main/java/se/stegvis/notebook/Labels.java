package se.stegvis.notebook;

import se.stegvis.charts.Lang;
import se.stegvis.dictionary.CodeList;
import se.stegvis.dictionary.DataDictionary;

import java.util.Map;

/** Swedish and English labels for metric ids, table parts and the codes metrics return. */
public final class Labels {
    private Labels() {
    }

    private record Pair(String sv, String en) {
        String in(Lang lang) {
            return lang.pick(sv, en);
        }
    }

    private static final Map<String, Pair> METRICS = Map.ofEntries(
            Map.entry("funnel", new Pair("Tratten", "Funnel")),
            Map.entry("steps", new Pair("Stegförflyttning", "Step movement")),
            Map.entry("transitions", new Pair("Övergångar mellan steg", "Step transitions")),
            Map.entry("leadtime", new Pair("Ledtider", "Lead times")),
            Map.entry("flow", new Pair("Flöde", "Flow")),
            Map.entry("outcomes", new Pair("Utfall", "Outcomes")),
            Map.entry("flow-quality", new Pair("Flöde mot kvalitet", "Flow versus quality")),
            Map.entry("compare", new Pair("Jämförelse", "Comparison")),
            Map.entry("data-quality", new Pair("Datakvalitet", "Data quality")),
            Map.entry("right-support", new Pair("Rätt stöd", "Right support")),
            Map.entry("cycling", new Pair("Återkomst", "Cycling")),
            Map.entry("intensity", new Pair("Intensitet", "Intensity")),
            Map.entry("partner-input", new Pair("Samverkan", "Partner input")),
            Map.entry("goals", new Pair("Måluppfyllelse", "Goals")),
            Map.entry("ratings", new Pair("Självskattningar", "Self-ratings")),
            Map.entry("process-map", new Pair("Processkarta", "Process map")),
            Map.entry("referrers", new Pair("Återkoppling till remittenter", "Referrer feedback")));

    private static final Map<String, Pair> CODES = Map.ofEntries(
            Map.entry("Övriga", new Pair("Övriga", "Others")),
            Map.entry("referred", new Pair("Remitterade", "Referred")),
            Map.entry("decision_not_relevant", new Pair("Ej aktuella", "Not relevant")),
            Map.entry("declined", new Pair("Tackade nej", "Declined")),
            Map.entry("decision_accepted", new Pair("Beslut: aktuell", "Accepted")),
            Map.entry("first_meeting", new Pair("Första möte", "First meeting")),
            Map.entry("mapping_done", new Pair("Kartläggning klar", "Mapping done")),
            Map.entry("plan_established", new Pair("Gemensam plan", "Joint plan")),
            Map.entry("activity_start", new Pair("Aktivitet startad", "Activity started")),
            Map.entry("exit", new Pair("Avslutade", "Exited")),
            Map.entry("positive_exit", new Pair("Till arbete/studier", "To work/studies")),
            Map.entry("awaiting_decision", new Pair("Väntar på beslut", "Awaiting decision")),
            Map.entry("not_relevant", new Pair("Ej aktuell", "Not relevant")),
            Map.entry("accepted", new Pair("Aktuell, ej träffad", "Accepted, not met")),
            Map.entry("met", new Pair("Träffad", "Met")),
            Map.entry("mapped", new Pair("Kartlagd", "Mapped")),
            Map.entry("planned", new Pair("Plan klar", "Planned")),
            Map.entry("in_activity", new Pair("I aktivitet", "In activity")),
            Map.entry("exited_positive", new Pair("Avslutad till arbete/studier", "Exited to work/studies")),
            Map.entry("exited_other", new Pair("Avslutad, annat", "Exited, other")),
            Map.entry("total", new Pair("Totalt", "Total")),
            Map.entry("all", new Pair("Alla", "All")),
            Map.entry("within", new Pair("Inom gränserna", "Within the limits")),
            Map.entry("above_95", new Pair("Över 95 %-gränsen", "Above the 95% limit")),
            Map.entry("above_99.8", new Pair("Över 99,8 %-gränsen", "Above the 99.8% limit")),
            Map.entry("below_95", new Pair("Under 95 %-gränsen", "Below the 95% limit")),
            Map.entry("below_99.8", new Pair("Under 99,8 %-gränsen", "Below the 99.8% limit")),
            Map.entry("true", new Pair("Ja", "Yes")),
            Map.entry("false", new Pair("Nej", "No")),
            Map.entry("baseline", new Pair("Före", "Before")),
            Map.entry("comparison", new Pair("Efter", "After")));

    private static final Map<String, Pair> PARTS = Map.ofEntries(
            Map.entry("goals", new Pair("Målen", "The goals")),
            Map.entry("stages", new Pair("Steg i flödet", "Stages")),
            Map.entry("now", new Pair("Var personerna står nu", "Where people are now")),
            Map.entry("summary", new Pair("Sammanfattning", "Summary")),
            Map.entry("distribution", new Pair("Fördelning på steg", "Distribution over steps")),
            Map.entry("time_on_step", new Pair("Tid på varje steg", "Time on each step")),
            Map.entry("consecutive", new Pair("Från en bedömning till nästa", "From one assessment to the next")),
            Map.entry("entry_exit", new Pair("Från start till avslut", "From entry to exit")),
            Map.entry("projection", new Pair("Framskrivning (Markov)", "Projection (Markov)")),
            Map.entry("checks", new Pair("Kontroller", "Checks")),
            Map.entry("groups", new Pair("Grupper", "Groups")),
            Map.entry("rates", new Pair("Andelar", "Rates")),
            Map.entry("follow_up", new Pair("Uppföljning efter avslut", "Follow-up after exit")),
            Map.entry("quarterly", new Pair("Per kvartal", "Per quarter")),
            Map.entry("periods", new Pair("Per period", "Per period")),
            Map.entry("ageing", new Pair("Öppna ärenden efter tid sedan remiss", "Open episodes by time since referral")),
            Map.entry("little", new Pair("Littles lag", "Little's law")),
            Map.entry("curve", new Pair("Kurva (Kaplan-Meier)", "Curve (Kaplan-Meier)")),
            Map.entry("comparison", new Pair("Före och efter", "Before and after")),
            Map.entry("destinations", new Pair("Avslutsorsaker (konkurrerande risker)", "Exit destinations (competing risks)")));

    /** The metric's display title. */
    public static String metricTitle(String id, Lang lang) {
        return METRICS.getOrDefault(id, new Pair(id, id)).in(lang);
    }

    /** A table part's display title. */
    public static String partTitle(String name, Lang lang) {
        return PARTS.getOrDefault(name, new Pair(name, name)).in(lang);
    }

    /**
     * A code (funnel stage, status, arm, or a code of the data dictionary's code lists) as a label; a
     * unit "evi/Ludvika" as "EVI Ludvika" (not a fraction "5/11"); other codes are returned as they are.
     */
    public static String code(String code, Lang lang) {
        int slash = code.indexOf('/');
        if (slash > 0 && code.substring(0, slash).matches("[a-z_]+")) {
            return programme(code.substring(0, slash)) + " " + code.substring(slash + 1);
        }
        Pair own = CODES.get(code);
        if (own != null) {
            return own.in(lang);
        }
        return DICTIONARY_CODES.getOrDefault(code, new Pair(code, code)).in(lang);
    }

    /** Every code of the data dictionary's code lists with its label (the first list naming it wins). */
    private static final Map<String, Pair> DICTIONARY_CODES = dictionaryCodes();

    private static Map<String, Pair> dictionaryCodes() {
        Map<String, Pair> codes = new java.util.HashMap<>();
        for (CodeList list : DataDictionary.load().codeLists().values()) {
            for (CodeList.Code c : list.codes()) {
                codes.putIfAbsent(c.code(), new Pair(c.sv(), c.en()));
            }
        }
        return Map.copyOf(codes);
    }

    /** A programme code as a short name: "evi" -> "EVI", "rehabteamet" -> "Rehabteamet". */
    public static String programme(String code) {
        return code.length() <= 3 ? code.toUpperCase(java.util.Locale.ROOT)
                : Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    private static final Map<String, Pair> MILESTONES = Map.ofEntries(
            Map.entry("referral", new Pair("remiss", "referral")),
            Map.entry("decision_accepted", new Pair("beslut", "decision")),
            Map.entry("decision_not_relevant", new Pair("beslut ej aktuell", "not relevant")),
            Map.entry("declined", new Pair("nej tack", "declined")),
            Map.entry("first_meeting", new Pair("första möte", "first meeting")),
            Map.entry("mapping_done", new Pair("klar kartläggning", "mapping done")),
            Map.entry("plan_established", new Pair("gemensam plan", "joint plan")),
            Map.entry("activity_start", new Pair("aktivitet", "activity")),
            Map.entry("exit", new Pair("avslut", "exit")));

    private static final Map<String, Pair> RATES = Map.ofEntries(
            Map.entry("exit_work_or_studies", new Pair("Avslut till arbete eller studier", "Exits to work or studies")),
            Map.entry("dropout", new Pair("Avbrott bland avslutade", "Drop-outs among exits")),
            Map.entry("step_up", new Pair("Minst ett steg upp", "At least one step up")),
            Map.entry("plan_within", new Pair("Gemensam plan i tid", "Joint plan in time")),
            Map.entry("right_support", new Pair("Rätt stöd vid avslut", "Right support at exit")));

    private static final Map<String, String> COLUMNS_SV = Map.ofEntries(
            Map.entry("group", "grupp"), Map.entry("stage", "steg i flödet"), Map.entry("status", "status"),
            Map.entry("share", "andel"), Map.entry("lower", "nedre 95 %"), Map.entry("upper", "övre 95 %"),
            Map.entry("from_n", "n steget före"), Map.entry("conv_n", "n vidare"), Map.entry("conversion", "andel vidare"),
            Map.entry("conv_lower", "nedre 95 %"), Map.entry("conv_upper", "övre 95 %"), Map.entry("step", "steg"),
            Map.entry("n_entry", "vid start"), Map.entry("n_latest", "senast"), Map.entry("from_step", "från steg"),
            Map.entry("to_step", "till steg"), Map.entry("events", "händelser"), Map.entry("censored", "censurerade"),
            Map.entry("median", "median"), Map.entry("median_lower", "nedre 95 %"), Map.entry("median_upper", "övre 95 %"),
            Map.entry("within_days", "inom dagar"), Map.entry("share_within", "andel inom"),
            Map.entry("within_lower", "nedre 95 %"), Map.entry("within_upper", "övre 95 %"),
            Map.entry("month", "månad"), Map.entry("quarter", "kvartal"), Map.entry("inflow", "inflöde"),
            Map.entry("exits", "avslut"), Map.entry("wip", "pågående"), Map.entry("fte", "årsarbetare"),
            Map.entry("exits_per_fte", "avslut per årsarbetare"), Map.entry("rate", "andel"), Map.entry("outcome", "utfall"),
            Map.entry("denominator", "av"), Map.entry("check", "kontroll"), Map.entry("table", "tabell"),
            Map.entry("column", "kolumn"), Map.entry("problems", "problem"), Map.entry("total", "totalt"),
            Map.entry("destination", "avslutsorsak"), Map.entry("days", "dagar"), Map.entry("cif", "kumulativ andel"),
            Map.entry("difference", "skillnad"), Map.entry("diff_lower", "nedre 95 %"), Map.entry("diff_upper", "övre 95 %"),
            Map.entry("target", "mål"), Map.entry("signal", "signal"), Map.entry("fisher_p", "p (Fisher)"),
            Map.entry("p_value", "p-värde"), Map.entry("out_of_order", "i fel ordning"),
            Map.entry("q25", "kvartil 1"), Map.entry("q25_lower", "nedre 95 %"), Map.entry("q25_upper", "övre 95 %"),
            Map.entry("q75", "kvartil 3"), Map.entry("q75_lower", "nedre 95 %"), Map.entry("q75_upper", "övre 95 %"),
            Map.entry("time", "dagar"), Map.entry("surv", "andel kvar"),
            Map.entry("baseline_n", "n före"), Map.entry("baseline_events", "händelser före"),
            Map.entry("baseline_median", "median före"), Map.entry("comparison_n", "n efter"),
            Map.entry("comparison_events", "händelser efter"), Map.entry("comparison_median", "median efter"),
            Map.entry("median_difference", "skillnad i median"), Map.entry("chi_square", "chi2 (log-rank)"),
            Map.entry("other_ends", "andra avslut"), Map.entry("period", "period"), Map.entry("age_days", "dagar sedan remiss"),
            Map.entry("months", "månader"), Map.entry("ended", "avslutade"), Map.entry("mean_wip", "pågående i snitt"),
            Map.entry("throughput_per_month", "avslut per månad"), Map.entry("mean_months_to_end", "månader till avslut"),
            Map.entry("little_wip", "Little: väntat pågående"), Map.entry("ratio", "kvot"),
            Map.entry("mean_days_to_exit", "dagar till avslut (medel)"), Map.entry("from_source", "försörjning vid start"),
            Map.entry("to_source", "försörjning efter"), Map.entry("at", "tidpunkt"), Map.entry("classification", "klassning"),
            Map.entry("n", "n"), Map.entry("n_episodes", "episoder"), Map.entry("n_assessed", "bedömda"),
            Map.entry("n_two_plus", "bedömda minst två gånger"), Map.entry("mean_entry", "medelsteg vid start"),
            Map.entry("mean_latest", "medelsteg senast"), Map.entry("mean_net", "förflyttning i snitt"),
            Map.entry("n_up", "upp"), Map.entry("share_up", "andel upp"), Map.entry("up_lower", "nedre 95 %"),
            Map.entry("up_upper", "övre 95 %"), Map.entry("n_same", "samma"), Map.entry("n_down", "ned"),
            Map.entry("share_down", "andel ned"), Map.entry("down_lower", "nedre 95 %"),
            Map.entry("down_upper", "övre 95 %"), Map.entry("n_ever_up", "någon gång upp"),
            Map.entry("share_ever_up", "andel någon gång upp"), Map.entry("ever_up_lower", "nedre 95 %"),
            Map.entry("ever_up_upper", "övre 95 %"), Map.entry("n_ever_down", "någon gång ned"),
            Map.entry("share_ever_down", "andel någon gång ned"), Map.entry("ever_down_lower", "nedre 95 %"),
            Map.entry("ever_down_upper", "övre 95 %"), Map.entry("spells", "perioder"),
            Map.entry("completed", "avslutade perioder"), Map.entry("mean_days", "dagar (medel)"),
            Map.entry("median_days", "dagar (median)"), Map.entry("steps_ahead", "steg framåt"),
            Map.entry("offset_days", "dagar efter avslut"), Map.entry("due", "ska följas upp"),
            Map.entry("observed", "uppföljda"), Map.entry("lost", "ej uppföljda"),
            Map.entry("share_lost", "andel ej uppföljda"), Map.entry("lost_lower", "nedre 95 %"),
            Map.entry("lost_upper", "övre 95 %"), Map.entry("positive", "i arbete/studier"),
            Map.entry("share_positive", "andel i arbete/studier"),
            Map.entry("positive_rate", "andel till arbete/studier"),
            Map.entry("two_plus", "bedömda minst två gånger"), Map.entry("step_up", "minst ett steg upp"),
            Map.entry("step_up_rate", "andel minst ett steg upp"), Map.entry("step_lower", "nedre 95 %"),
            Map.entry("step_upper", "övre 95 %"), Map.entry("funnel_lower95", "trattgräns nedre 95 %"),
            Map.entry("funnel_upper95", "trattgräns övre 95 %"),
            Map.entry("funnel_lower998", "trattgräns nedre 99,8 %"),
            Map.entry("funnel_upper998", "trattgräns övre 99,8 %"), Map.entry("std_rate", "standardiserad andel"),
            Map.entry("std_lower", "nedre 95 %"), Map.entry("std_upper", "övre 95 %"),
            Map.entry("std_strata", "strata med data"), Map.entry("benefit", "förmån"),
            Map.entry("applications", "ansökningar"), Map.entry("decided", "beslutade"),
            Map.entry("granted", "beviljade"), Map.entry("refused", "avslagna"), Map.entry("pending", "ej beslutade"),
            Map.entry("granted_share", "andel beviljade"), Map.entry("persons", "personer"),
            Map.entry("episodes", "episoder"), Map.entry("episodes_per_person", "episoder per person"),
            Map.entry("persons_2plus", "personer med minst två"), Map.entry("share_2plus", "andel med minst två"),
            Map.entry("share_2plus_lower", "nedre 95 %"), Map.entry("share_2plus_upper", "övre 95 %"),
            Map.entry("reentered", "återkom"), Map.entry("episodes_of_person", "episoder per person"),
            Map.entry("person_months", "personmånader"), Map.entry("contacts", "kontakter"),
            Map.entry("held", "genomförda"), Map.entry("cancelled", "inställda"), Map.entry("no_show", "uteblivna"),
            Map.entry("contacts_per_person_month", "kontakter per personmånad"),
            Map.entry("rate_lower", "nedre 95 %"), Map.entry("rate_upper", "övre 95 %"),
            Map.entry("median_gap_days", "dagar mellan kontakter (median)"),
            Map.entry("p75_gap_days", "dagar mellan kontakter (75:e percentil)"),
            Map.entry("cancelled_share", "andel inställda"), Map.entry("cancelled_lower", "nedre 95 %"),
            Map.entry("cancelled_upper", "övre 95 %"), Map.entry("attendance", "andel genomförda"),
            Map.entry("attendance_lower", "nedre 95 %"), Map.entry("attendance_upper", "övre 95 %"),
            Map.entry("open", "pågående"), Map.entry("idle_days", "vilande efter dagar"),
            Map.entry("idle", "vilande"), Map.entry("idle_share", "andel vilande"),
            Map.entry("idle_lower", "nedre 95 %"), Map.entry("idle_upper", "övre 95 %"), Map.entry("unit", "enhet"),
            Map.entry("hours_agreed", "avtalade timmar"), Map.entry("hours_given", "givna timmar"),
            Map.entry("given_share", "andel givna"), Map.entry("meetings", "möten"),
            Map.entry("partners_per_meeting", "parter per möte"), Map.entry("assessed_twice", "bedömda två gånger"),
            Map.entry("step_up_share", "andel minst ett steg upp"), Map.entry("step_up_lower", "nedre 95 %"),
            Map.entry("step_up_upper", "övre 95 %"),
            Map.entry("median_days_to_first_meeting", "dagar till första möte (median)"),
            Map.entry("partner", "part"), Map.entry("present", "närvarande"), Map.entry("instrument", "instrument"),
            Map.entry("rated_before", "skattade före"), Map.entry("due_after", "ska skattas efter"),
            Map.entry("paired", "parvisa"), Map.entry("mean_before", "medel före"),
            Map.entry("mean_after", "medel efter"), Map.entry("wilcoxon_v", "V (Wilcoxon)"),
            Map.entry("improved", "förbättrade"), Map.entry("share_improved", "andel förbättrade"),
            Map.entry("improved_lower", "nedre 95 %"), Map.entry("improved_upper", "övre 95 %"),
            Map.entry("from_event", "från händelse"), Map.entry("to_event", "till händelse"),
            Map.entry("p75_days", "dagar (75:e percentil)"), Map.entry("bottleneck", "flaskhals"),
            Map.entry("event", "händelse"), Map.entry("waiting", "väntar"),
            Map.entry("median_next_days", "dagar till nästa (median)"), Map.entry("referred", "remitterade"),
            Map.entry("not_relevant", "ej aktuella"), Map.entry("not_relevant_share", "andel ej aktuella"),
            Map.entry("nr_lower", "nedre 95 %"), Map.entry("nr_upper", "övre 95 %"),
            Map.entry("accepted", "aktuella"), Map.entry("accepted_share", "andel aktuella"),
            Map.entry("acc_lower", "nedre 95 %"), Map.entry("acc_upper", "övre 95 %"), Map.entry("met", "träffade"),
            Map.entry("meeting_median", "dagar till första möte (median)"), Map.entry("meeting_lower", "nedre 95 %"),
            Map.entry("meeting_upper", "övre 95 %"), Map.entry("exited", "avslutade"),
            Map.entry("positive_share", "andel till arbete/studier"), Map.entry("pos_lower", "nedre 95 %"),
            Map.entry("pos_upper", "övre 95 %"), Map.entry("reason", "orsak"), Map.entry("merged", "sammanslagen"));

    /** Where a table's own words differ from the shared ones ("met" is a goal met, not a first meeting). */
    private static final Map<String, Pair> TABLE_CODES = Map.ofEntries(
            Map.entry("goals.status.met", new Pair("Uppnått", "Met")),
            Map.entry("goals.status.not_met", new Pair("Ej uppnått", "Not met")),
            Map.entry("goals.status.cannot_tell", new Pair("Kan inte avgöras", "Cannot tell")),
            Map.entry("goals.status.not_measurable", new Pair("Kan inte mätas", "Not measurable")),
            Map.entry("goals.direction.at_least", new Pair("minst", "at least")),
            Map.entry("goals.direction.at_most", new Pair("högst", "at most")));

    private static final Map<String, String> TABLE_COLUMNS_SV = Map.ofEntries(
            Map.entry("goals.id", "id"), Map.entry("goals.label", "mål"), Map.entry("goals.rate", "mått"), Map.entry("goals.selection", "urval"),
            Map.entry("goals.direction", "riktning"), Map.entry("goals.note", "anmärkning"),
            Map.entry("goals.target", "målnivå"), Map.entry("goals.within_days", "inom dagar"));

    /** A key value of a metric table in the session's language, as that table means it. */
    public static String code(String table, String column, String value, Lang lang) {
        Pair own = TABLE_CODES.get(table + "." + column + "." + value);
        if (own != null) {
            return own.in(lang);
        }
        if (table.equals("goals") && column.equals("rate") || column.equals("outcome")) {
            return rate(value, lang);
        }
        return code(value, lang);
    }

    /** A column header of a metric table, as that table means it. */
    public static String column(String table, String name, Lang lang) {
        String own = lang == Lang.SV ? TABLE_COLUMNS_SV.get(table + "." + name) : null;
        return own != null ? own : column(name, lang);
    }

    /** A metric table's column header: Swedish where known, else the stable name with spaces. */
    public static String column(String name, Lang lang) {
        String fallback = name.replace('_', ' ');
        return lang == Lang.SV ? COLUMNS_SV.getOrDefault(name, fallback) : fallback;
    }

    /** An outcome rate's title. */
    public static String rate(String key, Lang lang) {
        return RATES.getOrDefault(key, new Pair(key, key)).in(lang);
    }

    /** A milestone in running text: "första möte" / "first meeting". */
    public static String milestone(String code, Lang lang) {
        return MILESTONES.getOrDefault(code, new Pair(code, code)).in(lang);
    }

    /** An exit destination's label from the data dictionary's code list. */
    public static String destination(String code, Lang lang) {
        return switch (code) {
            case "reached" -> lang.pick("Nådde milstolpen", "Reached the milestone");
            case "ended_before" -> lang.pick("Avslutades dessförinnan", "Ended before it");
            default -> DESTINATIONS.code(code).map(c -> lang.pick(c.sv(), c.en())).orElse(code);
        };
    }

    /** A milestone (event type) as a box label, from the data dictionary: "Första möte" / "First meeting". */
    public static String event(String code, Lang lang) {
        return EVENTS.code(code).map(c -> lang.pick(c.sv(), c.en())).orElse(code);
    }

    private static final CodeList EVENTS = DataDictionary.load().codeList("event_type").orElseThrow();

    private static final CodeList DESTINATIONS = DataDictionary.load().codeList("destination").orElseThrow();

    /** "Steg 3" / "Step 3". */
    public static String step(String step, Lang lang) {
        return lang.pick("Steg ", "Step ") + step;
    }
}
