package io.trainingpipeline.planner.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.List;

/**
 * One planned session (public contract: field names are kept).
 *
 * @param id stable id, {@code <date>-<kind>}, e.g. {@code 2026-11-30-run}
 * @param date the day
 * @param sport e.g. running
 * @param name shown to the athlete
 * @param intensity {@code rest}, {@code easy}, {@code moderate} or {@code hard}
 * @param durationMinutes planned minutes (the sum of the steps)
 * @param steps the structure
 */
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Session(
        String id,
        LocalDate date,
        String sport,
        String name,
        String intensity,
        int durationMinutes,
        List<Step> steps) {

    public static final String REST = "rest";
    public static final String EASY = "easy";
    public static final String MODERATE = "moderate";
    public static final String HARD = "hard";

    /** Allowed intensity values. */
    public static final List<String> INTENSITIES = List.of(REST, EASY, MODERATE, HARD);

    public Session {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Whether this is a hard session (rule 3). */
    public boolean isHard() {
        return HARD.equals(intensity);
    }

    /** Whether this session is below the first threshold (rule 4): easy or rest. */
    public boolean isEasy() {
        return EASY.equals(intensity) || REST.equals(intensity);
    }

    /** Whether this is a running session with time in it. */
    public boolean isRun() {
        return "running".equals(sport) && !REST.equals(intensity) && durationMinutes > 0;
    }

    /** Whether this is the goal race (its id ends in {@code -race}). */
    public boolean isRace() {
        return id != null && id.endsWith("-race");
    }

    /** Same session, other duration; steps are adjusted so they still add up. */
    public Session withDuration(int minutes) {
        return new Session(id, date, sport, name, intensity, minutes, Steps.fit(steps, minutes));
    }

    /** Same session with other intensity, name and steps. */
    public Session with(String newIntensity, String newName, List<Step> newSteps) {
        return new Session(id, date, sport, newName, newIntensity, durationMinutes, newSteps);
    }
}
