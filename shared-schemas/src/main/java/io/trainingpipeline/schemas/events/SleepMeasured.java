package io.trainingpipeline.schemas.events;

import io.trainingpipeline.schemas.EventPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Sleep of one night.
 *
 * @param nightDate calendar date of the morning the night ends
 * @param sleepSeconds total sleep time
 * @param deepSeconds deep sleep, or null
 * @param lightSeconds light sleep, or null
 * @param remSeconds REM sleep, or null
 * @param awakeSeconds awake time in bed, or null
 * @param score Garmin's overall sleep score, or null
 * @param sleepStartUtc start of sleep, or null
 * @param sleepEndUtc end of sleep, or null
 */
public record SleepMeasured(
        LocalDate nightDate,
        double sleepSeconds,
        Double deepSeconds,
        Double lightSeconds,
        Double remSeconds,
        Double awakeSeconds,
        Integer score,
        Instant sleepStartUtc,
        Instant sleepEndUtc)
        implements EventPayload {}
