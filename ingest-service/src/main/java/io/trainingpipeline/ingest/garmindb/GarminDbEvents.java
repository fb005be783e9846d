package io.trainingpipeline.ingest.garmindb;

import io.trainingpipeline.ingest.sync.Sports;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.time.Instant;
import java.time.ZoneId;

/**
 * GarminDB rows to events (source {@code garmindb}); ids from GarminDB's keys (activity id, day),
 * so importing the same database again yields the same ids. GarminDB stores local times: the
 * athlete's time zone turns them into instants.
 */
public final class GarminDbEvents {
    private static final String SRC = EventSources.GARMINDB;

    private GarminDbEvents() {}

    public static EventEnvelope<ActivityRecorded> activity(
            String athleteId, GarminDbRows.Activity a, ZoneId zone) {
        Instant start = a.startLocal().atZone(zone).toInstant();
        String typeKey = a.subSport() != null && !a.subSport().isBlank() ? a.subSport() : a.sport();
        String sport = Sports.sport(a.sport());
        return EventEnvelope.wrap(
                EventIds.of(EventType.ACTIVITY_RECORDED, SRC, athleteId, a.activityId()),
                start,
                athleteId,
                SRC,
                null,
                new ActivityRecorded(
                        a.activityId(),
                        sport.equals("other") ? Sports.sport(typeKey) : sport,
                        a.subSport() == null || a.subSport().isBlank() ? null : a.subSport(),
                        a.name(),
                        a.startLocal(),
                        start,
                        a.elapsedSeconds(),
                        a.movingSeconds(),
                        a.distanceMetres(),
                        a.avgHr(),
                        a.maxHr(),
                        a.hrZoneSeconds(),
                        null,
                        a.trainingLoad(),
                        null,
                        null,
                        null));
    }

    public static EventEnvelope<HrvMeasured> hrv(
            String athleteId, GarminDbRows.Hrv h, ZoneId zone) {
        HrvMeasured.Baseline baseline =
                h.baselineLow() == null && h.baselineUpper() == null
                        ? null
                        : new HrvMeasured.Baseline(null, h.baselineLow(), h.baselineUpper(), null);
        return EventEnvelope.wrap(
                EventIds.of(EventType.HRV_MEASURED, SRC, athleteId, h.day()),
                h.day().atStartOfDay(zone).toInstant(),
                athleteId,
                SRC,
                null,
                new HrvMeasured(
                        h.day(),
                        h.lastNightAvg(),
                        h.weeklyAvg(),
                        h.lastNight5MinHigh(),
                        h.status(),
                        baseline));
    }

    public static EventEnvelope<SleepMeasured> sleep(
            String athleteId, GarminDbRows.Sleep s, ZoneId zone) {
        Instant start = s.start() == null ? null : s.start().atZone(zone).toInstant();
        Instant end = s.end() == null ? null : s.end().atZone(zone).toInstant();
        return EventEnvelope.wrap(
                EventIds.of(EventType.SLEEP_MEASURED, SRC, athleteId, s.day()),
                end != null ? end : s.day().atStartOfDay(zone).toInstant(),
                athleteId,
                SRC,
                null,
                new SleepMeasured(
                        s.day(),
                        s.totalSeconds(),
                        s.deepSeconds(),
                        s.lightSeconds(),
                        s.remSeconds(),
                        s.awakeSeconds(),
                        s.score(),
                        start,
                        end));
    }

    public static EventEnvelope<RestingHrMeasured> restingHr(
            String athleteId, GarminDbRows.RestingHr r, ZoneId zone) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.RESTING_HR_MEASURED, SRC, athleteId, r.day()),
                r.day().atStartOfDay(zone).toInstant(),
                athleteId,
                SRC,
                null,
                new RestingHrMeasured(r.day(), r.bpm()));
    }
}
