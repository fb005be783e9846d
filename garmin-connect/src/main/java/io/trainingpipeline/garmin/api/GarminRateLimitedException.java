package io.trainingpipeline.garmin.api;

import io.trainingpipeline.garmin.GarminException;
import java.time.Duration;

/** A 429 answer; the gateway waits {@link #retryAfter()} (when given) before trying again. */
public class GarminRateLimitedException extends GarminException {
    private final Duration retryAfter;

    public GarminRateLimitedException(String endpoint, Duration retryAfter) {
        super(endpoint + " answered 429 (retry after " + retryAfter + ")");
        this.retryAfter = retryAfter;
    }

    /** Garmin's Retry-After, or null when absent or unreadable. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
