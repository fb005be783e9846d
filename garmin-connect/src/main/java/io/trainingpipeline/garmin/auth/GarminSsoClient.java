package io.trainingpipeline.garmin.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Best-effort sign-in ({@code garmin.sso-base-url}): email + password (+ MFA code) for a service
 * ticket. Garmin's real sign-in page sits behind bot protection; importing a python-garminconnect
 * token file is the reliable path.
 */
@org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "garmin-sso")
@Path("/sso/signin")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface GarminSsoClient {
    /** Signs in; answers {@code {status, serviceTicket}} or {@code {status: MFA_REQUIRED}}. */
    @POST
    Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("mfaCode") String mfaCode);
}
