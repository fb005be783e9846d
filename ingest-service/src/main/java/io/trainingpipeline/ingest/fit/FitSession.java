package io.trainingpipeline.ingest.fit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One session decoded from a FIT activity file (a multisport file has several).
 *
 * @param index session index within the file
 * @param sport normalised sport name
 * @param subSport FIT sub-sport name in lower case, or null
 * @param startUtc session start
 * @param startLocal session start in the device's local time
 * @param elapsedSeconds total elapsed time
 * @param timerSeconds total timer (moving) time, or null
 * @param distanceMeters total distance, or null
 * @param avgHr average heart rate, or null
 * @param maxHr maximum heart rate, or null
 * @param hrSecondsByBpm seconds at each heart rate from per-second records
 * @param hrZoneSeconds seconds in zones 1..5 from the records, empty without records
 * @param rmssdMs rMSSD from beat-to-beat intervals during the session, or null
 */
public record FitSession(
        int index,
        String sport,
        String subSport,
        Instant startUtc,
        LocalDateTime startLocal,
        double elapsedSeconds,
        Double timerSeconds,
        Double distanceMeters,
        Integer avgHr,
        Integer maxHr,
        Map<Integer, Double> hrSecondsByBpm,
        List<Double> hrZoneSeconds,
        Double rmssdMs) {}
