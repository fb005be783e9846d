package io.trainingpipeline.planner.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.trainingpipeline.planner.service.DecisionSink;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.events.PlanDecided;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes decisions (planner.decision.v1) and push results (planner.push.v1), keyed by athlete.
 */
@ApplicationScoped
public class EventPublisher implements DecisionSink {
    private final MutinyEmitter<byte[]> decisions;
    private final MutinyEmitter<byte[]> pushes;

    public EventPublisher(
            @Channel("decision-out") MutinyEmitter<byte[]> decisions,
            @Channel("push-out") MutinyEmitter<byte[]> pushes) {
        this.decisions = decisions;
        this.pushes = pushes;
    }

    @Override
    public void publish(EventEnvelope<PlanDecided> decision) {
        send(decisions, decision);
    }

    /** Publishes a PlanPushed or PlanPushFailed. */
    public void publishPush(EventEnvelope<?> event) {
        send(pushes, event);
    }

    private static void send(MutinyEmitter<byte[]> emitter, EventEnvelope<?> event) {
        emitter.sendMessageAndAwait(
                Message.of(EventJson.toBytes(event))
                        .addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder()
                                        .withKey(event.athleteId())
                                        .build()));
    }
}
