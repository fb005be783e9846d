package io.trainingpipeline.garmin;

import java.time.Instant;

/**
 * CDI event fired (and logged at ERROR with the marker {@code GARMIN_HUMAN_NEEDED}) when an
 * athlete's Garmin session is lost and only a person can restore it. Observe it to alert (Slack).
 *
 * @param athleteId the athlete
 * @param reason what failed (no secrets)
 * @param at when
 */
public record GarminHumanNeeded(String athleteId, String reason, Instant at) {}
