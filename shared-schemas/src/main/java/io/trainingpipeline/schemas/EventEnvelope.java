package io.trainingpipeline.schemas;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope around every event on every topic.
 *
 * @param eventId deterministic id from the source's natural key ({@link EventIds}); consumers
 *     record processed ids with their state change, which makes redelivery and replay harmless
 * @param eventType the payload's type name ({@link EventType#typeName()})
 * @param schemaVersion the payload's schema version; changes within a version are additive only
 * @param occurredAt when the fact happened (activity start, night, evaluation time)
 * @param athleteId the athlete, also the Kafka record key
 * @param source where the data came from ({@link EventSources})
 * @param causationId id of the event this one answers (a proposal names its flags event), or null
 * @param payload the typed body
 * @param <T> payload type
 */
public record EventEnvelope<T extends EventPayload>(
        String eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String athleteId,
        String source,
        String causationId,
        T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(payload, "payload");
    }

    /** Wraps a payload, taking type name and version from {@link EventType}. */
    public static <T extends EventPayload> EventEnvelope<T> wrap(
            String eventId,
            Instant occurredAt,
            String athleteId,
            String source,
            String causationId,
            T payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(
                eventId,
                type.typeName(),
                type.version(),
                occurredAt,
                athleteId,
                source,
                causationId,
                payload);
    }

    /** The registered type of this envelope's payload. */
    public EventType type() {
        return EventType.of(payload);
    }
}
