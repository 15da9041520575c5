package se.stegvis.dictionary;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned step ladder: the scale a step assessment is recorded on.
 *
 * @param id         identifier used in step_assessments.ladder
 * @param version    version of the definition
 * @param titleSv    Swedish title
 * @param titleEn    English title
 * @param definition what the ladder measures and what counts as a step up
 * @param stepUp     {@code "higher"} when a higher step number is a step up
 * @param steps      the steps, lowest first
 * @param crosswalk  mapping onto another ladder, or null for the default ladder
 */
public record Ladder(String id, String version, String titleSv, String titleEn, String definition,
                     String stepUp, List<Step> steps, Crosswalk crosswalk) {
    public Ladder {
        steps = List.copyOf(steps);
    }

    /** One step with its labels. */
    public record Step(int step, String sv, String en, String definition) {
    }

    /** Maps each step of this ladder to a step of ladder {@code to}. */
    public record Crosswalk(String to, Map<Integer, Integer> map) {
        public Crosswalk {
            map = Map.copyOf(map);
        }
    }

    public int lowestStep() {
        return steps.get(0).step();
    }

    public int highestStep() {
        return steps.get(steps.size() - 1).step();
    }

    public Optional<Step> step(int step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /** True when moving from step {@code from} to step {@code to} is a step up on this ladder. */
    public boolean isStepUp(int from, int to) {
        return "lower".equals(stepUp) ? to < from : to > from;
    }
}
