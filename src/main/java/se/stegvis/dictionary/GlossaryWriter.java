package se.stegvis.dictionary;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders the data dictionary as a Markdown glossary for people: tables, columns, code lists, ladders. */
public final class GlossaryWriter {

    private final DataDictionary dictionary;
    private final StringBuilder out = new StringBuilder();

    private GlossaryWriter(DataDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The whole glossary as Markdown; deterministic, so a committed copy can be compared with it. */
    public static String markdown(DataDictionary dictionary) {
        return new GlossaryWriter(dictionary).render();
    }

    private String render() {
        line("# Stegvis data dictionary — glossary");
        line("");
        line("Generated from `data-dictionary/` (data package version " + dictionary.version()
                + ") by `./stegvis dictionary glossary`; do not edit by hand.");
        line("Import accepts the canonical (English) table and column names or the Swedish names and aliases below,");
        line("compared without regard to case, spaces or å/ä/ö. Codes may be given as the code or its Swedish label.");
        line("");
        line("## Tables");
        line("");
        for (Table table : dictionary.tables()) {
            line("- [`" + table.name() + "`](#" + table.name() + ") (" + table.titleSv() + "): " + table.description());
        }
        dictionary.tables().forEach(this::table);
        line("");
        line("## Code lists");
        dictionary.codeLists().values().forEach(this::codeList);
        line("");
        line("## Step ladders");
        dictionary.ladders().values().forEach(this::ladder);
        rightSupport(dictionary.rightSupport());
        return out.toString();
    }

    private void table(Table table) {
        line("");
        line("### " + table.name());
        line("");
        line("Swedish: " + table.titleSv() + ". File `" + table.name() + ".csv` (or `"
                + DataDictionary.fold(table.titleSv()) + ".csv`), or a workbook sheet of either name. " + table.description());
        line("");
        line("Primary key: " + codeJoin(table.primaryKey()) + ".");
        for (ForeignKey fk : table.foreignKeys()) {
            line("References: " + codeJoin(fk.fields()) + " → `" + fk.referencedTable() + "`.");
        }
        line("");
        line("| column | Swedish | type | required | allowed values | accepted aliases | description |");
        line("|---|---|---|---|---|---|---|");
        for (Field f : table.fields()) {
            line("| `" + f.name() + "` | " + f.titleSv() + " | " + f.type().schemaName() + " | "
                    + (f.required() ? "yes" : "no") + " | " + allowed(f) + " | " + String.join(", ", f.aliases())
                    + " | " + f.description() + " |");
        }
    }

    private String allowed(Field f) {
        Constraints c = f.constraints();
        if (f.codeList() != null) {
            return (f.isList() ? "codes separated by `" + f.listSeparator() + "`, from code list" : "code list")
                    + " [`" + f.codeList() + "`](#" + f.codeList() + ")"
                    + (f.defaultValue() == null ? "" : "; empty means `" + f.defaultValue() + "`");
        }
        if (!c.allowed().isEmpty()) {
            return codeJoin(c.allowed());
        }
        StringBuilder s = new StringBuilder();
        if (c.minimum() != null) {
            s.append("≥ ").append(number(c.minimum()));
        }
        if (c.maximum() != null) {
            s.append(s.length() > 0 ? ", " : "").append("≤ ").append(number(c.maximum()));
        }
        if (c.maxLength() != null) {
            s.append(s.length() > 0 ? ", " : "").append("at most ").append(c.maxLength()).append(" characters");
        }
        if (f.type() == FieldType.DATE) {
            s.append("YYYY-MM-DD or YYYYMMDD");
            if (f.notBefore() != null) {
                s.append("; not before `").append(f.notBefore().sameRow() ? "" : f.notBefore().table() + ".")
                        .append(f.notBefore().field()).append('`').append(f.notBefore().sameRow() ? " of the same row" : "");
            }
        } else if (f.type() == FieldType.YEARMONTH) {
            s.append("YYYY-MM");
        } else if (f.type() == FieldType.BOOLEAN) {
            s.append("true: ").append(String.join("/", f.trueValues())).append("; false: ")
                    .append(String.join("/", f.falseValues()));
        }
        if (f.defaultValue() != null) {
            s.append(s.length() > 0 ? "; " : "").append("empty means `").append(f.defaultValue()).append('`');
        }
        return s.toString();
    }

    private void codeList(CodeList list) {
        line("");
        line("### " + list.name());
        line("");
        line(list.definitionEn() + " *(" + list.definitionSv() + ")*");
        line("");
        line("| code | Swedish | English | definition |");
        line("|---|---|---|---|");
        for (CodeList.Code c : list.codes()) {
            String also = c.synonyms().isEmpty() ? "" : " (also read: " + String.join(", ", c.synonyms()) + ")";
            line("| `" + c.code() + "` | " + c.sv() + also + " | " + c.en() + " | " + c.definition() + " |");
        }
    }

    private void ladder(Ladder ladder) {
        line("");
        line("### " + ladder.id() + " (version " + ladder.version() + ")");
        line("");
        line(ladder.titleEn() + " *(" + ladder.titleSv() + ")*. " + ladder.definition());
        line("");
        line("A step up is a move to a " + ("lower".equals(ladder.stepUp()) ? "lower" : "higher") + " step number."
                + (ladder.id().equals(dictionary.defaultLadder().id()) ? " This is the default ladder: every assessment"
                + " is also stored on it as `step_std`." : ""));
        line("");
        boolean crosswalk = ladder.crosswalk() != null;
        line("| step | Swedish | English | definition |" + (crosswalk ? " on " + ladder.crosswalk().to() + " |" : ""));
        line("|---|---|---|---|" + (crosswalk ? "---|" : ""));
        Map<Integer, Integer> map = crosswalk ? new TreeMap<>(ladder.crosswalk().map()) : Map.of();
        for (Ladder.Step s : ladder.steps()) {
            line("| " + s.step() + " | " + s.sv() + " | " + s.en() + " | " + s.definition() + " |"
                    + (crosswalk ? " " + map.getOrDefault(s.step(), null) + " |" : ""));
        }
    }

    private void rightSupport(RightSupport rs) {
        line("");
        line("## Right support: " + rs.id() + " (version " + rs.version() + ")");
        line("");
        line(rs.definition());
        line("");
        line("| from | counts as right support when it becomes |");
        line("|---|---|");
        rs.moves().keySet().stream().sorted().forEach(from -> line("| `" + from + "` | "
                + codeJoin(rs.moves().get(from).stream().sorted().toList()) + " |"));
    }

    private static String codeJoin(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
