package io.trainingpipeline.llm.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.trainingpipeline.llm.metrics.LlmMetrics;
import io.trainingpipeline.llm.store.AnsweredStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.support.logging.EventMdc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code analytics.flag.v1} one event at a time, in order per partition, and answers each
 * flags event exactly once (idempotent by the flags event id):
 *
 * <ol>
 *   <li>already answered and published (redelivery, replay): skipped, the model is not called;
 *   <li>answered but not yet published (crash in between): the stored answer is published;
 *   <li>new: answer, record it in the outbox, publish, mark published.
 * </ol>
 *
 * A malformed record is logged with topic, partition, offset and field, counted and skipped.
 */
@ApplicationScoped
public class FlagsConsumer {
    private static final Logger LOG = Logger.getLogger(FlagsConsumer.class);

    private final ProposalService service;
    private final ProposalPublisher publisher;
    private final AnsweredStore store;
    private final LlmMetrics metrics;

    public FlagsConsumer(
            ProposalService service,
            ProposalPublisher publisher,
            AnsweredStore store,
            LlmMetrics metrics) {
        this.service = service;
        this.publisher = publisher;
        this.store = store;
        this.metrics = metrics;
    }

    @Incoming("flags-in")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws SQLException {
        EventEnvelope<FlagsRaised> flags;
        try {
            flags = EventJson.parse(record.value(), FlagsRaised.class);
        } catch (MalformedEventException e) {
            metrics.malformed(record.topic());
            LOG.warnf(
                    "skipping malformed event at %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        try (EventMdc.Scope ignored = EventMdc.put(flags)) {
            answer(record, flags);
        }
    }

    private void answer(ConsumerRecord<String, byte[]> record, EventEnvelope<FlagsRaised> flags)
            throws SQLException {
        if (flags.payload().weekStart() == null) {
            metrics.malformed(record.topic());
            LOG.warnf(
                    "skipping flags event %s at %s-%d@%d: payload.weekStart is missing",
                    flags.eventId(), record.topic(), record.partition(), record.offset());
            return;
        }
        Optional<AnsweredStore.Answer> known = store.find(flags.eventId());
        if (known.isPresent()) {
            if (!known.get().published()) {
                publisher.publish(known.get().athleteId(), known.get().json());
                store.markPublished(flags.eventId());
            }
            metrics.replaySkipped();
            LOG.debugf("flags event %s was answered before; model not called", flags.eventId());
            return;
        }
        EventEnvelope<? extends EventPayload> answer = service.answer(flags);
        byte[] json = EventJson.toBytes(answer);
        store.record(
                flags.eventId(), answer.eventId(), answer.eventType(), answer.athleteId(), json);
        publisher.publish(answer.athleteId(), json);
        store.markPublished(flags.eventId());
    }
}
