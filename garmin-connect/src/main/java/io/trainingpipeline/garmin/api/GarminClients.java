package io.trainingpipeline.garmin.api;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.trainingpipeline.garmin.GarminConfig;
import io.trainingpipeline.garmin.auth.GarminAuthClient;
import io.trainingpipeline.garmin.auth.GarminSsoClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Builds the three REST clients from {@code garmin.*-base-url} with the configured timeouts and the
 * default exception mapper disabled (the gateway decides what each status means).
 */
@ApplicationScoped
public class GarminClients {
    private final GarminApiClient api;
    private final GarminAuthClient auth;
    private final GarminSsoClient sso;

    public GarminClients(GarminConfig config) {
        this.api = build(config, config.apiBaseUrl(), GarminApiClient.class);
        this.auth = build(config, config.authBaseUrl(), GarminAuthClient.class);
        this.sso = build(config, config.ssoBaseUrl(), GarminSsoClient.class);
    }

    private static <T> T build(GarminConfig config, String baseUrl, Class<T> type) {
        long millis = config.timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .userAgent(config.userAgent())
                .disableDefaultMapper(true)
                .build(type);
    }

    /** connectapi. */
    public GarminApiClient api() {
        return api;
    }

    /** diauth. */
    public GarminAuthClient auth() {
        return auth;
    }

    /** sso. */
    public GarminSsoClient sso() {
        return sso;
    }
}
