package io.trainingpipeline.analytics.day;

import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A history to compute metrics over.
 *
 * @param start the first day of the series (the first day of data: CTL/ATL are seeded the day
 *     before)
 * @param loads {@code loads[i]} is the load of day {@code start + i}
 * @param garminLoads Garmin's load per day (same indexing), or null
 * @param rmssdByNight nightly rMSSD (ms) by date
 * @param sleepHoursByNight sleep hours by night date
 * @param ctlSeed CTL on the day before {@code start} (0 unless the profile gives one)
 * @param atlSeed ATL on the day before {@code start}
 */
public record MetricsInput(
        LocalDate start,
        double[] loads,
        double[] garminLoads,
        NavigableMap<LocalDate, Double> rmssdByNight,
        NavigableMap<LocalDate, Double> sleepHoursByNight,
        double ctlSeed,
        double atlSeed) {

    public MetricsInput {
        rmssdByNight = new TreeMap<>(rmssdByNight);
        sleepHoursByNight = new TreeMap<>(sleepHoursByNight);
    }
}
