package io.trainingpipeline.testkit.kafka;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests: publish events as a service would, and read what services
 * published, waiting for a condition with a deadline (never a sleep).
 */
public final class KafkaProbe {
    private final String bootstrap;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrap = bootstrapServers;
    }

    /** Publishes envelopes keyed by athlete and waits for the broker's acknowledgement. */
    public void publish(String topic, List<? extends EventEnvelope<?>> events) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EventEnvelope<?> event : events) {
                producer.send(
                        new ProducerRecord<>(topic, event.athleteId(), EventJson.toBytes(event)));
            }
            producer.flush();
        }
    }

    /** Publishes raw bytes (for malformed-record tests). */
    public void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} accepts the parsed events seen so
     * far or {@code timeout} passes; returns the events either way (assert on them).
     */
    public List<EventEnvelope<EventPayload>> readUntil(
            String topic, Predicate<List<EventEnvelope<EventPayload>>> done, Duration timeout) {
        List<EventEnvelope<EventPayload>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(deadline) && !done.test(seen)) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    seen.add(EventJson.parse(record.value()));
                }
            }
        }
        return seen;
    }

    /** Reads every record currently on {@code topic} (until {@code quiet} passes without news). */
    public List<EventEnvelope<EventPayload>> readAll(String topic, Duration quiet) {
        List<EventEnvelope<EventPayload>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Instant lastNews = Instant.now();
            boolean assigned = false;
            while (!assigned || Instant.now().isBefore(lastNews.plus(quiet))) {
                var records = consumer.poll(Duration.ofMillis(200));
                assigned = assigned || !consumer.assignment().isEmpty();
                if (!records.isEmpty()) {
                    lastNews = Instant.now();
                }
                records.forEach(r -> seen.add(EventJson.parse(r.value())));
            }
        }
        return seen;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
