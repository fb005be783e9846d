package io.trainingpipeline.garmin.model;

import java.time.LocalDate;

/** Garmin's resting heart rate of one day. */
public record RestingHrDay(LocalDate date, int bpm) {}
