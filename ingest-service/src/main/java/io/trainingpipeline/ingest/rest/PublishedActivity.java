package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** The JSON view of one published activity event, flat, as returned by the upload endpoint. */
public record PublishedActivity(
        String eventId,
        String athleteId,
        String source,
        String activityKey,
        String sport,
        String subSport,
        Instant startUtc,
        LocalDateTime startLocal,
        double durationSeconds,
        Double movingSeconds,
        Double distanceMeters,
        Integer avgHr,
        Integer maxHr,
        List<Double> hrZoneSeconds,
        Double rmssdMs) {

    static PublishedActivity of(EventEnvelope<ActivityRecorded> e) {
        ActivityRecorded a = e.payload();
        return new PublishedActivity(
                e.eventId(),
                e.athleteId(),
                e.source(),
                a.activityKey(),
                a.sport(),
                a.subSport(),
                a.startUtc(),
                a.startLocal(),
                a.durationSeconds(),
                a.movingSeconds(),
                a.distanceMeters(),
                a.avgHr(),
                a.maxHr(),
                a.hrZoneSeconds(),
                a.rmssdMs());
    }
}
