package io.trainingpipeline.bench.latency;

import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.PlanDecided;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads planner.decision.v1 from its end on a thread of its own (partitions assigned, no group, so
 * no rebalance pause) and completes, per flags event id, the future registered before the flags
 * event was published with the arrival time ({@link System#nanoTime()}) and the decision.
 */
public final class DecisionWatcher implements AutoCloseable {
    /** A decision as it arrived. */
    public record Arrival(long nanos, PlanDecided decision) {}

    private final Map<String, CompletableFuture<Arrival>> expected = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;

    /** Starts reading from the current end of the topic. */
    public DecisionWatcher(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.PLANNER_DECISION).stream()
                        .map(i -> new TopicPartition(Topics.PLANNER_DECISION, i.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "decision-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Registers a flags event id; call before publishing it. */
    public CompletableFuture<Arrival> expect(String flagsEventId) {
        return expected.computeIfAbsent(flagsEventId, id -> new CompletableFuture<>());
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    long now = System.nanoTime();
                    try {
                        PlanDecided d = EventJson.parse(r.value(), PlanDecided.class).payload();
                        expect(d.flagsEventId()).complete(new Arrival(now, d));
                    } catch (MalformedEventException e) {
                        System.err.println(
                                "unreadable decision at offset " + r.offset() + ": " + e);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
