package se.stegvis.dictionary;

import java.util.List;

/**
 * Table Schema constraints of one field.
 *
 * @param required  a value must be present
 * @param minimum   smallest allowed number, or null
 * @param maximum   largest allowed number, or null
 * @param maxLength longest allowed string, or null
 * @param allowed   the allowed values ({@code enum}), empty when any value is allowed
 */
public record Constraints(boolean required, Double minimum, Double maximum, Integer maxLength, List<String> allowed) {
    public Constraints {
        allowed = List.copyOf(allowed);
    }
}
