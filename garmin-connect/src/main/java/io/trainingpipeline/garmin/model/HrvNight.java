package io.trainingpipeline.garmin.model;

import java.time.LocalDate;

/** {@code hrvSummary} of one night; baseline fields null when Garmin has none yet. */
public record HrvNight(
        LocalDate date,
        Double lastNightAvg,
        Double weeklyAvg,
        Double lastNight5MinHigh,
        String status,
        Double baselineLowUpper,
        Double baselineBalancedLow,
        Double baselineBalancedUpper,
        Double baselineMarkerValue) {}
