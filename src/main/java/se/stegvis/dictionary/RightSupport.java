package se.stegvis.dictionary;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which moves between income sources count as "the right support from the right system"
 * (data-dictionary/right-support.json): e.g. from social assistance to sickness compensation. Versioned,
 * so a result can say which classification it used.
 *
 * @param id         identifier of the classification
 * @param version    its version
 * @param definition the sentence results quote
 * @param moves      for each source, the sources a move to counts as right support
 */
public record RightSupport(String id, String version, String definition, Map<String, Set<String>> moves) {

    /** No classification: no move counts. */
    public static final RightSupport NONE = new RightSupport("none", "0", "No right-support classification is defined.", Map.of());

    public RightSupport {
        moves = Map.copyOf(moves);
    }

    static RightSupport of(JsonNode node) {
        Map<String, Set<String>> moves = new LinkedHashMap<>();
        for (JsonNode m : node.path("moves")) {
            List<String> to = new ArrayList<>();
            m.path("to").forEach(t -> to.add(t.asText()));
            moves.put(m.path("from").asText(), Set.copyOf(to));
        }
        return new RightSupport(node.path("id").asText(), node.path("version").asText(),
                node.path("definition").asText(), moves);
    }

    /** Whether moving from income source {@code from} to {@code to} counts as right support. */
    public boolean isRightMove(String from, String to) {
        return moves.getOrDefault(from, Set.of()).contains(to);
    }

    /** Every counted move as (from, to) pairs, in a stable order (for SQL VALUES lists and the glossary). */
    public List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        moves.keySet().stream().sorted().forEach(from -> moves.get(from).stream().sorted()
                .forEach(to -> out.add(new String[] {from, to})));
        return out;
    }
}
