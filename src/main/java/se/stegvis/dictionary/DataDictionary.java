package se.stegvis.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data dictionary: canonical tables (a Frictionless Data Package), code lists and step ladders.
 * Read from the jar ({@code data-dictionary/} on the classpath) or from a folder.
 */
public final class DataDictionary {

    /** System property naming a folder to read the dictionary from instead of the classpath. */
    public static final String FOLDER_PROPERTY = "stegvis.dictionary";
    private static final String CLASSPATH_ROOT = "data-dictionary/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private final String version;
    private final List<Table> tables;
    private final Map<String, CodeList> codeLists;
    private final Map<String, Ladder> ladders;
    private final String defaultLadder;
    private final RightSupport rightSupport;

    private DataDictionary(String version, List<Table> tables, Map<String, CodeList> codeLists,
                           Map<String, Ladder> ladders, String defaultLadder, RightSupport rightSupport) {
        this.version = version;
        this.tables = List.copyOf(tables);
        this.codeLists = codeLists;
        this.ladders = ladders;
        this.defaultLadder = defaultLadder;
        this.rightSupport = rightSupport;
    }

    /**
     * The dictionary in use: from the folder named by system property {@value #FOLDER_PROPERTY} or
     * environment variable {@code STEGVIS_DICTIONARY} when set, else the copy packaged in the jar.
     */
    public static DataDictionary load() {
        String folder = System.getProperty(FOLDER_PROPERTY, System.getenv("STEGVIS_DICTIONARY"));
        return folder == null || folder.isBlank() ? fromClasspath() : fromFolder(Path.of(folder));
    }

    /** Reads datapackage.json, its code lists and ladders from a folder. */
    public static DataDictionary fromFolder(Path folder) {
        return read(name -> Files.newInputStream(folder.resolve(name)));
    }

