package io.trainingpipeline.planner.rest;

import io.smallrye.common.annotation.Blocking;
import io.trainingpipeline.planner.garmin.PushResult;
import io.trainingpipeline.planner.garmin.PushService;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.render.GarminPlannerYaml;
import io.trainingpipeline.planner.service.GoalsRegistry;
import io.trainingpipeline.planner.service.PlanService;
import io.trainingpipeline.planner.store.HistoryEntry;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.support.rest.BadRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plan API: a week as JSON or garmin_planner YAML, the history, push, approve, regenerate. */
@Path("/athletes/{id}/plan")
@Blocking
public class PlanResource {
    private final PlanService plans;
    private final PlanStore store;
    private final GoalsRegistry goals;
    private final PushService push;

    public PlanResource(PlanService plans, PlanStore store, GoalsRegistry goals, PushService push) {
        this.plans = plans;
        this.store = store;
        this.goals = goals;
        this.push = push;
    }

    /** A week (default: the current one); {@code Accept: application/yaml} gives the YAML. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    public Response week(
            @PathParam("id") String athlete,
            @QueryParam("week") String week,
            @QueryParam("version") Integer version,
            @HeaderParam("Accept") String accept) {
        LocalDate monday = week(athlete, week);
        Optional<PlanDocument> plan =
                version == null
                        ? plans.week(athlete, monday)
                        : store.version(athlete, monday, version);
        if (plan.isEmpty()) {
            String why =
                    goals.goals(athlete).isEmpty()
                            ? "no valid goals file for "
                                    + athlete
                                    + goals.lastError(athlete).map(e -> ": " + e).orElse("")
                            : "no plan for week " + monday;
            return Response.status(404)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", why))
                    .build();
        }
        if (accept != null && accept.contains("yaml")) {
            return Response.ok(GarminPlannerYaml.render(plan.get()), "application/yaml").build();
        }
        return Response.ok(PlanJson.toTree(plan.get()), MediaType.APPLICATION_JSON).build();
    }

    /** The goals in force and the last rejection of the goals file, if any. */
    @GET
    @Path("/goals")
    @Produces(MediaType.APPLICATION_JSON)
    public Response goals(@PathParam("id") String athlete) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        goals.goals(athlete)
                .ifPresent(
                        g -> {
                            out.put("raceDate", g.raceDate().toString());
                            out.put("raceDistanceMeters", g.raceDistanceMeters());
                            out.put("availableWeekdays", g.availableWeekdays());
                            out.put("maxWeeklyHours", g.maxWeeklyHours());
                        });
        goals.lastError(athlete).ifPresent(e -> out.put("lastError", e));
        return out.isEmpty()
                ? Response.status(404)
                        .entity(Map.of("error", "no goals file for " + athlete))
                        .build()
                : Response.ok(out).build();
    }

    /** Every version with the decision that made it, and pushes and approvals. */
    @GET
    @Path("/history")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HistoryEntry> history(@PathParam("id") String athlete) {
        return store.history(athlete);
    }

    /** Pushes a week now (the approved version in approval mode). */
    @POST
    @Path("/push")
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("id") String athlete, @QueryParam("week") String week) {
        PushResult r = push.pushRequested(athlete, week(athlete, week));
        return Response.status(r.ok() ? 200 : r.status()).entity(r).build();
    }

    /** Approval mode: approves a version of a week and pushes it. */
    @POST
    @Path("/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(
            @PathParam("id") String athlete,
            @QueryParam("version") Integer version,
            @QueryParam("week") String week) {
        if (version == null) {
            return Response.status(400)
                    .entity(Map.of("field", "version", "error", "required"))
                    .build();
        }
        LocalDate monday = week != null ? week(athlete, week) : weekOfVersion(athlete, version);
        if (monday == null || store.version(athlete, monday, version).isEmpty()) {
            return Response.status(404).entity(Map.of("error", "no version " + version)).build();
        }
        PushResult r = push.approve(athlete, monday, version);
        return Response.status(r.ok() ? 200 : r.status()).entity(r).build();
    }

    /**
     * Regenerates the plan from the goals in force; {@code force=true} also replaces pushed weeks.
     */
    @POST
    @Path("/regenerate")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> regenerate(
            @PathParam("id") String athlete, @QueryParam("force") boolean force) {
        int changed = plans.regenerate(athlete, force, "regenerated");
        return Map.of("weeksChanged", changed);
    }

    /** The most recently decided week whose newest version is {@code version}. */
    private LocalDate weekOfVersion(String athlete, int version) {
        List<HistoryEntry> h = store.history(athlete);
        for (int i = h.size() - 1; i >= 0; i--) {
            HistoryEntry e = h.get(i);
            if (e.version() == version
                    && store.current(athlete, e.weekStart())
                            .map(p -> p.version() == version)
                            .orElse(false)) {
                return e.weekStart();
            }
        }
        return null;
    }

    private LocalDate week(String athlete, String week) {
        if (week == null || week.isBlank()) {
            return plans.currentWeek(athlete);
        }
        try {
            return LocalDate.parse(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (DateTimeException e) {
            throw new BadRequest("week", "must be a date YYYY-MM-DD, got '" + week + "'");
        }
    }
}
