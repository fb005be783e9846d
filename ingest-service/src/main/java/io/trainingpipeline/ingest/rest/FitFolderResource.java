package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.fit.FitFolderImport;
import io.trainingpipeline.ingest.jobs.FitFolderJob;
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
 * {@code POST /athletes/{id}/fit/folder[?path=]}: imports the athlete's FIT folder now (the
 * configured {@code fit_folder}, or {@code path}); answers {@code {imported, skipped,
 * rejected[{file, error}]}}.
 */
@Path("/athletes/{id}/fit/folder")
@Produces(MediaType.APPLICATION_JSON)
public class FitFolderResource {
    private final FitFolderJob job;
    private final Athletes athletes;

    public FitFolderResource(FitFolderJob job, Athletes athletes) {
        this.job = job;
        this.athletes = athletes;
    }

    @POST
    public Response importNow(@PathParam("id") String athleteId, @QueryParam("path") String path) {
        Optional<String> folder =
                Optional.ofNullable(path)
                        .or(() -> athletes.get(athleteId).flatMap(a -> a.fitFolder()));
        if (folder.isEmpty()) {
            return Response.status(404)
                    .entity(Map.of("error", "athlete " + athleteId + " has no fit_folder"))
                    .build();
        }
        FitFolderImport.Report r = job.importFolder(athleteId, java.nio.file.Path.of(folder.get()));
        return Response.ok(r).build();
    }
}
