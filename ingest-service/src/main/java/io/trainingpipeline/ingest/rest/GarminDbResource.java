package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.jobs.GarminDbImport;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /athletes/{id}/garmindb/import[?path=]}: imports the athlete's GarminDB folder (the
 * configured {@code garmindb_path}, or {@code path}) read-only; answers the counts, db versions and
 * every error (file, table, row).
 */
@Path("/athletes/{id}/garmindb/import")
@Produces(MediaType.APPLICATION_JSON)
public class GarminDbResource {
    private final GarminDbImport importer;
    private final Athletes athletes;

    public GarminDbResource(GarminDbImport importer, Athletes athletes) {
        this.importer = importer;
        this.athletes = athletes;
    }

    @POST
    public Response importNow(@PathParam("id") String athleteId, @QueryParam("path") String path) {
        Optional<String> folder =
                Optional.ofNullable(path)
                        .or(() -> athletes.get(athleteId).flatMap(a -> a.garmindbPath()));
        if (folder.isEmpty()) {
            return Response.status(404)
                    .entity(Map.of("error", "athlete " + athleteId + " has no garmindb_path"))
                    .build();
        }
        return Response.ok(importer.run(athleteId, java.nio.file.Path.of(folder.get()))).build();
    }
}
