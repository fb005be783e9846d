package io.trainingpipeline.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The one JSON codec for events. Unknown fields are ignored (a newer producer may add fields within
 * a version); dates are ISO-8601 strings.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = newMapper();

    private EventJson() {}

    /** A mapper configured like the event codec, for services that share the conventions. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** The shared mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises an envelope to UTF-8 JSON. */
    public static byte[] toBytes(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + envelope.eventType(), e);
        }
    }

    /** Serialises an envelope to a JSON string. */
    public static String toJson(EventEnvelope<?> envelope) {
        return new String(toBytes(envelope), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Parses an envelope, choosing the payload class from {@code eventType}.
     *
     * @throws MalformedEventException naming the field when the record cannot be read
     */
    public static EventEnvelope<EventPayload> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedEventException(null, "unreadable: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException(null, "an event must be a JSON object", null);
        }
        String typeName = text(root, "eventType");
        EventType type =
                EventType.byName(typeName)
                        .orElseThrow(
                                () ->
                                        new MalformedEventException(
                                                "eventType",
                                                "unknown type '" + typeName + "'",
                                                null));
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException("payload", "missing or not an object", null);
        }
        EventPayload payload;
        try {
            payload = MAPPER.treeToValue(payloadNode, type.payloadClass());
        } catch (JsonMappingException e) {
            throw new MalformedEventException("payload." + path(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload", e.getOriginalMessage(), e);
        }
        Instant occurredAt;
        try {
            occurredAt =
                    root.hasNonNull("occurredAt")
                            ? Instant.parse(root.get("occurredAt").asText())
                            : null;
        } catch (RuntimeException e) {
            throw new MalformedEventException("occurredAt", "not an ISO-8601 instant", e);
        }
        return new EventEnvelope<>(
                text(root, "eventId"),
                typeName,
                root.path("schemaVersion").asInt(type.version()),
                occurredAt,
                text(root, "athleteId"),
                root.path("source").asText(null),
                root.path("causationId").asText(null),
                payload);
    }

    /** Parses and checks the payload type. */
    public static <T extends EventPayload> EventEnvelope<T> parse(byte[] bytes, Class<T> payload) {
        EventEnvelope<EventPayload> envelope = parse(bytes);
        if (!payload.isInstance(envelope.payload())) {
            throw new MalformedEventException(
                    "eventType",
                    "expected " + payload.getSimpleName() + " but got " + envelope.eventType(),
                    null);
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<T> typed = (EventEnvelope<T>) (EventEnvelope<?>) envelope;
        return typed;
    }

    /** Converts any value to a JSON tree with the event conventions. */
    public static ObjectNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new MalformedEventException(field, "missing or not a string", null);
        }
        return node.asText();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
