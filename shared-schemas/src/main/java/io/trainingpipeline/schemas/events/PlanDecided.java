package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * The planner's decision for one week.
 *
 * @param flagsEventId the flags event that opened the adaptation
 * @param proposalEventId the proposal decided on, or null when none arrived in time
 * @param weekStart the week
 * @param decision the outcome
 * @param reasons rule id + sentence + flag for each change or rejection
 * @param basePlanVersion plan version before the decision
 * @param resultingPlanVersion plan version that goes forward (equal to base when untouched)
 */
public record PlanDecided(
        String flagsEventId,
        String proposalEventId,
        LocalDate weekStart,
        Decision decision,
        List<DecisionReason> reasons,
        int basePlanVersion,
        int resultingPlanVersion)
        implements EventPayload {

    public PlanDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Outcomes of an adaptation. */
    public enum Decision {
        APPLIED,
        CLAMPED,
        FORWARDED_UNTOUCHED
    }
}
