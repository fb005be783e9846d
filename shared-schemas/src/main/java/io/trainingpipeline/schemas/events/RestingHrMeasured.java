package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.LocalDate;

/**
 * Resting heart rate of one day.
 *
 * @param date calendar date
 * @param restingHr beats per minute
 */
public record RestingHrMeasured(LocalDate date, int restingHr) implements EventPayload {}
