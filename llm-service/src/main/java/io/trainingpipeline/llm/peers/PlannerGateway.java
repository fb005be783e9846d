package io.trainingpipeline.llm.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The planner's plan API ({@code GET /athletes/{id}/plan?week=YYYY-MM-DD}, planner issue section
 * 3): the plan document the proposal is made against.
 */
@ApplicationScoped
public class PlannerGateway {
    private final PeerHttp http;
    private final LlmConfig config;

    public PlannerGateway(PeerHttp http, LlmConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * The plan of {@code athleteId} for the week starting {@code weekStart}.
     *
     * @throws PeerUnavailableException when the planner is down, has no such plan, or returns a
     *     document without {@code sessions}
     */
    public JsonNode plan(String athleteId, LocalDate weekStart) throws PeerUnavailableException {
        String what = "plan of " + athleteId + " for week " + weekStart;
        JsonNode plan =
                http.getJson(
                        config.plannerUrl()
                                + "/athletes/"
                                + URLEncoder.encode(athleteId, StandardCharsets.UTF_8)
                                + "/plan?week="
                                + weekStart,
                        what);
        if (!plan.isObject() || !plan.path("sessions").isArray()) {
            throw new PeerUnavailableException(what + " has no sessions array");
        }
        return plan;
    }
}
