package io.trainingpipeline.llm.patch;

/**
 * A proposal that must not be published: output that is not a patch, touches a forbidden path,
 * exceeds the operation limit, or does not apply to the base plan. The message names the operation
 * and the reason; it becomes the {@code detail} of a {@code ProposalFailed} event with reason
 * {@code INVALID_OUTPUT}.
 */
public class InvalidProposalException extends RuntimeException {
    public InvalidProposalException(String message) {
        super(message);
    }

    public InvalidProposalException(String message, Throwable cause) {
        super(message, cause);
    }
}
