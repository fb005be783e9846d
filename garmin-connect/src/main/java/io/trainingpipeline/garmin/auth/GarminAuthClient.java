package io.trainingpipeline.garmin.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The DI OAuth2 token endpoint ({@code garmin.auth-base-url}). Only the gateway calls it. */
@org.eclipse.microprofile.rest.client.inject.RegisterRestClient(configKey = "garmin-auth")
@Path("/di-oauth2-service/oauth/token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public interface GarminAuthClient {
    /** Refresh grant. */
    @POST
    Response refresh(
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId);

    /** Service-ticket grant (after a sign-in). */
    @POST
    Response exchange(
            @FormParam("grant_type") String grantType,
            @FormParam("service_ticket") String serviceTicket,
            @FormParam("client_id") String clientId);
}
