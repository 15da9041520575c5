package se.stegvis.dictionary;

import java.util.List;
import java.util.Optional;

/**
 * One canonical cohort table (a Data Package resource).
 *
 * @param name        canonical name, also the CSV file name without extension
 * @param titleSv     Swedish title
 * @param description what one row is
 * @param fields      columns in canonical order
 * @param primaryKey  column names of the primary key
 * @param foreignKeys references to other tables
 */
public record Table(String name, String titleSv, String description, List<Field> fields,
                    List<String> primaryKey, List<ForeignKey> foreignKeys) {
    public Table {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** The field with this canonical name. */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
