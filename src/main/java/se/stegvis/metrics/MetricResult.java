package se.stegvis.metrics;

import java.util.List;
import tech.tablesaw.api.Table;

/** A metric's result: its basis (definition, n, suppression) and one or more tables. */
public interface MetricResult {

    Basis basis();

    /** The tables, main table first. */
    List<MetricTable> parts();

    default Definition definition() {
        return basis().definition();
    }

    default long n() {
        return basis().n();
    }

    default Suppression suppression() {
        return basis().suppression();
    }

    /** The main table. */
    default MetricTable table() {
        return parts().get(0);
    }

    /** The table called {@code name}. */
    default MetricTable part(String name) {
        return parts().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(definition().id() + " has no part " + name
                        + "; parts: " + parts().stream().map(MetricTable::name).toList()));
    }

    /** The main table as a Tablesaw table (hidden counts read {@code <5} or {@code ..}). */
    default Table toTable() {
        return table().toTable();
    }
}
