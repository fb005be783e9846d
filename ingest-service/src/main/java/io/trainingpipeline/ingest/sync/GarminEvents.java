package io.trainingpipeline.ingest.sync;

import io.trainingpipeline.garmin.model.GarminActivity;
import io.trainingpipeline.garmin.model.HrvNight;
import io.trainingpipeline.garmin.model.RestingHrDay;
import io.trainingpipeline.garmin.model.SleepNight;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Garmin Connect records to events. Ids come from the natural keys (activity id, night date), so a
 * re-sync publishes identical ids that consumers drop as already processed.
 */
public final class GarminEvents {
    private static final String SRC = EventSources.GARMIN_CONNECT;

    private GarminEvents() {}

    /** The event of one activity summary. */
    public static EventEnvelope<ActivityRecorded> activity(String athleteId, GarminActivity a) {
        String key = String.valueOf(a.activityId());
        ActivityRecorded payload =
                new ActivityRecorded(
                        key,
                        Sports.sport(a.typeKey()),
                        Sports.subSport(a.typeKey()),
                        a.name(),
                        a.startLocal(),
                        a.startUtc(),
                        a.durationSeconds(),
                        a.movingSeconds(),
                        a.distanceMeters(),
                        a.avgHr(),
                        a.maxHr(),
                        a.hrZoneSeconds(),
                        null,
                        a.trainingLoad(),
                        null,
                        null,
                        null);
        return EventEnvelope.wrap(
                EventIds.of(EventType.ACTIVITY_RECORDED, SRC, athleteId, key),
                a.startUtc(),
                athleteId,
                SRC,
                null,
                payload);
    }

    /** The event of one HRV night. */
    public static EventEnvelope<HrvMeasured> hrv(String athleteId, HrvNight n, ZoneId zone) {
        HrvMeasured.Baseline baseline =
                n.baselineBalancedLow() == null && n.baselineBalancedUpper() == null
                        ? null
                        : new HrvMeasured.Baseline(
                                n.baselineLowUpper(),
                                n.baselineBalancedLow(),
                                n.baselineBalancedUpper(),
                                n.baselineMarkerValue());
        return EventEnvelope.wrap(
                EventIds.of(EventType.HRV_MEASURED, SRC, athleteId, n.date()),
                startOf(n.date(), zone),
                athleteId,
                SRC,
                null,
                new HrvMeasured(
                        n.date(),
                        n.lastNightAvg(),
                        n.weeklyAvg(),
                        n.lastNight5MinHigh(),
                        n.status(),
                        baseline));
    }

    /** The event of one night's sleep. */
    public static EventEnvelope<SleepMeasured> sleep(String athleteId, SleepNight s, ZoneId zone) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.SLEEP_MEASURED, SRC, athleteId, s.date()),
                s.endUtc() != null ? s.endUtc() : startOf(s.date(), zone),
                athleteId,
                SRC,
                null,
                new SleepMeasured(
                        s.date(),
                        s.sleepSeconds(),
                        s.deepSeconds(),
                        s.lightSeconds(),
                        s.remSeconds(),
                        s.awakeSeconds(),
                        s.score(),
                        s.startUtc(),
                        s.endUtc()));
    }

    /** The event of one day's resting heart rate. */
    public static EventEnvelope<RestingHrMeasured> restingHr(
            String athleteId, RestingHrDay d, ZoneId zone) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.RESTING_HR_MEASURED, SRC, athleteId, d.date()),
                startOf(d.date(), zone),
                athleteId,
                SRC,
                null,
                new RestingHrMeasured(d.date(), d.bpm()));
    }

    private static java.time.Instant startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
