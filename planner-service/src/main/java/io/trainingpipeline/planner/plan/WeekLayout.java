package io.trainingpipeline.planner.plan;

import io.trainingpipeline.planner.goal.Goals;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out one week's volume over the allowed days (rule 7): the long run (at most {@code
 * longRunShareMax} of the week, only with four or more runs) on the preferred day, at most one hard
 * and one moderate session inside the {@code 1 - easyShareMin} quality budget (80/20 by time, rule
 * 4), placed as far as possible from the long run and from each other (so never two hard days in a
 * row, rule 3), the rest as easy runs no longer than the long run. The race week holds the race and
 * keeps the day before it free.
 */
final class WeekLayout {
    private final PlanSettings s;
    private final Goals goals;

    WeekLayout(PlanSettings settings, Goals goals) {
        this.s = settings;
        this.goals = goals;
    }

    List<Session> sessions(
            LocalDate monday, double volume, String phase, boolean deload, LocalDate today) {
        LocalDate race = goals.raceDate();
        List<LocalDate> candidates = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            if (!day.isBefore(today) && day.isBefore(race.minusDays(1)) && goals.allows(day)) {
                candidates.add(day);
            }
        }
        // A week entered mid-way gets the share of its remaining days.
        if (monday.isBefore(today)) {
            volume = volume * (7 - ChronoUnit.DAYS.between(monday, today)) / 7.0;
        }
        int n =
                Math.min(
                        Math.min(candidates.size(), s.maxSessionsPerWeek()),
                        (int) (volume / s.minSessionMinutes()));
        List<Session> out = new ArrayList<>();
        if (n > 0) {
            out.addAll(training(pick(candidates, n), volume, phase, deload));
        }
        if (!race.isBefore(monday) && !race.isAfter(monday.plusDays(6))) {
            out.add(SessionFactory.race(race, raceMinutes(), distanceLabel()));
        }
        out.sort(Comparator.comparing(Session::date));
        return out;
    }

    private List<Session> training(
            List<LocalDate> days, double volume, String phase, boolean deload) {
        int n = days.size();
        if (n < 4) {
            // Too few runs for a long run within 30 %: equal easy runs, none above that share.
            int each =
                    easyMinutes(
                            (int) Math.floor(Math.min(volume / n, volume * s.longRunShareMax())));
            List<Session> easy = new ArrayList<>();
            days.forEach(d -> easy.add(SessionFactory.easy(d, each)));
            return easy;
        }
        LocalDate longDay =
                days.stream()
                        .filter(d -> d.getDayOfWeek() == goals.longRunDay())
                        .findFirst()
                        .orElse(days.get(n - 1));
        int quality = (int) Math.floor(volume * (1 - s.easyShareMin()));
        int hard = 0;
        int moderate = 0;
        if (!deload) {
            if ("base".equals(phase)) {
                moderate = quality >= 30 ? Math.min(quality, 50) / 5 * 5 : 0;
            } else {
                hard = quality >= 30 ? Math.min(quality, 70) / 5 * 5 : 0;
                int left = quality - hard;
                moderate = !"taper".equals(phase) && n >= 5 && left >= 30 ? left / 5 * 5 : 0;
            }
        }
        List<LocalDate> free = new ArrayList<>(days);
        free.remove(longDay);
        LocalDate hardDay = hard > 0 ? farthest(free, List.of(longDay)) : null;
        if (hardDay != null) {
            free.remove(hardDay);
        }
        LocalDate modDay =
                moderate > 0 && free.size() > 1
                        ? farthest(
                                free,
                                hardDay == null ? List.of(longDay) : List.of(longDay, hardDay))
                        : null;
        if (modDay != null) {
            free.remove(modDay);
        } else {
            moderate = 0;
        }
        int longMin = (int) Math.floor(volume * (s.longRunShareMax() - 0.02));
        int easyTotal = (int) Math.floor(volume) - longMin - hard - moderate;
        int k = Math.max(1, Math.min(free.size(), easyTotal / s.minSessionMinutes()));
        List<Session> out = new ArrayList<>();
        out.add(SessionFactory.longRun(longDay, longMin));
        if (hardDay != null) {
            out.add(SessionFactory.intervals(hardDay, hard));
        }
        if (modDay != null) {
            out.add(SessionFactory.tempo(modDay, moderate));
        }
        List<LocalDate> easyDays = pick(free, k);
        for (int i = 0; i < easyDays.size(); i++) {
            int each = easyTotal / k + (i < easyTotal % k ? 1 : 0);
            out.add(SessionFactory.easy(easyDays.get(i), easyMinutes(Math.min(each, longMin))));
        }
        return out;
    }

    private int easyMinutes(int minutes) {
        return Math.max(minutes, s.minSessionMinutes());
    }

    /** {@code n} of the candidate days, spread out (greedy: farthest from those already taken). */
    private List<LocalDate> pick(List<LocalDate> candidates, int n) {
        if (candidates.size() <= n) {
            return new ArrayList<>(candidates);
        }
        List<LocalDate> chosen = new ArrayList<>();
        candidates.stream()
                .filter(d -> d.getDayOfWeek() == goals.longRunDay())
                .findFirst()
                .ifPresentOrElse(
                        chosen::add, () -> chosen.add(candidates.get(candidates.size() - 1)));
        while (chosen.size() < n) {
            List<LocalDate> rest = new ArrayList<>(candidates);
            rest.removeAll(chosen);
            chosen.add(farthest(rest, chosen));
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }

    /** The candidate with the largest distance to its nearest anchor (earliest on ties). */
    private static LocalDate farthest(List<LocalDate> candidates, List<LocalDate> anchors) {
        LocalDate best = null;
        long bestGap = -1;
        for (LocalDate c : candidates) {
            long gap =
                    anchors.stream()
                            .mapToLong(a -> Math.abs(ChronoUnit.DAYS.between(a, c)))
                            .min()
                            .orElse(7);
            if (gap > bestGap) {
                best = c;
                bestGap = gap;
            }
        }
        return best;
    }

    private int raceMinutes() {
        return goals.targetTime()
                .map(t -> (int) Math.ceil(t.toSeconds() / 60.0))
                .orElse((int) Math.ceil(goals.raceDistanceMeters() / 1000.0 * 6));
    }

    private String distanceLabel() {
        return switch (goals.raceDistanceMeters()) {
            case 5000 -> "5k";
            case 10_000 -> "10k";
            case 21_097 -> "half";
            case 42_195 -> "marathon";
            default -> goals.raceDistanceMeters() + " m";
        };
    }
}
