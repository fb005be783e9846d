package io.trainingpipeline.garmin.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.trainingpipeline.garmin.GarminUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One HTTP exchange with Garmin under SmallRye Fault Tolerance: a hard {@link Timeout} (the
 * client's read timeout {@code garmin.timeout} normally fires first), one {@link CircuitBreaker}
 * shared by all endpoints (an outage is global; 5xx, network errors and timeouts count, 429 does
 * not), and a {@link Fallback} turning timeouts and an open breaker into {@link
 * GarminUnavailableException}. Retries live in {@code GarminGateway}: SmallRye's {@code @Retry}
 * cannot honour Retry-After. Counts {@code garmin_calls_total{endpoint,status}} and {@code
 * garmin_rate_limited_total}.
 */
@ApplicationScoped
public class GarminHttp {
    /** Name of the shared circuit breaker (see {@code garmin_breaker_open}). */
    public static final String BREAKER = "garmin";

    private final MeterRegistry registry;

    public GarminHttp(MeterRegistry registry, CircuitBreakerMaintenance breakers) {
        this.registry = registry;
        Gauge.builder(
                        "garmin_breaker_open",
                        breakers,
                        b -> b.currentState(BREAKER) == CircuitBreakerState.OPEN ? 1 : 0)
                .strongReference(true)
                .register(registry);
    }

    /**
     * Performs {@code call} and reads the whole body.
     *
     * @param endpoint short endpoint name for metrics and messages (never a URL with secrets)
     * @throws GarminRateLimitedException on 429
     * @throws GarminUnavailableException on 5xx, network errors, timeouts, open breaker
     */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.8,
            delay = 30,
            delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2,
            skipOn = GarminRateLimitedException.class)
    @CircuitBreakerName(BREAKER)
    @Fallback(
            fallbackMethod = "fallbackSend",
            applyOn = {TimeoutException.class, CircuitBreakerOpenException.class})
    public GarminReply send(String endpoint, Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (RuntimeException e) {
            // messages of transport errors may carry URLs; keep only the type
            boolean timedOut = timedOut(e);
            count(endpoint, timedOut ? "timeout" : "io_error");
            throw new GarminUnavailableException(
                    endpoint
                            + (timedOut
                                    ? " timed out"
                                    : " failed: " + e.getClass().getSimpleName()),
                    false,
                    null);
        }
        try (response) {
            int status = response.getStatus();
            count(endpoint, String.valueOf(status));
            if (status == 429) {
                registry.counter("garmin_rate_limited_total", "endpoint", endpoint).increment();
                throw new GarminRateLimitedException(
                        endpoint, retryAfter(response.getHeaderString("Retry-After")));
            }
            if (status >= 500) {
                throw new GarminUnavailableException(endpoint + " answered HTTP " + status);
            }
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new GarminReply(status, body == null ? new byte[0] : body);
        } catch (jakarta.ws.rs.ProcessingException e) {
            count(endpoint, "read_error");
            throw new GarminUnavailableException(
                    endpoint + " body could not be read: " + e.getClass().getSimpleName(),
                    false,
                    null);
        }
    }

    GarminReply fallbackSend(String endpoint, Supplier<Response> call, Throwable failure) {
        boolean open = failure instanceof CircuitBreakerOpenException;
        count(endpoint, open ? "breaker_open" : "timeout");
        throw new GarminUnavailableException(
                open
                        ? "Garmin circuit breaker is open; " + endpoint + " not called"
                        : endpoint + " timed out",
                open,
                null);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private void count(String endpoint, String status) {
        registry.counter("garmin_calls_total", "endpoint", endpoint, "status", status).increment();
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at =
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
