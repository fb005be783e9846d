package io.trainingpipeline.planner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the shape of a plan document given as JSON (an API body, or a document after a patch) and
 * names the first offending field. Field names are the public contract.
 */
public final class PlanValidator {
    /** Longest session accepted, minutes. */
    public static final int MAX_SESSION_MINUTES = 600;

    private PlanValidator() {}

    /**
     * @throws InvalidPlanException naming the field
     */
    public static void check(JsonNode plan) {
        if (plan == null || !plan.isObject()) {
            throw new InvalidPlanException("plan", "must be an object");
        }
        text(plan, "athleteId", "athleteId");
        LocalDate weekStart = date(plan, "weekStart", "weekStart");
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidPlanException("weekStart", "must be a Monday, got " + weekStart);
        }
        JsonNode version = plan.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() < 0) {
            throw new InvalidPlanException("version", "must be a non-negative integer");
        }
        JsonNode sessions = plan.get("sessions");
        if (sessions == null || !sessions.isArray()) {
            throw new InvalidPlanException("sessions", "must be an array");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sessions.size(); i++) {
            String p = "sessions[" + i + "]";
            JsonNode s = sessions.get(i);
            if (!s.isObject()) {
                throw new InvalidPlanException(p, "must be an object");
            }
            if (!ids.add(text(s, "id", p + ".id"))) {
                throw new InvalidPlanException(p + ".id", "duplicate id " + s.get("id").asText());
            }
            date(s, "date", p + ".date");
            text(s, "sport", p + ".sport");
            text(s, "name", p + ".name");
            String intensity = text(s, "intensity", p + ".intensity");
            if (!Session.INTENSITIES.contains(intensity)) {
                throw new InvalidPlanException(
                        p + ".intensity", "must be one of " + Session.INTENSITIES);
            }
            minutes(s, p);
            JsonNode steps = s.get("steps");
            if (steps != null && !steps.isNull()) {
                steps(steps, p + ".steps");
            }
        }
    }

    private static void steps(JsonNode steps, String p) {
        if (!steps.isArray()) {
            throw new InvalidPlanException(p, "must be an array");
        }
        for (int j = 0; j < steps.size(); j++) {
            String sp = p + "[" + j + "]";
            JsonNode step = steps.get(j);
            String type = text(step, "type", sp + ".type");
            if ("repeat".equals(type)) {
                JsonNode n = step.get("repeat");
                if (n == null || !n.canConvertToInt() || n.asInt() < 1) {
                    throw new InvalidPlanException(sp + ".repeat", "must be a positive integer");
                }
                steps(step.path("steps"), sp + ".steps");
            } else {
                minutes(step, sp);
            }
        }
    }

    private static void minutes(JsonNode node, String p) {
        JsonNode d = node.get("durationMinutes");
        if (d == null || !d.isNumber() || d.asDouble() < 0 || d.asDouble() > MAX_SESSION_MINUTES) {
            throw new InvalidPlanException(
                    p + ".durationMinutes", "must be a number in [0, " + MAX_SESSION_MINUTES + "]");
        }
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidPlanException(path, "must be a non-empty string");
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode node, String key, String path) {
        String t = text(node, key, path);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            throw new InvalidPlanException(path, "must be a date YYYY-MM-DD, got '" + t + "'");
        }
    }
}
