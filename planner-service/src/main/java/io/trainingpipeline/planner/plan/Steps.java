package io.trainingpipeline.planner.plan;

import java.util.ArrayList;
import java.util.List;

/** Arithmetic on step lists. */
public final class Steps {
    private Steps() {}

    /** Total minutes of a step list (repeat groups count their derived total). */
    public static int total(List<Step> steps) {
        return steps.stream().mapToInt(Step::durationMinutes).sum();
    }

    /**
     * Adjusts {@code steps} so they add up to {@code minutes}: the longest simple step absorbs the
     * difference (so the structure - warm-up, intervals, cool-down - is kept); when that is not
     * enough, the session becomes one easy-paced run step of the given length, keeping the longest
     * step's target.
     */
    public static List<Step> fit(List<Step> steps, int minutes) {
        int diff = minutes - total(steps);
        if (diff == 0) {
            return steps;
        }
        int longest = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (!s.isRepeat()
                    && (longest < 0
                            || s.durationMinutes() > steps.get(longest).durationMinutes())) {
                longest = i;
            }
        }
        if (minutes <= 0) {
            return List.of();
        }
        if (longest >= 0 && steps.get(longest).durationMinutes() + diff >= 1) {
            List<Step> out = new ArrayList<>(steps);
            Step s = steps.get(longest);
            out.set(longest, Step.of(s.type(), s.durationMinutes() + diff, s.target()));
            return List.copyOf(out);
        }
        String target = longest >= 0 ? steps.get(longest).target() : "hr_zone_2";
        return List.of(Step.of("run", minutes, target));
    }
}
