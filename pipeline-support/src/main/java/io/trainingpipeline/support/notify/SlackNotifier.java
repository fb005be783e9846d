package io.trainingpipeline.support.notify;

import io.trainingpipeline.support.notify.SlackClient.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Athlete-facing Slack messages for any service: inject it and call {@link #planChanged} or {@link
 * #garminSignInNeeded}. Configured by {@link SlackConfig} ({@code slack.webhook-url}, absent =
 * disabled). Calls block for the retries (at most a few seconds with the defaults): call from a
 * worker thread, not the event loop.
 */
@ApplicationScoped
public class SlackNotifier {
    private final SlackClient client;

    public SlackNotifier(SlackConfig config) {
        this.client =
                new SlackClient(
                        config.webhookUrl(),
                        config.maxAttempts(),
                        config.backoff(),
                        config.timeout(),
                        d -> Thread.sleep(d.toMillis()));
    }

    /** Whether a webhook URL is configured. */
    public boolean enabled() {
        return client.enabled();
    }

    /** "Next week's plan changed: ..., because ..." (see {@link SlackMessages#planChanged}). */
    public Delivery planChanged(
            String athleteId, LocalDate weekStart, List<String> changes, String because) {
        return client.send(SlackMessages.planChanged(athleteId, weekStart, changes, because));
    }

    /** "Garmin sign-in needed" (see {@link SlackMessages#garminSignInNeeded}). */
    public Delivery garminSignInNeeded(String athleteId) {
        return client.send(SlackMessages.garminSignInNeeded(athleteId));
    }

    /** Any other text. */
    public Delivery send(String text) {
        return client.send(text);
    }
}
