package io.trainingpipeline.schemas.events;

import java.time.LocalDate;
import java.util.Map;

/**
 * One raised flag with the evidence that raised it (training-science section 5); the evidence is
 * what makes every later plan change explainable.
 *
 * @param name flag name: ramp_too_fast, acute_chronic_high, form_too_low, hrv_suppressed, hrv_drop,
 *     sleep_short
 * @param date the day the condition held
 * @param values the metric values that triggered it, by metric name
 * @param threshold the configured threshold it crossed
 * @param severity how far past the threshold
 */
public record Flag(
        String name,
        LocalDate date,
        Map<String, Double> values,
        double threshold,
        Severity severity) {

    public Flag {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** How far past its threshold a flag is. */
    public enum Severity {
        LOW,
        MEDIUM,
        HIGH
    }
}
