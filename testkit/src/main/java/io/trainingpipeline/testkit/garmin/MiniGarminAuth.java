package io.trainingpipeline.testkit.garmin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mini-Garmin's DI OAuth2 side: issues JWT-shaped access tokens carrying {@code exp}, refresh
 * tokens, checks bearer tokens, and a best-effort sign-in (email + password, optional MFA code)
 * that yields a service ticket to exchange for tokens.
 */
public final class MiniGarminAuth {
    /** The client id Mini-Garmin issues tokens for. */
    public static final String CLIENT_ID = "GARMIN_CONNECT_MOBILE_ANDROID_DI_MINI";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tickets = new ConcurrentHashMap<>();
    private volatile Duration accessTtl = Duration.ofHours(1);
    private volatile String email;
    private volatile String password;
    private volatile String mfaCode;

    /** Issued tokens, as a python-garminconnect token file would hold them. */
    public record Tokens(String accessToken, String refreshToken, String clientId, Instant exp) {
        /** The python-garminconnect {@code garmin_tokens.json} content. */
        public String toPythonJson() {
            return "{\"di_token\": \""
                    + accessToken
                    + "\", \"di_refresh_token\": \""
                    + refreshToken
                    + "\", \"di_client_id\": \""
                    + clientId
                    + "\"}";
        }

        @Override
        public String toString() {
            return "Tokens[exp=" + exp + "]";
        }
    }

    /** Lifetime of access tokens issued from now on (refreshes included). */
    public void accessTtl(Duration ttl) {
        this.accessTtl = ttl;
    }

    /** Registers the one account that may sign in; {@code mfaCode} null = no MFA. */
    public void account(String email, String password, String mfaCode) {
        this.email = email;
        this.password = password;
        this.mfaCode = mfaCode;
    }

    /** Issues a fresh token pair valid for {@code ttl}. */
    public Tokens issue(Duration ttl) {
        Instant exp = Instant.now().plus(ttl).minusNanos(Instant.now().getNano());
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims =
                b64(
                        "{\"client_id\":\""
                                + CLIENT_ID
                                + "\",\"exp\":"
                                + exp.getEpochSecond()
                                + ",\"jti\":\""
                                + hex(8)
                                + "\"}");
        String access = header + "." + claims + "." + b64(hex(16));
        String refresh = "mini-refresh-" + hex(16);
        accessTokens.put(access, exp);
        refreshTokens.put(refresh, Boolean.TRUE);
        return new Tokens(access, refresh, CLIENT_ID, exp);
    }

    /** Issues a token pair with the configured access lifetime. */
    public Tokens issue() {
        return issue(accessTtl);
    }

    /** Marks every issued access token expired (the next API call gets 401). */
    public void expireAccessTokens() {
        accessTokens.replaceAll((k, v) -> Instant.EPOCH);
    }

    boolean validBearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant exp = accessTokens.get(authorization.substring(7));
        return exp != null && Instant.now().isBefore(exp);
    }

    /** Refresh grant: a new pair, or null when the refresh token is unknown. */
    Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshTokens.remove(refreshToken) == null) {
            return null;
        }
        return issue();
    }

    /** Sign-in: "ticket:ST-..." on success, "mfa" when a code is needed, null when refused. */
    String signIn(String user, String pass, String code) {
        if (email == null || !email.equals(user) || !password.equals(pass)) {
            return null;
        }
        if (mfaCode != null && (code == null || code.isBlank())) {
            return "mfa";
        }
        if (mfaCode != null && !mfaCode.equals(code)) {
            return null;
        }
        String ticket = "ST-" + hex(12) + "-mini";
        tickets.put(ticket, Boolean.TRUE);
        return "ticket:" + ticket;
    }

    /** Service-ticket grant: a new pair, or null for an unknown or used ticket. */
    Tokens exchange(String ticket) {
        return ticket != null && tickets.remove(ticket) != null ? issue() : null;
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
