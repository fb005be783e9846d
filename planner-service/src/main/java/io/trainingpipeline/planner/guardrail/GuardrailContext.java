package io.trainingpipeline.planner.guardrail;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * What the guardrails know besides the two weeks.
 *
 * @param today the athlete's local date (nothing may move into the past)
 * @param allowed whether a date may hold a session (available weekday, not blocked; rule 7)
 * @param lastWeekActualMinutes last week's actual running minutes, if known (rule 1)
 * @param flags names of the raised flags (rule 2 looks for hrv_suppressed and hrv_drop)
 * @param ctl CTL before the week, if known (projected-load gate)
 * @param atl ATL before the week, if known
 */
public record GuardrailContext(
        LocalDate today,
        Predicate<LocalDate> allowed,
        OptionalDouble lastWeekActualMinutes,
        List<String> flags,
        OptionalDouble ctl,
        OptionalDouble atl) {

    public GuardrailContext {
        flags = List.copyOf(flags);
    }

    /** Whether an HRV flag is raised (rule 2). */
    public String hrvFlag() {
        return flags.stream()
                .filter(f -> f.equals("hrv_suppressed") || f.equals("hrv_drop"))
                .findFirst()
                .orElse(null);
    }

    /** The first flag, to attribute changes that answer the evaluation as a whole. */
    public String firstFlag() {
        return flags.isEmpty() ? null : flags.get(0);
    }
}
