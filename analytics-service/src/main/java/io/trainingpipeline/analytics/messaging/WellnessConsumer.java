package io.trainingpipeline.analytics.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.trainingpipeline.analytics.config.Profiles;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.events.HrvMeasured;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.schemas.events.SleepMeasured;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code ingest.wellness.v1} (HRV, sleep, resting HR) one poll batch per transaction, like
 * {@link ActivityConsumer}, and keeps the gauge {@code hrv_last_timestamp{athlete}} (epoch seconds
 * of the start of the newest night with an HRV value, in the athlete's zone).
 */
@ApplicationScoped
public class WellnessConsumer {
    private final AnalyticsStore store;
    private final MeterRegistry registry;
    private final Profiles profiles;
    private final RecordParser parser;
    private final Map<String, AtomicLong> hrvLast = new ConcurrentHashMap<>();

    public WellnessConsumer(AnalyticsStore store, MeterRegistry registry, Profiles profiles) {
        this.store = store;
        this.registry = registry;
        this.profiles = profiles;
        this.parser = new RecordParser(registry);
    }

    @Incoming("wellness-in")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) throws SQLException {
        apply(records);
    }

    /** Applies one batch (also used by the rebuild). */
    public int apply(Iterable<ConsumerRecord<String, byte[]>> records) throws SQLException {
        List<EventEnvelope<?>> events = parser.parse(records, WellnessConsumer::check);
        int applied = store.applyWellness(events);
        Set<String> hrvAthletes = new LinkedHashSet<>();
        events.stream()
                .filter(e -> e.payload() instanceof HrvMeasured)
                .forEach(e -> hrvAthletes.add(e.athleteId()));
        for (String athlete : hrvAthletes) {
            var newest = store.queries().newestHrvNight(athlete);
            if (newest.isPresent()) {
                long epoch = newest.get().atStartOfDay(profiles.zone(athlete)).toEpochSecond();
                hrvLast.computeIfAbsent(
                                athlete,
                                a -> {
                                    AtomicLong v = new AtomicLong();
                                    registry.gauge(
                                            "hrv_last_timestamp",
                                            io.micrometer.core.instrument.Tags.of("athlete", a),
                                            v);
                                    return v;
                                })
                        .set(epoch);
            }
        }
        return applied;
    }

    private static EventEnvelope<?> check(
            EventEnvelope<io.trainingpipeline.schemas.EventPayload> e) {
        if (e.payload() instanceof HrvMeasured h) {
            RecordParser.require(h.nightDate(), "payload.nightDate");
        } else if (e.payload() instanceof SleepMeasured s) {
            RecordParser.require(s.nightDate(), "payload.nightDate");
            if (!(s.sleepSeconds() >= 0)) {
                throw new MalformedEventException("payload.sleepSeconds", "negative", null);
            }
        } else if (e.payload() instanceof RestingHrMeasured r) {
            RecordParser.require(r.date(), "payload.date");
        } else {
            throw new MalformedEventException(
                    "eventType", "not a wellness event: " + e.eventType(), null);
        }
        return e;
    }
}
