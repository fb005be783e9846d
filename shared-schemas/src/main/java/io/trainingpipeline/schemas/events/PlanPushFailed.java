package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;

/**
 * A push to Garmin Connect failed.
 *
 * @param weekStart the week
 * @param planVersion the plan version that failed to go out
 * @param reason a human sentence, no secrets
 * @param rolledBack whether the calendar was restored to its previous state
 */
public record PlanPushFailed(
        LocalDate weekStart, int planVersion, String reason, boolean rolledBack)
        implements EventPayload {}
