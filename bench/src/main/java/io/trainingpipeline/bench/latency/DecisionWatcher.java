package io.trainingpipeline.bench.latency;

import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * event was published with the arrival time ({@link System#nanoTime()}) and the decision. Also
 * notes when each flags event's answer arrived on llm.proposal.v1 (for the breakdown of the path).
 */
public final class DecisionWatcher implements AutoCloseable {
    /** A decision as it arrived. */
    public record Arrival(long nanos, long createdMillis, PlanDecided decision) {}

    /**
     * An answer of the llm-service as it arrived: when, the record's creation time (the
     * llm-service's send, wall clock) and the service's own answering time.
     */
    public record Proposal(long nanos, long createdMillis, long answerMillis) {}

    private final Map<String, CompletableFuture<Arrival>> expected = new ConcurrentHashMap<>();
    private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
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
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.PLANNER_DECISION, Topics.LLM_PROPOSAL)) {
            consumer.partitionsFor(topic)
                    .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
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

    /** When the answer to a flags event arrived, if it did. */
    public Optional<Proposal> proposal(String flagsEventId) {
        return Optional.ofNullable(proposals.get(flagsEventId));
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    long now = System.nanoTime();
                    try {
                        EventPayload payload = EventJson.parse(r.value()).payload();
                        if (payload instanceof PlanDecided d) {
                            expect(d.flagsEventId()).complete(new Arrival(now, r.timestamp(), d));
                        } else if (payload instanceof PlanPatchProposed p) {
                            proposals.put(
                                    p.flagsEventId(),
                                    new Proposal(now, r.timestamp(), p.latencyMillis()));
                        } else if (payload instanceof ProposalFailed f) {
                            proposals.put(
                                    f.flagsEventId(),
                                    new Proposal(now, r.timestamp(), f.latencyMillis()));
                        }
                    } catch (MalformedEventException e) {
                        System.err.println(
                                "unreadable event on "
                                        + r.topic()
                                        + " at "
                                        + r.offset()
                                        + ": "
                                        + e);
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
