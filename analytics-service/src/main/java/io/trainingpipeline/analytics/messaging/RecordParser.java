package io.trainingpipeline.analytics.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Parses a poll batch. A malformed record is logged with its topic, partition, offset and field,
 * counted ({@code events_malformed_total{topic}}) and skipped: it never stops the batch.
 */
public final class RecordParser {
    private static final Logger LOG = Logger.getLogger(RecordParser.class);

    private final MeterRegistry registry;

    public RecordParser(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Parses every record; {@code check} returns the parsed envelope or throws {@link
     * MalformedEventException} naming the field that is unusable.
     */
    public <T> List<T> parse(
            Iterable<ConsumerRecord<String, byte[]>> records,
            Function<EventEnvelope<EventPayload>, T> check) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                out.add(check.apply(EventJson.parse(record.value())));
            } catch (MalformedEventException e) {
                malformed(record, e.getMessage());
            } catch (RuntimeException e) {
                malformed(record, e.toString());
            }
        }
        return out;
    }

    private void malformed(ConsumerRecord<String, byte[]> record, String why) {
        registry.counter("events_malformed_total", "topic", record.topic()).increment();
        LOG.warnf(
                "skipping malformed event at %s-%d@%d: %s",
                record.topic(), record.partition(), record.offset(), why);
    }

    /** Throws a {@link MalformedEventException} for {@code field} when {@code value} is null. */
    static void require(Object value, String field) {
        if (value == null) {
            throw new MalformedEventException(field, "missing", null);
        }
    }
}
