package io.trainingpipeline.garmin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Garmin DI OAuth2 tokens of one athlete. {@link #toString()} never shows a token.
 *
 * @param accessToken the bearer token (a JWT carrying {@code exp})
 * @param refreshToken the refresh token
 * @param clientId the DI client id the tokens were issued to
 * @param expiresAt when the access token expires; {@link Instant#EPOCH} when unknown (refresh
 *     first)
 */
public record DiTokens(
        String accessToken, String refreshToken, String clientId, Instant expiresAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tokens whose expiry is read from the access token's JWT {@code exp} claim. */
    public static DiTokens of(String accessToken, String refreshToken, String clientId) {
        return new DiTokens(accessToken, refreshToken, clientId, jwtExpiry(accessToken));
    }

    /** The {@code exp} claim of a JWT, or {@link Instant#EPOCH} when it has none or is no JWT. */
    public static Instant jwtExpiry(String jwt) {
        if (jwt == null) {
            return Instant.EPOCH;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Instant.EPOCH;
        }
        try {
            byte[] claims = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode exp = JSON.readTree(new String(claims, StandardCharsets.UTF_8)).path("exp");
            return exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : Instant.EPOCH;
        } catch (Exception e) { // not a JWT: treat as expired so the first use refreshes it
            return Instant.EPOCH;
        }
    }

    @Override
    public String toString() {
        return "DiTokens[clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
    }
}
