package io.trainingpipeline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trainingpipeline.analytics.jobs.TopicReplay;
import io.trainingpipeline.analytics.load.ActivityLoad;
import io.trainingpipeline.analytics.load.HrProfile;
import io.trainingpipeline.analytics.load.LoadSettings;
import io.trainingpipeline.analytics.load.RecentMaxHr;
import io.trainingpipeline.analytics.messaging.ActivityBatch;
import io.trainingpipeline.analytics.messaging.RecordParser;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays N synthetic activity events from the in-JVM KRaft broker (testkit) through
 * analytics-service's rebuild path ({@code POST /admin/rebuild}, {@code ./pipeline replay}): {@link
 * TopicReplay} with {@link ActivityBatch} (parse, athlete-local day, HRSS/TRIMP) on the reading
 * thread, DuckDB Appender into an unkeyed table on a writer thread, one set-based merge at the end
 * (keyed upsert, daily loads, processed ids) — and compares the rate with a raw {@link
 * KafkaConsumer} drain of the same topics with the same consumer settings in the same run. The
 * athletes have configured heart-rate profiles (no profile queries per batch), as in production.
 */
public final class ReplayBenchmark {
    private static final int MAX_POLL = 10_000;

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int athletes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.out.printf("ReplayBenchmark: %,d events, %,d athletes%n", events, athletes);
        try (KafkaBroker broker = KafkaBroker.start(3)) {
            broker.createTopics(List.of(Topics.INGEST_ACTIVITY, Topics.INGEST_WELLNESS), 3);
            String bootstrap = broker.bootstrapServers();
            long t0 = System.nanoTime();
            long bytes = produce(bootstrap, events, athletes);
            double produceS = seconds(t0);
            System.out.printf(
                    "produce   : %,10.0f events/s (%.1f s, %,d bytes of JSON)%n",
                    events / produceS, produceS, bytes);

            t0 = System.nanoTime();
            long drained = drain(bootstrap);
            double rawS = seconds(t0);
            double raw = drained / rawS;
            System.out.printf("raw drain : %,10.0f events/s (%.1f s)%n", raw, rawS);
            if (drained != events) {
                throw new IllegalStateException("drained " + drained + " of " + events);
            }

            Path dir = Files.createTempDirectory("replay-bench");
            try {
                Path db = dir.resolve("analytics.duckdb");
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                try (AnalyticsStore store = new AnalyticsStore(db, registry)) {
                    HrProfile profile = new HrProfile(false, 190, 50, 170, false);
                    ActivityBatch batch =
                            new ActivityBatch(
                                    new RecordParser(registry),
                                    new ActivityLoad(LoadSettings.defaults()),
                                    (athlete, asOf, max) -> profile,
                                    athlete -> ZoneOffset.UTC);
                    TopicReplay replay =
                            new TopicReplay(
                                    bootstrap,
                                    store,
                                    batch,
                                    new RecentMaxHr(),
                                    records -> {
                                        throw new IllegalStateException("no wellness events here");
                                    },
                                    MAX_POLL);
                    t0 = System.nanoTime();
                    TopicReplay.Outcome o = replay.run();
                    double pathS = seconds(t0);
                    double path = o.records() / pathS;
                    int rows = store.queries().activityRowCount();
                    System.out.printf(
                            "replay    : %,10.0f events/s (%.1f s, %,d rows in DuckDB)%n",
                            path, pathS, rows);
                    System.out.printf(
                            "            poll %.1f s, parse+load %.1f s, wait for writer %.1f s,"
                                    + " append (writer thread) %.1f s, final merge %.1f s%n",
                            o.pollSeconds(),
                            o.parseSeconds(),
                            o.writerWaitSeconds(),
                            o.appendSeconds(),
                            o.mergeSeconds());
                    if (rows != events || o.applied() != events) {
                        throw new IllegalStateException(
                                "expected " + events + " rows, found " + rows);
                    }
                    double ratio = path / raw;
                    String size = events >= 1_000_000 ? events / 1_000_000 + " M" : events + "";
                    System.out.printf(
                            "BENCH|replay %s activity events into DuckDB (rebuild mode: bulk"
                                    + " append, one merge)|%.0f events/s|raw KafkaConsumer drain"
                                    + " %.0f events/s|%.2fx|>= 0.5x|%s%n",
                            size, path, raw, ratio, ratio >= 0.5 ? "yes" : "no");
                    System.out.printf(
                            "BENCH|replay %s activity events, wall time (rebuild mode)|%.1f s|"
                                    + "raw KafkaConsumer drain %.1f s|%.1f s per 1 M|< 60 s per 1"
                                    + " M|%s%n",
                            size,
                            pathS,
                            rawS,
                            pathS * 1e6 / events,
                            pathS * 1e6 / events < 60 ? "yes" : "no");
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Drains both ingest topics to their end offsets, as the replay's consumer reads them. */
    private static long drain(String bootstrap) {
        Properties p = TopicReplay.consumerProperties(bootstrap, MAX_POLL);
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INGEST_ACTIVITY, Topics.INGEST_WELLNESS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            while (count < total && Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : records) {
                    count += r.value().length > 0 ? 1 : 0; // touch every record
                }
            }
        }
        return count;
    }

    private static long produce(String bootstrap, int events, int athletes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        LocalDateTime base = LocalDateTime.parse("2020-01-01T07:00:00");
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < events; i++) {
                String athlete = "athlete-" + (i % athletes);
                LocalDateTime startLocal = base.plusDays(i / athletes);
                Instant startUtc = startLocal.toInstant(ZoneOffset.UTC);
                String key = "bench-" + i;
                int hr = 120 + (i % 50);
                ActivityRecorded payload =
                        new ActivityRecorded(
                                key,
                                "running",
                                null,
                                "Synthetic run",
                                startLocal,
                                startUtc,
                                3600,
                                3500.0,
                                10000.0,
                                hr,
                                hr + 15,
                                List.of(),
                                Map.of(hr - 10, 900.0, hr, 1800.0, hr + 10, 900.0),
                                60.0,
                                null,
                                null,
                                null);
                EventEnvelope<ActivityRecorded> e =
                        EventEnvelope.wrap(
                                EventIds.of(
                                        EventType.ACTIVITY_RECORDED,
                                        EventSources.SYNTHETIC,
                                        athlete,
                                        key),
                                startUtc,
                                athlete,
                                EventSources.SYNTHETIC,
                                null,
                                payload);
                byte[] json = EventJson.toBytes(e);
                bytes += json.length;
                producer.send(new ProducerRecord<>(Topics.INGEST_ACTIVITY, athlete, json));
            }
            producer.flush();
        }
        return bytes;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
