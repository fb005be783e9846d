package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * A week was written to Garmin Connect and read back.
 *
 * @param weekStart the week
 * @param planVersion the plan version pushed
 * @param contentHash hash of the pushed content (provenance marker)
 * @param workoutIds Garmin workout ids now on the calendar for the week
 * @param writeCalls write calls made (0 when the week was already there unchanged)
 */
public record PlanPushed(
        LocalDate weekStart,
        int planVersion,
        String contentHash,
        List<String> workoutIds,
        int writeCalls)
        implements EventPayload {

    public PlanPushed {
        workoutIds = workoutIds == null ? List.of() : List.copyOf(workoutIds);
    }
}
