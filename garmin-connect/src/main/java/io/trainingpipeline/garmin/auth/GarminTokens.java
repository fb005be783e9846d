package io.trainingpipeline.garmin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.garmin.GarminAuthException;
import io.trainingpipeline.garmin.GarminConfig;
import io.trainingpipeline.garmin.GarminHumanNeeded;
import io.trainingpipeline.garmin.GarminUnavailableException;
import io.trainingpipeline.garmin.api.GarminClients;
import io.trainingpipeline.garmin.api.GarminHttp;
import io.trainingpipeline.garmin.api.GarminReply;
import io.trainingpipeline.support.config.AthletesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Each athlete's DI OAuth2 session: loads our token file (importing the athlete's
 * python-garminconnect file on first use), refreshes {@code garmin.refresh-margin} before expiry
 * and once after a 401, and when a refresh is refused puts the athlete into "human needed" (gauge
 * {@code garmin_human_needed}, ERROR log marker {@code GARMIN_HUMAN_NEEDED}, CDI event {@link
 * GarminHumanNeeded}) where calls fail fast until new tokens are imported: no endless retry. Tokens
 * are never logged.
 */
@ApplicationScoped
public class GarminTokens {
    private static final Logger LOG = Logger.getLogger(GarminTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GarminConfig config;
    private final AthletesConfig athletes;
    private final GarminClients clients;
    private final GarminHttp http;
    private final MeterRegistry registry;
    private final Event<GarminHumanNeeded> alerts;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, DiTokens> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> humanNeeded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> humanGauge = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> expiryGauge = new ConcurrentHashMap<>();

    public GarminTokens(
            GarminConfig config,
            AthletesConfig athletes,
            GarminClients clients,
            GarminHttp http,
            MeterRegistry registry,
            Event<GarminHumanNeeded> alerts) {
        this.config = config;
        this.athletes = athletes;
        this.clients = clients;
        this.http = http;
        this.registry = registry;
        this.alerts = alerts;
    }

    /** Our token file of {@code athleteId} ({@code garmin.token-file}). */
    public Path tokenFile(String athleteId) {
        return Path.of(config.tokenFile().replace("{athlete}", athleteId));
    }

    /** {@code "Bearer <access>"}, refreshed first when it expires within the margin. */
    public synchronized String bearer(String athleteId) {
        DiTokens t = current(athleteId);
        if (t.expiresAt().isBefore(clock.instant().plus(config.refreshMargin()))) {
            t = refresh(athleteId, t, "access token expires " + t.expiresAt());
        }
        return "Bearer " + t.accessToken();
    }

    /**
     * Refreshes after a 401 answered {@code usedBearer}; skipped when another call has refreshed
     * meanwhile.
     */
    public synchronized void refreshAfterUnauthorized(String athleteId, String usedBearer) {
        DiTokens t = current(athleteId);
        if (usedBearer.equals("Bearer " + t.accessToken())) {
            refresh(athleteId, t, "API answered 401");
        }
    }

    /** Imports a python-garminconnect {@code garmin_tokens.json}; clears "human needed". */
    public synchronized DiTokens importTokens(String athleteId, Path pythonTokenFile) {
        return store(athleteId, TokenStore.read(pythonTokenFile));
    }

    /** Stores tokens obtained elsewhere (sign-in); clears "human needed". */
    public synchronized DiTokens store(String athleteId, DiTokens tokens) {
        TokenStore.write(tokenFile(athleteId), tokens);
        sessions.put(athleteId, tokens);
        humanNeeded.remove(athleteId);
        gauge(humanGauge, "garmin_human_needed", athleteId).set(0);
        gauge(expiryGauge, "garmin_token_expiry_timestamp", athleteId)
                .set(tokens.expiresAt().getEpochSecond());
        LOG.infof(
                "Garmin tokens stored for athlete %s, valid until %s",
                athleteId, tokens.expiresAt());
        return tokens;
    }

    /** Whether the athlete's session needs a person, and why. */
    public Optional<String> humanNeeded(String athleteId) {
        return Optional.ofNullable(humanNeeded.get(athleteId));
    }

    /** Expiry of the athlete's access token, when a session is loaded or loadable. */
    public synchronized Optional<Instant> expiresAt(String athleteId) {
        try {
            return Optional.of(current(athleteId).expiresAt());
        } catch (GarminAuthException e) {
            return Optional.empty();
        }
    }

    /** Puts the athlete into "human needed": alert once, fail fast from now on. */
    public void markHumanNeeded(String athleteId, String reason) {
        if (humanNeeded.putIfAbsent(athleteId, reason) == null) {
            gauge(humanGauge, "garmin_human_needed", athleteId).set(1);
            LOG.errorf(
                    "GARMIN_HUMAN_NEEDED athlete=%s: %s. Import garmin_tokens.json (POST"
                            + " /athletes/%s/garmin/tokens) or sign in again.",
                    athleteId, reason, athleteId);
            alerts.fire(new GarminHumanNeeded(athleteId, reason, clock.instant()));
        }
    }

    private DiTokens current(String athleteId) {
        String reason = humanNeeded.get(athleteId);
        if (reason != null) {
            throw new GarminAuthException(athleteId, "Garmin session needs a human: " + reason);
        }
        DiTokens t = sessions.get(athleteId);
        if (t != null) {
            return t;
        }
        Path own = tokenFile(athleteId);
        if (Files.isRegularFile(own)) {
            t = TokenStore.read(own);
            sessions.put(athleteId, t);
            gauge(expiryGauge, "garmin_token_expiry_timestamp", athleteId)
                    .set(t.expiresAt().getEpochSecond());
            return t;
        }
        Optional<Path> importable =
                Optional.ofNullable(athletes.byId().get(athleteId))
                        .flatMap(AthletesConfig.Athlete::garminTokenFile)
                        .map(Path::of)
                        .filter(Files::isRegularFile);
        if (importable.isPresent()) {
            LOG.infof(
                    "importing Garmin tokens for athlete %s from %s", athleteId, importable.get());
            return store(athleteId, TokenStore.read(importable.get()));
        }
        markHumanNeeded(athleteId, "no Garmin tokens (" + own + " missing)");
        throw new GarminAuthException(athleteId, "no Garmin tokens");
    }

    private DiTokens refresh(String athleteId, DiTokens t, String why) {
        GarminReply reply =
                http.send(
                        "token_refresh",
                        () ->
                                clients.auth()
                                        .refresh("refresh_token", t.refreshToken(), t.clientId()));
        if (!reply.ok()) {
            markHumanNeeded(athleteId, "token refresh refused (HTTP " + reply.status() + ")");
            throw new GarminAuthException(athleteId, "token refresh refused");
        }
        DiTokens fresh = parse(athleteId, reply.body(), t);
        LOG.infof("Garmin token refreshed for athlete %s (%s)", athleteId, why);
        return store(athleteId, fresh);
    }

    private DiTokens parse(String athleteId, byte[] body, DiTokens old) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new GarminUnavailableException("token_refresh answered malformed JSON");
        }
        String access = root.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            throw new GarminUnavailableException("token_refresh answer lacks access_token");
        }
        String refresh = root.path("refresh_token").asText(old.refreshToken());
        Instant exp = DiTokens.jwtExpiry(access);
        if (exp.equals(Instant.EPOCH) && root.path("expires_in").canConvertToLong()) {
            exp = clock.instant().plusSeconds(root.path("expires_in").asLong());
        }
        return new DiTokens(access, refresh, old.clientId(), exp);
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String athleteId) {
        return gauges.computeIfAbsent(
                athleteId,
                a -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(name, value, AtomicLong::get)
                            .tag("athlete", a)
                            .strongReference(true)
                            .register(registry);
                    return value;
                });
    }
}
