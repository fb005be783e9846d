package io.trainingpipeline.planner.patch;

/** A patch that cannot be applied: malformed, failing, outside /sessions, or giving a bad plan. */
public class PatchException extends RuntimeException {
    public PatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
