package io.trainingpipeline.planner.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON codec of plan documents (ISO dates, nulls left out). */
public final class PlanJson {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build();

    private PlanJson() {}

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A document as a JSON tree. */
    public static JsonNode toTree(PlanDocument plan) {
        return MAPPER.valueToTree(plan);
    }

    /**
     * A JSON tree as a document, checked by {@link PlanValidator}.
     *
     * @throws InvalidPlanException naming the field
     */
    public static PlanDocument fromTree(JsonNode tree) {
        PlanValidator.check(tree);
        try {
            return MAPPER.treeToValue(tree, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw new InvalidPlanException("plan", e.getOriginalMessage());
        }
    }
}
