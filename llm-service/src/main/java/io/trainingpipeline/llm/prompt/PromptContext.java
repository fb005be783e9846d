package io.trainingpipeline.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.schemas.events.Flag;
import java.time.LocalDate;
import java.util.List;

/**
 * What the model is told about one athlete's week. Absent parts are {@code null} (the prompt then
 * says they are unavailable).
 *
 * @param athleteId the athlete
 * @param weekStart Monday of the target week
 * @param flags the raised flags with their values and thresholds
 * @param plan the plan document of the target week (trusted: the planner made it)
 * @param metrics the last weeks of daily metrics from analytics (untrusted shape, quoted as data)
 * @param activities recent activities; names and notes come from Garmin and are untrusted
 * @param goal the athlete's goal (race date and distance, weekdays, blocked dates)
 */
public record PromptContext(
        String athleteId,
        LocalDate weekStart,
        List<Flag> flags,
        JsonNode plan,
        JsonNode metrics,
        JsonNode activities,
        JsonNode goal) {}
