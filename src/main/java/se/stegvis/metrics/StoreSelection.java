package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.cohort.Split;
import se.stegvis.cohort.SqlFragment;
import se.stegvis.dictionary.CodeList;
import se.stegvis.dictionary.DataDictionary;

/**
 * The one place a selection meets the store: programmes, municipalities and the values of a unit
 * split as people write them ({@code EVI}, {@code ludvika}, a programme's label) become the values
 * the store holds, and a selection that matches nothing is refused in words, with the known values,
 * rather than giving an empty result that reads like a finding.
 */
final class StoreSelection {

    private StoreSelection() {
    }

    /**
     * {@code cohort} with its programmes, municipalities and unit-split values as stored; fails when
     * one of them names nothing in the store or when the selection has no episode by {@code asOf}.
     */
    static Cohort resolve(Connection connection, Cohort cohort, LocalDate asOf) throws SQLException {
        Cohort resolved = cohort;
        if (!cohort.programmes().isEmpty()) {
            resolved = resolved.programme(match(connection, "programme", GroupBy.PROGRAMME, cohort.programmes()));
        }
        if (!cohort.municipalities().isEmpty()) {
            resolved = resolved.municipality(match(connection, "municipality", GroupBy.MUNICIPALITY, cohort.municipalities()));
        }
        if (cohort.split() instanceof Split.ByUnit u) {
            resolved = resolved.splitBy(u.unit(), List.of(match(connection, "baseline", u.unit(), u.baseline())),
                    List.of(match(connection, "comparison", u.unit(), u.comparison())));
        }
        SqlFragment selection = resolved.selection(asOf);
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM (" + selection.sql() + ")")) {
            bind(ps, selection.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new SelectionException(null, "no episode matches the selection: " + cohort.describe()
                            + "; as of " + asOf);
                }
            }
        }
        return resolved;
    }

    /**
     * The stored spelling of {@code value} (null stays null: any), for a query that takes one value and
     * compares it case-insensitively; fails as a selection does when the store has no such value.
     */
    static String resolve(Connection connection, String option, GroupBy attribute, String value) throws SQLException {
        return value == null ? null : match(connection, option, attribute, List.of(value))[0];
    }

    /**
     * The stored values of {@code attribute} that each of {@code given} (the values of {@code option})
     * names: equal when folded (case, accents, Unicode form, as {@link DataDictionary#fold}), or, for a
     * programme, a code whose label or short label (before " (") is {@code given}. Every stored
     * spelling of a name is selected, so {@code ludvika} and {@code Ludvika} in one store are both taken.
     */
    private static String[] match(Connection connection, String option, GroupBy attribute, Collection<String> given)
            throws SQLException {
        Set<String> stored = new TreeSet<>(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT " + attribute.expression() + " FROM episodes e");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String name : given) {
            Set<String> names = names(attribute, name);
            List<String> hits = stored.stream().filter(v -> names.contains(DataDictionary.fold(v))).toList();
            if (hits.isEmpty()) {
                throw new SelectionException(option, option + " \"" + name + "\" matches no " + attribute.key()
                        + " in the store; known: " + String.join(", ", stored));
            }
            out.addAll(hits);
        }
        return out.toArray(String[]::new);
    }

    /** The folded names a stored value may have to match {@code given}: itself, and for a programme the codes it labels. */
    private static Set<String> names(GroupBy attribute, String given) {
        String folded = DataDictionary.fold(given);
        Set<String> names = new LinkedHashSet<>(List.of(folded));
        if (attribute == GroupBy.PROGRAMME) {
            for (CodeList.Code c : DataDictionary.load().codeList("programme").orElseThrow().codes()) {
                for (String label : List.of(c.sv(), c.en(), shortLabel(c.sv()), shortLabel(c.en()))) {
                    if (DataDictionary.fold(label).equals(folded)) {
                        names.add(DataDictionary.fold(c.code()));
                    }
                }
            }
        }
        return names;
    }

    /** "EVI (En Väg In)" -> "EVI": the name the charts show. */
    private static String shortLabel(String label) {
        int paren = label.indexOf(" (");
        return paren < 0 ? label : label.substring(0, paren);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            ps.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
        }
    }
}
