package se.stegvis.dictionary;

import java.util.Locale;

/** The Frictionless Table Schema field types the cohort tables use. */
public enum FieldType {
    STRING, INTEGER, NUMBER, BOOLEAN, DATE, YEARMONTH;

    /** The type for a Table Schema {@code type} value, e.g. {@code "yearmonth"}. */
    public static FieldType of(String tableSchemaType) {
        return valueOf(tableSchemaType.toUpperCase(Locale.ROOT));
    }

    /** The Table Schema spelling, as written in datapackage.json. */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
