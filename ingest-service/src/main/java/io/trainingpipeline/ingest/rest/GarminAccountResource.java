package io.trainingpipeline.ingest.rest;

import io.trainingpipeline.garmin.GarminException;
import io.trainingpipeline.garmin.auth.GarminSignIn;
import io.trainingpipeline.garmin.auth.GarminTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The athlete's Garmin session: {@code POST /athletes/{id}/garmin/tokens} (body: a
 * python-garminconnect {@code garmin_tokens.json}; 204), {@code POST /athletes/{id}/garmin/signin}
 * (best effort: {@code {email, password, mfaCode?}} → {@code {result: SIGNED_IN|MFA_REQUIRED}}),
 * {@code GET /athletes/{id}/garmin} (token expiry, human-needed reason). Bodies are never logged.
 */
@Path("/athletes/{id}/garmin")
@Produces(MediaType.APPLICATION_JSON)
public class GarminAccountResource {
    /** Sign-in body. */
    public record SignIn(String email, String password, String mfaCode) {
        @Override
        public String toString() {
            return "SignIn[email=" + email + "]";
        }
    }

    private final GarminTokens tokens;
    private final GarminSignIn signIn;

    public GarminAccountResource(GarminTokens tokens, GarminSignIn signIn) {
        this.tokens = tokens;
        this.signIn = signIn;
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importTokens(@PathParam("id") String athleteId, byte[] body)
            throws IOException {
        java.nio.file.Path tmp =
                Files.createTempFile(
                        "garmin_tokens",
                        ".json",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, body);
            tokens.importTokens(athleteId, tmp);
            return Response.noContent().build();
        } catch (GarminException e) {
            // the message names the missing key only (the temp path is not the user's concern)
            return Response.status(422)
                    .entity(Map.of("error", e.getMessage().replace(tmp.toString(), "body")))
                    .build();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@PathParam("id") String athleteId, SignIn body) {
        try {
            GarminSignIn.Result r =
                    signIn.signIn(athleteId, body.email(), body.password(), body.mfaCode());
            return Response.ok(Map.of("result", r.name())).build();
        } catch (GarminException e) {
            return Response.status(401).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    public Map<String, Object> status(@PathParam("id") String athleteId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("athleteId", athleteId);
        out.put("tokenExpiresAt", tokens.expiresAt(athleteId).map(Object::toString).orElse(null));
        out.put("humanNeeded", tokens.humanNeeded(athleteId).orElse(null));
        return out;
    }
}
