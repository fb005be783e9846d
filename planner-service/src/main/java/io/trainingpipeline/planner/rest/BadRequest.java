package io.trainingpipeline.planner.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A 400 answer naming the offending field: {@code {"field", "message"}}. */
public class BadRequest extends WebApplicationException {
    public BadRequest(String field, String message) {
        super(
                "field '" + field + "': " + message,
                Response.status(400)
                        .type(MediaType.APPLICATION_JSON)
                        .entity(
                                Map.of(
                                        "field",
                                        field,
                                        "message",
                                        "field '" + field + "': " + message))
                        .build());
    }
}
