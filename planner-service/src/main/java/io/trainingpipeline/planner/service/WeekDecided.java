package io.trainingpipeline.planner.service;

import java.time.LocalDate;

/**
 * CDI event fired after a decision is stored and published (the push observes it).
 *
 * @param athleteId the athlete
 * @param weekStart the week
 * @param version the version that goes forward
 */
public record WeekDecided(String athleteId, LocalDate weekStart, int version) {}
