package io.trainingpipeline.analytics.rest;

import io.trainingpipeline.analytics.store.AnalyticsStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /athletes/{id}/activities}: the stored raw activities of one athlete (the last {@code
 * retention.raw_days}), newest first, with their loads and load method.
 */
@Path("/athletes/{id}/activities")
public class ActivityResource {
    private final AnalyticsStore store;

    public ActivityResource(AnalyticsStore store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(@PathParam("id") String athleteId) throws SQLException {
        return store.queries().activities(athleteId);
    }
}
