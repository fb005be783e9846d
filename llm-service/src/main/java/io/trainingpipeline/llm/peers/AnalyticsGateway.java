package io.trainingpipeline.llm.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trainingpipeline.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * analytics-service's query API: daily metrics ({@code GET /athletes/{id}/metrics?from=&to=},
 * analytics issue section 6) and recent activities ({@code GET /athletes/{id}/activities}). Both
 * are context for the prompt only: when analytics is down the prompt says "unavailable" and the
 * flags (which carry their own values and thresholds) still get an answer.
 */
@ApplicationScoped
public class AnalyticsGateway {
    private static final Logger LOG = Logger.getLogger(AnalyticsGateway.class);

    private final PeerHttp http;
    private final LlmConfig config;

    public AnalyticsGateway(PeerHttp http, LlmConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Daily metrics from {@code from} to {@code to} inclusive, as analytics returns them. */
    public Optional<JsonNode> metrics(String athleteId, LocalDate from, LocalDate to) {
        String url =
                config.analyticsUrl()
                        + "/athletes/"
                        + URLEncoder.encode(athleteId, StandardCharsets.UTF_8)
                        + "/metrics?from="
                        + from
                        + "&to="
                        + to;
        try {
            return Optional.of(http.getJson(url, "metrics of " + athleteId));
        } catch (PeerUnavailableException e) {
            LOG.warnf("prompt without metrics: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Activities starting on or after {@code from}, oldest first. */
    public Optional<JsonNode> activities(String athleteId, LocalDate from) {
        String url =
                config.analyticsUrl()
                        + "/athletes/"
                        + URLEncoder.encode(athleteId, StandardCharsets.UTF_8)
                        + "/activities";
        try {
            JsonNode all = http.getJson(url, "activities of " + athleteId);
            if (!all.isArray()) {
                return Optional.of(all);
            }
            ArrayNode recent = JsonNodeFactory.instance.arrayNode();
            for (int i = all.size() - 1; i >= 0; i--) {
                JsonNode a = all.get(i);
                String start = a.path("startUtc").asText(a.path("startLocal").asText(""));
                if (start.length() < 10 || start.substring(0, 10).compareTo(from.toString()) >= 0) {
                    recent.add(a);
                }
            }
            return Optional.of(recent);
        } catch (PeerUnavailableException e) {
            LOG.warnf("prompt without activities: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
