package io.trainingpipeline.schemas;

/**
 * Marker for the payload records carried by {@link EventEnvelope}. Each implementation is listed
 * once in {@link EventType}, which binds it to its type name, version and topic.
 */
public interface EventPayload {}
