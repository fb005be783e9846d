package io.trainingpipeline.analytics.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code ingest.activity.v1} one poll batch at a time and stores it in one transaction. A
 * malformed record is logged with its topic, partition, offset and field, counted ({@code
 * events_malformed_total}) and skipped: it never stops the batch.
 */
@ApplicationScoped
public class ActivityConsumer {
    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class);

    private final AnalyticsStore store;
    private final MeterRegistry registry;

    public ActivityConsumer(AnalyticsStore store, MeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Incoming("activity-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws SQLException {
        List<EventEnvelope<ActivityRecorded>> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(EventJson.parse(record.value(), ActivityRecorded.class));
            } catch (MalformedEventException e) {
                registry.counter("events_malformed_total", "topic", record.topic()).increment();
                LOG.warnf(
                        "skipping malformed event at %s-%d@%d: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        int applied = store.applyActivities(events);
        registry.counter("activities_stored_total").increment(applied);
    }
}
