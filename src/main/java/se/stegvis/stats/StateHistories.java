package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dated state assessments per person ({@code id, time, state}), read as a multi-state history: a
 * person is in the assessed state from its time until the next assessment, a change of state is a
 * transition at the new assessment's time, and follow-up ends (censored) at the last assessment.
 */
public final class StateHistories {
    /** One stretch of time in one state: entered at {@code entry}, left at {@code exit} to {@code to} (null = censored). */
    record Segment(String id, String from, String to, double entry, double exit) {}

    private final List<String> states;
    private final List<String[]> consecutive; // (from, to) of consecutive assessments, staying included
    private final List<Segment> segments;

    private StateHistories(List<String> states, List<String[]> consecutive, List<Segment> segments) {
        this.states = List.copyOf(states);
        this.consecutive = consecutive;
        this.segments = List.copyOf(segments);
    }

    /**
     * Builds histories; states in sorted label order.
     *
     * @param id person (or episode) identifier per assessment
     * @param time assessment time (e.g. days since entry)
     * @param state assessed state
     */
    public static StateHistories of(String[] id, double[] time, String[] state) {
        if (Arrays.asList(state).contains(null)) {
            throw new IllegalArgumentException("state missing");
        }
        return of(new ArrayList<>(new TreeSet<>(Arrays.asList(state))), id, time, state);
    }

    /** Builds histories with the states in the given order (e.g. a ladder's steps). */
    public static StateHistories of(List<String> states, String[] id, double[] time, String[] state) {
        Checks.sameLength("id and time", id.length, time.length);
        Checks.sameLength("id and state", id.length, state.length);
        if (id.length == 0) {
            throw new IllegalArgumentException("no observations: no assessments given");
        }
        for (double t : time) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("times must be finite, got " + t);
            }
        }
        for (String s : state) {
            if (!states.contains(s)) {
                throw new IllegalArgumentException("state '" + s + "' is not among " + states);
            }
        }
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < id.length; i++) {
            byId.computeIfAbsent(id[i], k -> new ArrayList<>()).add(i);
        }
        List<String[]> pairs = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        byId.forEach((person, rows) -> {
            rows.sort((a, b) -> Double.compare(time[a], time[b]));
            int start = rows.get(0);
            for (int r = 1; r < rows.size(); r++) {
                int prev = rows.get(r - 1);
                int cur = rows.get(r);
                if (time[cur] == time[prev]) {
                    throw new IllegalArgumentException("id " + person + " has two assessments at time " + time[cur]);
                }
                pairs.add(new String[] {state[prev], state[cur]});
                if (!state[cur].equals(state[start])) {
                    segments.add(new Segment(person, state[start], state[cur], time[start], time[cur]));
                    start = cur;
                }
            }
            int last = rows.get(rows.size() - 1);
            if (time[last] > time[start]) {
                segments.add(new Segment(person, state[start], null, time[start], time[last]));
            }
        });
        return new StateHistories(states, pairs, segments);
    }

    /** The states, in the order rows and columns use. */
    public List<String> states() {
        return states;
    }

    /** The empirical transition matrix of consecutive assessments (staying in a state included). */
    public TransitionMatrix consecutiveTransitions() {
        if (consecutive.isEmpty()) {
            throw new IllegalArgumentException("no one has two assessments: no transitions to count");
        }
        return TransitionMatrix.fromPairs(states,
                consecutive.stream().map(p -> p[0]).toArray(String[]::new),
                consecutive.stream().map(p -> p[1]).toArray(String[]::new));
    }

    List<Segment> segments() {
        return segments;
    }
}
