package io.trainingpipeline.planner.store;

import java.time.Instant;
import java.util.List;

/**
 * What was last pushed for a week.
 *
 * @param version plan version
 * @param contentHash provenance hash
 * @param workoutIds Garmin workout ids on the calendar
 * @param at when
 */
public record PushState(int version, String contentHash, List<Long> workoutIds, Instant at) {}
