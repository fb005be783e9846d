package io.trainingpipeline.planner.plan;

/**
 * The athlete's current fitness as the generator and the load gate see it.
 *
 * @param ctl chronic training load (section 3) on the day before the plan starts
 * @param atl acute training load on that day
 * @param weeklyMinutes recent weekly running volume (mean of the last weeks)
 * @param source "analytics" or "default" (analytics unreachable: conservative default)
 */
public record Fitness(double ctl, double atl, double weeklyMinutes, String source) {}
