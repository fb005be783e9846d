package io.trainingpipeline.garmin.api;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between attempts: exponential back-off {@code base × 2^(attempt−1)} seconds, capped, with
 * "equal jitter" (half fixed, half random) when enabled; a 429's Retry-After is honoured as given.
 * {@code base} is in seconds as {@code retry.base} says; it is multiplied by powers of two rather
 * than raised to the attempt so that base 1 (staging) still backs off.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final double baseSeconds;
    private final boolean jitter;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    public RetryPolicy(
            int maxAttempts,
            double baseSeconds,
            boolean jitter,
            Duration maxBackoff,
            DoubleSupplier random) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.baseSeconds = baseSeconds;
        this.jitter = jitter;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    /** Total attempts including the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        double seconds = baseSeconds * Math.pow(2, Math.max(0, attempt - 1));
        long millis = Math.min(maxBackoff.toMillis(), Math.round(seconds * 1000));
        if (jitter) {
            millis = millis / 2 + Math.round(random.getAsDouble() * (millis / 2.0));
        }
        return Duration.ofMillis(millis);
    }

    /** Wait after a 429: Retry-After when given, otherwise the back-off. */
    public Duration rateLimited(int attempt, Duration retryAfter) {
        return retryAfter != null ? retryAfter : backoff(attempt);
    }
}
