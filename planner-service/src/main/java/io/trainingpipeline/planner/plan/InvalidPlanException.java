package io.trainingpipeline.planner.plan;

/** A plan document of the wrong shape; {@link #field()} is the JSON path. */
public class InvalidPlanException extends RuntimeException {
    private final String field;

    public InvalidPlanException(String field, String reason) {
        super("field '" + field + "': " + reason);
        this.field = field;
    }

    /** The offending field, e.g. {@code sessions[1].intensity}. */
    public String field() {
        return field;
    }
}
