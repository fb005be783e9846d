package io.trainingpipeline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * Derives the JSON Schema (draft 2020-12) of an event from its Java record. The derived schema is
 * compared with the committed file by the compatibility test, so the records stay the single source
 * of truth and the committed files document what is on the wire.
 *
 * <p>Primitive components are required; boxed and reference components may be null.
 */
public final class JsonSchemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonSchemas() {}

    /** The full envelope schema for one event type. */
    public static ObjectNode envelopeSchema(EventType type) {
        ObjectNode schema = F.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:training-pipeline:event:" + type.schemaFileName());
        schema.put("title", type.typeName() + " v" + type.version());
        schema.put("description", "Published on topic " + type.topic());
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("eventId").put("type", "string");
        props.putObject("eventType").put("const", type.typeName());
        props.putObject("schemaVersion").put("const", type.version());
        props.set("occurredAt", stringFormat("date-time", true));
        props.putObject("athleteId").put("type", "string");
        props.set("source", nullable(F.objectNode().put("type", "string")));
        props.set("causationId", nullable(F.objectNode().put("type", "string")));
        props.set("payload", recordSchema(type.payloadClass()));
        ArrayNode required = schema.putArray("required");
        for (String name :
                new String[] {"eventId", "eventType", "schemaVersion", "athleteId", "payload"}) {
            required.add(name);
        }
        return schema;
    }

    private static ObjectNode recordSchema(Class<?> record) {
        ObjectNode schema = F.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            props.set(c.getName(), typeSchema(c.getGenericType()));
            if (c.getType().isPrimitive()) {
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static JsonNode typeSchema(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = F.objectNode().put("type", "array");
                array.set("items", typeSchema(p.getActualTypeArguments()[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = F.objectNode().put("type", "object");
                map.set("additionalProperties", typeSchema(p.getActualTypeArguments()[1]));
                return map;
            }
            throw new IllegalArgumentException("unsupported generic type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == double.class || c == float.class) {
            return F.objectNode().put("type", "number");
        }
        if (c == int.class || c == long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (c == boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == Double.class || c == Float.class) {
            return nullable(F.objectNode().put("type", "number"));
        }
        if (c == Integer.class || c == Long.class) {
            return nullable(F.objectNode().put("type", "integer"));
        }
        if (c == Boolean.class) {
            return nullable(F.objectNode().put("type", "boolean"));
        }
        if (c == String.class) {
            return nullable(F.objectNode().put("type", "string"));
        }
        if (c == Instant.class) {
            return stringFormat("date-time", true);
        }
        if (c == LocalDate.class) {
            return stringFormat("date", true);
        }
        if (c == LocalDateTime.class) {
            return nullable(
                    F.objectNode()
                            .put("type", "string")
                            .put(
                                    "pattern",
                                    "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$"));
        }
        if (c.isEnum()) {
            ArrayNode values = F.arrayNode();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            ObjectNode e = F.objectNode().put("type", "string");
            e.set("enum", values);
            return nullable(e);
        }
        if (c.isRecord()) {
            return nullable(recordSchema(c));
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            return F.objectNode().put("description", "any JSON value");
        }
        throw new IllegalArgumentException("unsupported type " + c.getName());
    }

    private static ObjectNode stringFormat(String format, boolean nullable) {
        ObjectNode node = F.objectNode().put("type", "string").put("format", format);
        return nullable ? nullable(node) : node;
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode wrapper = F.objectNode();
        ArrayNode anyOf = wrapper.putArray("anyOf");
        anyOf.add(schema);
        anyOf.addObject().put("type", "null");
        return wrapper;
    }
}
