package io.trainingpipeline.analytics.flag;

import io.trainingpipeline.analytics.hrv.HrvDay;
import io.trainingpipeline.analytics.load.PmcDay;
import io.trainingpipeline.analytics.sleep.SleepDay;

/**
 * Everything the flag rules look at for one day.
 *
 * @param pmc load, CTL/ATL/TSB, ramp, ACWR of the day
 * @param weekLoad sum of the loads of the 7 days ending on the day
 * @param previousWeeksMean mean weekly load of the 3 weeks before those 7 days
 * @param hrv HRV readiness
 * @param sleep sleep aggregates
 */
public record DaySignals(
        PmcDay pmc, double weekLoad, double previousWeeksMean, HrvDay hrv, SleepDay sleep) {}
