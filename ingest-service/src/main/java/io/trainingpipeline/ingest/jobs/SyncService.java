package io.trainingpipeline.ingest.jobs;

import io.trainingpipeline.garmin.GarminException;
import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.config.IngestConfig;
import io.trainingpipeline.ingest.garmin.GarminSync;
import io.trainingpipeline.ingest.metrics.IngestMetrics;
import io.trainingpipeline.ingest.store.SyncStateStore;
import io.trainingpipeline.ingest.sync.SyncPlan;
import io.trainingpipeline.ingest.sync.SyncState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The {@code sync_daily} and {@code sync_catchup} flows of one athlete: plan from the high-water
 * marks, fetch and publish, then move the marks. One flow per athlete at a time. A failed flow is
 * logged, counted ({@code flow_failure_total}) and leaves the marks where they were, so the next
 * run fetches the same days again.
 */
@ApplicationScoped
public class SyncService {
    public static final String DAILY = "sync_daily";
    public static final String CATCHUP = "sync_catchup";
    private static final Logger LOG = Logger.getLogger(SyncService.class);

    /** What a flow did. */
    public record Outcome(
            String flow,
            String athleteId,
            LocalDate from,
            LocalDate to,
            boolean ok,
            GarminSync.Result published,
            String error) {}

    private final GarminSync sync;
    private final SyncStateStore states;
    private final IngestMetrics metrics;
    private final Athletes athletes;
    private final IngestConfig config;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public SyncService(
            GarminSync sync,
            SyncStateStore states,
            IngestMetrics metrics,
            Athletes athletes,
            IngestConfig config) {
        this.sync = sync;
        this.states = states;
        this.metrics = metrics;
        this.athletes = athletes;
        this.config = config;
    }

    /** Yesterday and today in the athlete's time zone. */
    public Outcome daily(String athleteId) {
        return run(DAILY, athleteId, SyncPlan.daily(today(athleteId)));
    }

    /** Only what is missing since the high-water marks. */
    public Outcome catchup(String athleteId) {
        SyncPlan plan =
                SyncPlan.catchup(states.load(athleteId), today(athleteId), config.catchupMaxDays());
        return run(CATCHUP, athleteId, plan);
    }

    LocalDate today(String athleteId) {
        return LocalDate.now(athletes.zone(athleteId));
    }

    private Outcome run(String flow, String athleteId, SyncPlan plan) {
        synchronized (locks.computeIfAbsent(athleteId, a -> new Object())) {
            try {
                GarminSync.Result r = sync.run(athleteId, plan, () -> false, day -> {});
                SyncState after =
                        states.load(athleteId)
                                .afterSync(plan.wellnessFrom(), plan.to(), today(athleteId));
                states.save(athleteId, after);
                metrics.flowSuccess(flow);
                LOG.infof(
                        "%s athlete %s %s..%s: %d activities, %d HRV nights, %d sleep nights,"
                                + " %d resting HR days",
                        flow,
                        athleteId,
                        plan.from(),
                        plan.to(),
                        r.activities(),
                        r.hrvNights(),
                        r.sleepNights(),
                        r.restingHrDays());
                return new Outcome(flow, athleteId, plan.from(), plan.to(), true, r, null);
            } catch (GarminException | GarminSync.Interrupted e) {
                metrics.flowFailure(flow);
                LOG.errorf("%s athlete %s failed: %s", flow, athleteId, e.getMessage());
                return new Outcome(
                        flow, athleteId, plan.from(), plan.to(), false, null, e.getMessage());
            }
        }
    }
}
