package io.trainingpipeline.ingest.notify;

import io.trainingpipeline.garmin.GarminHumanNeeded;
import io.trainingpipeline.support.notify.SlackNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Turns the library's "human needed" event into the athlete-facing Slack message (when a webhook is
 * configured). Sent off the caller's thread: the token lock must not wait for Slack retries.
 */
@ApplicationScoped
public class GarminAlerts {
    private static final Logger LOG = Logger.getLogger(GarminAlerts.class);
    private final SlackNotifier slack;

    public GarminAlerts(SlackNotifier slack) {
        this.slack = slack;
    }

    void onHumanNeeded(@Observes GarminHumanNeeded alert) {
        if (!slack.enabled()) {
            LOG.debugf("no Slack webhook: sign-in alert for %s only logged", alert.athleteId());
            return;
        }
        CompletableFuture.runAsync(() -> slack.garminSignInNeeded(alert.athleteId()));
    }
}
