package io.trainingpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    private final ObjectNode committed = JsonSchemas.envelopeSchema(EventType.ACTIVITY_RECORDED);

    private ObjectNode payloadProps(ObjectNode schema) {
        return (ObjectNode) schema.path("properties").path("payload").path("properties");
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertThat(SchemaCompatibility.violations(committed, committed.deepCopy())).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        ObjectNode current = committed.deepCopy();
        payloadProps(current).putObject("cadence").put("type", "number");

        assertThat(SchemaCompatibility.violations(committed, current)).isEmpty();
    }

    @Test
    void removingAPropertyBreaks() {
        ObjectNode current = committed.deepCopy();
        payloadProps(current).remove("avgHr");

        assertThat(SchemaCompatibility.violations(committed, current))
                .singleElement()
                .asString()
                .contains("payload.avgHr was removed");
    }

    @Test
    void changingATypeBreaks() {
        ObjectNode current = committed.deepCopy();
        payloadProps(current).putObject("durationSeconds").put("type", "string");

        assertThat(SchemaCompatibility.violations(committed, current))
                .anyMatch(v -> v.contains("durationSeconds"));
    }

    @Test
    void makingAPropertyRequiredBreaks() {
        ObjectNode current = committed.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) current.get("required")).add("source");

        assertThat(SchemaCompatibility.violations(committed, current))
                .anyMatch(v -> v.contains("source became required"));
    }

    @Test
    void removingAnEnumValueBreaks() {
        ObjectNode flags = JsonSchemas.envelopeSchema(EventType.PROPOSAL_FAILED);
        ObjectNode current = flags.deepCopy();
        JsonNode reason = payloadProps(current).path("reason").path("anyOf").get(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) reason.get("enum")).remove(0);

        assertThat(SchemaCompatibility.violations(flags, current))
                .anyMatch(v -> v.contains("reason") && v.contains("enum"));
    }
}
