package se.stegvis.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Splits observations by a group label, labels in sorted order (as R's factor levels in the C locale). */
final class Groups {
    private Groups() {}

    /** Each label to the indices of its members, in input order. */
    static Map<String, int[]> indices(String[] group) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String g : group) {
            if (g == null) {
                throw new IllegalArgumentException("group label missing");
            }
            counts.merge(g, 1, Integer::sum);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        counts.forEach((g, c) -> out.put(g, new int[c]));
        Map<String, Integer> filled = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            int pos = filled.merge(group[i], 1, Integer::sum) - 1;
            out.get(group[i])[pos] = i;
        }
        return out;
    }
}
