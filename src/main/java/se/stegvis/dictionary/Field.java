package se.stegvis.dictionary;

import java.util.List;
import java.util.Optional;

/**
 * One column of a canonical table.
 *
 * @param name         canonical English snake_case name
 * @param type         value type
 * @param titleSv      Swedish title
 * @param aliases      other header names accepted on import (Swedish spellings with and without å/ä/ö)
 * @param description  one sentence on what the column holds
 * @param constraints  required, range, length and allowed codes
 * @param codeList     name of the code list in codelists.json, or null
 * @param pseudonymise the value is replaced by a keyed hash at import and never stored
 * @param trueValues   spellings read as true (boolean fields)
 * @param falseValues  spellings read as false (boolean fields)
 * @param defaultValue value stored when the cell is empty, or null
 * @param notBefore    a date this date may not precede (e.g. the episode's referral date), or null
 * @param listSeparator the cell holds a list of codes joined by this separator ({@code x-list-separator}), or null
 */
public record Field(String name, FieldType type, String titleSv, List<String> aliases, String description,
                    Constraints constraints, String codeList, boolean pseudonymise,
                    List<String> trueValues, List<String> falseValues, String defaultValue, NotBefore notBefore,
                    String listSeparator) {
    public Field {
        aliases = List.copyOf(aliases);
        trueValues = List.copyOf(trueValues);
        falseValues = List.copyOf(falseValues);
    }

    /**
     * A date order rule: this field's date may not be before {@code field} of the row in {@code table}
     * that this row references through its foreign key, or, with {@code table} empty, of the same row
     * ({@code x-not-before} in datapackage.json).
     */
    public record NotBefore(String table, String field) {
        /** Whether the rule compares two dates of the same row. */
        public boolean sameRow() {
            return table.isEmpty();
        }
    }

    public boolean required() {
        return constraints.required();
    }

    /** Whether the cell holds a list of codes rather than one value. */
    public boolean isList() {
        return listSeparator != null;
    }

    public Optional<String> codeListName() {
        return Optional.ofNullable(codeList);
    }
}
