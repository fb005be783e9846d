package io.trainingpipeline.ingest.config;

import io.trainingpipeline.support.config.AthletesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Per-athlete lookups with defaults for athletes that are not configured (REST commands and tests
 * may name any athlete id): time zone UTC, no profile.
 */
@ApplicationScoped
public class Athletes {
    private final AthletesConfig config;

    public Athletes(AthletesConfig config) {
        this.config = config;
    }

    /** Configured athlete ids. */
    public Set<String> ids() {
        return config.byId().keySet();
    }

    /** The athlete's configuration, when configured. */
    public Optional<AthletesConfig.Athlete> get(String athleteId) {
        return Optional.ofNullable(config.byId().get(athleteId));
    }

    /** The athlete's time zone (calendar days, cron firing), UTC when not configured. */
    public ZoneId zone(String athleteId) {
        return get(athleteId).map(a -> ZoneId.of(a.timezone())).orElse(ZoneId.of("UTC"));
    }

    /** The profile's {@code hr_max}, or null. */
    public Integer hrMax(String athleteId) {
        return get(athleteId)
                .filter(a -> a.hrMax().isPresent())
                .map(a -> a.hrMax().getAsInt())
                .orElse(null);
    }
}
