package io.trainingpipeline.analytics.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.trainingpipeline.analytics.config.AnalyticsSettings;
import io.trainingpipeline.analytics.config.Profiles;
import io.trainingpipeline.analytics.load.ActivityLoad;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code ingest.activity.v1} one poll batch at a time and stores it in one transaction
 * (Appender into staging, set-based upsert, processed ids recorded in the same transaction). A
 * malformed record is counted and skipped ({@link RecordParser}); a database failure fails the
 * batch, which is redelivered (the offset is not committed).
 */
@ApplicationScoped
public class ActivityConsumer {
    private final AnalyticsStore store;
    private final MeterRegistry registry;
    private final ActivityBatch batch;

    public ActivityConsumer(
            AnalyticsStore store,
            MeterRegistry registry,
            Profiles profiles,
            AnalyticsSettings settings) {
        this.store = store;
        this.registry = registry;
        this.batch =
                new ActivityBatch(
                        new RecordParser(registry),
                        new ActivityLoad(settings.load()),
                        (athlete, asOf, max) -> profiles.profile(store, athlete, asOf, max),
                        profiles::zone);
    }

    @Incoming("activity-in")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) throws SQLException {
        apply(records);
    }

    /** Applies one batch (also used by the rebuild). */
    public int apply(
            Iterable<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records)
            throws SQLException {
        int applied = store.applyActivities(batch.rows(records));
        registry.counter("activities_stored_total").increment(applied);
        return applied;
    }
}
