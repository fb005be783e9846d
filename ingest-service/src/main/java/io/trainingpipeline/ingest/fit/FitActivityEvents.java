package io.trainingpipeline.ingest.fit;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.util.List;

/**
 * Turns decoded FIT sessions into activity events. The natural key is the file's SHA-256 plus the
 * session index, so importing the same file again (upload, folder, re-run) yields the same event
 * ids.
 */
public final class FitActivityEvents {
    private FitActivityEvents() {}

    /** One event per session of an activity file; empty for skipped files. */
    public static List<EventEnvelope<ActivityRecorded>> toEvents(
            String athleteId, String fileName, FitContent content) {
        return content.sessions().stream()
                .map(s -> toEvent(athleteId, fileName, content.sha256(), s))
                .toList();
    }

    private static EventEnvelope<ActivityRecorded> toEvent(
            String athleteId, String fileName, String sha256, FitSession s) {
        String activityKey = sha256 + "#" + s.index();
        ActivityRecorded payload =
                new ActivityRecorded(
                        activityKey,
                        s.sport(),
                        s.subSport(),
                        fileName,
                        s.startLocal(),
                        s.startUtc(),
                        s.elapsedSeconds(),
                        s.timerSeconds(),
                        s.distanceMeters(),
                        s.avgHr(),
                        s.maxHr(),
                        s.hrZoneSeconds(),
                        s.hrSecondsByBpm(),
                        null,
                        null,
                        s.rmssdMs(),
                        sha256);
        return EventEnvelope.wrap(
                EventIds.of(
                        EventType.ACTIVITY_RECORDED, EventSources.FIT_FILE, athleteId, activityKey),
                s.startUtc(),
                athleteId,
                EventSources.FIT_FILE,
                null,
                payload);
    }
}
