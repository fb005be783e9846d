package io.trainingpipeline.analytics.config;

import io.trainingpipeline.analytics.load.HrProfile;
import io.trainingpipeline.analytics.load.RecentMaxHr;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.support.config.AthletesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Heart-rate profiles and time zones of athletes (training-science section 2): values from {@code
 * athletes.<id>}, missing ones estimated from the stored data as of the batch's newest day, logged
 * once per athlete. An athlete without configuration gets the UTC zone and estimated values.
 */
@ApplicationScoped
public class Profiles {
    private static final Logger LOG = Logger.getLogger(Profiles.class);

    private final AthletesConfig athletes;
    private final AnalyticsSettings settings;
    private final AnalyticsConfig config;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public Profiles(AthletesConfig athletes, AnalyticsSettings settings, AnalyticsConfig config) {
        this.athletes = athletes;
        this.settings = settings;
        this.config = config;
    }

    /** The athlete's time zone (UTC when not configured). */
    public ZoneId zone(String athleteId) {
        AthletesConfig.Athlete a = athletes.byId().get(athleteId);
        return ZoneId.of(a == null ? "UTC" : a.timezone());
    }

    /** The configured athlete ids. */
    public Set<String> configured() {
        return athletes.byId().keySet();
    }

    /**
     * The profile for a bulk replay, whose rows are stored only at its end: {@code seen} holds the
     * max HR of the rows replayed so far, which count like stored ones.
     */
    public HrProfile profile(
            AnalyticsStore store,
            String athleteId,
            LocalDate asOf,
            OptionalDouble batchMaxHr,
            RecentMaxHr seen)
            throws SQLException {
        OptionalDouble replayed =
                seen.max(athleteId, asOf.minusDays(config.profile().hrMaxWindowDays() - 1L), asOf);
        return profile(store, athleteId, asOf, RecentMaxHr.larger(batchMaxHr, replayed));
    }

    /**
     * The profile for loads of activities up to {@code asOf}.
     *
     * @param batchMaxHr the highest HR in the batch being stored (not yet in the store), or empty
     */
    public HrProfile profile(
            AnalyticsStore store, String athleteId, LocalDate asOf, OptionalDouble batchMaxHr)
            throws SQLException {
        AthletesConfig.Athlete a = athletes.byId().get(athleteId);
        Integer hrMax = a != null && a.hrMax().isPresent() ? a.hrMax().getAsInt() : null;
        Integer hrRest = a != null && a.hrRest().isPresent() ? a.hrRest().getAsInt() : null;
        Integer lthr = a != null && a.lthr().isPresent() ? a.lthr().getAsInt() : null;
        boolean female = a != null && "female".equalsIgnoreCase(a.sex());
        OptionalDouble seen = OptionalDouble.empty();
        List<Integer> resting = List.of();
        if (hrMax == null) {
            seen =
                    store.queries()
                            .highestHr(
                                    athleteId,
                                    asOf.minusDays(config.profile().hrMaxWindowDays() - 1L),
                                    asOf);
            if (batchMaxHr.isPresent()
                    && (seen.isEmpty() || batchMaxHr.getAsDouble() > seen.getAsDouble())) {
                seen = batchMaxHr;
            }
        }
        if (hrRest == null) {
            resting =
                    store.queries()
                            .restingHr(
                                    athleteId,
                                    asOf.minusDays(config.profile().hrRestMedianDays() - 1L),
                                    asOf);
        }
        HrProfile profile =
                settings.estimator().resolve(female, hrMax, hrRest, lthr, seen, resting);
        if (profile.estimated() && logged.add(athleteId)) {
            LOG.infof(
                    "athlete %s: heart-rate profile partly estimated (training-science section 2):"
                            + " hr_max=%.0f hr_rest=%.0f lthr=%.0f; set athletes.%s.hr_max,"
                            + " hr_rest, lthr to fix them",
                    athleteId, profile.hrMax(), profile.hrRest(), profile.lthr(), athleteId);
        }
        return profile;
    }
}
