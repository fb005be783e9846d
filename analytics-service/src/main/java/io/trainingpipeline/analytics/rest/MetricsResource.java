package io.trainingpipeline.analytics.rest;

import io.trainingpipeline.analytics.day.DayMetrics;
import io.trainingpipeline.analytics.jobs.WeeklyFlags;
import io.trainingpipeline.analytics.store.AthleteMetrics;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.support.rest.BadRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query API: {@code GET /athletes/{id}/metrics?from=&to=} (per day: load, ctl, atl, tsb, ramp,
 * acwr, hrvZ7, hrvZNight, sleepHours, flags) and {@code GET /athletes/{id}/flags?week=} (the
 * evaluation for the week starting that Monday, made on the Sunday before, as the weekly job does).
 */
@Path("/athletes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {
    private final AthleteMetrics metrics;
    private final WeeklyFlags weekly;

    public MetricsResource(AthleteMetrics metrics, WeeklyFlags weekly) {
        this.metrics = metrics;
        this.weekly = weekly;
    }

    @GET
    @Path("/metrics")
    public Map<String, Object> metrics(
            @PathParam("id") String athleteId,
            @QueryParam("from") String from,
            @QueryParam("to") String to)
            throws SQLException {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        List<DayMetrics> days;
        try {
            days = metrics.range(athleteId, f, t);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("to", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("athleteId", athleteId);
        body.put("days", days);
        return body;
    }

    @GET
    @Path("/flags")
    public Map<String, Object> flags(
            @PathParam("id") String athleteId, @QueryParam("week") String week)
            throws SQLException {
        LocalDate monday = Params.week("week", week);
        EventEnvelope<FlagsRaised> event = weekly.event(athleteId, monday.minusDays(1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("athleteId", athleteId);
        body.put("weekStart", event.payload().weekStart());
        body.put("evaluatedOn", event.payload().evaluatedOn());
        body.put("eventId", event.eventId());
        body.put("flags", event.payload().flags());
        return body;
    }
}
