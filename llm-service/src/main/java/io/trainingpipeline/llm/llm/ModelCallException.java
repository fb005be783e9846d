package io.trainingpipeline.llm.llm;

import io.trainingpipeline.schemas.events.ProposalFailed;

/** A model call that produced no reply; {@link #reason()} is the ProposalFailed reason. */
public class ModelCallException extends Exception {
    private final ProposalFailed.Reason reason;

    public ModelCallException(ProposalFailed.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** TIMEOUT or PROVIDER_ERROR. */
    public ProposalFailed.Reason reason() {
        return reason;
    }
}
