package io.trainingpipeline.planner.goal;

import java.time.LocalDate;

/**
 * An inclusive range of dates; a single blocked date is a range of one day.
 *
 * @param from first day
 * @param to last day (not before {@code from})
 */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' " + to + " is before 'from' " + from);
        }
    }

    /** Whether {@code date} lies in the range. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
