package io.trainingpipeline.support.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A 400 whose JSON body names the offending field: {@code {"field": ..., "error": ...}}. */
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
                                        "error",
                                        "field '" + field + "': " + message))
                        .build());
    }
}
