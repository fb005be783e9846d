package io.trainingpipeline.analytics.rest;

import io.trainingpipeline.analytics.jobs.Rebuild;
import io.trainingpipeline.analytics.jobs.Retention;
import io.trainingpipeline.analytics.jobs.WeeklyFlags;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.FlagsRaised;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator calls: {@code POST /admin/evaluate?athlete=&today=} (run the weekly flag evaluation now;
 * without athlete: every configured athlete; without today: today in the athlete's zone), {@code
 * POST /admin/rebuild} (replay the topics into fresh tables), {@code POST /admin/retention?today=}
 * (run the monthly pruning now).
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {
    private final WeeklyFlags weekly;
    private final Rebuild rebuild;
    private final Retention retention;

    public AdminResource(WeeklyFlags weekly, Rebuild rebuild, Retention retention) {
        this.weekly = weekly;
        this.rebuild = rebuild;
        this.retention = retention;
    }

    @POST
    @Path("/evaluate")
    public Map<String, Object> evaluate(
            @QueryParam("athlete") String athlete, @QueryParam("today") String today)
            throws SQLException {
        LocalDate day = today == null || today.isBlank() ? null : Params.date("today", today);
        List<EventEnvelope<FlagsRaised>> events =
                athlete == null || athlete.isBlank()
                        ? weekly.evaluateAll(day)
                        : List.of(
                                weekly.evaluate(
                                        athlete, day != null ? day : weekly.today(athlete)));
        List<Map<String, Object>> published = new ArrayList<>();
        for (EventEnvelope<FlagsRaised> e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("eventId", e.eventId());
            m.put("athleteId", e.athleteId());
            m.put("weekStart", e.payload().weekStart());
            m.put("evaluatedOn", e.payload().evaluatedOn());
            m.put("flags", e.payload().flags());
            published.add(m);
        }
        return Map.of("published", published);
    }

    @POST
    @Path("/rebuild")
    public Rebuild.Result rebuild() throws SQLException {
        return rebuild.run();
    }

    @POST
    @Path("/retention")
    public Map<String, Object> retention(@QueryParam("today") String today) throws SQLException {
        LocalDate day =
                today == null || today.isBlank()
                        ? LocalDate.now(java.time.ZoneOffset.UTC)
                        : Params.date("today", today);
        return Map.of("deleted", retention.prune(day));
    }
}
