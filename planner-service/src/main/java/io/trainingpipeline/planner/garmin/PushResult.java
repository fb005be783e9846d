package io.trainingpipeline.planner.garmin;

import java.util.List;

/**
 * Outcome of a push, as returned by the push and approve endpoints.
 *
 * @param ok whether the week is on the calendar as planned
 * @param status HTTP status to answer with (200, 404, 409, 502)
 * @param message a sentence
 * @param version plan version
 * @param contentHash provenance hash of the pushed content
 * @param workoutIds Garmin workout ids now on the calendar for the week
 * @param writeCalls write calls made (0 = unchanged week, or dry-run mode)
 * @param rolledBack whether a failed push was rolled back
 */
public record PushResult(
        boolean ok,
        int status,
        String message,
        int version,
        String contentHash,
        List<Long> workoutIds,
        int writeCalls,
        boolean rolledBack) {

    static PushResult refused(int status, String message) {
        return new PushResult(false, status, message, 0, null, List.of(), 0, false);
    }
}