    /** Reads the dictionary packaged under {@code data-dictionary/} on the classpath. */
    public static DataDictionary fromClasspath() {
        return read(name -> {
            InputStream in = DataDictionary.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
            if (in == null) {
                throw new IOException("data dictionary file " + CLASSPATH_ROOT + name + " is not on the classpath");
            }
            return in;
        });
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String relativeName) throws IOException;
    }

    private static JsonNode json(Opener opener, String name) {
        try (InputStream in = opener.open(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data dictionary file " + name + ": " + e.getMessage(), e);
        }
    }

    private static DataDictionary read(Opener opener) {
        JsonNode pkg = json(opener, "datapackage.json");
        Map<String, CodeList> codeLists = new LinkedHashMap<>();
        json(opener, pkg.path("x-codelists").asText("codelists.json")).fields()
                .forEachRemaining(e -> codeLists.put(e.getKey(), codeList(e.getKey(), e.getValue())));
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        for (JsonNode path : pkg.path("x-ladders")) {
            Ladder ladder = ladder(json(opener, path.asText()));
            ladders.put(ladder.id(), ladder);
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode resource : pkg.path("resources")) {
            tables.add(table(resource));
        }
        RightSupport rightSupport = pkg.hasNonNull("x-right-support")
                ? RightSupport.of(json(opener, pkg.get("x-right-support").asText())) : RightSupport.NONE;
        return new DataDictionary(pkg.path("version").asText(), tables, codeLists, ladders,
                pkg.path("x-default-ladder").asText(), rightSupport);
    }

    private static Table table(JsonNode resource) {
        JsonNode schema = resource.path("schema");
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : schema.path("fields")) {
            fields.add(field(f));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (JsonNode fk : schema.path("foreignKeys")) {
            fks.add(new ForeignKey(strings(fk.path("fields")), fk.path("reference").path("resource").asText(),
                    strings(fk.path("reference").path("fields"))));
        }
        return new Table(resource.path("name").asText(), resource.path("x-sv").asText(),
                resource.path("description").asText(), fields, strings(schema.path("primaryKey")), fks);
    }

    private static Field field(JsonNode f) {
        JsonNode c = f.path("constraints");
        Constraints constraints = new Constraints(c.path("required").asBoolean(false),
                c.has("minimum") ? c.get("minimum").asDouble() : null,
                c.has("maximum") ? c.get("maximum").asDouble() : null,
                c.has("maxLength") ? c.get("maxLength").asInt() : null,
                strings(c.path("enum")));
        return new Field(f.path("name").asText(), FieldType.of(f.path("type").asText("string")),
                f.path("x-sv").asText(), strings(f.path("x-aliases")), f.path("description").asText(),
                constraints, f.hasNonNull("x-codelist") ? f.get("x-codelist").asText() : null,
                f.path("x-pseudonymise").asBoolean(false), strings(f.path("trueValues")), strings(f.path("falseValues")),
                f.hasNonNull("x-default") ? f.get("x-default").asText() : null,
                f.has("x-not-before") ? new Field.NotBefore(f.get("x-not-before").path("resource").asText(),
                        f.get("x-not-before").path("field").asText()) : null,
                f.hasNonNull("x-list-separator") ? f.get("x-list-separator").asText() : null);
    }

    private static CodeList codeList(String name, JsonNode node) {
        List<CodeList.Code> codes = new ArrayList<>();
        for (JsonNode c : node.path("codes")) {
            codes.add(new CodeList.Code(c.path("code").asText(), c.path("sv").asText(), c.path("en").asText(),
                    c.path("definition").asText(), strings(c.path("synonyms"))));
        }
        return new CodeList(name, node.path("definition_sv").asText(), node.path("definition_en").asText(), codes);
    }

    private static Ladder ladder(JsonNode node) {
        List<Ladder.Step> steps = new ArrayList<>();
        for (JsonNode s : node.path("steps")) {
            steps.add(new Ladder.Step(s.path("step").asInt(), s.path("sv").asText(), s.path("en").asText(),
                    s.path("definition").asText()));
        }
        Ladder.Crosswalk crosswalk = null;
        if (node.has("crosswalk")) {
            Map<Integer, Integer> map = new LinkedHashMap<>();
            node.get("crosswalk").path("map").fields()
                    .forEachRemaining(e -> map.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
            crosswalk = new Ladder.Crosswalk(node.get("crosswalk").path("to").asText(), map);
        }
        return new Ladder(node.path("id").asText(), node.path("version").asText(), node.path("title_sv").asText(),
                node.path("title_en").asText(), node.path("definition").asText(), node.path("step_up").asText("higher"),
                steps, crosswalk);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Version of the data package definition. */
    public String version() {
        return version;
    }

    public List<Table> tables() {
        return tables;
    }

    /** The table with this canonical name. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The table a file or sheet name stands for: the canonical name or the Swedish title, compared
     * case-insensitively and with å/ä/ö folded to a/a/o (so {@code händelser} and {@code handelser} both match).
     */
    public Optional<Table> tableNamed(String fileOrSheetName) {
        String wanted = fold(fileOrSheetName);
        return tables.stream()
                .filter(t -> fold(t.name()).equals(wanted) || fold(t.titleSv()).equals(wanted))
                .findFirst();
    }

    public Map<String, CodeList> codeLists() {
        return codeLists;
    }

    public Optional<CodeList> codeList(String name) {
        return Optional.ofNullable(codeLists.get(name));
    }

    public Map<String, Ladder> ladders() {
        return ladders;
    }

    public Optional<Ladder> ladder(String id) {
        return Optional.ofNullable(ladders.get(id));
    }

    /** The versioned classification of which income-source moves count as right support. */
    public RightSupport rightSupport() {
        return rightSupport;
    }

    /** The ladder every assessment is also expressed on ({@code step_std}). */
    public Ladder defaultLadder() {
        return ladders.get(defaultLadder);
    }

    /**
     * The step on the default ladder that {@code step} on {@code ladderId} corresponds to, following
     * crosswalks (possibly through intermediate ladders); empty when the ladder or step is unknown.
     */
    public Optional<Integer> toDefaultStep(String ladderId, int step) {
        Ladder ladder = ladders.get(ladderId);
        Integer current = step;
        for (int hops = 0; ladder != null && hops <= ladders.size(); hops++) {
            if (ladder.step(current).isEmpty()) {
                return Optional.empty();
            }
            if (ladder.id().equals(defaultLadder)) {
                return Optional.of(current);
            }
            if (ladder.crosswalk() == null) {
                return Optional.empty();
            }
            current = ladder.crosswalk().map().get(current);
            if (current == null) {
                return Optional.empty();
            }
            ladder = ladders.get(ladder.crosswalk().to());
        }
        return Optional.empty();
    }

    /** Lower case, trimmed, inner whitespace and dashes as underscores, å/ä/ö and other accents folded. */
    public static String fold(String name) {
        String lower = SEPARATORS.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
