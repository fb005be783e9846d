package io.trainingpipeline.planner.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import io.trainingpipeline.planner.plan.InvalidPlanException;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.plan.Steps;
import java.util.List;

/**
 * Applies an RFC 6902 patch to a plan document, zjsonpatch style: validate, then apply to a copy,
 * then check the result's shape. Only {@code /sessions} may change (identity, version and phase
 * belong to the planner). A session whose {@code durationMinutes} was changed gets its steps fitted
 * so they add up again. Any problem is one {@link PatchException}; the original is never modified.
 */
public final class PatchApplier {
    private PatchApplier() {}

    public static PlanDocument apply(PlanDocument original, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new PatchException("patch must be a JSON array of operations", null);
        }
        for (int i = 0; i < patch.size(); i++) {
            JsonNode op = patch.get(i);
            for (String key : List.of("path", "from")) {
                String p = op.path(key).asText(null);
                if (p != null && !(p.equals("/sessions") || p.startsWith("/sessions/"))) {
                    throw new PatchException(
                            "operation " + i + " " + key + " '" + p + "' is outside /sessions",
                            null);
                }
            }
        }
        JsonNode result;
        try {
            JsonPatch.validate(patch);
            result = JsonPatch.apply(patch, PlanJson.toTree(original));
        } catch (InvalidJsonPatchException e) {
            throw new PatchException("malformed patch: " + e.getMessage(), e);
        } catch (JsonPatchApplicationException e) {
            throw new PatchException("patch does not apply: " + e.getMessage(), e);
        }
        PlanDocument patched;
        try {
            patched = PlanJson.fromTree(result);
        } catch (InvalidPlanException e) {
            throw new PatchException("patched plan is invalid: " + e.getMessage(), e);
        }
        List<Session> fitted =
                patched.sessions().stream()
                        .map(
                                s ->
                                        Steps.total(s.steps()) == s.durationMinutes()
                                                        || s.steps().isEmpty()
                                                ? s
                                                : s.withDuration(s.durationMinutes()))
                        .toList();
        return patched.withSessions(fitted);
    }
}
