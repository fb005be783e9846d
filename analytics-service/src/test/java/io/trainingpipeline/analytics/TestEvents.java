package io.trainingpipeline.analytics;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Synthetic events for the broker-backed tests. */
public final class TestEvents {
    private TestEvents() {}

    /** One hour at {@code bpm} on {@code day} (07:00 local). */
    public static EventEnvelope<ActivityRecorded> run(String athlete, LocalDate day, int bpm) {
        var startLocal = day.atTime(7, 0);
        var startUtc = startLocal.toInstant(ZoneOffset.UTC);
        String key = "run-" + day;
        ActivityRecorded payload =
                new ActivityRecorded(
                        key,
                        "running",
                        null,
                        "Run",
                        startLocal,
                        startUtc,
                        3600,
                        3500.0,
                        10000.0,
                        bpm,
                        bpm + 10,
                        List.of(),
                        Map.of(bpm, 3600.0),
                        50.0,
                        null,
                        null,
                        null);
        return EventEnvelope.wrap(
                EventIds.of(EventType.ACTIVITY_RECORDED, EventSources.SYNTHETIC, athlete, key),
                startUtc,
                athlete,
                EventSources.SYNTHETIC,
                null,
                payload);
    }

    /** An HRV night. */
    public static EventEnvelope<HrvMeasured> hrv(String athlete, LocalDate night, double rmssd) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.HRV_MEASURED, EventSources.SYNTHETIC, athlete, night),
                night.atStartOfDay().toInstant(ZoneOffset.UTC),
                athlete,
                EventSources.SYNTHETIC,
                null,
                new HrvMeasured(night, rmssd, null, null, "BALANCED", null));
    }

    /** A sleep night. */
    public static EventEnvelope<SleepMeasured> sleep(
            String athlete, LocalDate night, double hours) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.SLEEP_MEASURED, EventSources.SYNTHETIC, athlete, night),
                night.atStartOfDay().toInstant(ZoneOffset.UTC),
                athlete,
                EventSources.SYNTHETIC,
                null,
                new SleepMeasured(night, hours * 3600, null, null, null, null, 70, null, null));
    }
}
