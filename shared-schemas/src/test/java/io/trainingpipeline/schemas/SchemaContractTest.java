package io.trainingpipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares the schema derived from each event record with the committed file under {@code
 * src/main/resources/schemas}. Breaking the additive-only rule fails; an additive change fails too
 * until the file is regenerated ({@code ./mvnw -pl shared-schemas test -Dschemas.write=true}), so
 * the committed files always describe the wire format.
 */
class SchemaContractTest {
    private static final Path DIR = Path.of("src/main/resources/schemas");
    private static final ObjectMapper PRETTY =
            EventJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaMatchesTheCode(EventType type) throws IOException {
        Path file = DIR.resolve(type.schemaFileName());
        JsonNode current = JsonSchemas.envelopeSchema(type);
        if (Boolean.getBoolean("schemas.write") && !Files.exists(file)) {
            Files.writeString(file, PRETTY.writeValueAsString(current) + "\n");
        }
        assertThat(file).as("committed schema for %s", type).exists();
        JsonNode committed = PRETTY.readTree(file.toFile());

        List<String> violations = SchemaCompatibility.violations(committed, current);
        assertThat(violations)
                .as("%s breaks the additive-only rule; add a new version instead", type)
                .isEmpty();
        if (Boolean.getBoolean("schemas.write")) {
            Files.writeString(file, PRETTY.writeValueAsString(current) + "\n");
            committed = current;
        }
        assertThat(committed)
                .as("%s changed additively; regenerate with -Dschemas.write=true", file)
                .isEqualTo(current);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleEventsCarryEveryRequiredEnvelopeField(EventType type) {
        JsonNode json = EventJson.mapper().valueToTree(SampleEvents.envelope(type));
        JsonNodeAssert.requiredPresent(JsonSchemas.envelopeSchema(type), json);
    }

    /** Minimal structural check of an instance against the derived schema's required lists. */
    static final class JsonNodeAssert {
        static void requiredPresent(JsonNode schema, JsonNode instance) {
            schema.path("required")
                    .forEach(r -> assertThat(instance.has(r.asText())).as(r.asText()).isTrue());
            schema.path("properties")
                    .fields()
                    .forEachRemaining(
                            p -> {
                                JsonNode sub = p.getValue();
                                JsonNode value = instance.get(p.getKey());
                                if (sub.has("properties") && value != null && value.isObject()) {
                                    requiredPresent(sub, value);
                                }
                            });
        }
    }
}
