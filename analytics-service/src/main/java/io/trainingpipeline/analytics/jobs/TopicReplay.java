package io.trainingpipeline.analytics.jobs;

import io.trainingpipeline.analytics.load.RecentMaxHr;
import io.trainingpipeline.analytics.messaging.ActivityBatch;
import io.trainingpipeline.analytics.store.ActivityReplay;
import io.trainingpipeline.analytics.store.ActivityRow;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The rebuild's read loop (plain class, so the replay benchmark runs exactly this code): empties
 * the derived tables, reads the ingest topics from offset 0 up to the end offsets seen at the start
 * (a consumer without a group, assigned every partition), and
 *
 * <ul>
 *   <li>activities: parsed on this thread and a pool (one slice of each poll per core) and loaded
 *       ({@link ActivityBatch}), appended on a second thread to an unkeyed table ({@link
 *       ActivityReplay}) and merged once at the end, so parsing and DuckDB use both cores and no
 *       keyed statement runs per poll;
 *   <li>wellness: the per-batch keyed path of the live consumer (resting HR must be stored as it
 *       goes: the section-2 profile estimate of later activities reads it).
 * </ul>
 */
public final class TopicReplay {
    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** Parsed batches waiting for the writer thread at most (bounds memory). */
    private static final int IN_FLIGHT = 3;

    /** Applies one poll batch of records through the keyed per-batch path. */
    @FunctionalInterface
    public interface BatchApply {
        int apply(List<ConsumerRecord<String, byte[]>> records) throws SQLException;
    }

    /**
     * What a replay did, with where the time went (seconds).
     *
     * @param records records read
     * @param applied events applied (new)
     * @param activitiesApplied of which activities
     * @param seconds wall time
     * @param pollSeconds in {@code KafkaConsumer.poll}
     * @param parseSeconds parsing and loads of activities
     * @param wellnessSeconds the per-batch wellness path
     * @param writerWaitSeconds waiting for the writer thread (it is the slower side when large)
     * @param appendSeconds appending on the writer thread (overlaps the others)
     * @param mergeSeconds the final merge into the keyed tables
     */
    public record Outcome(
            long records,
            long applied,
            long activitiesApplied,
            double seconds,
            double pollSeconds,
            double parseSeconds,
            double wellnessSeconds,
            double writerWaitSeconds,
            double appendSeconds,
            double mergeSeconds) {}

    private final String bootstrap;
    private final AnalyticsStore store;
    private final ActivityBatch activities;
    private final RecentMaxHr seen;
    private final BatchApply wellness;
    private final int maxPollRecords;

    /**
     * @param seen filled with the max HR of every replayed activity (the batch's profile lookup
     *     should read it, see {@code Profiles})
     */
    public TopicReplay(
            String bootstrap,
            AnalyticsStore store,
            ActivityBatch activities,
            RecentMaxHr seen,
            BatchApply wellness,
            int maxPollRecords) {
        this.bootstrap = bootstrap;
        this.store = store;
        this.activities = activities;
        this.seen = seen;
        this.wellness = wellness;
        this.maxPollRecords = maxPollRecords;
    }

    /** Runs the replay (the caller serialises runs). */
    public Outcome run() throws SQLException {
        long t0 = System.nanoTime();
        long[] nanos = new long[6]; // poll, parse, wellness, wait, append, merge
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("replay-writer"));
        int parts = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService parsers = Executors.newFixedThreadPool(parts, daemon("replay-parser"));
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
                    "replay: emptying derived tables, replaying %d record(s) from offset 0", total);
            store.truncateAll();
            long read = 0;
            long applied = 0;
            long activitiesApplied;
            try (ActivityReplay replay = store.beginActivityReplay()) {
                Deque<Future<?>> pending = new ArrayDeque<>();
                long lastLog = System.nanoTime();
                while (!caughtUp(consumer, end)) {
                    long t = System.nanoTime();
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    nanos[0] += System.nanoTime() - t;
                    List<ConsumerRecord<String, byte[]>> act = new ArrayList<>(records.count());
                    List<ConsumerRecord<String, byte[]>> well = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> r : records) {
                        Long stop = end.get(new TopicPartition(r.topic(), r.partition()));
                        if (r.offset() < stop) {
                            (r.topic().equals(Topics.INGEST_ACTIVITY) ? act : well).add(r);
                        }
                    }
                    t = System.nanoTime();
                    List<ActivityRow> rows = activities.rows(act, parsers, parts);
                    for (ActivityRow row : rows) {
                        seen.record(
                                row.event().athleteId(),
                                row.localDate(),
                                row.event().payload().maxHr());
                    }
                    nanos[1] += System.nanoTime() - t;
                    t = System.nanoTime();
                    while (pending.size() >= IN_FLIGHT) {
                        await(pending.poll());
                    }
                    nanos[3] += System.nanoTime() - t;
                    if (!rows.isEmpty()) {
                        pending.add(
                                writer.submit(
                                        () -> {
                                            long a = System.nanoTime();
                                            replay.append(rows);
                                            nanos[4] += System.nanoTime() - a;
                                            return null;
                                        }));
                    }
                    t = System.nanoTime();
                    applied += well.isEmpty() ? 0 : wellness.apply(well);
                    nanos[2] += System.nanoTime() - t;
                    read += act.size() + well.size();
                    if (System.nanoTime() - lastLog > PROGRESS_EVERY.toNanos()) {
                        LOG.infof("replay: %d of %d record(s) read", read, total);
                        lastLog = System.nanoTime();
                    }
                }
                long t = System.nanoTime();
                while (!pending.isEmpty()) {
                    await(pending.poll());
                }
                nanos[3] += System.nanoTime() - t;
                t = System.nanoTime();
                activitiesApplied = replay.finish();
                applied += activitiesApplied;
                nanos[5] += System.nanoTime() - t;
            }
            Outcome outcome =
                    new Outcome(
                            read,
                            applied,
                            activitiesApplied,
                            (System.nanoTime() - t0) / 1e9,
                            nanos[0] / 1e9,
                            nanos[1] / 1e9,
                            nanos[2] / 1e9,
                            nanos[3] / 1e9,
                            nanos[4] / 1e9,
                            nanos[5] / 1e9);
            LOG.infof("replay: done, %s", outcome);
            return outcome;
        } finally {
            writer.shutdownNow();
            parsers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void await(Future<?> f) throws SQLException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("replay interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new SQLException("replay writer failed: " + e.getCause(), e.getCause());
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
        return new KafkaConsumer<>(consumerProperties(bootstrap, maxPollRecords));
    }

    /**
     * The replay's consumer settings (also what the replay benchmark's raw-drain baseline uses, so
     * the two read the log alike): manual assignment, no commits, large polls and fetches.
     */
    public static Properties consumerProperties(String bootstrap, int maxPollRecords) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        // larger fetches: a replay reads the whole log, latency does not matter
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        return p;
    }
}
