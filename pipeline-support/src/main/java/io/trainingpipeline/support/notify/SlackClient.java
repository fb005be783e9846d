package io.trainingpipeline.support.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts {@code {"text": ...}} to a Slack incoming webhook with retries. Never logs, throws or
 * returns the webhook URL (it is the credential). Plain Java: {@link SlackNotifier} wraps it as a
 * bean; tests drive it directly against a local receiver.
 */
public final class SlackClient {
    private static final Logger LOG = Logger.getLogger(SlackClient.class.getName());
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** Outcome of one message. */
    public enum Delivery {
        /** Slack answered 2xx. */
        SENT,
        /** All attempts failed, or Slack rejected the message (4xx other than 429). */
        FAILED,
        /** No webhook URL configured. */
        DISABLED
    }

    /** Waits between attempts (a test passes a recording no-op). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Optional<URI> webhook;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final HttpClient http;

    public SlackClient(
            Optional<String> webhookUrl,
            int maxAttempts,
            Duration backoff,
            Duration timeout,
            Sleeper sleeper) {
        this.webhook = webhookUrl.filter(u -> !u.isBlank()).map(String::trim).map(URI::create);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Whether a webhook URL is configured. */
    public boolean enabled() {
        return webhook.isPresent();
    }

    /** Sends {@code text}; retries connection errors, 429 and 5xx with growing waits. */
    public Delivery send(String text) {
        if (webhook.isEmpty()) {
            LOG.fine("Slack disabled (no slack.webhook-url): message skipped");
            return Delivery.DISABLED;
        }
        HttpRequest request =
                HttpRequest.newBuilder(webhook.get())
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(json(text)))
                        .build();
        Duration wait = backoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String problem;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Delivery.SENT;
                }
                problem = "HTTP " + status;
                if (status != 429 && status / 100 == 4) {
                    LOG.warning("Slack rejected the message (" + problem + "); not retried");
                    return Delivery.FAILED;
                }
                retryAfter = retryAfter(response);
            } catch (IOException e) {
                // The exception text may hold the host and path; only the type is logged.
                problem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.FAILED;
            }
            if (attempt == maxAttempts) {
                LOG.warning(
                        "Slack message not delivered after "
                                + attempt
                                + " attempts (last: "
                                + problem
                                + ")");
                return Delivery.FAILED;
            }
            Duration pause = retryAfter != null ? min(retryAfter, MAX_WAIT) : wait;
            LOG.log(
                    Level.INFO,
                    "Slack attempt {0}/{1} failed ({2}); retrying in {3} ms",
                    new Object[] {attempt, maxAttempts, problem, pause.toMillis()});
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.FAILED;
            }
            wait = min(wait.multipliedBy(2), MAX_WAIT);
        }
        return Delivery.FAILED;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .flatMap(
                        v -> {
                            try {
                                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        })
                .orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code {"text": "..."}} with JSON string escaping. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("{\"text\":\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"}").toString();
    }
}
