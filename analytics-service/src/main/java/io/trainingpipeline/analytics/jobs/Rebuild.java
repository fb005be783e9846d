package io.trainingpipeline.analytics.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.analytics.config.AnalyticsSettings;
import io.trainingpipeline.analytics.config.Profiles;
import io.trainingpipeline.analytics.load.ActivityLoad;
import io.trainingpipeline.analytics.load.RecentMaxHr;
import io.trainingpipeline.analytics.messaging.ActivityBatch;
import io.trainingpipeline.analytics.messaging.RecordParser;
import io.trainingpipeline.analytics.messaging.WellnessConsumer;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds the derived tables from the topics ({@code POST /admin/rebuild}, {@code ./pipeline
 * replay}) with {@link TopicReplay}: empties them, replays both ingest topics from offset 0 up to
 * the end offsets seen at the start, activities in bulk (appended without keys, merged once at the
 * end), wellness through the live consumer's batch path, logging progress. Events that arrive
 * meanwhile are the live consumers' job (idempotent either way; at the merge, rows the live
 * consumer stored meanwhile win, being from later offsets). Run it while ingest is quiet: a
 * re-import racing the rebuild may land before its older version.
 */
@ApplicationScoped
public class Rebuild {
    /** Records per poll of the replay consumer (the live consumers use 5000). */
    static final int MAX_POLL_RECORDS = 10_000;

    /**
     * What a rebuild did.
     *
     * @param records records read
     * @param applied events applied (new)
     * @param seconds wall time
     */
    public record Result(long records, long applied, double seconds) {}

    private final AnalyticsStore store;
    private final MeterRegistry registry;
    private final Profiles profiles;
    private final AnalyticsSettings settings;
    private final WellnessConsumer wellness;
    private final String bootstrap;

    public Rebuild(
            AnalyticsStore store,
            MeterRegistry registry,
            Profiles profiles,
            AnalyticsSettings settings,
            WellnessConsumer wellness,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.store = store;
        this.registry = registry;
        this.profiles = profiles;
        this.settings = settings;
        this.wellness = wellness;
        this.bootstrap = bootstrap;
    }

    /** Runs the rebuild (one at a time). */
    public synchronized Result run() throws SQLException {
        RecentMaxHr seen = new RecentMaxHr();
        ActivityBatch batch =
                new ActivityBatch(
                        new RecordParser(registry),
                        new ActivityLoad(settings.load()),
                        (athlete, asOf, max) -> profiles.profile(store, athlete, asOf, max, seen),
                        profiles::zone);
        TopicReplay.Outcome o =
                new TopicReplay(bootstrap, store, batch, seen, wellness::apply, MAX_POLL_RECORDS)
                        .run();
        registry.counter("activities_stored_total").increment(o.activitiesApplied());
        return new Result(o.records(), o.applied(), o.seconds());
    }
}
