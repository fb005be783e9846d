package io.trainingpipeline.support.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code slack.*}: the athlete-facing Slack messages. */
@ConfigMapping(prefix = "slack")
public interface SlackConfig {
    /**
     * Slack incoming-webhook URL ({@code SLACK_WEBHOOK_URL}). A secret: supplied by environment or
     * a Kubernetes Secret, never in a config file in git, never logged. Absent = messages are
     * disabled (logged as skipped, without content).
     */
    Optional<String> webhookUrl();

    /** Attempts per message (first try included) on connection errors, 429 and 5xx. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * Wait before the second attempt; doubles per attempt (a 429's Retry-After wins, up to 60 s).
     */
    @WithDefault("PT1S")
    Duration backoff();

    /** Connect and request timeout of one attempt. */
    @WithDefault("PT10S")
    Duration timeout();
}
