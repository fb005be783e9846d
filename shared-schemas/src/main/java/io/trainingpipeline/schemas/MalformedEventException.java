package io.trainingpipeline.schemas;

/**
 * An event that cannot be read: not JSON, an unknown type, or a field of the wrong shape. The
 * message names the field; consumers log it, count it and skip the record, never stop the batch.
 */
public class MalformedEventException extends RuntimeException {
    private final String field;

    public MalformedEventException(String field, String message, Throwable cause) {
        super(field == null ? message : "field '" + field + "': " + message, cause);
        this.field = field;
    }

    /** The offending field's JSON path, or null when the whole record is unreadable. */
    public String field() {
        return field;
    }
}
