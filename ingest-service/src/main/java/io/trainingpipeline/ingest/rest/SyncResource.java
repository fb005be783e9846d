package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.ingest.jobs.BackfillRunner;
import io.trainingpipeline.ingest.jobs.SyncService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sync commands of one athlete: {@code POST /athletes/{id}/sync/daily|catchup} (run now, answers
 * what was published, 503 with the reason when Garmin failed), {@code POST
 * /athletes/{id}/backfill?from=&to=} (202, runs in the background, resumes an interrupted run of
 * the same range; 409 while one runs), {@code GET} and {@code DELETE /athletes/{id}/backfill}
 * (progress; interrupt).
 */
@Path("/athletes/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    private final SyncService sync;
    private final BackfillRunner backfill;

    public SyncResource(SyncService sync, BackfillRunner backfill) {
        this.sync = sync;
        this.backfill = backfill;
    }

    @POST
    @Path("/sync/{kind}")
    public Response sync(@PathParam("id") String athleteId, @PathParam("kind") String kind) {
        SyncService.Outcome o =
                switch (kind) {
                    case "daily" -> sync.daily(athleteId);
                    case "catchup" -> sync.catchup(athleteId);
                    default -> null;
                };
        if (o == null) {
            return Response.status(404)
                    .entity(Map.of("error", "unknown sync kind '" + kind + "' (daily, catchup)"))
                    .build();
        }
        return Response.status(o.ok() ? 200 : 503).entity(o).build();
    }

    @POST
    @Path("/backfill")
    public Response startBackfill(
            @PathParam("id") String athleteId,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate f;
        LocalDate t;
        try {
            f = LocalDate.parse(from);
            t = to == null || to.isBlank() ? LocalDate.now() : LocalDate.parse(to);
        } catch (DateTimeParseException | NullPointerException e) {
            return Response.status(400)
                    .entity(Map.of("error", "from and to must be YYYY-MM-DD (from is required)"))
                    .build();
        }
        try {
            return backfill.start(athleteId, f, t)
                    .map(s -> Response.accepted(s).build())
                    .orElseGet(
                            () ->
                                    Response.status(409)
                                            .entity(backfill.status(athleteId).orElse(null))
                                            .build());
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("/backfill")
    public Response backfillStatus(@PathParam("id") String athleteId) {
        return backfill.status(athleteId)
                .map(s -> Response.ok(s).build())
                .orElseGet(() -> Response.status(404).build());
    }

    @DELETE
    @Path("/backfill")
    public Response interrupt(@PathParam("id") String athleteId) {
        return backfill.interrupt(athleteId)
                ? Response.accepted(Map.of("interrupting", athleteId)).build()
                : Response.status(404)
                        .entity(Map.of("error", "no backfill running for " + athleteId))
                        .build();
    }
}
