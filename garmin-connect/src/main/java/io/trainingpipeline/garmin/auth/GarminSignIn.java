package io.trainingpipeline.garmin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.garmin.GarminAuthException;
import io.trainingpipeline.garmin.GarminConfig;
import io.trainingpipeline.garmin.GarminUnavailableException;
import io.trainingpipeline.garmin.api.GarminClients;
import io.trainingpipeline.garmin.api.GarminHttp;
import io.trainingpipeline.garmin.api.GarminReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Best-effort sign-in with email + password (+ an MFA code the user supplies in a second, one-time
 * call): sso service ticket, exchanged at diauth for DI tokens, stored 0600. Garmin's real sign-in
 * page is behind bot protection, so importing a python-garminconnect token file is the reliable
 * path. The password is used for one request and never stored or logged.
 */
@ApplicationScoped
public class GarminSignIn {
    /** Outcome of a sign-in attempt. */
    public enum Result {
        SIGNED_IN,
        MFA_REQUIRED
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GarminConfig config;
    private final GarminClients clients;
    private final GarminHttp http;
    private final GarminTokens tokens;

    public GarminSignIn(
            GarminConfig config, GarminClients clients, GarminHttp http, GarminTokens tokens) {
        this.config = config;
        this.clients = clients;
        this.http = http;
        this.tokens = tokens;
    }

    /** Signs the athlete in; {@code mfaCode} may be null on the first call. */
    public Result signIn(String athleteId, String email, String password, String mfaCode) {
        GarminReply reply =
                http.send("signin", () -> clients.sso().signIn(email, password, mfaCode));
        if (!reply.ok()) {
            throw new GarminAuthException(
                    athleteId, "sign-in refused (HTTP " + reply.status() + ")");
        }
        JsonNode root = read(reply);
        if ("MFA_REQUIRED".equals(root.path("status").asText())) {
            return Result.MFA_REQUIRED;
        }
        String ticket = root.path("serviceTicket").asText(null);
        if (ticket == null) {
            throw new GarminAuthException(athleteId, "sign-in gave no service ticket");
        }
        GarminReply exchanged =
                http.send(
                        "token_exchange",
                        () -> clients.auth().exchange("service_ticket", ticket, config.clientId()));
        if (!exchanged.ok()) {
            throw new GarminAuthException(
                    athleteId, "service ticket refused (HTTP " + exchanged.status() + ")");
        }
        JsonNode t = read(exchanged);
        String clientId = t.path("client_id").asText(config.clientId());
        tokens.store(
                athleteId,
                DiTokens.of(
                        t.path("access_token").asText(),
                        t.path("refresh_token").asText(),
                        clientId));
        return Result.SIGNED_IN;
    }

    private static JsonNode read(GarminReply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new GarminUnavailableException("sign-in answered malformed JSON");
        }
    }
}
