package se.stegvis.ingest;

import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.Ladder;
import se.stegvis.dictionary.Table;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one source row by row, checks every cell against the dictionary, pseudonymises personnummer
 * and appends the valid rows to the table's staging table. Every problem goes to the error sink; the
 * file is read to the end so all its errors are reported.
 */
final class TableStager {

    static final String PERSON_ID = "person_id";

    private final DataDictionary dictionary;
    private final Pseudonymiser pseudonymiser;
    private final ErrorSink errors;
    private final Consumer<String> notes;
    private final LocalDate today;

    /**
     * @param pseudonymiser computes person_id; null when only validating (person_id is then left empty)
     * @param notes         where a source's codes read other than exactly are reported, once per distinct text
     */
    TableStager(DataDictionary dictionary, Pseudonymiser pseudonymiser, ErrorSink errors, Consumer<String> notes,
                LocalDate today) {
        this.dictionary = dictionary;
        this.pseudonymiser = pseudonymiser;
        this.errors = errors;
        this.notes = notes;
        this.today = today;
    }

    /**
     * Data rows read, each canonical column's label as the file heads it, and whether the source was
     * read to its end (false when its header or its text could not be read).
     */
    record Staged(long rowsRead, Map<String, String> headerOf, boolean complete) {
    }

    /** One header cell bound to its field: where the value goes in the staging row. */
    record Binding(int cell, String label, FieldParser parser, int target, boolean personnummer) {
    }

    /** Stages all rows of {@code reader}; returns counts, or null when the header is unusable. */
    Staged stage(String source, int sourceIndex, TableReader reader, StagingTable staging) throws IOException, SQLException {
        Table table = staging.table();
        Map<String, String> headerOf = new LinkedHashMap<>();
        List<Binding> bindings = bind(source, table, reader.header(), staging, headerOf, errors);
        if (bindings == null) {
            return new Staged(0, headerOf, false);
        }
        int personId = staging.indexOf(PERSON_ID);
        Optional<Field> pnrField = table.fields().stream().filter(Field::pseudonymise).findFirst();
        int ladder = staging.indexOf("ladder");
        int step = staging.indexOf("step");
        int stepStd = staging.indexOf(StagingTable.STEP_STD);
        Object[] defaults = new Object[staging.columns().size()];
        for (Field f : table.fields()) {
            if (f.defaultValue() != null) {
                defaults[staging.indexOf(f.name())] = f.defaultValue();
            }
        }
        int headerCells = reader.header().size();
        boolean complete = true;
        long read = 0;
        while (true) {
            TableReader.Row row;
            try {
                row = reader.next();
            } catch (TableReader.InputProblem p) {
                errors.report(new ImportError(source, p.row(), null, null, p.getMessage()));
                complete = false;
                break;
            }
            if (row == null) {
                break;
            }
            String[] cells = row.cells();
            if (blank(cells)) {
                continue;
            }
            read++;
            long number = row.number();
            if (cells.length != headerCells && !onlyBlankBeyond(cells, headerCells)) {
                errors.report(new ImportError(source, number, null, null, "has " + cells.length
                        + " values but the header has " + headerCells + " columns (a wrong separator, or a missing"
                        + " or extra value?)"));
                continue;
            }
            Object[] values = defaults.clone();
            boolean ok = true;
            for (Binding b : bindings) {
                String text = b.cell() < cells.length ? cells[b.cell()].strip() : "";
                if (text.isEmpty()) {
                    if (b.parser().field().required()) {
                        errors.report(new ImportError(source, number, b.label(), null, "is empty (a value is required)"));
                        ok = false;
                    }
                    continue;
                }
                if (b.personnummer()) {
                    Personnummer.Parsed pnr = Personnummer.parse(text, today);
                    if (!pnr.valid()) {
                        errors.report(new ImportError(source, number, b.label(), Personnummer.mask(text), pnr.problem()));
                        ok = false;
                    } else {
                        values[personId] = pseudonymiser == null ? "" : pseudonymiser.personId(pnr.twelveDigits());
                    }
                    continue;
                }
                if (b.target() == personId && values[personId] != null) {
                    continue; // personnummer given on this row wins over a person_id column
                }
                try {
                    values[b.target()] = b.parser().parse(text);
                } catch (FieldParser.BadValue e) {
                    errors.report(new ImportError(source, number, b.label(), Redaction.forMessage(text), e.getMessage()));
                    ok = false;
                }
            }
            if (ok && personId >= 0 && values[personId] == null) {
                errors.report(new ImportError(source, number, pnrField.map(f -> headerOf.getOrDefault(f.name(), f.name()))
                        .orElse(PERSON_ID), null, "is empty and so is person_id (one of them is required)"));
                ok = false;
            }
            if (ok && stepStd >= 0 && values[ladder] != null && values[step] != null) {
                Integer std = dictionary.toDefaultStep((String) values[ladder], (Integer) values[step]).orElse(null);
                if (std == null) {
                    Ladder l = dictionary.ladder((String) values[ladder]).orElseThrow();
                    errors.report(new ImportError(source, number, headerOf.get("step"), values[step].toString(),
                            "is not a step of ladder " + l.id() + " (expected " + l.lowestStep() + "-" + l.highestStep() + ")"));
                } else {
                    values[stepStd] = std;
                }
            }
            // Rows with errors are staged too (bad cells empty) so the cross-row checks do not report
            // their keys as missing; any error stops the import before staging reaches the store.
            staging.append(values, sourceIndex, number);
        }
        for (Binding b : bindings) {
            b.parser().inexactReadings().forEach(reading -> notes.accept(source + " column " + b.label() + ": " + reading));
        }
        return new Staged(read, headerOf, complete);
    }

