package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.ingest.config.FitBeans;
import io.trainingpipeline.ingest.fit.FitActivityEvents;
import io.trainingpipeline.ingest.fit.FitContent;
import io.trainingpipeline.ingest.fit.FitFileException;
import io.trainingpipeline.ingest.messaging.EventPublisher;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /athletes/{id}/fit}: upload one FIT file (raw bytes). Answers 200 with the activity
 * events published (one per session; an empty list plus an {@code X-Skip-Reason} header for
 * monitoring, workout or settings files), or 422 naming the file and the reason it cannot be read.
 */
@Path("/athletes/{id}/fit")
public class FitUploadResource {
    private static final Logger LOG = Logger.getLogger(FitUploadResource.class);

    private final FitBeans readers;
    private final EventPublisher publisher;

    public FitUploadResource(FitBeans readers, EventPublisher publisher) {
        this.readers = readers;
        this.publisher = publisher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @PathParam("id") String athleteId, @QueryParam("name") String name, byte[] body) {
        String fileName = name == null || name.isBlank() ? "upload.fit" : name;
        FitContent content;
        try {
            content =
                    readers.readerFor(athleteId).read(fileName, body == null ? new byte[0] : body);
        } catch (FitFileException e) {
            LOG.warnf("FIT upload rejected for athlete %s: %s", athleteId, e.getMessage());
            return Response.status(422)
                    .entity(Map.of("file", fileName, "error", e.getMessage()))
                    .build();
        }
        List<EventEnvelope<ActivityRecorded>> events =
                FitActivityEvents.toEvents(athleteId, fileName, content);
        publisher.publish(events);
        Response.ResponseBuilder response =
                Response.ok(events.stream().map(PublishedActivity::of).toList());
        if (!content.isActivity()) {
            LOG.infof("FIT upload %s skipped: %s", fileName, content.skipReason());
            response.header("X-Skip-Reason", content.skipReason());
        }
        return response.build();
    }
}
