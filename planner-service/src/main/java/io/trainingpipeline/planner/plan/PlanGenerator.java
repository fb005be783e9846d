package io.trainingpipeline.planner.plan;

import io.trainingpipeline.planner.goal.Goals;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the plan from today to race day (training-science section 6): base, build, peak and
 * taper blocks; every {@code deloadEvery}-th week a deload; volume grows from the athlete's recent
 * weekly volume by at most {@code weeklyGrowth} per loading week up to the goal's weekly ceiling.
 * Each week is laid out by {@link WeekLayout}. Nothing is hard-coded per athlete: the same goals
 * and fitness always give the same plan.
 */
public final class PlanGenerator {
    private final PlanSettings settings;

    public PlanGenerator(PlanSettings settings) {
        this.settings = settings;
    }

    /** Weeks from the week containing {@code today} to the race week, version 1 each. */
    public List<PlanDocument> generate(Goals goals, Fitness fitness, LocalDate today) {
        LocalDate first = monday(today);
        LocalDate raceWeek = monday(goals.raceDate());
        if (goals.raceDate().isBefore(today)) {
            return List.of();
        }
        int weeks = (int) ChronoUnit.WEEKS.between(first, raceWeek) + 1;
        int taper = Math.min(weeks, taperWeeks(goals));
        int rest = weeks - taper;
        int peak = rest >= 8 ? 2 : rest >= 3 ? 1 : 0;
        int build = (int) Math.round((rest - peak) * 0.4);
        int base = rest - peak - build;

        double cap = Math.min(goals.maxWeeklyHours() * 60, distanceCapMinutes(goals));
        double load = clamp(fitness.weeklyMinutes(), 4.0 * settings.minSessionMinutes(), cap);
        double lastLoad = load;
        WeekLayout layout = new WeekLayout(settings, goals);
        List<PlanDocument> plan = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate monday = first.plusWeeks(i);
            String phase =
                    i < base ? "base" : i < base + build ? "build" : i < rest ? "peak" : "taper";
            boolean deload =
                    i < base + build && (i + 1) % settings.deloadEvery() == 0 && i + 1 < rest;
            double volume;
            Integer reference = null;
            if ("taper".equals(phase)) {
                volume = lastLoad * (1 - settings.taperCut());
                reference = (int) Math.round(lastLoad);
            } else if (deload) {
                volume = lastLoad * (1 - settings.deloadCut());
                reference = (int) Math.round(lastLoad);
            } else {
                if (i > 0) {
                    load = Math.min(cap, lastLoad * (1 + settings.weeklyGrowth()));
                }
                volume = load;
                lastLoad = load;
            }
            List<Session> sessions = layout.sessions(monday, volume, phase, deload, today);
            plan.add(
                    new PlanDocument(
                            goals.athleteId(), monday, 1, sessions, phase, deload, reference));
        }
        return plan;
    }

    /**
     * Taper weeks (rule 6): the fewest weeks ending with the race week whose days up to the race
     * reach the configured taper length less three days (a Sunday race gets exactly 7, 14, 21).
     */
    int taperWeeks(Goals goals) {
        int target = settings.taperDays(goals.raceDistanceMeters());
        LocalDate raceWeek = monday(goals.raceDate());
        for (int k = 1; k < 6; k++) {
            long days = ChronoUnit.DAYS.between(raceWeek.minusWeeks(k - 1), goals.raceDate()) + 1;
            if (days >= target - 3) {
                return k;
            }
        }
        return 6;
    }

    /** Peak weekly volume worth planning for the distance, minutes. */
    static double distanceCapMinutes(Goals goals) {
        int m = goals.raceDistanceMeters();
        return m <= 5000 ? 300 : m <= 10_000 ? 360 : m <= 21_097 ? 450 : 600;
    }

    static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