    /**
     * Binds header cells to fields, filling {@code headerOf}; reports unknown, repeated and missing
     * required columns (row 1) to {@code errors} and then returns null.
     */
    List<Binding> bind(String source, Table table, List<String> header, StagingTable staging,
                       Map<String, String> headerOf, ErrorSink errors) {
        Map<String, Field> byName = new HashMap<>();
        for (Field f : table.fields()) {
            byName.put(DataDictionary.fold(f.name()), f);
            byName.putIfAbsent(DataDictionary.fold(f.titleSv()), f);
            f.aliases().forEach(a -> byName.putIfAbsent(DataDictionary.fold(a), f));
        }
        List<Binding> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (h.isEmpty()) {
                continue; // trailing separators in Excel exports leave unnamed empty columns
            }
            Field f = byName.get(DataDictionary.fold(h));
            if (f == null) {
                errors.report(new ImportError(source, 1, null, Redaction.forMessage(h), "is not a column of " + table.name()
                        + " (expected " + String.join(", ", table.fields().stream().map(Field::name).toList())
                        + ", or their Swedish names; see the glossary)"));
                ok = false;
                continue;
            }
            if (headerOf.containsKey(f.name())) {
                errors.report(new ImportError(source, 1, null, h, "names column " + f.name() + " a second time (first as \""
                        + headerOf.get(f.name()) + "\")"));
                ok = false;
                continue;
            }
            String label = DataDictionary.fold(h).equals(f.name()) ? h : h + " (" + f.name() + ")";
            headerOf.put(f.name(), label);
            int target = f.pseudonymise() ? staging.indexOf(PERSON_ID) : staging.indexOf(f.name());
            out.add(new Binding(i, label, new FieldParser(f, dictionary), target, f.pseudonymise()));
        }
        for (Field f : table.fields()) {
            if (f.required() && !headerOf.containsKey(f.name())) {
                errors.report(new ImportError(source, 1, null, null, "has no column " + f.name() + " (required; also accepted as "
                        + String.join(", ", f.aliases()) + ")"));
                ok = false;
            }
        }
        boolean hasPseudonymised = table.fields().stream().anyMatch(Field::pseudonymise);
        if (hasPseudonymised && !headerOf.containsKey(PERSON_ID)
                && table.fields().stream().filter(Field::pseudonymise).noneMatch(f -> headerOf.containsKey(f.name()))) {
            errors.report(new ImportError(source, 1, null, null, "has neither a personnummer nor a person_id column (one is required)"));
            ok = false;
        }
        // personnummer is bound first so a row giving both keeps the pseudonymised number.
        out.sort((a, b) -> Boolean.compare(b.personnummer(), a.personnummer()));
        return ok ? out : null;
    }

    private static boolean blank(String[] cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyBlankBeyond(String[] cells, int headerCells) {
        if (cells.length < headerCells) {
            return false;
        }
        for (int i = headerCells; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }
}
