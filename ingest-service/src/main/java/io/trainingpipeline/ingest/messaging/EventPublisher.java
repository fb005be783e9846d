package io.trainingpipeline.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes ingest events keyed by athlete id and waits for the broker's acknowledgement, so a
 * caller that returns has durably published (acks=all, idempotent producer).
 */
@ApplicationScoped
public class EventPublisher {
    private final MutinyEmitter<byte[]> activities;
    private final MutinyEmitter<byte[]> wellness;

    public EventPublisher(
            @Channel("activity-out") MutinyEmitter<byte[]> activities,
            @Channel("wellness-out") MutinyEmitter<byte[]> wellness) {
        this.activities = activities;
        this.wellness = wellness;
    }

    /**
     * Publishes each envelope to the topic its type belongs to, all sends in flight together (the
     * producer keeps their order per partition), and returns once the broker acknowledged all.
     */
    public void publish(List<? extends EventEnvelope<?>> events) {
        List<Uni<Void>> sends = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            MutinyEmitter<byte[]> emitter =
                    Topics.INGEST_ACTIVITY.equals(event.type().topic()) ? activities : wellness;
            Message<byte[]> message =
                    Message.of(EventJson.toBytes(event))
                            .addMetadata(
                                    OutgoingKafkaRecordMetadata.<String>builder()
                                            .withKey(event.athleteId())
                                            .build());
            // subscribing sends now; the acknowledgement is awaited below for the whole batch
            sends.add(emitter.sendMessage(message).memoize().indefinitely());
            sends.get(sends.size() - 1).subscribe().with(ok -> {}, failure -> {});
        }
        if (!sends.isEmpty()) {
            Uni.join().all(sends).andCollectFailures().await().indefinitely();
        }
    }
}
