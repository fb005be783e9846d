package io.trainingpipeline.bench;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import io.trainingpipeline.ingest.fit.FitActivityEvents;
import io.trainingpipeline.ingest.fit.FitActivityReader;
import io.trainingpipeline.ingest.fit.FitContent;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * FIT ingest (ingest-service's decode: sessions, HR histogram, zones, rMSSD; event mapping; JSON;
 * publish to the in-JVM broker with acks=all) against a raw Garmin FIT SDK decode of the same bytes
 * with session and record listeners, both on one thread, in the same run. Prints files/s and the
 * ratio (goal >= 0.8). Argument: number of files (the fixture activities repeated), default 2000.
 */
public final class FitIngestBenchmark {
    private FitIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<byte[]> fixtures = new ArrayList<>();
        FitActivityReader reader = new FitActivityReader(190);
        for (Path p : FitFixtures.valid()) {
            byte[] bytes = FitFixtures.bytes(p);
            if (reader.read(p.toString(), bytes).isActivity()) {
                fixtures.add(bytes);
            }
        }
        List<byte[]> corpus = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            corpus.add(fixtures.get(i % fixtures.size()));
        }
        long mb = corpus.stream().mapToLong(b -> b.length).sum() / (1024 * 1024);
        System.out.printf(
                "%d files (%d MB) from %d fixture activities%n", files, mb, fixtures.size());

        rawDecode(corpus.subList(0, Math.min(200, files))); // warm-up of both paths
        double raw = rate(files, () -> rawDecode(corpus));
        try (KafkaBroker broker = KafkaBroker.start(3);
                KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            broker.createTopics(List.of(Topics.INGEST_ACTIVITY), 3);
            ingest(corpus.subList(0, Math.min(200, files)), reader, producer);
            double ingest = rate(files, () -> ingest(corpus, reader, producer));
            System.out.printf("raw FIT SDK decode        %8.1f files/s  1.00%n", raw);
            System.out.printf(
                    "ingest decode + publish   %8.1f files/s  %.2f%n", ingest, ingest / raw);
        }
    }

    private static void rawDecode(List<byte[]> corpus) {
        for (byte[] bytes : corpus) {
            Decode decode = new Decode();
            MesgBroadcaster b = new MesgBroadcaster(decode);
            int[] count = new int[1];
            b.addListener((com.garmin.fit.SessionMesgListener) m -> count[0]++);
            b.addListener((com.garmin.fit.RecordMesgListener) m -> count[0]++);
            decode.read(new ByteArrayInputStream(bytes), b, b);
        }
    }

    private static void ingest(
            List<byte[]> corpus, FitActivityReader reader, KafkaProducer<String, byte[]> producer) {
        try {
            int i = 0;
            for (byte[] bytes : corpus) {
                FitContent content = reader.read("f" + i++ + ".fit", bytes);
                for (EventEnvelope<ActivityRecorded> e :
                        FitActivityEvents.toEvents("bench", "bench.fit", content)) {
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.INGEST_ACTIVITY, e.athleteId(), EventJson.toBytes(e)));
                }
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double rate(int files, Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return files / ((System.nanoTime() - t0) / 1e9);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
