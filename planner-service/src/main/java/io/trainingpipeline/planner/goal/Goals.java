package io.trainingpipeline.planner.goal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One athlete's goals (the goals file, see planner-service/README.md for every key).
 *
 * @param athleteId the athlete
 * @param timezone where "today" is decided
 * @param raceDate the goal race
 * @param raceDistanceMeters race distance in metres (5k = 5000, half = 21097, marathon = 42195)
 * @param targetTime optional goal time
 * @param sports sports the plan may use (running is the one garmin_planner supports)
 * @param availableWeekdays weekdays on which sessions may be scheduled
 * @param longRunDay preferred weekday of the long run
 * @param maxWeeklyHours ceiling of planned weekly volume
 * @param blockedDates single dates and ranges with nothing scheduled
 */
public record Goals(
        String athleteId,
        ZoneId timezone,
        LocalDate raceDate,
        int raceDistanceMeters,
        Optional<Duration> targetTime,
        List<String> sports,
        Set<DayOfWeek> availableWeekdays,
        DayOfWeek longRunDay,
        double maxWeeklyHours,
        List<DateRange> blockedDates) {

    public Goals {
        sports = List.copyOf(sports);
        availableWeekdays = Set.copyOf(availableWeekdays);
        blockedDates = List.copyOf(blockedDates);
    }

    /** Whether {@code date} is blocked by a single date or a range. */
    public boolean isBlocked(LocalDate date) {
        return blockedDates.stream().anyMatch(r -> r.contains(date));
    }

    /**
     * Whether a session may be scheduled on {@code date}: an available weekday that is not blocked.
     * The race day itself is always allowed (the race is fixed by the goal).
     */
    public boolean allows(LocalDate date) {
        if (date.equals(raceDate)) {
            return true;
        }
        return availableWeekdays.contains(date.getDayOfWeek()) && !isBlocked(date);
    }
}
