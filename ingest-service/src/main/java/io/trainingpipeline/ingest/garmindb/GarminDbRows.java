package io.trainingpipeline.ingest.garmindb;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Rows read from GarminDB, already in our units (seconds, metres); nullable where optional. */
public final class GarminDbRows {
    private GarminDbRows() {}

    /** One row of {@code garmin_activities.db/activities}. */
    public record Activity(
            String activityId,
            String name,
            String sport,
            String subSport,
            LocalDateTime startLocal,
            double elapsedSeconds,
            Double movingSeconds,
            Double distanceMetres,
            Integer avgHr,
            Integer maxHr,
            Double trainingLoad,
            List<Double> hrZoneSeconds) {}

    /** One row of {@code garmin.db/hrv}. */
    public record Hrv(
            LocalDate day,
            Double lastNightAvg,
            Double weeklyAvg,
            Double lastNight5MinHigh,
            Double baselineLow,
            Double baselineUpper,
            String status) {}

    /** One row of {@code garmin.db/sleep} (local start and end). */
    public record Sleep(
            LocalDate day,
            LocalDateTime start,
            LocalDateTime end,
            double totalSeconds,
            Double deepSeconds,
            Double lightSeconds,
            Double remSeconds,
            Double awakeSeconds,
            Integer score) {}

    /** One row of {@code garmin.db/resting_hr}. */
    public record RestingHr(LocalDate day, int bpm) {}
}
