package io.trainingpipeline.analytics.jobs;

import io.trainingpipeline.analytics.messaging.ActivityConsumer;
import io.trainingpipeline.analytics.messaging.WellnessConsumer;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the derived tables from the topics: empties them, then reads {@code ingest.activity.v1}
 * and {@code ingest.wellness.v1} from offset 0 up to the end offsets seen at the start (a consumer
 * without a group, assigned every partition) through the same batch path as the live consumers,
 * logging progress. Events that arrive meanwhile are the live consumers' job (and are idempotent
 * either way). Run it while ingest is quiet: a re-import racing the rebuild may land before its
 * older version.
 */
@ApplicationScoped
public class Rebuild {
    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /**
     * What a rebuild did.
     *
     * @param records records read
     * @param applied events applied (new)
     * @param seconds wall time
     */
    public record Result(long records, long applied, double seconds) {}

    private final AnalyticsStore store;
    private final ActivityConsumer activities;
    private final WellnessConsumer wellness;
    private final String bootstrap;

    public Rebuild(
            AnalyticsStore store,
            ActivityConsumer activities,
            WellnessConsumer wellness,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.store = store;
        this.activities = activities;
        this.wellness = wellness;
        this.bootstrap = bootstrap;
    }

    /** Runs the rebuild (one at a time). */
    public synchronized Result run() throws SQLException {
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INGEST_ACTIVITY, Topics.INGEST_WELLNESS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            LOG.infof(
                    "rebuild: emptying derived tables, replaying %d record(s) from offset 0",
                    total);
            store.truncateAll();
            long read = 0;
            long applied = 0;
            long lastLog = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> act = new ArrayList<>();
                List<ConsumerRecord<String, byte[]>> well = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    Long stop = end.get(new TopicPartition(r.topic(), r.partition()));
                    if (r.offset() < stop) {
                        (r.topic().equals(Topics.INGEST_ACTIVITY) ? act : well).add(r);
                    }
                }
                applied += activities.apply(act) + wellness.apply(well);
                read += act.size() + well.size();
                if (System.nanoTime() - lastLog > PROGRESS_EVERY.toNanos()) {
                    LOG.infof("rebuild: %d of %d record(s) replayed", read, total);
                    lastLog = System.nanoTime();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            LOG.infof(
                    "rebuild: done, %d record(s) read, %d event(s) applied in %.1f s",
                    read, applied, seconds);
            return new Result(read, applied, seconds);
        }
    }

    private static boolean caughtUp(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}
