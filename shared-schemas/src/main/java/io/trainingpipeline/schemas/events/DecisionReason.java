package io.trainingpipeline.schemas.events;

/**
 * One reason behind a plan decision.
 *
 * @param rule rule id, e.g. "6.1-volume" or "timeout"
 * @param message a human sentence
 * @param flag the flag the change answers, or null
 */
public record DecisionReason(String rule, String message, String flag) {}
