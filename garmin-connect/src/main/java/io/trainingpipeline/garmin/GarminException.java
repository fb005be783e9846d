package io.trainingpipeline.garmin;

/**
 * Base of the client's exceptions. Messages name the athlete and endpoint, never a token or
 * password.
 */
public class GarminException extends RuntimeException {
    public GarminException(String message) {
        super(message);
    }

    public GarminException(String message, Throwable cause) {
        super(message, cause);
    }
}
