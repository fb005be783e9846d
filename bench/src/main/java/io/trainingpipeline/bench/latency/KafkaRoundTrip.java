package io.trainingpipeline.bench.latency;

import io.trainingpipeline.bench.BenchClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The baseline: one record produced (the flags publisher's settings: acks=all, idempotent, default
 * linger) and received by a plain {@code KafkaConsumer} polling the topic, one record in flight at
 * a time, timed with the same clock as the flag → decision path.
 */
public final class KafkaRoundTrip {
    private KafkaRoundTrip() {}

    /** Warms up with {@code warmup} round trips, then measures {@code count}. */
    public static Samples measure(String bootstrap, String topic, int warmup, int count)
            throws InterruptedException {
        SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
        Samples samples = new Samples();
        try (KafkaProducer<String, byte[]> producer = BenchClients.producer(bootstrap);
                KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets before producing
            Thread poller = new Thread(() -> poll(consumer, arrivals), "round-trip-consumer");
            poller.setDaemon(true);
            poller.start();
            try {
                for (int i = 0; i < warmup + count; i++) {
                    byte[] value = ("round trip " + i).getBytes(StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, "athlete-" + (i % 10), value));
                    Long arrived = arrivals.poll(60, TimeUnit.SECONDS);
                    if (arrived == null) {
                        throw new IllegalStateException("round trip " + i + " not received");
                    }
                    if (i >= warmup) {
                        samples.add(arrived - t0);
                    }
                }
            } finally {
                consumer.wakeup();
                poller.join(10_000);
            }
        }
        return samples;
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, SynchronousQueue<Long> out) {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> ignored :
                        consumer.poll(Duration.ofMillis(500))) {
                    // a record nobody waits for any more (after a give-up) is dropped
                    out.offer(System.nanoTime(), 1, TimeUnit.SECONDS);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
