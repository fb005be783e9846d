package io.trainingpipeline.planner.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** analytics-service's query API; only {@link FitnessGateway} calls it. */
@RegisterRestClient(configKey = "analytics")
@Path("/athletes")
public interface AnalyticsClient {
    /** {@code {"days": [{"date", "load", "ctl", "atl", ...}]}}. */
    @GET
    @Path("/{id}/metrics")
    JsonNode metrics(
            @PathParam("id") String athlete,
            @QueryParam("from") String from,
            @QueryParam("to") String to);
}
