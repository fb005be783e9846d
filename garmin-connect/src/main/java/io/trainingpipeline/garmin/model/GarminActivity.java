package io.trainingpipeline.garmin.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One activity summary from the activity search.
 *
 * @param activityId Garmin's id (the natural key)
 * @param name the athlete's title: untrusted text
 * @param typeKey {@code activityType.typeKey} (running, trail_running, cycling, ...)
 * @param startLocal {@code startTimeLocal}
 * @param startUtc {@code startTimeGMT}
 * @param durationSeconds {@code duration}
 * @param movingSeconds {@code movingDuration}, or null
 * @param distanceMeters {@code distance}, or null
 * @param avgHr {@code averageHR}, or null
 * @param maxHr {@code maxHR}, or null
 * @param trainingLoad {@code activityTrainingLoad} (Firstbeat), or null
 * @param aerobicTrainingEffect {@code aerobicTrainingEffect}, or null
 * @param hrZoneSeconds {@code hrTimeInZone_1..5}, empty when absent
 */
public record GarminActivity(
        long activityId,
        String name,
        String typeKey,
        LocalDateTime startLocal,
        Instant startUtc,
        double durationSeconds,
        Double movingSeconds,
        Double distanceMeters,
        Integer avgHr,
        Integer maxHr,
        Double trainingLoad,
        Double aerobicTrainingEffect,
        List<Double> hrZoneSeconds) {}
