package io.trainingpipeline.analytics.day;

import io.trainingpipeline.schemas.events.Flag;
import java.time.LocalDate;
import java.util.List;

/**
 * One day of metrics as the query and what-if APIs return it (field names are the contract).
 *
 * @param date athlete-local calendar day
 * @param load daily load of the configured source (section 1)
 * @param garminLoad Garmin's own load of the day, a separate series, or null
 * @param ctl fitness (section 3)
 * @param atl fatigue
 * @param tsb form going into the day
 * @param ramp CTL points over 7 days
 * @param acwr EWMA acute:chronic ratio, or null
 * @param hrvZ7 7-day ln rMSSD z (section 4), or null when insufficient
 * @param hrvZNight single-night z, or null
 * @param sleepHours last night's sleep, or null
 * @param warmingUp within the first weeks of data (no fitness or ramp flags)
 * @param flags flags raised on the day (section 5)
 */
public record DayMetrics(
        LocalDate date,
        double load,
        Double garminLoad,
        double ctl,
        double atl,
        double tsb,
        double ramp,
        Double acwr,
        Double hrvZ7,
        Double hrvZNight,
        Double sleepHours,
        boolean warmingUp,
        List<Flag> flags) {}
