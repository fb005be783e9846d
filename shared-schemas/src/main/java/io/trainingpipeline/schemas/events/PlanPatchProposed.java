package io.trainingpipeline.schemas.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposed change to one week's plan, as an RFC 6902 JSON Patch against the plan document.
 *
 * @param flagsEventId the flags event this answers
 * @param weekStart the target week (Monday)
 * @param basePlanVersion the plan version the patch was made against
 * @param patch RFC 6902 operations (a JSON array)
 * @param rationale one entry per operation
 * @param model model name, or "rule-coach"
 * @param latencyMillis time spent producing the proposal
 * @param inputTokens prompt tokens used, 0 for the rule-based coach
 * @param outputTokens completion tokens used
 */
public record PlanPatchProposed(
        String flagsEventId,
        LocalDate weekStart,
        int basePlanVersion,
        JsonNode patch,
        List<OperationRationale> rationale,
        String model,
        long latencyMillis,
        int inputTokens,
        int outputTokens)
        implements EventPayload {

    public PlanPatchProposed {
        rationale = rationale == null ? List.of() : List.copyOf(rationale);
    }
}
