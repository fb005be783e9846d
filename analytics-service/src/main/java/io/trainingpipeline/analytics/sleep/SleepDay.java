package io.trainingpipeline.analytics.sleep;

/**
 * Sleep aggregates of one day.
 *
 * @param lastNightHours hours of the night ending on the day, or null when not measured
 * @param shortNights nights below the short-night limit among the last nights of the window
 * @param nightsInWindow nights measured in the window
 * @param meanHours mean hours over the measured nights of the window, or null
 */
public record SleepDay(
        Double lastNightHours, int shortNights, int nightsInWindow, Double meanHours) {}
