package io.trainingpipeline.analytics.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.events.FlagsRaised;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes {@code FlagsRaised} on {@code analytics.flag.v1}, keyed by athlete, waiting for the
 * ack.
 */
@ApplicationScoped
public class FlagPublisher {
    private final MutinyEmitter<Record<String, byte[]>> emitter;

    public FlagPublisher(@Channel("flags-out") MutinyEmitter<Record<String, byte[]>> emitter) {
        this.emitter = emitter;
    }

    /** Sends and blocks until the broker acknowledged (or throws). */
    public void publish(EventEnvelope<FlagsRaised> event) {
        emitter.sendAndAwait(Record.of(event.athleteId(), EventJson.toBytes(event)));
    }
}
