package io.trainingpipeline.llm.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trainingpipeline.llm.patch.InvalidProposalException;
import io.trainingpipeline.llm.patch.PatchDraft;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict parsing of the model's reply: one JSON object {@code {"patch": [...], "rationale": [...]}}
 * and nothing else. The only leniency is one surrounding Markdown code fence, which
 * OpenAI-compatible servers without a JSON response format often add. Prose, truncated JSON,
 * trailing text or missing fields are {@link InvalidProposalException}s.
 */
public final class ReplyParser {
    private static final ObjectMapper STRICT =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** Parses {@code reply} into a draft (not yet validated against the plan). */
    public PatchDraft parse(String reply) {
        if (reply == null || reply.isBlank()) {
            throw new InvalidProposalException("the reply is empty");
        }
        String text = unfence(reply.strip());
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidProposalException(
                    "the reply is not one complete JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidProposalException("the reply is not a JSON object");
        }
        JsonNode patch = root.get("patch");
        if (patch == null || !patch.isArray()) {
            throw new InvalidProposalException("the reply has no 'patch' array");
        }
        JsonNode rationale = root.get("rationale");
        if (rationale == null || !rationale.isArray()) {
            throw new InvalidProposalException("the reply has no 'rationale' array");
        }
        List<OperationRationale> entries = new ArrayList<>();
        for (int i = 0; i < rationale.size(); i++) {
            JsonNode r = rationale.get(i);
            if (!r.path("op").canConvertToInt() || !r.path("op").isIntegralNumber()) {
                throw new InvalidProposalException("rationale " + i + " has no integer 'op'");
            }
            entries.add(
                    new OperationRationale(
                            r.get("op").asInt(),
                            r.path("flag").asText(""),
                            r.path("metric").asText(""),
                            r.path("reason").asText("")));
        }
        return new PatchDraft((ArrayNode) patch, entries);
    }

    private static String unfence(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        if (firstLineEnd < 0) {
            return text;
        }
        return text.substring(firstLineEnd + 1, text.length() - 3).strip();
    }
}
