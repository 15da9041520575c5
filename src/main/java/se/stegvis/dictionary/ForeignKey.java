package se.stegvis.dictionary;

import java.util.List;

/** A Table Schema foreign key: {@code fields} of this table reference {@code referencedFields} of {@code referencedTable}. */
public record ForeignKey(List<String> fields, String referencedTable, List<String> referencedFields) {
    public ForeignKey {
        fields = List.copyOf(fields);
        referencedFields = List.copyOf(referencedFields);
    }
}
