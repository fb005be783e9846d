package io.trainingpipeline.ingest.fit;

import java.util.List;

/**
 * What a FIT file turned out to be.
 *
 * @param fileType the FIT file type (activity, monitoring_a, workout, settings, ...)
 * @param sessions sessions, for activity files
 * @param skipReason why the file holds no activity (monitoring, workout, settings...), or null
 * @param sha256 hex SHA-256 of the file bytes
 */
public record FitContent(
        String fileType, List<FitSession> sessions, String skipReason, String sha256) {

    /** True when the file is an activity with at least one session. */
    public boolean isActivity() {
        return skipReason == null;
    }
}
