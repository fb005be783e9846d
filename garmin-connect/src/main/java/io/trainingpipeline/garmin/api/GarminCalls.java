package io.trainingpipeline.garmin.api;

import io.trainingpipeline.garmin.GarminAuthException;
import io.trainingpipeline.garmin.GarminConfig;
import io.trainingpipeline.garmin.GarminException;
import io.trainingpipeline.garmin.GarminRequestException;
import io.trainingpipeline.garmin.GarminUnavailableException;
import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.garmin.model.GarminParse;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The explicit retry loop around {@link GarminHttp#send}: a bearer token per attempt (refreshed
 * before expiry), one refresh-and-retry after a 401, Retry-After on 429, exponential back-off with
 * jitter from {@code retry.*} on 5xx, timeouts and malformed bodies. Written by hand because
 * SmallRye's {@code @Retry} cannot read Retry-After. Non-idempotent calls (create, schedule) are
 * retried only after 429 and 401, which guarantee Garmin did nothing.
 */
@ApplicationScoped
public class GarminCalls {
    private static final Logger LOG = Logger.getLogger(GarminCalls.class);

    private final GarminHttp http;
    private final GarminTokens tokens;
    private final RetryPolicy policy;
    private final Duration maxRetryAfter;

    public GarminCalls(
            GarminHttp http, GarminTokens tokens, GarminConfig config, PipelineConfig pipeline) {
        this.http = http;
        this.tokens = tokens;
        this.maxRetryAfter = config.maxRetryAfter();
        this.policy =
                new RetryPolicy(
                        pipeline.retry().maxAttempts(),
                        pipeline.retry().base(),
                        pipeline.retry().jitter(),
                        config.maxBackoff(),
                        () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Calls {@code request} with the athlete's bearer token and parses a 2xx answer.
     *
     * @throws GarminAuthException the session needs a human (never retried)
     * @throws GarminRequestException Garmin refused the request (4xx)
     * @throws GarminUnavailableException retries exhausted, breaker open, or a long Retry-After
     */
    public <T> T call(
            String athleteId,
            String endpoint,
            boolean idempotent,
            Function<String, Response> request,
            Function<GarminReply, T> parse) {
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                String bearer = tokens.bearer(athleteId);
                GarminReply reply = http.send(endpoint, () -> request.apply(bearer));
                if (reply.status() == 401) {
                    if (refreshed) {
                        tokens.markHumanNeeded(
                                athleteId, endpoint + " still answers 401 after a token refresh");
                        throw new GarminAuthException(athleteId, endpoint + " unauthorized");
                    }
                    refreshed = true;
                    attempt--; // the 401 round trip is not a failed attempt
                    tokens.refreshAfterUnauthorized(athleteId, bearer);
                    continue;
                }
                if (reply.status() >= 400) {
                    throw new GarminRequestException(endpoint, reply.status());
                }
                return parse.apply(reply);
            } catch (GarminRateLimitedException e) {
                Duration wait = policy.rateLimited(attempt, e.retryAfter());
                if (attempt >= policy.maxAttempts() || wait.compareTo(maxRetryAfter) > 0) {
                    throw new GarminUnavailableException(
                            endpoint + " rate limited (Retry-After " + e.retryAfter() + ")");
                }
                pause(endpoint, attempt, e, wait);
            } catch (GarminUnavailableException | GarminParse.Malformed e) {
                boolean open = e instanceof GarminUnavailableException u && u.breakerOpen();
                if (open || !idempotent || attempt >= policy.maxAttempts()) {
                    throw e instanceof GarminUnavailableException u
                            ? u
                            : new GarminUnavailableException(
                                    e.getMessage() + " (" + attempt + " attempts)");
                }
                pause(endpoint, attempt, e, policy.backoff(attempt));
            }
        }
    }

    private static void pause(String endpoint, int attempt, GarminException e, Duration wait) {
        LOG.warnf(
                "Garmin %s attempt %d failed (%s); retrying in %d ms",
                endpoint, attempt, e.getMessage(), wait.toMillis());
        try {
            Thread.sleep(wait.toMillis()); // the back-off itself
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new GarminUnavailableException(endpoint + " interrupted during back-off");
        }
    }
}
