package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the R golden files and inputs (plain comma-separated, no quoting) and compares numbers to them. */
final class Golden {
    /** Closed-form estimates must agree with R to this absolute difference. */
    static final double CLOSED_FORM = 1e-9;

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path INPUT = Path.of("src/test/resources/stats");

    private Golden() {}

    static List<Map<String, String>> golden(String name) {
        return read(GOLDEN.resolve(name));
    }

    static List<Map<String, String>> input(String name) {
        return read(INPUT.resolve(name));
    }

    static List<Map<String, String>> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.get(column))).toArray();
    }

    static String[] strings(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toArray(String[]::new);
    }

    static boolean[] events(List<Map<String, String>> rows) {
        boolean[] e = new boolean[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Double.parseDouble(rows.get(i).get("status")) == 1;
        }
        return e;
    }

    /** A number as R wrote it: Inf and -Inf included. */
    static double parse(String s) {
        return switch (s) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** R's NA and NaN match Java's null or NaN; numbers match within {@code tol}. */
    static void close(String what, String expected, Double actual, double tol) {
        if (expected.equals("NA") || expected.equals("NaN")) {
            assertThat(actual == null || actual.isNaN()).as(what + ": R says " + expected + ", got " + actual).isTrue();
        } else {
            assertThat(actual).as(what + ": R says " + expected + ", got null").isNotNull();
            assertThat(actual).as(what).isCloseTo(parse(expected), org.assertj.core.api.Assertions.within(tol));
        }
    }
}
