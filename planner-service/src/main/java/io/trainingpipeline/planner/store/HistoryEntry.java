package io.trainingpipeline.planner.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trainingpipeline.schemas.events.DecisionReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of an athlete's plan history: a version that was made, or a decision that kept one.
 *
 * @param weekStart the week
 * @param version the version in force after this entry
 * @param at when
 * @param cause generated, goals-changed, regenerated, adaptation, approved, pushed, push-failed
 * @param decision APPLIED / CLAMPED / FORWARDED_UNTOUCHED for adaptations, else null
 * @param reasons rule id + sentence + flag
 * @param flagsEventId the flags event that opened the adaptation
 * @param proposalEventId the proposal decided on (idempotency key), or null
 * @param basePlanVersion the version before the entry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        LocalDate weekStart,
        int version,
        Instant at,
        String cause,
        String decision,
        List<DecisionReason> reasons,
        String flagsEventId,
        String proposalEventId,
        int basePlanVersion) {

    public HistoryEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
