package io.trainingpipeline.garmin;

/**
 * Garmin could not answer usefully: 5xx, timeout, network error, malformed body after all retries,
 * a 429 asking to wait too long, or the circuit breaker is open. Transient: try again later (the
 * next scheduled sync); never advance a high-water mark past it.
 */
public class GarminUnavailableException extends GarminException {
    private final boolean breakerOpen;

    public GarminUnavailableException(String message) {
        this(message, false, null);
    }

    public GarminUnavailableException(String message, boolean breakerOpen, Throwable cause) {
        super(message, cause);
        this.breakerOpen = breakerOpen;
    }

    /** True when the call was refused by the open circuit breaker (not retried). */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
