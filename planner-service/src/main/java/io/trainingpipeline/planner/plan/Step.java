package io.trainingpipeline.planner.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One step of a session: {@code warmup}, {@code run}, {@code recovery}, {@code cooldown}, or {@code
 * repeat} (then {@code repeat} times the nested {@code steps}; its {@code durationMinutes} is the
 * repeat count times the nested total).
 *
 * @param type step type
 * @param durationMinutes minutes
 * @param target {@code hr_zone_N} or {@code pace_m:ss-m:ss} (per km, faster first), or null
 * @param repeat repeat count for {@code repeat} steps, else null
 * @param steps nested steps for {@code repeat} steps, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Step(
        String type, int durationMinutes, String target, Integer repeat, List<Step> steps) {

    /** A simple (non-repeat) step. */
    public static Step of(String type, int minutes, String target) {
        return new Step(type, minutes, target, null, null);
    }

    /** A repeat group; its duration is derived. */
    public static Step repeat(int count, List<Step> inner) {
        int total = count * inner.stream().mapToInt(Step::durationMinutes).sum();
        return new Step("repeat", total, null, count, List.copyOf(inner));
    }

    /** Whether this is a repeat group. */
    public boolean isRepeat() {
        return "repeat".equals(type);
    }

    /** The same step with another target (nested steps too). */
    public Step withTarget(java.util.function.UnaryOperator<String> change) {
        if (isRepeat()) {
            return repeat(repeat, steps.stream().map(s -> s.withTarget(change)).toList());
        }
        return new Step(type, durationMinutes, change.apply(target), null, null);
    }
}
