package se.stegvis.stats;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Splits observations by a group label, labels in sorted order (as R's factor levels in the C locale). */
final class Groups {
    private Groups() {}

    /** Each label to the indices of its members, in input order. */
    static Map<String, int[]> indices(String[] group) {
        // one hash look-up per run of equal labels (inputs are mostly sorted by group), no boxing
        Map<String, int[]> counts = new HashMap<>();
        String last = null;
        int[] count = null;
        for (String g : group) {
            if (g == null) {
                throw new IllegalArgumentException("group label missing");
            }
            if (!g.equals(last)) {
                count = counts.computeIfAbsent(g, k -> new int[2]);
                last = g;
            }
            count[0]++;
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        new TreeMap<>(counts).forEach((g, c) -> out.put(g, new int[c[0]]));
        last = null;
        int[] members = null;
        for (int i = 0; i < group.length; i++) {
            if (!group[i].equals(last)) {
                last = group[i];
                members = out.get(last);
                count = counts.get(last);
            }
            members[count[1]++] = i;
        }
        return out;
    }
}
