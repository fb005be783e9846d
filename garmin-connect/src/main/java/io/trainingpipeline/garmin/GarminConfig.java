package io.trainingpipeline.garmin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Garmin Connect client settings ({@code garmin.*}). Retry settings come from {@code retry.*}. */
@ConfigMapping(prefix = "garmin")
public interface GarminConfig {
    /** Base URL of the API (connectapi); Mini-Garmin's URL in tests and demos. */
    @WithDefault("https://connectapi.garmin.com")
    String apiBaseUrl();

    /** Base URL of the DI OAuth2 token service (diauth). */
    @WithDefault("https://diauth.garmin.com")
    String authBaseUrl();

    /** Base URL of the sign-in service (sso), used only by the best-effort password sign-in. */
    @WithDefault("https://sso.garmin.com")
    String ssoBaseUrl();

    /**
     * Our own token file (written mode 0600); {@code {athlete}} is replaced by the athlete id. A
     * python-garminconnect {@code garmin_tokens.json} named by {@code
     * athletes.<id>.garmin_token_file} is imported into it when it does not exist yet.
     */
    @WithDefault("data/garmin/{athlete}/tokens.json")
    String tokenFile();

    /** HTTP connect and read timeout of one call. */
    @WithDefault("PT20S")
    Duration timeout();

    /** Refresh the access token when it expires within this margin. */
    @WithDefault("PT15M")
    Duration refreshMargin();

    /** A 429 whose Retry-After asks for longer than this fails the call instead of waiting. */
    @WithDefault("PT5M")
    Duration maxRetryAfter();

    /** Cap of one exponential back-off wait. */
    @WithDefault("PT2M")
    Duration maxBackoff();

    /** Activities per page of the activity search. */
    @WithDefault("50")
    int pageSize();

    /** User-Agent sent with every request (Garmin rejects unknown clients on some paths). */
    @WithDefault("com.garmin.android.apps.connectmobile")
    String userAgent();

    /** DI client id asked for by the best-effort sign-in (token imports carry their own). */
    @WithDefault("GARMIN_CONNECT_MOBILE_ANDROID_DI")
    String clientId();
}
