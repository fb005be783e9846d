package io.trainingpipeline.planner.plan;

import java.time.LocalDate;
import java.util.List;

/** Builds the session kinds the generator uses; intensity always agrees with the step targets. */
public final class SessionFactory {
    private SessionFactory() {}

    /** An easy run in heart-rate zone 2. */
    public static Session easy(LocalDate date, int minutes) {
        return new Session(
                date + "-run",
                date,
                "running",
                "Easy " + minutes,
                Session.EASY,
                minutes,
                List.of(Step.of("run", minutes, "hr_zone_2")));
    }

    /** The week's long run, easy (zone 2). */
    public static Session longRun(LocalDate date, int minutes) {
        return new Session(
                date + "-run",
                date,
                "running",
                "Long run " + minutes,
                Session.EASY,
                minutes,
                List.of(Step.of("run", minutes, "hr_zone_2")));
    }

    /** A tempo run: 10 min warm-up, the middle in zone 3, 10 min cool-down (at least 30 min). */
    public static Session tempo(LocalDate date, int minutes) {
        return new Session(
                date + "-run",
                date,
                "running",
                "Tempo " + minutes,
                Session.MODERATE,
                minutes,
                List.of(
                        Step.of("warmup", 10, "hr_zone_2"),
                        Step.of("run", minutes - 20, "hr_zone_3"),
                        Step.of("cooldown", 10, "hr_zone_2")));
    }

    /** Intervals: 15 min warm-up, N x (3 min zone 4 + 2 min zone 1), the rest cool-down. */
    public static Session intervals(LocalDate date, int minutes) {
        int reps = Math.max(1, (minutes - 25) / 5);
        int cooldown = minutes - 15 - 5 * reps;
        return new Session(
                date + "-run",
                date,
                "running",
                "Intervals " + minutes,
                Session.HARD,
                minutes,
                List.of(
                        Step.of("warmup", 15, "hr_zone_2"),
                        Step.repeat(
                                reps,
                                List.of(
                                        Step.of("run", 3, "hr_zone_4"),
                                        Step.of("recovery", 2, "hr_zone_1"))),
                        Step.of("cooldown", cooldown, "hr_zone_2")));
    }

    /** The goal race (id suffix {@code -race}); outside every weekly volume rule. */
    public static Session race(LocalDate date, int minutes, String label) {
        return new Session(
                date + "-race",
                date,
                "running",
                "Race " + label,
                Session.HARD,
                minutes,
                List.of(Step.of("run", minutes, "hr_zone_4")));
    }

    /** Intensity implied by step targets: zone 4-5 or a pace is hard, zone 3 moderate. */
    public static String intensityOf(List<Step> steps) {
        String result = Session.EASY;
        for (Step s : steps) {
            String i = s.isRepeat() ? intensityOf(s.steps()) : intensityOfTarget(s.target());
            if (Session.HARD.equals(i)) {
                return i;
            }
            if (Session.MODERATE.equals(i)) {
                result = i;
            }
        }
        return result;
    }

    private static String intensityOfTarget(String target) {
        if (target == null) {
            return Session.EASY;
        }
        if (target.startsWith("pace_")
                || target.equals("hr_zone_4")
                || target.equals("hr_zone_5")) {
            return Session.HARD;
        }
        return target.equals("hr_zone_3") ? Session.MODERATE : Session.EASY;
    }
}
