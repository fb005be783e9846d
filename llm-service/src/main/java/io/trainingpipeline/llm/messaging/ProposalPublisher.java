package io.trainingpipeline.llm.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes answers on {@code llm.proposal.v1} keyed by athlete and waits for the broker's
 * acknowledgement (acks=all, idempotent producer), so a returned call means durably published.
 */
@ApplicationScoped
public class ProposalPublisher {
    private final MutinyEmitter<byte[]> out;

    public ProposalPublisher(@Channel("proposal-out") MutinyEmitter<byte[]> out) {
        this.out = out;
    }

    /** Publishes one serialised envelope. */
    public void publish(String athleteId, byte[] json) {
        out.sendMessageAndAwait(
                Message.of(json)
                        .addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder()
                                        .withKey(athleteId)
                                        .build()));
    }
}
