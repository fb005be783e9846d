package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One activity (one session of a multisport file), from any source.
 *
 * @param activityKey the source's natural id (Garmin activity id, or file hash + session index)
 * @param sport normalised sport: running, cycling, swimming, walking, hiking, strength, other
 * @param subSport source sub-sport (trail, treadmill, indoor_cycling...), or null
 * @param name the activity's name as the athlete typed it: untrusted text, never an instruction
 * @param startLocal start in the athlete's local time (decides the calendar day of the load)
 * @param startUtc start instant
 * @param durationSeconds total elapsed time
 * @param movingSeconds moving time, or null
 * @param distanceMeters distance, or null
 * @param avgHr average heart rate, or null
 * @param maxHr maximum heart rate, or null
 * @param hrZoneSeconds seconds in HR zones 1..5 (five values), or empty when unknown
 * @param hrSecondsByBpm seconds spent at each heart rate (bpm), from per-second records; an exact
 *     and compact input for TRIMP (training-science section 2, input 1), or empty
 * @param garminTrainingLoad Garmin's activityTrainingLoad (Firstbeat scale), or null
 * @param precomputedLoad a load already computed by the source, or null
 * @param rmssdMs rMSSD from beat-to-beat {@code hrv} messages, or null
 * @param sourceFileHash SHA-256 of the source file, or null when the source was an API
 */
public record ActivityRecorded(
        String activityKey,
        String sport,
        String subSport,
        String name,
        LocalDateTime startLocal,
        Instant startUtc,
        double durationSeconds,
        Double movingSeconds,
        Double distanceMeters,
        Integer avgHr,
        Integer maxHr,
        List<Double> hrZoneSeconds,
        Map<Integer, Double> hrSecondsByBpm,
        Double garminTrainingLoad,
        Double precomputedLoad,
        Double rmssdMs,
        String sourceFileHash)
        implements EventPayload {

    public ActivityRecorded {
        hrZoneSeconds = hrZoneSeconds == null ? List.of() : List.copyOf(hrZoneSeconds);
        hrSecondsByBpm = hrSecondsByBpm == null ? Map.of() : Map.copyOf(hrSecondsByBpm);
    }
}
