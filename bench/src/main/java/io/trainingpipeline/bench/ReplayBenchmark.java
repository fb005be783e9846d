package io.trainingpipeline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trainingpipeline.analytics.load.ActivityLoad;
import io.trainingpipeline.analytics.load.HrProfile;
import io.trainingpipeline.analytics.load.LoadSettings;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays N synthetic activity events from the in-JVM KRaft broker (testkit) through the
 * analytics-service consumer path — {@link ActivityBatch} (parse, athlete-local day, HRSS/TRIMP)
 * and {@link AnalyticsStore#applyActivities} (Appender into staging, set-based upsert, daily
 * aggregates, processed ids, one transaction and one offset commit per poll) — and compares the
 * rate with a raw {@link KafkaConsumer} drain of the same topic in the same run.
 */
public final class ReplayBenchmark {
    private static final int MAX_POLL = 5000;

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int athletes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.out.printf("ReplayBenchmark: %,d events, %,d athletes%n", events, athletes);
        try (KafkaBroker broker = KafkaBroker.start(3)) {
            broker.createTopics(List.of(Topics.INGEST_ACTIVITY), 3);
            String bootstrap = broker.bootstrapServers();
            long t0 = System.nanoTime();
            long bytes = produce(bootstrap, events, athletes);
            double produceS = seconds(t0);
            System.out.printf(
                    "produce   : %,10.0f events/s (%.1f s, %,d bytes of JSON)%n",
                    events / produceS, produceS, bytes);

            t0 = System.nanoTime();
            long drained = drain(bootstrap, events, null);
            double rawS = seconds(t0);
            double raw = drained / rawS;
            System.out.printf("raw drain : %,10.0f events/s (%.1f s)%n", raw, rawS);

            Path dir = Files.createTempDirectory("replay-bench");
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
                t0 = System.nanoTime();
                long replayed =
                        drain(
                                bootstrap,
                                events,
                                records -> store.applyActivities(batch.rows(records)));
                double pathS = seconds(t0);
                double path = replayed / pathS;
                int rows = store.queries().activityRowCount();
                System.out.printf(
                        "consumer  : %,10.0f events/s (%.1f s, %,d rows in DuckDB)%n",
                        path, pathS, rows);
                System.out.printf(
                        "ratio consumer path / raw drain = %.3f  (db_lock_seconds mean %.2f ms)%n",
                        path / raw,
                        registry.find("db_lock_seconds")
                                .timer()
                                .mean(java.util.concurrent.TimeUnit.MILLISECONDS));
                if (rows != events) {
                    throw new IllegalStateException("expected " + events + " rows, found " + rows);
                }
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the consumer path does with one poll batch. */
    @FunctionalInterface
    interface BatchSink {
        void accept(ConsumerRecords<String, byte[]> records) throws Exception;
    }

    private static long drain(String bootstrap, int expected, BatchSink sink) throws Exception {
        long polls = 0;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.INGEST_ACTIVITY));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            while (count < expected && Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (sink != null) {
                    sink.accept(records);
                }
                count += records.count();
                polls++;
                consumer.commitSync(); // commit per poll, as the service does
            }
        }
        System.out.printf(
                "            (%,d non-empty polls, %,.0f records per poll)%n",
                polls, (double) count / Math.max(1, polls));
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
