package io.trainingpipeline.planner.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.trainingpipeline.planner.service.AdaptationService;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.support.logging.EventMdc;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes analytics.flag.v1 (FlagsRaised) and llm.proposal.v1 (PlanPatchProposed, ProposalFailed).
 * A malformed record is logged with topic, partition, offset and field, counted ({@code
 * events_malformed_total}) and skipped; a failure while handling one record is logged and counted
 * and never stops the channel (the week then goes forward untouched at its deadline).
 */
@ApplicationScoped
public class AdaptationConsumer {
    private static final Logger LOG = Logger.getLogger(AdaptationConsumer.class);
    private final AdaptationService adaptation;
    private final MeterRegistry registry;

    public AdaptationConsumer(AdaptationService adaptation, MeterRegistry registry) {
        this.adaptation = adaptation;
        this.registry = registry;
    }

    @Incoming("flags-in")
    @Blocking(ordered = true)
    public void flags(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<FlagsRaised> event = parse(record, FlagsRaised.class);
        if (event == null) {
            return;
        }
        try (EventMdc.Scope ignored = EventMdc.put(event)) {
            adaptation.onFlags(event);
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    @Incoming("proposals-in")
    @Blocking(ordered = true)
    public void proposals(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<EventPayload> event = parse(record, EventPayload.class);
        if (event == null) {
            return;
        }
        if (!(event.payload() instanceof PlanPatchProposed)
                && !(event.payload() instanceof ProposalFailed)) {
            malformed(
                    record,
                    new MalformedEventException(
                            "eventType", "not a proposal: " + event.eventType(), null));
            return;
        }
        try (EventMdc.Scope ignored = EventMdc.put(event)) {
            adaptation.onProposal(event);
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    private <T extends EventPayload> EventEnvelope<T> parse(
            ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return EventJson.parse(record.value(), type);
        } catch (MalformedEventException e) {
            malformed(record, e);
            return null;
        }
    }

    private void malformed(ConsumerRecord<String, byte[]> record, MalformedEventException e) {
        registry.counter("events_malformed_total", "topic", record.topic()).increment();
        LOG.warnf(
                "skipping malformed event at %s-%d@%d: %s",
                record.topic(), record.partition(), record.offset(), e.getMessage());
    }

    private void failed(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        registry.counter("planner_event_failures_total", "topic", record.topic()).increment();
        LOG.errorf(
                e,
                "handling %s-%d@%d failed; the week goes forward untouched",
                record.topic(),
                record.partition(),
                record.offset());
    }
}
