package io.trainingpipeline.garmin.model;

import java.time.Instant;
import java.time.LocalDate;

/** {@code dailySleepDTO} of one night (seconds; score = {@code sleepScores.overall.value}). */
public record SleepNight(
        LocalDate date,
        double sleepSeconds,
        Double deepSeconds,
        Double lightSeconds,
        Double remSeconds,
        Double awakeSeconds,
        Integer score,
        Instant startUtc,
        Instant endUtc) {}
