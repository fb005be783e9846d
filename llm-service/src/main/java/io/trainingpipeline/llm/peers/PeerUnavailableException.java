package io.trainingpipeline.llm.peers;

/** A peer service (planner, analytics) did not answer usefully; the message says which and why. */
public class PeerUnavailableException extends Exception {
    public PeerUnavailableException(String message) {
        super(message);
    }

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
