package io.trainingpipeline.llm.patch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.util.List;

/**
 * A proposed RFC 6902 patch with one rationale entry per operation, before validation.
 *
 * @param patch the operations (a JSON array)
 * @param rationale why each operation exists, naming the flag and metric it answers
 */
public record PatchDraft(ArrayNode patch, List<OperationRationale> rationale) {
    public PatchDraft {
        rationale = rationale == null ? List.of() : List.copyOf(rationale);
    }
}
