package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;

/**
 * The LLM service could not produce a valid proposal; the planner forwards the untouched plan.
 *
 * @param flagsEventId the flags event this answers
 * @param weekStart the target week
 * @param basePlanVersion the plan version it was asked about
 * @param reason why
 * @param detail a human sentence, no secrets
 * @param rawOutput the model's raw output, size-capped, for debugging, or null
 * @param model model name
 * @param latencyMillis time spent before giving up
 */
public record ProposalFailed(
        String flagsEventId,
        LocalDate weekStart,
        int basePlanVersion,
        Reason reason,
        String detail,
        String rawOutput,
        String model,
        long latencyMillis)
        implements EventPayload {

    /** Failure classes. */
    public enum Reason {
        TIMEOUT,
        INVALID_OUTPUT,
        PROVIDER_ERROR,
        OVER_BUDGET
    }
}
